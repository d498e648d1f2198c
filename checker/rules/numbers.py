"""Numbers: a number of the source that the translation changes, drops or adds.

Each aligned bead with both sides non-empty is compared as two multisets of number anchors
(``checker.anchors.numbers``), already normalised to floats: "2,5 millions" = "2.5 million" =
"250万", "onze" = "eleven" = 11, "1er" = "first" = 1, "50 %" = "50 percent". Clock times only
match clock times. Years are numbers too (a changed year is a changed number; the date rules
look at weekdays and months).

What is left unmatched on both sides is paired in reading order: each pair is a changed
number (NUM101, error). What is left on one side only is a dropped (NUM102) or added (NUM103)
number, a warning.

Numbers written in words are weaker evidence than digits: "one", "first", "second" and the
small number words of languages whose number words the extractor cannot read are often
rendered without a number ("erstmals", "a couple", "both"). So a word number below 10 and any
ordinal written in words only ever cancels a counterpart or forms a changed pair with another
non-ordinal number; it is never reported alone. A number on one side whose language has no
number-word reader, facing only such words on the other side, is treated the same way.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..anchors import numbers as _num
from ..anchors import units as _units
from ..langs import language_name
from ..model import Anchor, Severity
from .base import Context, Rule, register

WEAK_WORD_MAX = 10  # word numbers below this are weak evidence (articles, "a couple"...)


def _fmt(v: float) -> str:
    if float(v).is_integer():
        return f"{int(v):,}".replace(",", " ") if abs(v) >= 10000 else str(int(v))
    return f"{v:g}"


def _canonical(v: float) -> float:
    """The value to 12 significant digits: 2.0761 trillion and 2兆761億 are one number, however
    the float arithmetic of scale words rounded them."""
    # unsigned: a minus is often said in words no library lists ("15 degrees below zero", 零下,
    # "20 градусов мороза"), so a sign read on one side only proves nothing
    return float(f"{abs(v):.12g}")


def _values(a: Anchor) -> set:
    """The readings of a number: its value and an alternative separator reading."""
    vals = {_canonical(float(a.value))}
    for f in a.extra:
        if f.startswith("alt:"):
            vals.add(_canonical(float(f[4:])))
    return vals


def _hours(a: Anchor) -> float | None:
    """The number of a whole hour written with an hour word ("à 20 h", "um 21 Uhr", "21 heures",
    "24 hours"), else None."""
    return next((float(f[6:]) for f in a.extra if f.startswith("hours:")), None)


def _h24(a: Anchor) -> int | None:
    return next((int(f[4:]) for f in a.extra if f.startswith("h24:")), None)


def _equal(a: Anchor, b: Anchor) -> bool:
    if (da := _h24(a)) is not None and (db := _h24(b)) is not None and da != db:
        return False  # "9 p.m." is not "9 утра"
    ha, hb = _hours(a), _hours(b)
    if ha is not None or hb is not None:
        # a whole hour is a time of day or a number of hours: "21 Uhr" = "9 p.m." = "21 heures",
        # "en 24 h" = "within 24 hours"; but "3 heures" is not "15 hours"
        if ha is not None and hb is not None:
            if "time" in a.extra or "time" in b.extra:
                return ha % 12 == hb % 12  # "21 heures" = "9 вечера" (9 in the evening)
            return ha == hb
        h, other = (ha, b) if ha is not None else (hb, a)
        if "time" in other.extra:
            return _canonical((h % 12) * 60) in _values(other)
        return _canonical(h) in _values(other)
    if ("time" in a.extra) != ("time" in b.extra):
        # "21.00" (a number that reads as a time of day) is "9 p.m."
        t, other = (a, b) if "time" in a.extra else (b, a)
        return any(f == f"clock:{float(t.value):g}" for f in other.extra)
    return bool(_values(a) & _values(b))


def _loose_equal(a: Anchor, b: Anchor) -> bool:
    """Decades and centuries written differently: "années 70" = "the 1970s", "19. Jahrhundert"
    = "the 1800s" = "19th century", "XX wieku" = "the 1920s" (the century of that decade)."""
    for x, y in ((a, b), (b, a)):
        vx, vy = float(x.value), float(y.value)
        if "decade" in x.extra and vy < 100 and vx % 100 == vy:
            return True
        if "decade" in x.extra and "century" in y.extra and vx == (vy - 1) * 100:
            return True  # "the 1800s" = "the 19th century"
    return False


def _is_word(a: Anchor) -> bool:
    return "word" in a.extra or ("cjk" in a.extra and len(a.text) == 1)


def _weak(a: Anchor) -> bool:
    """Evidence too weak to report on its own: small or ordinal number words, a bare digit 1,
    bare scale words ("a thousand", "millions of"), and numbers that are part of a name
    ("COVID-19", "F-35": the other side may name it in words)."""
    if _is_word(a) and ("ordinal" in a.extra or float(a.value) < WEAK_WORD_MAX):
        return True
    if float(a.value) == 1 and a.text.strip() in ("1", "１") and not a.extra:
        return True  # "1 person" is "one person", "ein Jahr", "un an": an article in words
    return "code" in a.extra or "bare" in a.extra


def _pairable(a: Anchor) -> bool:
    """"first", "second" in words often have no number in the other language ("erstmals")."""
    return not (_is_word(a) and "ordinal" in a.extra and float(a.value) <= 2)


def _words_readable(lang: str) -> bool:
    """True if the extractor reads spelled-out numbers in ``lang``."""
    b = _num._base(lang)
    return b in ("zh", "ja") or _num._text2num_ok(b) or bool(_num._lexicon(b))


def _unit(a: Anchor) -> str | None:
    return next((f[5:] for f in a.extra if f.startswith("unit:")), None)


def _currencies(a: Anchor) -> frozenset:
    return frozenset(f[9:] for f in a.extra if f.startswith("currency:"))


def _converted(a: Anchor, b: Anchor) -> bool:
    """One quantity in two units: "20 miles" = "32 km", "90 °F" = "32 degrés Celsius"."""
    ua, ub = _unit(a), _unit(b)
    if not (ua and ub):
        return False
    va, vb = float(a.value), float(b.value)
    # a temperature's sign where it was read ("-4 °F" = "-20 °C"); either sign where it may not
    # have been ("-4 °F" = "20 degrés sous zéro")
    return any(_units.converts(x, ua, y, ub) for x in {va, -abs(va)} for y in {vb, -abs(vb)}
               if (x == va or va > 0) and (y == vb or vb > 0))


def compare(src: list[Anchor], tgt: list[Anchor]):
    """(pairs, missing, added) of number anchors after cancelling equal values."""
    un_s, left_t = list(src), list(tgt)
    for match in (_equal, _loose_equal, _converted):
        rest = []
        for a in un_s:
            for j, b in enumerate(left_t):
                if match(a, b):
                    del left_t[j]
                    break
            else:
                rest.append(a)
        un_s = rest

    # "in the 50s of the 19th century" = "in the 1850s": a decade also states its century
    def absorbed(a: Anchor, other: list[Anchor]) -> bool:
        return "century" in a.extra and any(
            "decade" in d.extra and float(d.value) >= 100
            and float(d.value) // 100 + 1 == float(a.value) for d in other)
    un_s = [a for a in un_s if not absorbed(a, tgt)]
    left_t = [b for b in left_t if not absorbed(b, src)]
    # a conversion added next to the original ("20 miles (32 km)"), or the original dropped
    un_s = [a for a in un_s if not (_unit(a) and any(_converted(a, b) for b in tgt))]
    left_t = [b for b in left_t if not (_unit(b) and any(_converted(a, b) for a in src))]
    ps = [a for a in un_s if _pairable(a)]
    pt = [b for b in left_t if _pairable(b)]
    pairs = []
    while ps and pt:
        # pair in reading order, a time only with a time, a name's number with a name's
        a = ps.pop(0)
        for j, b in enumerate(pt):
            if all((f in a.extra) == (f in b.extra) for f in ("time", "code")) or \
                    ("code" not in a.extra and "code" not in b.extra
                     and (_hours(a) is not None or _hours(b) is not None)):
                pairs.append((a, b))
                del pt[j]
                break
    paired_s = {id(a) for a, _ in pairs}
    paired_t = {id(b) for _, b in pairs}
    missing = [a for a in un_s if id(a) not in paired_s]
    added = [b for b in left_t if id(b) not in paired_t]
    return pairs, missing, added


def _bead_numbers(ctx: Context):
    """(bead, source numbers, target numbers) of each bead with both sides non-empty."""
    for bead in ctx.beads:
        if bead.source and bead.target:
            yield (bead,) + tuple(ctx.bead_anchors(bead, ("number",)))


def _bead_results(ctx: Context):
    key = "numbers.compare"
    if key not in ctx.cache:
        out = []
        for bead, src, tgt in _bead_numbers(ctx):
            if not src and not tgt:
                continue
            pairs, missing, added = compare(src, tgt)
            out.append((bead, pairs, missing, added))
        ctx.cache[key] = out
    return ctx.cache[key]


def _desc(a: Anchor) -> str:
    if "time" in a.extra:
        return "time"
    if "percent" in a.extra:
        return "percentage"
    if "year" in a.extra:
        return "year"
    return "number"


def _val(a: Anchor) -> str:
    if "time" in a.extra:
        return a.text
    return _fmt(float(a.value)) + ("%" if "percent" in a.extra else "")


@register
class NumberMismatch(Rule):
    """Flags a number that the translation changes.

    What it flags
    -------------
    A number in a source sentence with no equal number in its translation, while the
    translation has a number with no equal in the source: the number was changed. Numbers are
    compared after normalisation (digits of any script, locale separators, scale words, number
    words, percentages), so "2,5 millions" and "2.5 million" or "onze ans" and "11-year" agree.

    Why it matters
    --------------
    A changed figure, amount, age or year is a factual error that a reader cannot detect
    without the source.

    Example
    -------
    Source: "un conflit de onze ans". Translation: "a 12-year conflict". Reported: number 11 in
    the source is 12 in the translation.
    """
    code = "NUM101"
    name = "number-mismatch"
    category = "number"
    severity = Severity.ERROR
    needs = ("alignment", "anchors:number")

    def check(self, ctx: Context) -> Iterator:
        for bead, pairs, _missing, _added in _bead_results(ctx):
            for a, b in pairs:
                yield self.finding(
                    f"{_desc(a)} {_val(a)} in the source is {_val(b)} in the translation "
                    f"(\"{a.text}\" -> \"{b.text}\")",
                    source=ctx.source.span(a.start, a.end), target=ctx.target.span(b.start, b.end))


def _reportable(a, other_lang: str) -> bool:
    """Whether a number found on one side only is worth a finding: not a weak number, and not one
    the other side may state in number words this checker cannot read in ``other_lang``."""
    if _weak(a):
        return False
    if not _words_readable(other_lang) and (
            _is_word(a) or (float(a.value) < WEAK_WORD_MAX and "ordinal" not in a.extra)):
        return False
    return True


@register
class NumberMissing(Rule):
    """Flags a number of the source that the translation drops.

    What it flags
    -------------
    A number written in a source sentence (in digits, or a number word of ten or more) with
    no equal number in the aligned translation and no changed number to pair it with.

    Why it matters
    --------------
    A dropped figure usually means a dropped fact (a toll, an amount, a date).

    Example
    -------
    Source: "Le séisme a fait 120 morts." Translation: "The earthquake killed many people."
    Reported: number 120 of the source is missing from the translation.
    """
    code = "NUM102"
    name = "number-missing"
    category = "number"
    severity = Severity.WARNING
    needs = ("alignment", "anchors:number")

    def check(self, ctx: Context) -> Iterator:
        tl = ctx.target.lang
        for bead, _pairs, missing, added in _bead_results(ctx):
            for a in missing:
                if not _reportable(a, tl):
                    continue
                yield self.finding(
                    f"{_desc(a)} {_val(a)} of the source (\"{a.text}\") is missing from the "
                    f"translation", source=ctx.source.span(a.start, a.end),
                    target=ctx.target.sentence_span(bead.target))


@register
class NumberAdded(Rule):
    """Flags a number in the translation that the source does not have.

    What it flags
    -------------
    A number written in a translated sentence (in digits, or a number word of ten or more)
    with no equal number in the aligned source sentence and no changed number to pair it with.

    Why it matters
    --------------
    An added figure is a fact the author never stated (often a hallucination of the machine
    translation).

    Example
    -------
    Source: "Le séisme a fait de nombreux morts." Translation: "The earthquake killed 120
    people." Reported: number 120 of the translation is not in the source.
    """
    code = "NUM103"
    name = "number-added"
    category = "number"
    severity = Severity.WARNING
    needs = ("alignment", "anchors:number")

    def check(self, ctx: Context) -> Iterator:
        sl = ctx.source.lang
        for bead, _pairs, _missing, added in _bead_results(ctx):
            for b in added:
                if not _reportable(b, sl):
                    continue
                yield self.finding(
                    f"{_desc(b)} {_val(b)} of the translation (\"{b.text}\") is not in the source",
                    source=ctx.source.sentence_span(bead.source),
                    target=ctx.target.span(b.start, b.end))


@register
class NumberSeparators(Rule):
    """Flags a number the translation writes with the source's separators, which its own
    language reads as another value.

    What it flags
    -------------
    A number of three digits after a single separator ("1.000", "2,500") that the translation's
    language reads as a decimal (English "1.000" is one, French "1,000" is one) while the
    source's number, in the source language's convention, is the thousands reading (German
    "1.000" is a thousand): the translation copied the digits without converting them.

    Why it matters
    --------------
    The reader of the translation reads a value a thousand times smaller ("1.000 tonnes");
    the number rules treat the two readings as equal (so nothing else reports it).

    Example
    -------
    Source: "Rund 1.000 Menschen demonstrierten." Translation: "Around 1.000 people
    demonstrated." Reported: "1.000" reads 1 in English; the source's "1.000" is 1000.
    """
    code = "NUM104"
    name = "number-separators"
    category = "number"
    severity = Severity.WARNING
    needs = ("alignment", "anchors:number")

    def check(self, ctx: Context) -> Iterator:
        lang = language_name(ctx.target.lang)
        for bead, src, tgt in _bead_numbers(ctx):
            primaries = {_canonical(float(a.value)) for a in src}
            for b in tgt:
                own = _canonical(float(b.value))
                alts = _values(b) - {own}
                if not alts or own in primaries:
                    continue
                a = next((a for a in src if _canonical(float(a.value)) in alts
                          and _canonical(float(a.value)) > own), None)
                if a is None:
                    continue
                yield self.finding(
                    f"\"{b.text}\" reads {_fmt(float(b.value))} in {lang}; the source's \"{a.text}\" is "
                    f"{_fmt(float(a.value))} (the translation kept the source's separators)",
                    source=ctx.source.span(a.start, a.end), target=ctx.target.span(b.start, b.end))


def _unit_name(unit: str) -> str:
    from babel.units import get_unit_name
    try:
        return get_unit_name(unit, length="long", locale="en") or unit.split("-", 1)[1]
    except Exception:  # noqa: BLE001 - a unit CLDR's English lacks
        return unit.split("-", 1)[1]


def _changed(src, tgt, applies, stated, changed) -> list[tuple[Anchor, Anchor]]:
    """(source, target) pairs of a source number ``applies`` holds for, that the translation
    states nowhere as ``stated``, and a target number that ``changed`` holds for (each target
    number used once)."""
    out = []
    for a in src:
        if not applies(a) or any(stated(a, c) for c in tgt):
            continue
        b = next((b for b in tgt if changed(a, b) and not any(b is y for _, y in out)), None)
        if b is not None:
            out.append((a, b))
    return out


def _measured(a: Anchor) -> str | None:
    """The unit of a quantity, unless it is a generic one (a bare "degrees")."""
    u = _unit(a)
    return u if u and not u.endswith("-generic") else None


def unit_changes(src: list[Anchor], tgt: list[Anchor]) -> list[tuple[Anchor, Anchor]]:
    """(source, target) quantities with one number in two different units of the same kind that
    do not convert into each other ("20 miles" -> "20 km"), where the translation states the
    source's quantity nowhere else (no "20 miles (32 km)")."""
    def changed(a, b):
        ua, ub = _measured(a), _measured(b)
        return bool(ub) and ub != ua and ub.split("-")[0] == ua.split("-")[0] and _equal(a, b)
    return _changed(src, tgt, _measured,
                    lambda a, c: _unit(c) == _unit(a) and _equal(a, c) or _converted(a, c), changed)


def _currencies_at(doc, a: Anchor) -> tuple[int, int]:
    """The amount with its currency: "5 millions de dollars", "$5 million"."""
    from ..anchors.currencies import currency_at
    c = currency_at(doc.text, a.start, a.end, doc.lang)
    if c:
        return c[1], c[2]
    m = re.search(r"([A-Z]{1,3}\$|[^\w\s\d]{1,3}|[A-Z]{3})[\s\u00a0]?$", doc.text[max(0, a.start - 5):a.start])
    return (a.start - len(m.group()) if m else a.start), a.end


def currency_changes(src: list[Anchor], tgt: list[Anchor]) -> list[tuple[Anchor, Anchor]]:
    """(source, target) amounts with one number in currencies that have nothing in common
    ("5 million euros" -> "5 millions de dollars"; "$" and "dollars" agree, as do "¥" and "yuan"),
    where the translation states the source's amount in its currency nowhere else."""
    return _changed(src, tgt, _currencies,
                    lambda a, c: _equal(a, c) and bool(_currencies(c) & _currencies(a)),
                    lambda a, b: bool(_currencies(b)) and not _currencies(b) & _currencies(a) and _equal(a, b))


@register
class UnitChanged(Rule):
    """Flags a quantity whose unit the translation changes without converting its number.

    What it flags
    -------------
    A number with a unit of measurement in the source (a length, mass, temperature, area,
    volume or speed, read from CLDR's unit names in each language: "20 miles", "32 km", "90 °F",
    "5.000 hectáreas") whose translation keeps the number but states another unit of the same
    kind, one the number does not convert into ("20 miles" -> "20 kilomètres"). A converted
    quantity ("20 miles" -> "32 kilomètres", "90 °F" -> "32 °C", give or take rounding) is no
    change: the number rules accept it, and this rule is silent. Likewise an amount whose
    currency changed ("5 million euros" -> "5 millions de dollars"): currencies are read from
    CLDR's symbols and currency names in each language, each as the set of currencies it may
    stand for ("$" and "dollars" agree; "¥" is the yen and the yuan).

    Why it matters
    --------------
    The figure looks right and is wrong: 20 miles are 32 km, 35 °C are 95 °F.

    Example
    -------
    Source: "Winds reached 100 mph." Translation: "Der Wind erreichte 100 km/h." Reported: 100
    miles per hour in the source is 100 kilometers per hour in the translation.
    """
    code = "NUM105"
    name = "unit-changed"
    category = "number"
    severity = Severity.ERROR
    needs = ("alignment", "anchors:number")

    def check(self, ctx: Context) -> Iterator:
        for bead, src, tgt in _bead_numbers(ctx):
            for a, b in unit_changes(src, tgt):
                qa = _units.quantity(ctx.source.text, a.start, a.end, ctx.source.lang) or (None, a.start, a.end)
                qb = _units.quantity(ctx.target.text, b.start, b.end, ctx.target.lang) or (None, b.start, b.end)
                yield self.finding(
                    f"{_val(a)} {_unit_name(_unit(a))} in the source is {_val(b)} "
                    f"{_unit_name(_unit(b))} in the translation: the unit changed, the number was "
                    f"not converted (\"{ctx.source.text[qa[1]:qa[2]]}\" -> \"{ctx.target.text[qb[1]:qb[2]]}\")",
                    source=ctx.source.span(qa[1], qa[2]), target=ctx.target.span(qb[1], qb[2]))
            for a, b in currency_changes(src, tgt):
                qa = _currencies_at(ctx.source, a)
                qb = _currencies_at(ctx.target, b)
                yield self.finding(
                    f"{_val(a)} in the source is {_val(b)} in the translation, in another currency: "
                    f"\"{ctx.source.text[qa[0]:qa[1]]}\" -> \"{ctx.target.text[qb[0]:qb[1]]}\"",
                    source=ctx.source.span(*qa), target=ctx.target.span(*qb))
