"""Terminology: glossary terms rendered as the user's glossary says.

The glossary (``checker.glossary.Glossary``) is loaded by the pipeline from ``--glossary FILE``
or the ``glossary`` configuration key and put in ``ctx.options["glossary"]``; without one the
rule does nothing.
"""
from __future__ import annotations

import functools
import re
from typing import Iterator

from ..langs import profile
from ..model import Finding, Severity
from .base import Context, Rule, register


def _norm(s: str) -> str:
    return s.replace("’", "'").replace("\u00a0", " ")


@functools.lru_cache(maxsize=4096)
def _pattern(term: str, spaces: bool, suffix: bool) -> re.Pattern:
    """Case-insensitive, whitespace-tolerant; whole words where the script has spaces.

    ``suffix`` lets the last word take a short ending (plural, case) in the translation.
    """
    body = r"\s+".join(re.escape(w) for w in _norm(term).split())
    if not spaces:
        return re.compile(body, re.I)
    tail = r"\w{0,3}" if suffix and term[-1:].isalpha() else ""
    return re.compile(rf"(?<!\w){body}{tail}(?!\w)", re.I)


@register
class GlossaryTerm(Rule):
    """Flags a glossary term whose expected rendering is missing from the translation.

    What it flags
    -------------
    A source term of the user's glossary (``--glossary FILE``, CSV or TBX) found in a source
    sentence (case-insensitive, whole words where the script has spaces) whose aligned
    translation contains none of the glossary's renderings for the target language.

    Why it matters
    --------------
    Organisations fix how names of institutions, products and legal terms are translated;
    a synonym that reads well can still be wrong for the publisher, the client or a court.

    Example
    -------
    With the glossary row ``en,fr,Ministry of Defense,ministère des Armées``:
    ``The Ministry of Defense said.`` -> ``Le ministère de la Défense a déclaré.``
    (TERM101: "Ministry of Defense" should be "ministère des Armées").
    """
    code = "TERM101"
    name = "glossary-term"
    category = "terminology"
    severity = Severity.WARNING
    needs = ("alignment", "glossary")

    def check(self, ctx: Context) -> Iterator[Finding]:
        glossary = ctx.options.get("glossary")
        if glossary is None:
            return
        terms = glossary.for_pair(ctx.source.lang, ctx.target.lang)
        if not terms:
            return
        s_spaces = profile(ctx.source.lang).spaces
        t_spaces = profile(ctx.target.lang).spaces
        for bead in ctx.beads:
            if not bead.source or not bead.target:
                continue
            tgt_text = _norm(" ".join(ctx.target.sentences[j].text for j in bead.target))
            for term in terms:
                pat = _pattern(term.source, s_spaces, False)
                hit = None
                for i in bead.source:
                    sent = ctx.source.sentences[i]
                    m = pat.search(_norm(sent.text))
                    if m:
                        hit = (sent.start + m.start(), sent.start + m.end())
                        break
                if hit is None:
                    continue
                if any(_pattern(t, t_spaces, True).search(tgt_text) for t in term.targets):
                    continue
                expected = " or ".join(f'"{t}"' for t in term.targets)
                note = f" ({term.note})" if term.note else ""
                yield self.finding(
                    f'glossary term "{ctx.source.text[hit[0]:hit[1]]}" should be rendered as '
                    f'{expected} in the translation{note}',
                    source=ctx.source.span(*hit),
                    target=ctx.target.sentence_span(bead.target))
