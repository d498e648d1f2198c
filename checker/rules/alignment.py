"""Omission and addition: what the alignment leaves without a counterpart."""
from __future__ import annotations

import re

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
    return f"the {what} renders nothing around it"


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
        for bead in ctx.beads:
            if bead.source and not bead.target:
                for i in bead.source:
                    s = ctx.source.sentences[i]
                    size = _content_size(s.text)
                    sim, _ = _best_other(ctx, "source", i)
                    sev = self.severity if size >= 4 else Severity.WARNING
                    if size <= 1:
                        sev = Severity.INFO
                    yield self.finding(
                        f"source sentence {i + 1} is not rendered in the translation: \"{_short(s.text)}\""
                        f" (expected {_insertion_point(ctx, 'source', i)}; its closest translated sentence"
                        f" has similarity {sim:.2f})",
                        source=ctx.source.span(s.start, s.end), severity=sev,
                        evidence=(("similarity", round(sim, 3)),))


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
        for bead in ctx.beads:
            if bead.target and not bead.source:
                for j in bead.target:
                    s = ctx.target.sentences[j]
                    size = _content_size(s.text)
                    sim, _ = _best_other(ctx, "target", j)
                    sev = self.severity if size >= 4 else Severity.WARNING
                    if size <= 1:
                        sev = Severity.INFO  # a stray word: the repetition rules judge it
                    yield self.finding(
                        f"translation sentence {j + 1} has no counterpart in the source: \"{_short(s.text)}\""
                        f" (it sits {_insertion_point(ctx, 'target', j)}; its closest source sentence"
                        f" has similarity {sim:.2f})",
                        target=ctx.target.span(s.start, s.end), severity=sev,
                        evidence=(("similarity", round(sim, 3)),))
