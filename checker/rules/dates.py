"""Dates: weekdays and months that the translation changes, drops or adds, and weekdays that
contradict the date they are stated with.

Each aligned bead with both sides non-empty compares the *sets* of weekdays and of months
named on each side (``checker.anchors.dates``; a month written as "14.12.2022" or "12月" counts
as the month named "December"). A value stated twice on one side and once on the other is not
a difference. Values left on both sides are paired in reading order (a changed weekday or
month, error); a weekday only in the translation states a different day (error, as in "met on
Wednesday (Thursday in Manila)" for "réunis mercredi"), unless the source has a relative day
word or a date the translator may have resolved ("hier", "le 14"), then it is a warning.

Years are compared by the number rules (NUM101-103): a year is a number, and which plain
integers are years is a guess ("1500 soldiers"). Days of the month are numbers too.

DATE105 checks each side on its own: a full date (year, month, day) stated in the same bead as
weekdays none of which is that date's weekday. Since the weekday changes at a time-zone
boundary (an event on Wednesday evening in Washington is on Thursday in Manila), a weekday one
day off is accepted when the sentence mentions a time zone (UTC, GMT, "EST", CLDR's "{0} time"
words: "heure", "Zeit", "время"...) or states two different weekdays.
"""
from __future__ import annotations

import datetime
import functools
import re
from collections import Counter
from typing import Iterator

from ..anchors import dates as _dates
from ..model import Anchor, Severity
from .base import Context, Rule, register

_WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def _same(a, b) -> bool:
    """Two values of one kind agree; a relative day word of two meanings (Hindi कल, yesterday
    or tomorrow: "yesterday-or-tomorrow") agrees with either."""
    if a == b:
        return True
    if isinstance(a, str) and isinstance(b, str):
        return bool(set(a.split("-or-")) & set(b.split("-or-")))
    return False


def _readings(a: Anchor) -> list:
    """The values an anchor may state: a month of a numeric date that reads either way
    ("12/03/2025" in English: December or March) has two."""
    return [a.value] + [int(f[4:]) for f in a.extra if f.startswith("alt:")]


def _compare(src: list[Anchor], tgt: list[Anchor]):
    """(pairs, only_in_source, only_in_target) by value; one anchor per value and side. A weak
    anchor (a short month name in lower case: Turkish "kasım", which is also a word) may render
    the other side's but is never reported itself."""
    def firsts(anchors):
        seen = {}
        for a in anchors:
            if "weak" not in a.extra:
                seen.setdefault(a.value, a)
        return seen
    s, t = firsts(src), firsts(tgt)
    s_all = {v for a in src for v in _readings(a)}
    t_all = {v for a in tgt for v in _readings(a)}
    only_s = [a for a in s.values() if not any(_same(v, w) for v in _readings(a) for w in t_all)]
    only_t = [b for b in t.values() if not any(_same(v, w) for v in _readings(b) for w in s_all)]
    pairs = list(zip(only_s, only_t))
    return pairs, only_s[len(pairs):], only_t[len(pairs):]


def _bead_dates(ctx: Context, kind: str):
    key = f"dates.compare.{kind}"
    if key not in ctx.cache:
        out = []
        for bead in ctx.beads:
            if not bead.source or not bead.target:
                continue
            src, tgt = ctx.bead_anchors(bead, (kind,))
            if not src and not tgt:
                continue
            src_ctx, tgt_ctx = ctx.bead_anchors(bead, ("relative", "date"))
            out.append((bead, *_compare(src, tgt), src_ctx, tgt_ctx))
        ctx.cache[key] = out
    return ctx.cache[key]


@functools.lru_cache(maxsize=None)
def _name_stems(lang: str, kind: str, value: int) -> frozenset[str]:
    """Four-letter beginnings of the CLDR names of a month or weekday in a language (all widths
    and contexts), from which adjectives and other derived forms start ("lipiec", "lipca" ->
    "lipc"; "środa" -> "środ" of "środowej", Wednesday's)."""
    from babel import Locale, UnknownLocaleError
    try:
        loc = Locale.parse(lang.split("-")[0])
    except (UnknownLocaleError, ValueError):
        return frozenset()
    table = loc.months if kind == "month" else loc.days
    stems = set()
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            name = table.get(context, {}).get(width, {}).get(value, "")
            if len(name) >= 5 and name[:1].isalpha():
                stems.add(name[:4].casefold())
    return frozenset(stems)


def _stem_in(ctx: Context, bead, kind: str, value: int) -> bool:
    """The source sentences hold a word derived from the month's or weekday's name: an adjective
    CLDR does not list ("lipcowym" for July, "środowej" for Wednesday's). For matching only: it
    keeps a translation's month or weekday from being reported as added, never finds one."""
    stems = _name_stems(ctx.source.lang, kind, value)
    text = " ".join(ctx.source.sentences[i].text for i in bead.source)
    return any(w[:4].casefold() in stems for w in re.findall(r"[^\W\d_]{5,}", text))


def _name(kind: str, value) -> str:
    if kind == "relative":
        return value.replace("-or-", " or ")  # "yesterday", "today", "tomorrow"
    return _WEEKDAY_EN[value] if kind == "weekday" else _MONTH_EN[value - 1]


class _DateRule(Rule):
    category = "date"
    needs = ("alignment", "anchors:date")
    kind = ""  # "weekday" or "month", for the shared checks below
    soften_with_context = False

    def check_mismatch(self, ctx: Context) -> Iterator:
        """A source weekday/month that the translation states as a different one."""
        k = self.kind
        label = "relative day" if k == "relative" else k
        for _bead, pairs, _s, _t, _sc, _tc in _bead_dates(ctx, k):
            for a, b in pairs:
                yield self.finding(
                    f"{label} {_name(k, a.value)} in the source is {_name(k, b.value)} in the "
                    f"translation (\"{a.text}\" -> \"{b.text}\")",
                    source=ctx.source.span(a.start, a.end), target=ctx.target.span(b.start, b.end))

    def check_missing(self, ctx: Context) -> Iterator:
        """A source weekday/month the translation does not state at all."""
        k = self.kind
        for bead, _pairs, only_s, _only_t, _sc, tgt_ctx in _bead_dates(ctx, k):
            src_n, tgt_n = (Counter(a.value for a in side) for side in ctx.bead_anchors(bead, (k,)))
            for a in only_s:
                # "the night from Sunday to Monday" rendered as "Sunday night"; but not a day the
                # translation states more often than the source, in the place of this one
                # ("Wednesday (Thursday in Manila)" -> "mercredi (mercredi à Manille)")
                if k == "weekday" and any(0 < tgt_n[n] <= src_n[n]
                                          for n in ((a.value - 1) % 7, (a.value + 1) % 7)):
                    continue
                yield self.finding(
                    f"{k} {_name(k, a.value)} of the source (\"{a.text}\") is missing from the "
                    f"translation", source=ctx.source.span(a.start, a.end),
                    target=ctx.target.sentence_span(bead.target),
                    severity=Severity.INFO if (tgt_ctx and self.soften_with_context) else None)


@register
class WeekdayMismatch(_DateRule):
    """Flags a weekday that the translation changes.

    What it flags
    -------------
    A weekday named in a source sentence while the aligned translation names a different
    weekday and not the source's one (names from CLDR, inflected forms included).

    Why it matters
    --------------
    A wrong day of the week puts an event on another date; readers rarely check it.

    Example
    -------
    Source: "Les ministres se sont réunis mercredi." Translation: "The ministers met on
    Thursday." Reported: weekday Wednesday in the source is Thursday in the translation.
    """
    code = "DATE101"
    name = "weekday-mismatch"
    severity = Severity.ERROR

    kind = "weekday"
    check = _DateRule.check_mismatch


@register
class WeekdayAdded(_DateRule):
    """Flags a weekday in the translation that the source does not state.

    What it flags
    -------------
    A weekday named in a translated sentence that its aligned source does not name, for
    example a second, different day added in brackets.

    Why it matters
    --------------
    The translation then dates the event differently from the source. It is an error, or a
    warning when the source has a relative day ("hier") or a date the translator may have
    turned into a weekday.

    Example
    -------
    Source: "Les ministres se sont réunis mercredi à Moscou." Translation: "The ministers met
    in Moscow on Wednesday (Thursday in Manila)." Reported: weekday Thursday is not in the
    source.
    """
    code = "DATE102"
    name = "weekday-added"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterator:
        for bead, _pairs, _only_s, only_t, src_ctx, _tc in _bead_dates(ctx, "weekday"):
            for b in only_t:
                if _stem_in(ctx, bead, "weekday", b.value):
                    continue  # an adjective of the weekday ("środowej" -> "Wednesday's"), not an added day
                sev = Severity.WARNING if src_ctx else None
                # point at the source's own weekday when it states one ("mercredi"), else the sentence
                src_days = [a for a in ctx.bead_anchors(bead, ("weekday",))[0]]
                src_span = (ctx.source.span(src_days[0].start, src_days[0].end) if src_days
                            else ctx.source.sentence_span(bead.source))
                said = f"; the source says \"{src_days[0].text}\"" if src_days else ""
                yield self.finding(
                    f"weekday {_name('weekday', b.value)} of the translation (\"{b.text}\") is "
                    f"not in the source{said}", source=src_span,
                    target=ctx.target.span(b.start, b.end), severity=sev)


@register
class WeekdayMissing(_DateRule):
    """Flags a weekday of the source that the translation does not state.

    What it flags
    -------------
    A weekday named in a source sentence that its aligned translation does not name at all.

    Why it matters
    --------------
    The reader of the translation loses when the event happened. It is only a warning (an
    info when the translation gives a date or a relative day instead), since a translator may
    legitimately drop a weekday that a date makes redundant.

    Example
    -------
    Source: "Les ministres se sont réunis mercredi." Translation: "The ministers met." Reported:
    weekday Wednesday of the source is missing from the translation.
    """
    code = "DATE106"
    name = "weekday-missing"
    severity = Severity.WARNING

    kind = "weekday"
    soften_with_context = True  # a translation stating a date or a relative day instead: info

    check = _DateRule.check_missing


@register
class RelativeDayMismatch(_DateRule):
    """Flags a relative day (yesterday, today, tomorrow) that the translation changes.

    What it flags
    -------------
    A source sentence that says "yesterday", "today" or "tomorrow" (in its own language: "hier",
    "gestern", "вчера", "昨天"...) while the aligned translation says another of them and not the
    source's one.

    Why it matters
    --------------
    News dates events relative to the day of publication; "today" for "hier" moves the event
    by a day, and no reader can tell.

    Example
    -------
    Source: "Le président a annoncé hier sa démission." Translation: "The president announced
    his resignation today." Reported: relative day yesterday in the source is today in the
    translation.
    """
    code = "DATE104"
    name = "relative-day-mismatch"
    severity = Severity.ERROR

    kind = "relative"
    check = _DateRule.check_mismatch


@register
class MonthMismatch(_DateRule):
    """Flags a month that the translation changes.

    What it flags
    -------------
    A month named (or written as a number in a date) in a source sentence while the aligned
    translation names a different month and not the source's one.

    Why it matters
    --------------
    A wrong month moves an event by weeks; it changes deadlines, anniversaries and timelines.

    Example
    -------
    Source: "le 14 décembre". Translation: "on November 14". Reported: month December in the
    source is November in the translation.
    """
    code = "DATE103"
    name = "month-mismatch"
    severity = Severity.ERROR

    kind = "month"
    check = _DateRule.check_mismatch


@register
class MonthMissing(_DateRule):
    """Flags a month of the source that the translation does not state.

    What it flags
    -------------
    A month named in a source sentence that its aligned translation does not name.

    Why it matters
    --------------
    The translation loses when something happened or is due.

    Example
    -------
    Source: "Les élections auront lieu en mars." Translation: "The elections will take place
    soon." Reported: month March of the source is missing from the translation.
    """
    code = "DATE107"
    name = "month-missing"
    severity = Severity.WARNING

    kind = "month"
    check = _DateRule.check_missing


@register
class MonthAdded(_DateRule):
    """Flags a month in the translation that the source does not state.

    What it flags
    -------------
    A month named in a translated sentence that its aligned source does not name.

    Why it matters
    --------------
    The translation dates something the source leaves undated, or dates it differently. It is a
    warning: a translator sometimes makes an implicit month explicit.

    Example
    -------
    Source: "Les élections auront lieu le 14." Translation: "The elections will take place on
    March 14." Reported: month March of the translation is not in the source.
    """
    code = "DATE108"
    name = "month-added"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator:
        for bead, _pairs, _only_s, only_t, _sc, _tc in _bead_dates(ctx, "month"):
            for b in only_t:
                if _stem_in(ctx, bead, "month", b.value):
                    continue  # an adjective of the month ("lipcowym" -> "July"), not an added month
                yield self.finding(
                    f"month {_name('month', b.value)} of the translation (\"{b.text}\") is not in "
                    f"the source", source=ctx.source.sentence_span(bead.source),
                    target=ctx.target.span(b.start, b.end))


@functools.lru_cache(maxsize=None)
def _zone_words(lang: str) -> tuple[str, ...]:
    """Words that say "... time" in a time-zone name, from CLDR's zone region format."""
    from babel import Locale, UnknownLocaleError
    try:
        loc = Locale.parse(_dates._base(lang))
    except (UnknownLocaleError, ValueError):
        return ()
    fmt = loc._data.get("zone_formats", {}).get("region", "") or ""
    words = [w for w in re.split(r"[\s:{}0()\u00a0]+", fmt.replace("{0}", " ")) if len(w) >= 3]
    return tuple(w.lower() for w in words)


_TZ = re.compile(r"\b(?:UTC|GMT|[A-Z]{1,3}[SD]?T)(?:\s?[+-−]\s?\d{1,2})?\b")


def _mentions_zone(text: str, lang: str) -> bool:
    if _TZ.search(text):
        return True
    low = text.lower()
    return any(w in low for w in _zone_words(lang))


@register
class WeekdayWrongForDate(_DateRule):
    """Flags a weekday that contradicts the full date stated with it.

    What it flags
    -------------
    A translated sentence stating a full date (year, month, day) and one or more
    weekdays, none of which is that date's weekday. A weekday one day off is accepted when the
    sentence mentions a time zone or states two different weekdays (the day changes at a
    time-zone boundary: Wednesday in Moscow can be Thursday in Manila).

    Why it matters
    --------------
    One of the two is wrong, and the reader cannot tell which.

    Example
    -------
    Translation: "The talks took place on Thursday, 14 December 2022." 14 December 2022 was a
    Wednesday. Reported: the translation says Thursday for a Wednesday.
    """
    code = "DATE105"
    name = "weekday-wrong-for-date"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator:
        bead_of = {j: bead for bead in ctx.beads for j in bead.target}
        for j, sent in enumerate(ctx.target.sentences):
            anchors = ctx.target_anchors[j]
            weekdays = [a for a in anchors if a.kind == "weekday" and "weak" not in a.extra]
            if not weekdays:
                continue
            stated = {a.value for a in weekdays}
            for d in (a for a in anchors if a.kind == "date"):
                y, m, day = d.value
                if y is None:
                    continue
                # a date that reads either way is wrong for the weekday only if both readings are
                others = [datetime.date(y, day, m).weekday() for f in d.extra if f.startswith("alt:")]
                try:
                    actual = datetime.date(y, m, day).weekday()
                except ValueError:
                    continue
                if actual in stated or stated & set(others):
                    continue
                tolerant = len(stated) > 1 or _mentions_zone(sent.text, ctx.target.lang)
                if tolerant and any((w - actual) % 7 in (1, 6) for w in stated):
                    continue
                w = weekdays[0]
                # the same contradiction in the source: the translation is faithful
                bead = bead_of.get(j)
                src = ctx.bead_anchors(bead, ("date", "weekday"))[0] if bead else []
                faithful = any(a.kind == "date" and a.value == d.value for a in src) and any(
                    a.kind == "weekday" and a.value == w.value for a in src)
                span = ctx.target.span(min(w.start, d.start), max(w.end, d.end))
                yield self.finding(
                    f"the translation says {_name('weekday', w.value)} (\"{w.text}\") for "
                    f"{d.text}, which is a {_WEEKDAY_EN[actual]}"
                    + (" (so does the source)" if faithful else ""),
                    source=ctx.source.sentence_span(bead.source) if bead else None,
                    target=span, severity=Severity.INFO if faithful else None)
