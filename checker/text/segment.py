"""Sentence segmentation with character offsets into the original text.

Lines are hard boundaries (headlines, bylines, paragraphs); within a line the multilingual
segmenter sentencex splits sentences. ``presegmented`` means one sentence per non-empty line.
"""
from __future__ import annotations

import re

from ..model import Document, Sentence

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    """``(s, e)`` narrowed to exclude surrounding whitespace."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _lines(text: str):
    for m in _LINE.finditer(text):
        s, e = strip_span(text, m.start(), m.end())
        if s < e:
            yield s, e


# In scripts written without spaces, a sentence end followed at once by another sentence (often
# in another script: a passage left untranslated) is not always split by the segmenter.
_UNSPACED_END = re.compile(r"(?<=[。！？])(?=[^\s。！？」』）)】\]\"”’])|(?<=[^\d\s][.!?])(?=[^\W\d_])")


def _split_unspaced(text: str, start: int, end: int):
    pos = start
    for m in _UNSPACED_END.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
            pos = m.start()
    if pos < end:
        yield pos, end


def _split_line(text: str, start: int, end: int, lang: str):
    from ..langs import profile

    if not profile(lang).spaces:
        for s, e in _split_unspaced(text, start, end):
            yield from _split_sentencex(text, s, e, lang)
        return
    yield from _split_sentencex(text, start, end, lang)


def _split_sentencex(text: str, start: int, end: int, lang: str):
    import sentencex

    chunk = text[start:end]
    pos = 0
    for piece in sentencex.segment(lang or "en", chunk):
        piece = piece.strip()
        if not piece:
            continue
        i = chunk.find(piece, pos)
        if i < 0:  # the segmenter normalised something: fall back to the rest of the line
            i = pos
            piece = chunk[pos:].strip()
            if not piece:
                break
        yield start + i, start + i + len(piece)
        pos = i + len(piece)


# A piece ending in an initial or a one-letter title ("M.", "G. O.", "J.") does not end a
# sentence: the segmenter's abbreviation lists miss many of these across languages.
_INITIAL_END = re.compile(r"(?:^|[\s(«\"'.])[^\W\d_]\.$")


def _merge_initials(spans, text):
    out = []
    for s, e in spans:
        prev = text[out[-1][0]:out[-1][1]] if out else ""
        if out and _INITIAL_END.search(prev) and prev[-2].isupper() and text[out[-1][1]:s].strip() == "" \
                and "\n" not in text[out[-1][1]:s] and text[s:e][:1].isupper():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def segment(text: str, lang: str, presegmented: bool = False, name: str = "") -> Document:
    spans = []
    for s, e in _lines(text):
        if presegmented:
            spans.append((s, e))
        else:
            spans.extend(_merge_initials(list(_split_line(text, s, e, lang)), text))
    sentences = tuple(Sentence(i, s, e, text[s:e]) for i, (s, e) in enumerate(spans))
    return Document(text=text, lang=lang, sentences=sentences, name=name)
