"""Omission and addition: what the alignment leaves without a counterpart."""
from __future__ import annotations

import functools
import re

from ..langs import profile
from ..model import Severity
from .base import Context, Rule, register

_WORD = re.compile(r"\w+", re.U)


def _content_size(text: str) -> int:
    """Rough amount of content: words for spaced scripts, characters / 2 otherwise."""
    words = _WORD.findall(text)
    if any(len(w) > 12 for w in words) and len(words) < 3:  # unspaced script
        return len(text) // 2
    return len(words)


def _best_other(ctx: Context, side: str, index: int) -> tuple[float, int | None]:
    """Best cosine of an unaligned sentence against any sentence of the other document nearby."""
    emb = ctx.cache.get("embeddings")
    if emb is None:
        return 0.0, None
    es, et = emb
    if side == "source":
        row, other = es[index], et
    else:
        row, other = et[index], es
    if len(other) == 0:
        return 0.0, None
    sims = other @ row
    j = int(sims.argmax())
    return float(sims[j]), j


def _insertion_point(ctx: Context, side: str, index: int) -> str:
    """Where an unaligned sentence sits relative to the other document, for the message."""
    prev = nxt = None
    for bead in ctx.beads:
        own, other = (bead.source, bead.target) if side == "source" else (bead.target, bead.source)
        if own and own[-1] < index and other:
            prev = other[-1]
        if own and own[0] > index and other and nxt is None:
            nxt = other[0]
    what = "translation" if side == "source" else "source"
    if prev is not None and nxt is not None:
        return f"between {what} sentences {prev + 1} and {nxt + 1}"
    if prev is not None:
        return f"after {what} sentence {prev + 1}"
    if nxt is not None:
        return f"before {what} sentence {nxt + 1}"
    return f"where the {what} has no sentence aligned on either side"


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


@register
class SentenceOmitted(Rule):
    """Flags a source sentence that the translation does not render.

    What it flags
    -------------
    A sentence of the source that the alignment leaves without any counterpart in the
    translation (a 1-0 bead), for example a sentence the machine translation silently dropped.

    Why it matters
    --------------
    A dropped sentence is the hardest defect for a reader to notice and can remove a key fact,
    a quote or a correction.

    Example
    -------
    Source: "Il a démissionné. Le ministre a confirmé." Translation: "He resigned." The second
    sentence is reported as omitted.
    """
    code = "OMI101"
    name = "sentence-omitted"
    category = "omission"
    severity = Severity.ERROR
    needs = ("alignment",)

    def check(self, ctx: Context):
        yield from _unaligned(self, ctx, "source")


@register
class SentenceAdded(Rule):
    """Flags a translation sentence with no counterpart in the source.

    What it flags
    -------------
    A sentence of the translation that the alignment leaves without any source counterpart
    (a 0-1 bead): an invented sentence, an aside, or a garbled fragment.

    Why it matters
    --------------
    Machine translation sometimes invents content ("(Thursday in Manila)"-style asides that grow
    into sentences); a reader takes it for what the newsroom wrote.

    Example
    -------
    Source: "He resigned." Translation: "He resigned. The decision surprised everyone."
    The second sentence is reported as added.
    """
    code = "ADD101"
    name = "sentence-added"
    category = "addition"
    severity = Severity.ERROR
    needs = ("alignment",)

    def check(self, ctx: Context):
        yield from _unaligned(self, ctx, "target")


def _unaligned(rule: Rule, ctx: Context, side: str):
    """A finding per sentence of ``side`` that the alignment leaves without a counterpart.

    Severity follows the amount of content: a stray word (often a garbled duplicate, which the
    repetition rules judge) is info, two or three words a warning, a real sentence the rule's own.
    """
    doc = ctx.source if side == "source" else ctx.target
    for bead in ctx.beads:
        own, other = (bead.source, bead.target) if side == "source" else (bead.target, bead.source)
        if not own or other:
            continue
        for k in own:
            s = doc.sentences[k]
            size = _content_size(s.text)
            sim, _ = _best_other(ctx, side, k)
            sev = rule.severity if size >= 4 else Severity.WARNING if size > 1 else Severity.INFO
            if side == "source":
                what = (f"source sentence {k + 1} is not rendered in the translation: \"{_short(s.text)}\""
                        f" (expected {_insertion_point(ctx, side, k)}; its closest translated sentence")
            else:
                what = (f"translation sentence {k + 1} has no counterpart in the source: \"{_short(s.text)}\""
                        f" (it sits {_insertion_point(ctx, side, k)}; its closest source sentence")
            span = doc.span(s.start, s.end)
            yield rule.finding(f"{what} has similarity {sim:.2f})", severity=sev,
                               source=span if side == "source" else None,
                               target=span if side == "target" else None,
                               evidence=(("similarity", round(sim, 3)),))


_CLAUSE = re.compile(r"[^,;:()\u2013\u2014\uff0c\uff1b\uff1a\uff08\uff09\u3001\u300c\u300d\u300e\u300f\u201c\u201d\u00ab\u00bb\u201e\"]+")


def _clauses(text: str, spaced: bool, min_words: int = 4) -> list[tuple[int, int]]:
    """Offsets of the clauses of a sentence (between commas, semicolons, colons, brackets, dashes,
    quotation marks) long enough to carry content of their own."""
    out = []
    from ..text.segment import strip_span

    for m in _CLAUSE.finditer(text):
        s, e = strip_span(text, m.start(), m.end())
        words = len(text[s:e].split())
        if (spaced and words >= min_words) or (not spaced and e - s >= 2 * min_words):
            out.append((s, e))
    return out


def _anchor_carried(ctx: Context, bead, i: int, a: int, b: int) -> bool:
    """A name or number of the source clause [a, b) (doc offsets) is in the translation of the
    bead and nowhere else in its source sentence: the clause is there, however freely put (the
    encoder alone found "该电站站长段梦琪说" unrendered in "Duan Mengqi, head of the power
    plant, said")."""
    from . import entities as er
    from ..anchors import entities as ent
    from ..langs import profile

    sl, tl = ctx.source.lang, ctx.target.lang
    sent = ctx.source.sentences[i]
    src = [x for x in ctx.source_anchors[i] if x.kind in ("number", "entity")]
    if not profile(sl).capitalises_names:  # a tagger's names (Chinese)
        src += er._candidates(ctx.source, [sent], sl, src)
    _, tgt = ctx.bead_anchors(bead, ["number", "entity"])
    tsents = [ctx.target.sentences[j] for j in bead.target]
    for x in src:
        if not (a <= x.start and x.end <= b):
            continue
        if any(y is not x and y.kind == x.kind and y.value == x.value and not (a <= y.start and y.end <= b)
               for y in src):
            continue  # said outside the clause too: its counterpart may render that mention
        if x.kind == "number":
            if any(y.kind == "number" and y.value == x.value for y in tgt):
                return True
            continue
        if er._romanised_in(x.value, tsents):
            return True
        best = er._best_counterpart(er.Name(x, "source", lang=profile(sl).code), sl, tsents, tl, er.MATCH)
        if best and best[0] >= ent.match_threshold(sl, tl):
            return True
    return False


@register
class ClauseOmitted(Rule):
    """Flags a clause of a source sentence that its translation leaves out.

    What it flags
    -------------
    In an aligned sentence pair, a clause of the source (between commas, semicolons, colons,
    brackets, dashes or quotation marks) that the translation does not render: the translation
    is closer to the source without that clause than with it, and the clause alone is far less
    similar to the translation than the source's other clauses are (multilingual sentence
    encoder).

    Why it matters
    --------------
    Machine translation drops subordinate clauses ("..., who resigned on Monday, ...") without
    any visible break: the sentence still reads well, but a fact is gone.

    Example
    -------
    Source: "Le ministre, qui a démissionné lundi, a quitté Paris." Translation: "The minister
    left Paris." The clause "qui a démissionné lundi" is reported.
    """
    code = "OMI102"
    name = "clause-omitted"
    category = "omission"
    severity = Severity.WARNING
    needs = ("alignment", "encoder")

    MIN_GAIN = 0.02  # the source without the clause is at least this much closer to the translation
    MIN_GAP = 0.2    # the clause is this much less similar than the median of the other clauses
    MAX_RENDERED = 0.35  # ... and no clause of the translation is this similar to it

    def check(self, ctx: Context):
        from ..align.aligner import _covers
        from ..align.encoder import default_encoder
        from ..langs import profile

        encoder = ctx.cache.get("encoder") or default_encoder()
        if not (_covers(encoder, ctx.source.lang) and _covers(encoder, ctx.target.lang)):
            return  # the encoder does not judge these languages well enough for clause-level claims
        spaced = profile(ctx.source.lang).spaces
        join = " " if spaced else ""
        for bead in ctx.beads:
            if not bead.source or not bead.target:
                continue
            for i in bead.source:
                sent = ctx.source.sentences[i]
                spans = _clauses(sent.text, spaced)
                if len(spans) < 2:
                    continue
                target = " ".join(ctx.target.sentences[j].text for j in bead.target)
                texts = [sent.text[s:e] for s, e in spans]
                rests = [join.join(t for k2, t in enumerate(texts) if k2 != k) for k in range(len(texts))]
                # the translation's own clauses: a source clause rendered by one of them is there
                tparts = [target[a:b] for a, b in _clauses(target, profile(ctx.target.lang).spaces, 1)]
                v = encoder.encode(texts + rests + [sent.text, target] + tparts)
                n, m = len(texts), len(tparts)
                tv, full = v[2 * n + 1], float(v[2 * n] @ v[2 * n + 1])
                alone = v[:n] @ tv
                rendered = (v[:n] @ v[2 * n + 2:].T).max(axis=1) if m else alone
                for k, (s, e) in enumerate(spans):
                    others = [float(alone[x]) for x in range(n) if x != k]
                    gap = sorted(others)[len(others) // 2] - float(alone[k])
                    gain = float(v[n + k] @ tv) - full
                    if gain > self.MIN_GAIN and gap > self.MIN_GAP and rendered[k] < self.MAX_RENDERED \
                            and not _anchor_carried(ctx, bead, i, sent.start + s, sent.start + e):
                        yield self.finding(
                            f"the clause \"{_short(texts[k])}\" of source sentence {i + 1} seems not rendered "
                            f"in the translation (the source without it is {gain:.2f} closer to the translation)",
                            source=ctx.source.span(sent.start + s, sent.start + e),
                            target=ctx.target.sentence_span(bead.target),
                            evidence=(("gain", round(gain, 3)), ("gap", round(gap, 3))))


# Traces a dropped word leaves in the punctuation of a sentence ("in .", "according to, ...",
# "()", a sentence opening on a comma). Each is counted on both sides of a bead and reported only
# where the translation has more than the source: a tokenised source ("word .") or a source that
# has empty brackets of its own calibrates them away. Commas and full stops only: no writing
# convention puts a space before those (French does before ; : ! ?, Hindi before its danda).
_GAPS = (
    ("space", re.compile(r"(\w+)[ \t\u00a0]+([,.\u060c])(?![\d.,])"),
     'a word seems to be missing before "{p}" (after "{w}")'),
    # a possessive left without its owner: "the source of 's water" (the name before it dropped)
    ("possessive", re.compile(r"(\w+)[ \t\u00a0]+(['\u2019]s)\b"),
     'a name seems to be missing before "{p}" (after "{w}")'),
    ("brackets", re.compile(r"([(\[\uff08\u300c\u201c\u00ab])\s*([)\]\uff09\u300d\u201d\u00bb])"),
     'empty brackets "{w}{p}": what they enclosed seems to be missing'),
    ("opening", re.compile(r"^([\"'\u201c\u201e\u00ab\u300c]?)\s*([,;:\u060c\u3001\uff0c])"),
     'the sentence opens on "{p}": its first words seem to be missing'),
    ("doubled", re.compile(r"(\w)\s*([,;:\u060c]\s*[,.;:\u060c])(?![.,])"),
     'doubled punctuation "{p}": a word between them seems to be missing'),
)


_MARK = re.compile(r"(\s?)[,.\u060c](?![\d.,])")


def _tokenised(text: str, least: int = 5) -> bool:
    """A text written with a space before most of its commas and full stops ("word , word ."):
    a tokenised corpus or an OCR text, in which such a space is no trace of a dropped word.
    At least ``least`` of them are counted, so that one sentence with "born in ." is no style."""
    marks = [m.group(1) for m in _MARK.finditer(text)]
    return len(marks) >= least and 2 * sum(1 for sp in marks if sp) >= len(marks)


def _function_word(word: str, lang: str) -> bool:
    """A word that needs a complement ("in", "the", "of"), or a language without frequency data
    to tell: a space after it before a full stop is a dropped word, after a content word ("areas .")
    more likely a stray space (reported at info)."""
    from ..anchors import entities as ent

    base = lang.split("-")[0].lower()
    if base not in ent._wordfreq_langs() or ent.profile(base).script not in ent.ALPHABETIC_SCRIPTS:
        return True
    return ent.function_word(word, base)


@functools.lru_cache(maxsize=None)
def _traces(lang: str) -> tuple:
    """The language's own grammar traces of a dropped word (see LanguageProfile.word_traces)."""
    return tuple(("grammar", re.compile(rx), 'a word seems to be missing after "{w}" (before "{p}")')
                 for rx in profile(lang).word_traces)


def _gap_matches(text: str, kind: str, rx) -> list:
    if kind == "opening":
        return list(rx.finditer(text.lstrip()))
    return list(rx.finditer(text))


@register
class WordDropped(Rule):
    """Flags punctuation left behind by a dropped word: "in .", "()", a sentence opening on a comma.

    What it flags
    -------------
    In an aligned sentence pair, a trace in the translation's punctuation of a word or name
    that was deleted: a space before a comma or full stop ("born in ."), empty brackets,
    a sentence that opens on a comma, or doubled punctuation (", ."), when the source has
    fewer of the same kind (a tokenised source, with spaces before every full stop, raises
    nothing).

    Why it matters
    --------------
    A machine translation that cannot render a name or a term sometimes drops it and leaves
    the sentence's punctuation as it was. The sentence still reads as a sentence at a glance,
    and a reader loses who or where.

    Example
    -------
    Source: "Il a été formé à Auckland." Translation: "He was trained in ." The space before
    the full stop, after "in", is reported.
    """
    code = "OMI103"
    name = "word-dropped"
    category = "omission"
    severity = Severity.WARNING
    needs = ("alignment",)

    def check(self, ctx: Context):
        tokenised = _tokenised(ctx.target.text)
        for bead in ctx.beads:
            if not bead.source or not bead.target:
                continue
            src = [ctx.source.sentences[i].text for i in bead.source]
            for kind, rx, message in _GAPS + _traces(ctx.target.lang):
                if kind in ("space", "possessive") and tokenised:
                    continue  # "word ." is how this translation writes throughout, not a trace
                if kind == "possessive" and not profile(ctx.target.lang).possessive_s:
                    continue  # Dutch "'s avonds": no possessive
                have = sum(len(_gap_matches(t, kind, rx)) for t in src)
                found = [(ctx.target.sentences[j], m) for j in bead.target
                         for m in _gap_matches(ctx.target.sentences[j].text, kind, rx)]
                if len(found) <= have:
                    continue
                for sent, m in found[have:] if have else found:
                    sev = self.severity if kind != "space" or _function_word(m.group(1), ctx.target.lang) \
                        else Severity.INFO
                    offset = sent.start + (len(sent.text) - len(sent.text.lstrip()) if kind == "opening" else 0)
                    yield self.finding(
                        message.format(w=m.group(1), p=m.group(2)),
                        source=ctx.source.sentence_span(bead.source),
                        target=ctx.target.span(offset + m.start(), offset + m.end()),
                        severity=sev, evidence=(("trace", kind),))
