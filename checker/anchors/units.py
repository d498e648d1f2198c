"""Units of measurement stated with a number, and conversions between them.

A translation for another market converts units: "20 miles" becomes "32 kilomètres", "90 degrees
Fahrenheit" "32 degrés Celsius", or keeps both ("20 miles (32 km)"). The unit names come from
CLDR's unit patterns in every plural form and width (Babel: "{0} kilomètres", "{0} km", "華氏
{0} 度"); the conversion factors from pint. Only units a news text converts are read: lengths,
masses, temperatures, areas, volumes, speeds and durations ("two decades" = "20 Jahren",
"48 hours" = "deux jours").
"""
from __future__ import annotations

import functools
import itertools
import re

from anyascii import anyascii

from ..langs import profile

# CLDR unit ids read after a number (those a translation converts between measurement systems)
UNITS = (
    "length-kilometer", "length-meter", "length-centimeter", "length-millimeter", "length-mile",
    "length-yard", "length-foot", "length-inch", "length-nautical-mile",
    "mass-kilogram", "mass-gram", "mass-tonne", "mass-ton", "mass-pound", "mass-ounce", "mass-stone",
    "temperature-celsius", "temperature-fahrenheit", "temperature-generic", "angle-degree",
    "area-square-kilometer", "area-square-meter", "area-hectare", "area-acre", "area-square-mile",
    "area-square-foot",
    "volume-liter", "volume-milliliter", "volume-gallon", "volume-cubic-meter",
    "speed-kilometer-per-hour", "speed-mile-per-hour", "speed-knot", "speed-meter-per-second",
    "duration-century", "duration-decade", "duration-year", "duration-month", "duration-week",
    "duration-day", "duration-hour", "duration-minute",
)
# numbers whose CLDR plural categories cover every form of a unit's name (one, two, few, many, other)
_SAMPLES = (0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 102, 1.5)
_SPELLINGS = {"en": ("en_GB",), "pt": ("pt_PT",)}
# the scripts whose words end at a letter that is not one of theirs ("32 kmh" is no "32 km")
_SPACED_SCRIPTS = {"Latn", "Cyrl", "Grek", "Armn", "Geor"}


@functools.lru_cache(maxsize=None)
def _forms(lang: str) -> tuple[dict, list]:
    """({lowercased name after the number: unit id}, [(before, after, unit id)]) for ``lang``."""
    from babel.numbers import format_decimal
    from babel.units import format_unit

    from .entities import zipf
    base = lang.split("-")[0].lower()
    after: dict[str, str] = {}
    around: set[tuple[str, str, str]] = set()
    # British and European spellings besides the default locale's ("kilometres", "quilómetros")
    locales = [base, *_SPELLINGS.get(base, ())]
    for unit in UNITS:
        for width, v, loc in itertools.product(("long", "short", "narrow"), _SAMPLES, locales):
            try:
                s = format_unit(v, unit, width, locale=loc)
                num = format_decimal(v, locale=loc)
            except Exception:  # noqa: BLE001 - a locale or unit CLDR lacks
                continue
            if s.count(num) != 1 or unit in s:
                continue  # Babel's fallback writes the unit id ("32 length-mile")
            pre, post = (p.strip() for p in s.split(num))
            name = (pre or post).lower()
            if not any(c.isalpha() or c == "°" for c in name):
                continue  # "#" for pounds, primes for feet and inches: other things too
            if len(name.rstrip(".")) < 2 and name != "°" and profile(base).script in _SPACED_SCRIPTS:
                continue  # "m", "г.": one letter is many things (not so a Chinese 年, 米)
            if width != "long" and name.isalpha() and len(name) <= 3 and re.search("[aeiouy]", anyascii(name)) \
                    and zipf(name, base) >= 4.5:
                continue  # "in", "mi" (Spanish "my"): words, not abbreviations (unlike "km", "кг")
            if unit == "angle-degree":
                unit = "temperature-generic"  # "90 degrees", "32 Grad": in the news, the weather
            if pre:
                around.add((pre.lower(), post.lower(), unit))
            elif after.setdefault(post.lower(), unit) != unit and unit.startswith("temperature"):
                after[post.lower()] = "temperature-generic"  # "°" names both scales: either
    return after, sorted(around, key=lambda f: -len(f[0]))


@functools.lru_cache(maxsize=None)
def _after_re(lang: str):
    from .entities import CASE_LANGUAGES
    after, _ = _forms(lang)
    if not after:
        return None
    names = sorted(after, key=len, reverse=True)
    stop = r"(?![^\W\d_])" if profile(lang).script in _SPACED_SCRIPTS else ""
    # case languages decline the name ("в 32 километрах"): a long name's stem with an ending
    stem = profile(lang).code in CASE_LANGUAGES
    alts = []
    for n in names:
        if stem and len(n) >= 6 and n.isalpha():
            alts.append(re.escape(n[:-2]) + r"[^\W\d_]{0,4}")
        elif len(n) >= 4 and n.isalpha() and stop:
            alts.append(re.escape(n) + r"[^\W\d_]{0,2}")  # an ending CLDR lacks: "Jahren"
        else:
            alts.append(re.escape(n))
    # "20 miles", "a 300-mile trip", "50-Kilometer-Lauf"
    return re.compile(r"[\s\u00a0]*-?(" + "|".join(alts) + ")" + stop, re.I)


@functools.lru_cache(maxsize=None)
def _longest_first(lang: str) -> tuple[tuple[str, str], ...]:
    """(name, unit id) of the names read after a number, longest first (for declined forms)."""
    return tuple(sorted(_forms(lang)[0].items(), key=lambda x: -len(x[0])))


def unit_at(text: str, start: int, end: int, lang: str) -> str | None:
    """The CLDR unit id of the unit named right after (or around) the number text[start:end]."""
    m = quantity(text, start, end, lang)
    return m[0] if m else None


def quantity(text: str, start: int, end: int, lang: str) -> tuple[str, int, int] | None:
    """(unit id, start, end) of the quantity the number text[start:end] states with a unit:
    "20 miles", "華氏 90 度"; None if no unit is named."""
    if text[start:end].endswith("°"):
        end -= 1  # "35°C": the number reader took the degree sign
    # around first: "華氏 90 度" is Fahrenheit, where "度" alone would be any degree
    around = _forms(lang)[1]
    if around:
        before = text[max(0, start - _WINDOW):start].rstrip().lower()
        tail = text[end:end + _WINDOW]
        low_after = tail.lstrip().lower()
        for pre, post, unit in around:
            if before.endswith(pre) and low_after.startswith(post):
                b0 = start - (len(text[max(0, start - _WINDOW):start]) - len(before)) - len(pre)
                return unit, b0, end + (len(tail) - len(tail.lstrip())) + len(post)
    rx = _after_re(lang)
    if rx and (m := rx.match(text, end)):
        after, _ = _forms(lang)
        name = m.group(1).lower()
        unit = after.get(name) or next((u for n, u in _longest_first(lang)
                                        if len(n) >= 4 and name.startswith(n if len(n) < 6 else n[:-2])), None)
        return (unit, start, m.end()) if unit else None
    return None


_WINDOW = 24  # characters around a number searched for a unit's name

_IN_YEARS = {"duration-decade": 10, "duration-century": 100}  # pint's "decade" is logarithmic


def _pint_name(unit: str) -> str:
    name = unit.split("-", 1)[1]
    if unit in _IN_YEARS:
        return "year"
    if name in ("celsius", "fahrenheit"):
        return "degree_" + name.capitalize()
    if name == "tonne":
        return "metric_ton"
    if name.startswith(("square-", "cubic-")):
        power = "2" if name.startswith("square-") else "3"
        return name.split("-", 1)[1].replace("-", "_") + "**" + power
    if "-per-" in name:
        a, b = name.split("-per-")
        return f"{a.replace('-', '_')}/{b.replace('-', '_')}"
    return name.replace("-", "_")


@functools.lru_cache(maxsize=1)
def _registry():
    import pint
    return pint.UnitRegistry(cache_folder=None)


def _readings(unit: str) -> tuple[str, ...]:
    """A generic temperature ("90 degrees", "32°") is in Celsius or in Fahrenheit."""
    if unit == "temperature-generic":
        return ("temperature-celsius", "temperature-fahrenheit")
    return (unit,)


@functools.lru_cache(maxsize=4096)
def converts(va: float, ua: str, vb: float, ub: str) -> bool:
    """Whether ``va`` ``ua`` converted to ``ub`` is ``vb``, give or take the translator's rounding
    ("20 miles" = 32.2 km: "32 km"; "10 pounds" = 4.54 kg: "4,5 kg" or "5 kg")."""
    if ua == ub or ua.split("-")[0] != ub.split("-")[0]:
        return False
    reg = _registry()
    for ra in _readings(ua):
        for rb in _readings(ub):
            if ra == rb:
                continue
            try:
                q = reg.Quantity(va * _IN_YEARS.get(ra, 1), _pint_name(ra))
                got = float(q.to(_pint_name(rb)).magnitude) / _IN_YEARS.get(rb, 1)
            except Exception:  # noqa: BLE001 - a unit pint does not read
                continue
            if ra.startswith("temperature"):
                close = abs(got - vb) <= 1.5  # whole degrees, from a source value rounded too
            else:
                close = abs(got - vb) <= max(0.1 * max(abs(got), abs(vb)), 1.0 if abs(vb) >= 1 else 0.0)
            if close:
                return True
    return False
