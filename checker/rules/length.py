"""Length: beads whose translation is far longer or shorter than expected, and translations that
stop half-way.

Lengths are counted in letters and digits (spaces and punctuation do not count). The expected
target/source ratio of a bead comes from the document itself when it has at least
``DOC_MIN_BEADS`` two-sided beads (total target length / total source length, with a robust
spread: the median absolute deviation of the beads' log-ratios); otherwise from a per-script
prior (``SCRIPT_DENSITY``) with a fixed sentence-level spread (``PRIOR_SD``).
"""
from __future__ import annotations

import math
import statistics
import unicodedata
from typing import Iterator

import regex

from ..langs import profile
from ..model import Bead, Severity
from .base import Context, Rule, register

DOC_MIN_BEADS = 5
MIN_CHARS = 12          # beads shorter than this on both sides are too short to judge

# Characters a script needs for the same content as English in the Latin script (1.0). Han text
# is about a third as long as its English translation, Japanese (kanji + kana) and Korean a bit
# less dense, Arabic and Hebrew shorter (short vowels unwritten). These are the commonly quoted
# text expansion/contraction factors of localisation practice, rounded; they only serve when a
# document is too short to give its own ratio, and the spread below is wide accordingly.
SCRIPT_DENSITY = {
    "Latn": 1.0, "Cyrl": 1.05, "Grek": 1.1, "Armn": 1.05, "Geor": 1.1,
    "Arab": 0.85, "Hebr": 0.75, "Deva": 1.0, "Beng": 1.0, "Thai": 0.95,
    "Hans": 0.30, "Hant": 0.30, "Jpan": 0.40, "Kore": 0.45,
}
PRIOR_SD = 0.30         # sentence-level spread of log(target/source) around the prior
DOC_SD_FLOOR = 0.15     # the smallest spread a document's own ratio is trusted with
K_INFO, K_WARN = 3.0, 4.5
MIN_FACTOR_INFO, MIN_FACTOR_WARN = 2.0, 3.0   # and at least this many times off
MIN_DIFF = 15           # and at least this many characters of difference


def _chars(s: str) -> int:
    """Letters, digits and the vowel signs of abugidas (Devanagari "ी", Thai "ิ"), which
    ``str.isalnum`` does not count although they are written characters of the word."""
    return sum(ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc") for ch in s)


def _two_sided(ctx: Context) -> list[Bead]:
    return [b for b in ctx.beads if b.source and b.target]


def calibration(ctx: Context) -> tuple[float, float, str]:
    """(expected log ratio, spread, where it comes from) for target/source character counts."""
    cached = ctx.cache.get("length:calibration")
    if cached:
        return cached
    beads = [b for b in _two_sided(ctx)]
    pairs = []
    for b in beads:
        s, t = ctx.bead_text(b)
        cs, ct = _chars(s), _chars(t)
        if cs >= MIN_CHARS and ct > 0:
            pairs.append((cs, ct))
    if len(pairs) >= DOC_MIN_BEADS:
        mu = math.log(sum(t for _, t in pairs) / sum(s for s, _ in pairs))
        logs = [math.log(t / s) for s, t in pairs]
        mad = statistics.median(abs(x - statistics.median(logs)) for x in logs)
        sd = max(1.4826 * mad, DOC_SD_FLOOR)
        out = (mu, sd, "the document's own ratio")
    else:
        ds = SCRIPT_DENSITY.get(profile(ctx.source.lang).script, 1.0)
        dt = SCRIPT_DENSITY.get(profile(ctx.target.lang).script, 1.0)
        out = (math.log(dt / ds), PRIOR_SD, "the usual ratio of the two scripts")
    ctx.cache["length:calibration"] = out
    return out


@register
class LengthRatio(Rule):
    """Flags a sentence whose translation is far longer or shorter than expected.

    What it flags
    -------------
    An aligned sentence pair whose target/source length ratio (letters and digits) is an
    outlier: more than three robust standard deviations from the ratio expected for the language
    pair, and at least twice too long or too short. The expected ratio is the document's own
    (total target length / total source length) when it has five aligned pairs or more, else the
    usual ratio of the two scripts (Chinese text is about a third as long as English).

    Why it matters
    --------------
    A translation much shorter than its source has usually lost content; a much longer one has
    usually gained some (a duplicated clause, an explanation, text from a neighbouring sentence).

    Example
    -------
    "The minister spoke." for "Le ministre a parlé pendant deux heures devant l'Assemblée
    nationale de la réforme des retraites et du budget de l'année prochaine.".
    """
    code = "LEN101"
    name = "length-ratio"
    category = "length"
    severity = Severity.WARNING
    needs = ("alignment",)

    def check(self, ctx: Context) -> Iterator:
        mu, sd, where = calibration(ctx)
        for b in _two_sided(ctx):
            s, t = ctx.bead_text(b)
            cs, ct = _chars(s), _chars(t)
            if ct == 0 or max(cs, ct) < MIN_CHARS or cs == 0:
                continue  # empty translations are UNT103's
            if truncation(ctx, b):
                continue  # LEN102 says more precisely what is wrong
            dev = math.log(ct / cs) - mu
            expected_t = cs * math.exp(mu)
            if abs(ct - expected_t) < MIN_DIFF:
                continue
            factor = math.exp(abs(dev))
            if abs(dev) > K_WARN * sd and factor >= MIN_FACTOR_WARN:
                sev = Severity.WARNING
            elif abs(dev) > K_INFO * sd and factor >= MIN_FACTOR_INFO:
                sev = Severity.INFO
            else:
                continue
            how = "shorter" if dev < 0 else "longer"
            yield self.finding(
                f"the translation is {factor:.1f} times {how} than expected from {where} "
                f"({ct} characters for {cs}, about {expected_t:.0f} expected): "
                f"'{_short(t)}' for '{_short(s)}'",
                source=ctx.source.sentence_span(b.source), target=ctx.target.sentence_span(b.target),
                severity=sev)


_FINAL = ".!?\u2026\u3002\uff01\uff1f\u061f\u06d4\u0964\u0965"
_TRAILERS = "\"'\u00bb\u201d\u2019)]\u300d\u300f\uff09 \t\r\n"


def _ends_final(s: str) -> bool:
    s = s.rstrip(_TRAILERS)
    return bool(s) and s[-1] in _FINAL


@register
class TruncatedTranslation(Rule):
    """Flags a translation that stops half-way.

    What it flags
    -------------
    An aligned sentence pair whose source ends with final punctuation while the translation
    ends without it, and whose translation is less than 60% of the expected length (the
    expected ratio is the one LEN101 uses), or ends on a word no sentence ends with: a function
    word ("de las", "und der") or a rare lowercase word, likely cut off ("pequeñas empr"), that
    the source does not have.

    Why it matters
    --------------
    A translation cut off by a length limit, a failed request or a broken export loses the end
    of the sentence, often the part that carries the news (who said it, what was decided).

    Example
    -------
    "The ministers of Russia, Turkey and Syria met in" for "Les ministres de Russie, de Turquie
    et de Syrie se sont réunis mercredi à Moscou pour la première fois depuis 2011.".
    """
    code = "LEN102"
    name = "truncated-translation"
    category = "omission"
    severity = Severity.WARNING
    needs = ("alignment",)

    def check(self, ctx: Context) -> Iterator:
        _mu, _sd, where = calibration(ctx)
        for b in _two_sided(ctx):
            found = truncation(ctx, b)
            if not found:
                continue
            share, s, t, cut = found
            sev = Severity.ERROR if share < VERY_SHORT else Severity.WARNING
            tail = _tail(t.rstrip(), 30)
            why = f"ends on '{cut}', where no sentence ends" if cut else \
                f"has {share:.0%} of the expected length ({where})"
            yield self.finding(
                f"the translation stops without final punctuation after '{tail}' and {why}; "
                f"the source ends '{_tail(s.rstrip(), 40)}'",
                source=ctx.source.sentence_span(b.source), target=ctx.target.sentence_span(b.target),
                severity=sev)


SHORT = 0.6       # a target below this share of its expected length...
VERY_SHORT = 0.4  # ... (an error below this one)


def truncation(ctx: Context, b: Bead):
    """(share of the expected length, last source sentence, last target sentence) when the
    bead's translation looks cut off, else None."""
    s = ctx.source.sentences[b.source[-1]].text
    t = ctx.target.sentences[b.target[-1]].text
    if not _ends_final(s) or _ends_final(t) or _chars(t) == 0:
        return None
    mu, _sd, _where = calibration(ctx)
    s_all, t_all = ctx.bead_text(b)
    cs, ct = _chars(s_all), _chars(t_all)
    expected_t = cs * math.exp(mu)
    if cs < MIN_CHARS:
        return None
    # shorter than it should be, or short and ending on a word no sentence ends with
    short = ct < SHORT * expected_t and expected_t - ct >= MIN_DIFF
    cut = "" if short or ct >= CUT_SHORT * expected_t else _cut_word(t, s_all, ctx.target.lang)
    if not short and not cut:
        return None
    return ct / expected_t, s, t, cut


CUT_SHORT = 1.25  # a translation ending on a cut word is truncated unless clearly longer than expected


def _cut_word(t: str, source: str, lang: str) -> str:
    """The last word of ``t`` when no sentence ends with it: a function word ("de", "the",
    "и") or a lowercase word so rare it is probably cut off ("empr" for "empresas"), and not a
    word copied from the source (a term, a name). "" otherwise; spaced languages only."""
    from ..anchors.entities import FUNCTION_ZIPF, zipf
    if not profile(lang).spaces:
        return ""
    words = regex.findall(r"[\p{L}\p{M}\p{N}]+", t)
    if not words or not words[-1].isalpha():
        return ""  # "depuis 2011": a number ends it
    w = words[-1]
    if w.lower() in {x.lower() for x in regex.findall(r"[\p{L}\p{M}]+", source)}:
        return ""
    z = zipf(w.lower(), lang)
    if z >= FUNCTION_ZIPF or (w.islower() and len(w) >= 3 and z < RARE_ZIPF):
        return w
    return ""


RARE_ZIPF = 2.0  # a lowercase word rarer than this ending an unfinished sentence is cut off


def _tail(s: str, limit: int) -> str:
    s = " ".join(s.split())
    if len(s) <= limit:
        return s
    cut = s[-limit:]
    if " " in cut and not s[-limit - 1].isspace():
        cut = cut.split(" ", 1)[1]
    return "\u2026" + cut


def _short(s: str, limit: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "\u2026"
