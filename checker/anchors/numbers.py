"""Number anchors: every number a sentence states, as a float in a language-independent form.

``extract(text, lang)`` returns ``Anchor(kind="number", value=float, ...)`` with offsets into
``text``. What it understands, and where the language data comes from:

* digits of every Unicode script (``unicodedata.decimal``: Arabic-Indic, Persian, Devanagari,
  full-width...), read through a same-length "shadow" of the text so offsets never drift;
* decimal and group separators (1,5 / 1.5 / 1 000 / 1 000 / 1'000 / 1.000.000 / ٫ ٬); a lone
  separator followed by exactly three digits ("1.000", "1,000") is read with the language's CLDR
  decimal symbol (Babel): "1.000" is 1000 in German and 1.0 in English;
* scale words from CLDR compact decimal patterns ("2,5 millions", "2.5 million", "3 Mio.",
  "5 миллионов", "250万", "1.5億", "3천만"), and CJK numerals (十一, 两千, 三百五十);
* percentages (%, ٪, and the CLDR unit names "pour cent", "Prozent", "процентов", "yüzde"),
  ordinals (1st, 1er, 1., 1-й, 第一), currency symbols, clock times (value: minutes within a
  12-hour dial, so "14:30" equals "2:30 pm"), numeric dates (the month is left to
  ``anchors.dates``; the day and year stay numbers);
* spelled-out numbers: text2num where it supports the language, else a lexicon generated with
  num2words (with its case and gender forms where it has them), mapped back to offsets.

Flags in ``Anchor.extra``: "percent", "ordinal", "currency:XXX" (one for each currency the
symbol or name may stand for, see ``anchors.currencies``), "year" (a plain integer in
1000-2100), "word" (written in words), "time", "h24:H" (the hour on a 24-hour clock where the
text tells the half of the day: "9 p.m.", "21:00", "9 вечера" by CLDR's periods of the day),
"unit:ID", "cjk". The sign of a number is ignored ("-5%" and "a fall of 5%" both give 5.0:
translations move the sign into words too often), except a temperature's: "-15 degrees" and
"minus 15 Grad" (num2words' word for minus) are -15.0, for conversions ("-4 °F" = "-20 °C");
the number rules still compare values without their sign ("15 Grad unter null" has none).
"""
from __future__ import annotations

import functools
import inspect
import math
import re

import regex
import unicodedata

from ..model import Anchor

# --------------------------------------------------------------------------------------------
# language data (Babel / CLDR)


def _base(lang: str) -> str:
    return (lang or "en").replace("_", "-").split("-")[0].lower()


@functools.lru_cache(maxsize=None)
def _locale(lang: str):
    from babel import Locale, UnknownLocaleError
    try:
        return Locale.parse(_base(lang))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


@functools.lru_cache(maxsize=None)
def _symbols(lang: str) -> tuple[str, str]:
    """(decimal, group) of the language for Latin digits, normalised like the shadow text."""
    loc = _locale(lang)
    try:
        syms = loc.number_symbols["latn"]
    except (KeyError, TypeError):
        syms = loc.number_symbols
    dec = syms.get("decimal", ".")
    grp = syms.get("group", ",")
    return _SHADOW_MAP.get(dec, dec), _SHADOW_MAP.get(grp, grp)


_HARD_SPACES = "\u00a0\u202f\u2009\u2007\u200a"
_SHADOW_MAP = {"\u066b": ".", "\u066c": ",", "\uff0e": ".", "\uff05": "%", "\u066a": "%",
               "\u2019": "'", "\u02bc": "'", "\u2212": "-", "\uff0d": "-"}
for _c in _HARD_SPACES:
    _SHADOW_MAP[_c] = "\u00a0"


def _shadow(text: str) -> str:
    """Same-length copy of ``text`` with every decimal digit as ASCII and separators unified."""
    out = []
    for ch in text:
        if ch.isdigit() and ch not in "0123456789":
            d = unicodedata.decimal(ch, None)
            out.append(str(d) if d is not None else ch)
        else:
            out.append(_SHADOW_MAP.get(ch, ch))
    return "".join(out)


def _strip_pattern(p: str) -> str:
    return p.replace("'", "").replace("\u200f", "").replace("\u200e", "").replace("0", "").strip(
        " \u00a0")


def _compact_words(lang: str):
    """(word, factor, width) of CLDR's compact decimal patterns of ``lang`` ("00 Millionen" under
    10000000: Millionen, 10**6; short "0 M": M, 10**6)."""
    formats = _locale(lang).compact_decimal_formats
    for width in ("long", "short"):
        try:
            by_plural = formats[width]
        except KeyError:
            continue
        for plural in by_plural:
            for key, pat in by_plural[plural].items():
                pattern = getattr(pat, "pattern", str(pat))
                zeros = pattern.count("0")
                word = _strip_pattern(pattern)
                if zeros and word and word != pattern:
                    yield word, float(int(key) // 10 ** (zeros - 1)), width


@functools.lru_cache(maxsize=None)
def _scale_words(lang: str) -> dict[str, float]:
    """Scale words (thousand, million, Millionen, миллиона, mln...) -> factor, from CLDR
    compact decimal patterns."""
    out: dict[str, float] = {}
    for word, factor, width in _compact_words(lang):
        if width == "short" and len(word.rstrip(".")) < 2 and word.isascii():
            continue  # "K", "M", "B": too ambiguous in running text (see _letter_scales)
        w = word.lower()
        if factor < 1000 or (w in out and out[w] != factor):
            continue
        out[w] = factor
    # CLDR gives no short scale for English news style "$5bn": a tiny documented addition.
    if _base(lang) == "en":
        out.setdefault("bn", 1e9)
        out.setdefault("tn", 1e12)
    return out


# languages whose news give years in the Solar Hijri calendar (CLDR's calendar preference for
# Iran and Afghanistan: persian first), which starts at the March equinox of 621/622
_SOLAR_HIJRI = {"fa", "ps"}


@functools.lru_cache(maxsize=None)
def _letter_scales(lang: str) -> dict[str, float]:
    """One-letter scale abbreviations of CLDR's short compact patterns ("K", "M", "B" in English),
    lower-cased: ambiguous in running text ("3m" is three metres), a scale right after a currency
    symbol ("£3m", "$1.2B")."""
    out: dict[str, float] = {}
    for word, factor, width in _compact_words(lang):
        if width == "short" and len(word) == 1 and word.isascii() and word.isalpha():
            out.setdefault(word.lower(), factor)
    return out


@functools.lru_cache(maxsize=None)
def _hour_words(lang: str) -> tuple:
    """(clock words, duration words) written after a number of hours, from CLDR: the literal of
    the hour-only time pattern ("HH 'Uhr'": "21 Uhr" is a time of day) and the day periods
    ("утра", "du soir", "abends"), and the names of the unit hour in every plural form and
    width ("heures", "Stunden", "часов", "hours"). One-letter forms are left out ("ч", "h", "u")."""
    from babel.units import format_unit
    loc = _locale(lang)
    clock: set[str] = set()
    sk = loc.datetime_skeletons.get("H")
    if sk is not None:
        clock.update(w for w in re.findall(r"'([^']+)'", str(sk.pattern)) if len(w.strip()) > 1)
    duration: set[str] = set()
    for value in (0, 1, 2, 3, 5, 11, 21, 1.5):  # a number of every plural category
        for width in ("long", "short", "narrow"):
            try:
                text = format_unit(value, "duration-hour", length=width, locale=loc)
            except Exception:  # noqa: BLE001 - no such width in this locale
                continue
            m = re.match(r"[\d.,\s\u00a0\u202f]+(\S.*)$", text)
            if m and "duration-hour" not in text and len(m.group(1).rstrip(".")) > 1:
                duration.add(m.group(1))
    # the day periods written after an hour ("9 утра", "9 вечера", "9 du soir", "9 abends"):
    # CLDR's format names of the periods of the day (not midnight and noon, which are hours)
    periods = loc.day_periods.get("format", {})
    for width in ("wide", "abbreviated"):
        for key, word in periods.get(width, {}).items():
            if key not in ("midnight", "noon") and len(str(word).strip(". ")) > 1:
                clock.add(str(word))
    return tuple(sorted(clock)), tuple(sorted(duration - clock))


@functools.lru_cache(maxsize=None)
def _hour_word_re(lang: str):
    clock, duration = _hour_words(lang)
    if not clock and not duration:
        return None
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True)) or "(?!)"  # noqa: E731
    return re.compile(r"[\s\u00a0\u202f]*(?:(?P<clock>" + alt(clock) + r")|(?P<duration>" + alt(duration)
                      + r"))(?!\w)", re.I)


@functools.lru_cache(maxsize=None)
def _day_period_words(lang: str) -> dict[str, frozenset]:
    """CLDR's format names of the periods of the day, lower-cased -> their period ids ("утра":
    morning1; French "du matin" is morning1 and night1; "PM": pm)."""
    out: dict[str, set] = {}
    periods = _locale(lang).day_periods.get("format", {})
    for width in ("wide", "abbreviated"):
        for key, word in periods.get(width, {}).items():
            if key not in ("midnight", "noon") and len(str(word).strip(". ")) > 1:
                out.setdefault(str(word).lower(), set()).add(key)
    return {w: frozenset(k) for w, k in out.items()}


@functools.lru_cache(maxsize=None)
def _period_after_re(lang: str):
    words = sorted(_day_period_words(lang), key=len, reverse=True)
    return re.compile(r"[\s\u00a0\u202f]+(" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I) if words else None


@functools.lru_cache(maxsize=None)
def _period_before_re(lang: str):
    from ..langs import profile
    words = sorted(_day_period_words(lang), key=len, reverse=True)
    edge = r"(?<!\w)" if profile(lang).spaces else ""  # 会议下午3点: no space before a period
    return re.compile(edge + "(" + "|".join(map(re.escape, words)) + r")[\s\u00a0\u202f]*$", re.I) if words else None


def _period_next_to(text: str, start: int, end: int, lang: str) -> str | None:
    """The period of the day written right before or right after a time ("下午3点", "9 مساءً")."""
    text = text.replace("'", "’")  # "'s avonds" typed with a straight apostrophe
    if (rx := _period_after_re(lang)) and (m := rx.match(text, end)):
        return m.group(1).lower()
    if (rx := _period_before_re(lang)) and (m := rx.search(text[max(0, start - 16):start])):
        return m.group(1).lower()
    return None


@functools.lru_cache(maxsize=4096)
def _hour_of_day(h: int, periods: frozenset, lang: str) -> int | None:
    """The hour on a 24-hour clock of hour ``h`` said with a period of the day: "9 вечера" is 21,
    "3 ночи" 3, "11 ночи" 23 (CLDR's rules of each language's periods); None if both halves fit."""
    import datetime

    from babel.dates import get_period_id
    def within(hh):
        pid = get_period_id(datetime.time(hh, 1), locale=_locale(lang))
        return pid in periods or ("am" in periods and hh < 12) or ("pm" in periods and hh >= 12)
    fits = [hh for hh in (h % 12, h % 12 + 12) if within(hh)]
    if len(fits) == 1:
        return fits[0]
    if not fits:
        # said past the period's edge ("8 de la tarde" is 20:00, CLDR's tarde ends at 20): the
        # half of the day the period lies in
        hours = [hh for hh in range(24) if within(hh)]
        if hours and all(hh >= 12 for hh in hours):
            return h % 12 + 12
        if hours and all(hh < 12 for hh in hours):
            return h % 12
    return None


@functools.lru_cache(maxsize=None)
def _minus_word(lang: str) -> str:
    """The word for minus before a number, from num2words ("minus", "moins", "минус", "eksi")."""
    try:
        from num2words import num2words
        neg, pos = num2words(-15, lang=_base(lang)), num2words(15, lang=_base(lang))
    except Exception:  # noqa: BLE001 - a language num2words lacks or fails on
        return ""
    return neg[:len(neg) - len(pos)].strip().lower() if neg.endswith(pos) else ""


_MINUS_BEFORE = re.compile(r"(?:^|[\s(\[])[-−‒–]$")


def _negative(text: str, start: int, lang: str) -> int | None:
    """Where the minus sign or word before the number at ``start`` begins ("-15", "minus 15"),
    or None."""
    if _MINUS_BEFORE.search(text[max(0, start - 2):start]):
        return start - 1
    word = _minus_word(lang)
    if not word:
        return None
    window = text[max(0, start - len(word) - 2):start]
    before = window.rstrip().lower()
    if before.endswith(word) and not before[:-len(word)][-1:].isalnum():
        return start - len(window) + len(before) - len(word)
    return None


def _half_of_day(h: int, suffix: str) -> int:
    """24-hour hour of "9 a.m." / "9 p.m."."""
    return h % 12 + (12 if suffix.strip().lower().startswith("p") else 0)


def _lcp(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _scale_of(word: str, lang: str) -> float | None:
    """Factor of a scale word, also for inflected forms sharing a long stem with a CLDR form
    ("миллионами" ~ "миллион"); the longest shared stem wins."""
    table = _scale_words(lang)
    w = word.lower()
    if w in table:
        return table[w]
    if w.rstrip(".") in table:
        return table[w.rstrip(".")]
    best, best_len = None, 0
    for form, factor in table.items():
        f = form.rstrip(".")
        n = _lcp(w, f)
        if n >= 5 and n >= len(f) - 1 and len(w) - n <= 3 and n > best_len:
            best, best_len = factor, n
    if best is None and w.endswith(".") and len(w) >= 4:
        # an abbreviation is a scale word's beginning and a dot ("εκατ." for εκατομμύρια), when
        # the scale words it begins agree
        factors = {factor for form, factor in table.items() if form.startswith(w[:-1]) and len(form) > len(w)}
        if len(factors) == 1:
            best = factors.pop()
    return best


@functools.lru_cache(maxsize=None)
def _percent_words(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words after the number, words before it) meaning "percent", from CLDR unit names."""
    from babel.units import format_unit
    after, before = set(), set()
    for n in (0, 1, 2, 3, 5, 11, 21, 1.5):
        try:
            s = format_unit(n, "percent", "long", locale=_base(lang))
        except Exception:  # noqa: BLE001 - a locale without unit data
            continue
        m = re.search(r"[\d.,\u00a0\u202f]+", s)
        if not m:
            continue
        pre, post = s[:m.start()].strip(" \u00a0\u200f\u200e"), s[m.end():].strip(" \u00a0\u200f\u200e")
        if post and not re.fullmatch(r"[%٪\u061c]+", post):
            after.add(post.lower())
        if pre and not re.fullmatch(r"[%٪\u061c]+", pre):
            before.add(pre.lower())
    b = _base(lang)
    # CLDR's English unit name lacks the British spelling; zh/ko fall back to English in CLDR;
    # CLDR's Arabic "بالمائة" has a newer spelling (المئة) and a form with في, both in the press
    extra_after = {"en": {"per cent"}, "ko": {"퍼센트"},
                   "ar": {"بالمئة", "في المائة", "في المئة"}}.get(b, set())
    extra_before = {"zh": {"百分之"}}.get(b, set())
    if b in ("zh", "ko"):
        after.discard("percent")
    return (tuple(sorted(after | extra_after, key=len, reverse=True)),
            tuple(sorted(before | extra_before, key=len, reverse=True)))


@functools.lru_cache(maxsize=None)
def _currency_symbols() -> dict[str, str]:
    from babel import Locale
    out = {}
    for lg in ("en", "fr", "de", "ru", "ja", "zh", "ko", "hi", "tr", "pl", "he", "uk", "ar"):
        for code, sym in Locale.parse(lg).currency_symbols.items():
            if sym and sym != code and not sym.isalpha() or (sym and not sym.isascii()
                                                               and len(sym) <= 3):
                out.setdefault(sym, code)
    out["$"] = "USD"
    out["US$"] = "USD"
    return out


def _iso_code(code: str) -> bool:
    from .currencies import _current
    return code in _current()


def _currency_flags(sym: str, cur: dict[str, str]) -> set[str]:
    """"currency:XXX" for every currency CLDR writes as ``sym`` ("$": the dollars and pesos)."""
    from .currencies import symbol_codes
    codes = symbol_codes().get(sym)
    if codes is None and sym.endswith("$"):
        codes = symbol_codes()["$"]  # "S$", a dollar CLDR writes otherwise
    return {"currency:" + c for c in codes or {cur.get(sym, sym)}}


# --------------------------------------------------------------------------------------------
# spelled-out numbers


@functools.lru_cache(maxsize=None)
def _text2num_ok(lang: str) -> bool:
    try:
        from text_to_num import find_numbers
        find_numbers([_Tok("x", 0, 1, False)], _base(lang), 0)
        return True
    except Exception:  # noqa: BLE001 - unsupported language or no text2num
        return False


def _lexicon(lang: str) -> dict[str, tuple[float, bool]]:
    """word -> (value, is_ordinal) generated with num2words for languages text2num lacks,
    with every case / gender form the converter offers (Russian "трёх", "двумя")."""
    return _generated(lang)[0]


def _phrases(lang: str) -> dict[tuple[str, ...], tuple[float, bool]]:
    """Numbers num2words writes in several words, as word tuples -> (value, is_ordinal): Arabic
    and Hebrew 11-19 ("خمسة عشر", "אחת עשרה"), read as one number, not as their first word."""
    return _generated(lang)[1]


@functools.lru_cache(maxsize=None)
def _generated(lang: str) -> tuple[dict, dict]:
    try:
        from num2words import CONVERTER_CLASSES
    except ImportError:
        return {}, {}
    b = _base(lang)
    conv = CONVERTER_CLASSES.get(b)
    if conv is None:
        return {w: (float(v), False) for w, v in _DECLINED.get(b, {}).items()}, {}
    values = list(range(1, 21)) + list(range(30, 100, 10)) + list(range(100, 1000, 100)) + [1000]
    kw_sets = [{}]
    for fn in (conv.to_cardinal,):
        params = inspect.signature(fn).parameters
        if "case" in params or any(p.kind == p.VAR_KEYWORD for p in params.values()):
            cases = ["n", "g", "d", "a", "i", "p", "nominative", "genitive", "dative",
                     "accusative", "instrumental", "locative", "prepositional"]
            genders = ["m", "f", "n"] if "gender" in params else [None]
            kw_sets = [{"case": c, **({"gender": g} if g else {})} for c in cases for g in genders]
        elif "gender" in params:
            kw_sets = [{"gender": g} for g in ("m", "f", "n", "masc", "fem")]
    seen: dict[str, set] = {}
    multi: dict[tuple[str, ...], set] = {}
    scaled: list[tuple[str, float]] = []  # "одной тысячи": the scale word of "one thousand"
    for v in values + [10 ** 6, 10 ** 9]:
        for to in ("cardinal", "ordinal"):
            fn = getattr(conv, "to_" + to)
            for kw in kw_sets:
                try:
                    s = fn(v, **kw)
                except Exception:  # noqa: BLE001 - an unsupported form
                    continue
                s = str(s).strip().lower()
                if v >= 1000 and to == "cardinal" and len(s.split()) == 2:
                    scaled.append((s, float(v)))
                if " " in s and "-" not in s and v < 1000:
                    multi.setdefault(tuple(s.split()), set()).add((float(v), to == "ordinal"))
                if not s or " " in s or "-" in s:
                    continue
                seen.setdefault(s, set()).add((float(v), to == "ordinal"))
    for s, v in scaled:
        one, word = s.split()
        if seen.get(one) == {(1.0, False)}:
            seen.setdefault(word, set()).add((v, False))
    for w, v in _DECLINED.get(b, {}).items():
        seen.setdefault(w, set()).add((float(v), False))
    out = {w: next(iter(vals)) for w, vals in seen.items() if len(vals) == 1 and len(w) >= 2}
    for w, v in list(out.items()):
        out.setdefault(w.replace("ё", "е"), v)  # Russian is mostly printed without "ё"
    return out, {p: next(iter(vals)) for p, vals in multi.items() if len(vals) == 1}


_VOWELS = set("aeiouyąęóěéíáůýäöüåæøıâîûàèìòùаеёиоуыэюяіїєѣ")


@functools.lru_cache(maxsize=None)
def _stems(lang: str) -> dict[str, tuple[float, bool]]:
    """Stems of the lexicon's longer words ending in a vowel, for declined forms of ordinals
    and numerals ("dwudziesty" -> "dwudziest-e", "czterech" from "cztery")."""
    out: dict[str, set] = {}
    for w, v in _lexicon(lang).items():
        if len(w) >= 5 and w[-1] in _VOWELS:
            out.setdefault(w[:-1], set()).add(v)
    return {k: next(iter(v)) for k, v in out.items() if len(v) == 1}


# The definite article written as a prefix: Arabic "الخامس" (the fifth); num2words writes
# Arabic ordinals without it (Hebrew ones with it already).
_ARTICLE_PREFIX = {"ar": "ال"}


def _without_article(w: str, lang: str) -> str | None:
    """The word without the language's prefixed definite article ("الخامس" -> "خامس"), or None."""
    art = _ARTICLE_PREFIX.get(_base(lang))
    return w[len(art):] if art and w.startswith(art) and len(w) > len(art) + 2 else None


def _lex_lookup(word: str, lex: dict, lang: str):
    w = word.lower()
    hit = lex.get(w)
    if hit is None and (bare := _without_article(w, lang)):
        hit = lex.get(bare)
    if hit or _base(lang) not in _INFLECTING_NUMERALS:
        return hit
    stems = _stems(lang)
    for cut in (1, 2, 3):
        if len(w) - cut >= 4 and w[len(w) - cut] in _VOWELS and w[:len(w) - cut] in stems:
            return stems[w[:len(w) - cut]]
    return None


# Languages whose numerals decline beyond what num2words generates.
_INFLECTING_NUMERALS = {"pl", "cs", "sk", "sl", "hr", "sr", "bs", "uk", "be", "ru", "lt", "lv",
                        "fi", "et", "hu", "tr"}
# Oblique forms of the commonest cardinals that num2words does not generate (it gives the
# nominative only for these languages), and Hindi, which num2words lacks: a short list.
_DECLINED = {
    "pl": {"jedna": 1, "jedno": 1, "jednej": 1, "dwie": 2, "dwóch": 2, "dwu": 2, "dwom": 2, "dwóm": 2, "dwoma": 2, "dwiema": 2, "dwaj": 2,
           "trzech": 3, "trzem": 3, "trzema": 3, "trzej": 3, "czterech": 4, "czterem": 4,
           "czterema": 4, "czterej": 4, "pięciu": 5, "pięcioma": 5, "sześciu": 6, "siedmiu": 7,
           "ośmiu": 8, "dziewięciu": 9, "dziesięciu": 10},
    "cs": {"jedna": 1, "jedno": 1, "dvě": 2, "dvou": 2, "dvěma": 2, "tří": 3, "třech": 3, "třem": 3, "třemi": 3, "čtyř": 4,
           "čtyřech": 4, "čtyřem": 4, "čtyřmi": 4, "pěti": 5, "šesti": 6, "sedmi": 7, "osmi": 8,
           "devíti": 9, "deseti": 10},
    "hi": {"दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "पाँच": 5, "छह": 6, "छः": 6, "सात": 7,
           "आठ": 8, "नौ": 9, "दस": 10, "बीस": 20, "सौ": 100},
}


class _Tok:
    __slots__ = ("s", "start", "end", "sep", "notnum")

    def __init__(self, s, start, end, sep, notnum=False):
        self.s, self.start, self.end, self.sep, self.notnum = s, start, end, sep, notnum

    def text(self):
        return self.s

    def nt_separated(self, previous):
        return self.sep

    def not_a_number_part(self):
        return self.notnum


# words with their combining marks (Hindi "बीस", "पाँच": vowel signs are no \w in Python)
_WORD_RE = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)*")
# "and a half" between a number and its scale word (a tiny list: CLDR has no such data)
# "one and a half" in one word, before a scale word ("полтора миллиарда") or alone: text2num and
# num2words have no fractions, and CLDR no number words
_ONE_AND_A_HALF = {"ru": r"полтор[аы]", "uk": r"півтор[аи]", "pl": r"półtor(?:a|ej)", "de": r"(?:anderthalb|eineinhalb)",
                   "nl": r"anderhalf", "cs": r"(?:jeden\s+a\s+půl|jedna\s+a\s+půl|půldruhé(?:ho)?)"}
_HALF = {"en": r"and\s+a\s+half", "fr": r"et\s+demie?", "es": r"y\s+medio", "it": r"e\s+mezzo",
         "pt": r"e\s+meio", "nl": r"en\s+een\s+half", "de": r"einhalb", "ru": r"с\s+половиной",
         "uk": r"з\s+половиною", "pl": r"i\s+pół", "cs": r"a\s+půl"}


@functools.lru_cache(maxsize=None)
def _calendar_phrases(lang: str):
    """A regex of CLDR's month and weekday names of several words (some hold number words:
    "كانون الثاني"), None if the language has none."""
    from .dates import _names
    forms = sorted({form for form, _kind, _value, _abbr in _names(lang) if " " in form}, key=len, reverse=True)
    return re.compile("|".join(re.escape(f) for f in forms), re.I) if forms else None


def _word_numbers(text: str, lang: str, taken: list[tuple[int, int]]):
    """(start, end, value, ordinal) of spelled-out numbers not overlapping ``taken``."""
    toks: list[_Tok] = []
    prev_end = 0
    for m in _WORD_RE.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            prev_end = m.end()
            toks.append(_Tok("|", m.start(), m.end(), True, True))
            continue
        gap = text[prev_end:m.start()]
        sep = bool(toks) and not re.fullmatch(r"[\s\-‐]*", gap)
        toks.append(_Tok(m.group(), m.start(), m.end(), sep))
        prev_end = m.end()
    out = []
    b = _base(lang)
    if _text2num_ok(b):
        from text_to_num import find_numbers
        for occ in find_numbers(toks, b, 0):
            seg = toks[occ.start:occ.end]
            if any(t.notnum for t in seg):
                continue
            out.append((seg[0].start, seg[-1].end, float(occ.value), bool(occ.is_ordinal),
                        len(seg)))
    else:
        lex = _lexicon(b)
        if lex:
            out.extend(_lexicon_numbers(toks, lex, b))
    return out


def _phrase_at(toks, i: int, lang: str):
    """(value, ordinal, length) of a several-word number starting at token i ("خمسة عشر")."""
    phrases = _phrases(lang)
    for k in (3, 2):
        seg = toks[i:i + k]
        if len(seg) < k or any(t.notnum for t in seg) or any(t.sep for t in seg[1:]):
            continue
        words = [t.s.lower() for t in seg]
        hit = phrases.get(tuple(words))
        if hit is None and (bare := _without_article(words[0], lang)):
            hit = phrases.get((bare, *words[1:]))  # "الخامس عشر": the fifteenth
        if hit:
            return hit[0], hit[1], k
    return None


def _lexicon_numbers(toks, lex, lang):
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        phrase = _phrase_at(toks, i, lang) if not t.notnum else None
        hit = phrase[:2] if phrase else _lex_lookup(t.s, lex, lang) if not t.notnum else None
        if not hit:
            i += 1
            continue
        total, cur, last = 0.0, hit[0], hit[0]
        ordinal = hit[1]
        j = i + (phrase[2] if phrase else 1)
        while j < len(toks) and not toks[j].sep and not ordinal:
            nxt = _lex_lookup(toks[j].s, lex, lang)
            if not nxt:
                break
            v = nxt[0]
            if v == 1000:
                total += (cur or 1) * v
                cur, last = 0.0, v
            elif _magnitude(v) < _magnitude(last) or (last >= 100 and v < 100):
                cur += v
                last = v
            else:
                break
            ordinal = nxt[1]
            j += 1
        out.append((t.start, toks[j - 1].end, total + cur, ordinal, j - i))
        i = j
    return out


_CODE_BEFORE = re.compile(r"(?:[A-Za-zÀ-ÿĀ-ſА-яЁёΑ-ω][-‐'’]?)$")
_FRACTION = re.compile(r"(?:\s?(?P<v>[½⅓⅔¼¾])|\s(?P<n>[1-3])/(?P<d>[2-4])(?!\d))")
_DECADE = re.compile(r"['’]?s\b")
# Words for "century" (CLDR has none): a short list for the languages met most.
_CENTURY = {"en": r"centur", "fr": r"si[èe]cle", "de": r"jahr\w{0,2}und", "es": r"siglo", "pt": r"s[ée]culo",
            "it": r"secol", "nl": r"eeuw", "pl": r"wiek", "cs": r"stolet", "ru": r"век",
            "uk": r"століт", "tr": r"yüzy", "zh": r"世纪|世紀", "ja": r"世紀", "ko": r"세기"}
_ROMAN = re.compile(r"(?<![\w-])([IVXL]{1,6})(e|er|ème|è|ᵉ)?(?![\w-])")


def _century_after(after: str, b: str) -> bool:
    pat = _CENTURY.get(b)
    return bool(pat and re.match(r"(?:[\s\u00a0]*|\.?\s+|-?)(?:" + pat + r")", after, re.I))


def _century_before(before: str, b: str) -> bool:
    pat = _CENTURY.get(b)
    return bool(pat and re.search(r"(?:" + pat + r")\w*\s+$", before, re.I))


def _roman_value(r: str) -> int | None:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, ch in enumerate(r):
        v = vals[ch]
        total += -v if i + 1 < len(r) and vals[r[i + 1]] > v else v
    return total if 0 < total <= 40 else None


# letters with their combining marks (Devanagari "लाख": its vowel sign is no \w in Python) and a
# final abbreviation mark ("Mio.", Devanagari "क॰")
_SCALE_RE = regex.compile(r"[\s\u00a0]*([\p{L}\p{M}]+[.\u0970]?)")


def _apply_scale(text: str, e: int, value: float, b: str) -> tuple[float, int, bool]:
    """Apply a scale word after ``text[:e]`` ("2,5 millions", "two and a half million",
    "deux millions et demi"): (value, new end, scaled?)."""
    half = _HALF.get(b)
    after = text[e:]
    if half and (hm := re.match(r"[\s\u00a0]*" + half + r"(?=\s)", after, re.I)):
        sm = _SCALE_RE.match(after[hm.end():])
        if sm and (f := _scale_of(sm.group(1), b)):
            return (value + 0.5) * f, e + hm.end() + _scale_end(sm, b), True
    sm = _SCALE_RE.match(after)
    if not sm or not (f := _scale_of(sm.group(1), b)):
        return value, e, False
    e += _scale_end(sm, b)
    value *= f
    # a larger scale word right after multiplies: "3 mil milhões" (3 billion, Portugal),
    # "2 लाख करोड़" (2 lakh crore, 2 trillion)
    if (sm2 := _SCALE_RE.match(text[e:])) and (f2 := _scale_of(sm2.group(1), b)) and f2 > f:
        value *= f2
        e += _scale_end(sm2, b)
    if half and (hm := re.match(r"[\s\u00a0]*" + half + r"(?!\w)", text[e:], re.I)):
        value += 0.5 * f
        e += hm.end()
    return value, e, True


def _scale_end(sm, b: str) -> int:
    """End of a scale-word match, keeping a final "." only when the CLDR form has it."""
    word = sm.group(1)
    if word.endswith(".") and word.lower() not in _scale_words(b):
        return sm.end() - 1
    return sm.end()


@functools.lru_cache(maxsize=None)
def _hundred_word(lang: str) -> str:
    """The word for a hundred (num2words' last word of 100: "hundred", "cien"), "" if unknown."""
    try:
        from num2words import num2words
        return num2words(100, lang=lang).split()[-1].lower()
    except Exception:  # noqa: BLE001 - a language num2words lacks
        return ""


def _plural_hundred(word: str, lang: str) -> bool:
    """"Hundreds", "cientos", "Hunderte": the word for a hundred with a plural ending, a vague
    quantity ("hundreds of people"), unlike "hundred", "cien", "hundert"."""
    one = _hundred_word(lang)
    w = word.lower()
    return bool(one) and len(w) > len(one) and w.startswith(one) and not one.endswith(w)


def _magnitude(v: float) -> int:
    return int(math.log10(v)) if v > 0 else 0


# --------------------------------------------------------------------------------------------
# CJK numerals

_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}
_CJK_SMALL = {"十": 10, "百": 100, "千": 1000}
_CJK_BIG = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
_KO_UNITS = {"천": 1000, "만": 1e4, "억": 1e8, "조": 1e12}
_CJK_CHARS = "".join(_CJK_DIGITS) + "".join(_CJK_SMALL) + "".join(_CJK_BIG)
_CJK_SEQ = re.compile(r"(?:\d+(?:,\d{3})*(?:\.\d+)?|[" + _CJK_CHARS + r"])+")
# Korean writes a space between the groups of a large number ("2억 5천만", 250 million): digits
# after a space belong to it only when a unit follows them ("2억 2022년" is two numbers)
_KO_SEQ = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?:[천만억조](?:\d+(?:,\d{3})*|\s\d+(?:,\d{3})*(?=[천만억조]))?)+")
# A lone CJK digit (三, 两) counts only before a counter word. CLDR has no classifier data, so
# this is a short list of the commonest Chinese / Japanese counters and units.
_COUNTERS = set("个個名位人年次天日月岁歲倍条條座家项項种種架辆輛艘台只隻件所支场場周週届屆轮輪起批例张張本部首份层層国國省颗顆枚发發吨噸号號期篇步点點成分秒米元美倍回歳つ度")
_CJK_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|.")


def _cjk_value(seq: str) -> float | None:
    """Value of a CJK numeral (possibly mixed with ASCII digits: "250万", "3万5千")."""
    toks = _CJK_TOKEN.findall(seq)
    has_digit = any(t in _CJK_DIGITS or t[0].isdigit() for t in toks)
    if not has_digit and toks[0] != "十":
        return None  # 千万, 万, 百: idioms or bare scale words
    if toks[0] in _CJK_SMALL and toks[0] != "十" or toks[0] in _CJK_BIG:
        return None  # 万一 ("in case"), 百姓...
    # digit-by-digit spelling (二〇二二) only with a zero in it; 一一, 三三两两 are idioms
    if len(toks) >= 2 and all(t in _CJK_DIGITS for t in toks):
        if not any(t in "〇零" for t in toks):
            return None
        return float("".join(str(_CJK_DIGITS[t]) for t in toks))
    total, section, number = 0.0, 0.0, None
    last_big = None
    prev_digit = False
    for t in toks:
        if t[0].isdigit():
            if prev_digit:
                return None
            number = float(t.replace(",", ""))
            prev_digit = True
        elif t in _CJK_DIGITS:
            if prev_digit:
                return None  # 五六 ("five or six")
            number = float(_CJK_DIGITS[t])
            prev_digit = True
        elif t in _CJK_SMALL:
            section += (number if number is not None else 1) * _CJK_SMALL[t]
            number, prev_digit = None, False
        elif t in _CJK_BIG:
            unit = _CJK_BIG[t]
            chunk = section + (number or 0)
            if last_big is not None and unit > last_big:
                total = (total + chunk) * unit
            else:
                total += (chunk or 1) * unit
            section, number, last_big, prev_digit = 0.0, None, unit, False
        else:
            return None
    return total + section + (number or 0)


def _ko_value(seq: str) -> float | None:
    total, section, number, last_big = 0.0, 0.0, None, None
    for t in _CJK_TOKEN.findall(seq):
        if t[0].isdigit():
            number = float(t.replace(",", ""))
        elif t == "천":
            section += (number or 1) * 1000
            number = None
        elif t in _KO_UNITS:
            unit = _KO_UNITS[t]
            chunk = section + (number or 0)
            total = (total + chunk) * unit if last_big and unit > last_big else total + chunk * unit
            section, number, last_big = 0.0, None, unit
    return total + section + (number or 0)


# --------------------------------------------------------------------------------------------
# digits


def _overlaps(s: int, e: int, spans) -> bool:
    return any(s < b and a < e for a, b in spans)


def _split_run(run: str, dec: str, space_groups: bool):
    """Split a run of digit groups and separators into numbers:
    [(start, end, value, plain, alternative reading or None)]. A lone "." or "," before exactly
    three digits is read with the language's decimal symbol; the other reading is kept as the
    alternative (an English text quoting "272.000" from a German source means 272000)."""
    parts = re.split(r"([.,'\u00a0 ])", run)
    groups = parts[0::2]
    seps = [None] + parts[1::2]
    offs = []
    pos = 0
    for i, g in enumerate(groups):
        if i:
            pos += 1
        offs.append(pos)
        pos += len(g)
    out = []
    i = 0
    n = len(groups)
    group_chars = {",", ".", "'", "\u00a0"} | ({" "} if space_groups else set())
    while i < n:
        g0 = groups[i]
        s = seps[i + 1] if i + 1 < n else None
        k = 0
        # Indian grouping (lakh, crore: CLDR's #,##,##0 for hi, bn, en-IN...): two-digit groups
        # before the last three, "15,00,000"; no other convention writes it
        ind = 0
        while s == "," and i + 1 + ind < n and seps[i + 1 + ind] == "," and len(groups[i + 1 + ind]) == 2:
            ind += 1
        if ind and len(g0) <= 2 and g0 != "0" and i + 1 + ind < n and seps[i + 1 + ind] == "," \
                and len(groups[i + 1 + ind]) == 3 and not (i + 2 + ind < n and seps[i + 2 + ind] == ","):
            end_idx = i + 1 + ind
            digits = "".join(groups[i:end_idx + 1])
            if end_idx + 1 < n and seps[end_idx + 1] == ".":
                end_idx += 1
                digits += "." + groups[end_idx]
            out.append((offs[i], offs[end_idx] + len(groups[end_idx]), float(digits), False, None))
            i = end_idx + 1
            continue
        if s in group_chars and len(g0) <= 3 and g0 != "0":
            while i + 1 + k < n and seps[i + 1 + k] == s and len(groups[i + 1 + k]) == 3:
                k += 1
            if k and i + 1 + k < n and seps[i + 1 + k] == s:
                k = 0  # "1,000,00": not a well-formed grouping; read piecewise
            if k == 1 and s == dec:
                k = 0  # "1,000" in French, "1.000" in English: a decimal
        if k:
            digits = "".join(groups[i:i + k + 1])
            end_idx = i + k
            frac = ""
            if end_idx + 1 < n and seps[end_idx + 1] in ".," and seps[end_idx + 1] != s:
                frac = groups[end_idx + 1]
                end_idx += 1
            value = float(digits + ("." + frac if frac else ""))
            start = offs[i]
            end = offs[end_idx] + len(groups[end_idx])
            # the decimal reading as the alternative, but for a group ending in zero: 1.000 in a
            # German text is 1000, and no decimal of an English-style writer ("1.0" does not
            # render "Rund 1.000 Menschen"); 1.234 may be either
            alt = float(g0 + "." + groups[i + 1]) if k == 1 and not frac and s in ".," \
                and not groups[i + 1].endswith("0") else None
            out.append((start, end, value, False, alt))
            i = end_idx + 1
            continue
        if s in (".", ",") and i + 1 < n and (s == dec or len(groups[i + 1]) != 3):
            value = float(g0 + "." + groups[i + 1])
            alt = float(g0 + groups[i + 1]) if len(groups[i + 1]) == 3 and len(g0) <= 3 else None
            out.append((offs[i], offs[i + 1] + len(groups[i + 1]), value, False, alt))
            i += 2
            continue
        out.append((offs[i], offs[i] + len(g0), float(g0), True, None))
        i += 1
    return out


_ORDINAL_SUFFIX = {
    "en": r"(?:st|nd|rd|th)\b",
    "fr": r"(?:ᵉʳ|ᵉ|ère|ème|eme|er|re|e|è)\b",
    "es": r"(?:º|ª|\.º|\.ª|°(?![CF]\b))", "pt": r"(?:º|ª|\.º|\.ª)", "it": r"(?:º|ª|°(?![CF]\b))",
    "nl": r"(?:ste|de|e)\b", "ca": r"(?:r|n|t|è|a)\b",
}
# languages that write ordinals as "3." (German, Nordic, Slavic, Finnish, Hungarian, Turkish...)
_DOT_ORDINAL = {"de", "da", "no", "nb", "nn", "is", "fi", "et", "hu", "tr", "pl", "cs", "sk",
                "sl", "hr", "sr", "bs", "lv", "lt"}

_TIME_RE = re.compile(r"(?<![\d.,:])([01]?\d|2[0-4])(?:[:.]|\s?h\.?\s?)([0-5]\d)(?![\d%])")
# words after "14.30" that make it a time (time-zone abbreviations and "o'clock" words)
_TIME_WORD_AFTER = re.compile(r"\s?(?:UTC|GMT|[A-Z]{1,3}[SD]?T\b|Uhr|h\b|hrs|klo|kl\.|ore\b|godz|час)")
_AMPM = re.compile(r"\s?(?:[ap]\.\s?m\.|[ap]m\b|[AP]M\b)", re.I)
_MIL_TIME_RE = re.compile(r"(?<![\d.,:])(?P<h>[01]\d|2[0-4])(?P<m>[0-5]\d)\s?(?:GMT|UTC|Z\b|hrs\b|hours\b)")
_AMPM_TIME_RE = re.compile(r"(?<![\d.,:])(?P<h>1[0-2]|0?\d)(?::(?P<m>[0-5]\d))?\s?(?:[ap]\.\s?m\.|[ap]m\b)",
                           re.I)
_CJK_TIME_RE = re.compile(r"(?<![\d.,])(?P<h>\d{1,2})\s?[时時点點시](?![间間간])\s?(?:(?P<m>\d{1,2}|半)\s?分?|(?=\S))")
# a whole hour written with "h" ("à 20 h", "13h GMT"): a time, or a number of hours ("en 24 h")
_H_TIME_RE = re.compile(r"(?<![\d.,:])(?P<h>[01]?\d|2[0-4])\s?h(?P<m>)(?![^\W\d_]|\s?\d)")


_DOT_CLOCK = re.compile(r"([01]?\d|2[0-4])[.,]([0-5]\d)")


def _clock(h: int, mi: int) -> float:
    """Minutes on a 12-hour dial: "14:30", "2:30 pm" and "14 h 30" agree."""
    return float((h % 12) * 60 + mi)
_DATE_RE = re.compile(
    r"(?<![\d.,/-])(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})(?![\d]|[.,]\d)")
_MONTH_NUM_RE = re.compile(r"(?<![\d.,])(\d{1,2})\s?[月월]")


@functools.lru_cache(maxsize=None)
def _date_order(lang: str) -> str:
    """"dmy", "mdy" or "ymd" from the CLDR short date pattern."""
    from babel.dates import get_date_format
    try:
        pat = get_date_format("short", locale=_base(lang)).pattern
    except Exception:  # noqa: BLE001
        return "dmy"
    order = "".join(c for c in re.sub(r"'[^']*'", "", pat) if c in "dMy")
    order = re.sub(r"(.)\1+", r"\1", order).lower()
    return order if sorted(order) == sorted("dmy") else "dmy"


@functools.lru_cache(maxsize=None)
def _both_orders(lang: str) -> bool:
    """Whether the language's CLDR locales write short dates both day first and month first
    (English: en_GB 12/03/2025, en_US 3/12/2025; Spanish: es_US): there a numeric date whose first
    two numbers are both 12 or less reads either way."""
    from babel.dates import get_date_format
    from babel.localedata import locale_identifiers
    base = _base(lang)
    firsts = set()
    for loc in locale_identifiers():
        if loc == base or loc.startswith(base + "_"):
            try:
                pat = re.sub(r"'[^']*'", "", get_date_format("short", locale=loc).pattern)
            except Exception:  # noqa: BLE001
                continue
            order = [c for c in pat if c in "dMy"]
            if order and order[0] != "y":  # year first (y-M-d) is no day-or-month-first order
                firsts.add(order[0])
    return firsts == {"d", "M"}


def numeric_dates(sh: str, lang: str):
    """(start, end, year, month, day, day_span, year_span, month_span, ambiguous) of all-digit
    dates in shadow text; ``ambiguous``: the day and month may be the other way round."""
    out = []
    for m in _DATE_RE.finditer(sh):
        a, sep, b, c = m.group(1), m.group(2), m.group(3), m.group(4)
        spans = [(m.start(1), m.end(1)), (m.start(3), m.end(3)), (m.start(4), m.end(4))]
        vals = [int(a), int(b), int(c)]
        if len(a) == 4 and len(c) <= 2:
            order = "ymd"
        elif len(c) in (2, 4) and len(a) <= 2:
            order = _date_order(lang)
            if order == "ymd":
                order = "dmy"
            if vals[0] > 12 and order == "mdy":
                order = "dmy"
            elif vals[1] > 12 and order == "dmy":
                order = "mdy"
        else:
            continue
        if sep == "." and order == "mdy":
            order = "dmy"
        idx = {k: order.index(k) for k in "dmy"}
        d, mo, y = vals[idx["d"]], vals[idx["m"]], vals[idx["y"]]
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            continue
        ylen = spans[idx["y"]][1] - spans[idx["y"]][0]
        if ylen == 2:
            y += 2000 if y < 50 else 1900
        elif ylen != 4:
            continue
        ambiguous = order in ("dmy", "mdy") and sep != "." and d <= 12 and d != mo and _both_orders(lang)
        out.append((m.start(), m.end(), y, mo, d, spans[idx["d"]], spans[idx["y"]],
                    spans[idx["m"]], ambiguous))
    return out


@functools.lru_cache(maxsize=None)
def _digit_month_re(lang: str):
    """CLDR month names that hold the month's number, outside CJK ("tháng 5", "thg 5"), the
    number in a group of its own; None for a language without them."""
    if lang in ("zh", "ja", "ko"):
        return None  # "12月": month_number_spans
    from .dates import _names
    forms = {f.lower() for f, kind, _v, _a in _names(lang)
             if kind == "month" and re.search(r"\d", f) and not re.fullmatch(r"M\d+", f)}
    if not forms:
        return None
    alts = []
    for f in sorted(forms, key=len, reverse=True):
        d = re.search(r"\d+", f)
        alts.append(re.escape(f[:d.start()]) + r"(" + re.escape(d.group()) + r")" + re.escape(f[d.end():]))
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\d)", re.I)


def month_number_spans(sh: str):
    """Spans of "12月" / "12월" month numbers (values 1-12) in shadow text."""
    return [(m.start(1), m.end(1), int(m.group(1))) for m in _MONTH_NUM_RE.finditer(sh)
            if 1 <= int(m.group(1)) <= 12]


# --------------------------------------------------------------------------------------------


def extract(text: str, lang: str) -> list[Anchor]:
    return list(_extract(text, lang))


@functools.lru_cache(maxsize=4096)
def _extract(text: str, lang: str) -> tuple[Anchor, ...]:
    b = _base(lang)
    sh = _shadow(text)
    low = text.lower()
    dec, grp = _symbols(b)
    space_groups = grp in (" ", "\u00a0")
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, float, set]] = []  # start, end, value, flags

    def add(s, e, v, flags):
        found.append((s, e, float(v), set(flags)))
        taken.append((s, e))

    # numeric dates: keep the day and the year, leave the month to anchors.dates
    for (s, e, y, mo, d, dspan, yspan, mspan, ambiguous) in numeric_dates(sh, b):
        add(*dspan, d, (f"alt:{mo}",) if ambiguous else ())
        add(*yspan, y, ("year",) if 1000 <= y <= 2100 else ())
        taken.append(mspan)
    # months written with digits in CJK ("12月") and in Vietnamese ("tháng 5"): a month, not a number
    for s, e, _v in month_number_spans(sh):
        if not _overlaps(s, e, taken):
            taken.append((s, e))
    if (rx := _digit_month_re(b)) is not None:
        for m in rx.finditer(text):
            g = m.lastindex  # the number's group of the form that matched
            if not _overlaps(m.start(g), m.end(g), taken):
                taken.append((m.start(g), m.end(g)))
    # clock times: "14:30", "14 h 30", "14.30 Uhr", "1200 GMT", "9 a.m.", "15时50分", "9点半"
    for m in _TIME_RE.finditer(sh):
        if _overlaps(m.start(), m.end(), taken):
            continue
        sep_txt = sh[m.end(1):m.start(2)]
        if sep_txt == "." and not (_TIME_WORD_AFTER.match(text[m.end():]) or _AMPM.match(text[m.end():])):
            continue  # "3.45" is a decimal unless a time word follows ("14.30 Uhr", "1.30 pm")
        h, mi = int(m.group(1)), int(m.group(2))
        e = m.end()
        flags = ("time",)
        if (ap := _AMPM.match(text[e:])):
            e += ap.end()
            flags += (f"h24:{_half_of_day(h, ap.group())}",)
        elif h >= 13 or m.group(1).startswith("0"):
            flags += (f"h24:{h % 24}",)  # "21:30", "08:00": a 24-hour clock
        add(m.start(), e, _clock(h, mi), flags)
    for rx in (_MIL_TIME_RE, _AMPM_TIME_RE, _CJK_TIME_RE, _H_TIME_RE):
        for m in rx.finditer(sh):
            if _overlaps(m.start(), m.end(), taken):
                continue
            h = int(m.group("h"))
            mi = m.group("m")
            mi = 30 if mi == "半" else int(mi or 0)
            if h > 24 or mi > 59:
                continue
            flags = ("time", f"hours:{h}") if rx is _H_TIME_RE else ("time",)
            if rx is _AMPM_TIME_RE:
                flags += (f"h24:{_half_of_day(h, m.group()[len(m.group('h')):].lstrip(':0123456789'))}",)
            elif rx is _MIL_TIME_RE or (rx is _H_TIME_RE and h >= 13):
                flags += (f"h24:{h % 24}",)  # "0900 GMT", "à 20 h"
            add(m.start(), m.end(), _clock(h, mi), flags)

    # CJK numerals (and digits followed by 万/億/千 ...)
    for m in _CJK_SEQ.finditer(sh):
        seq = m.group()
        if not any(ch in _CJK_CHARS for ch in seq) or _overlaps(m.start(), m.end(), taken):
            continue
        s, e = m.start(), m.end()
        # a unit right after another unit starts a new word: "1000万千瓦" is 10 million kW
        toks = _CJK_TOKEN.findall(seq)
        cut = len(seq)
        pos = 0
        for i, t in enumerate(toks):
            if i and t in _CJK_SMALL and (toks[i - 1] in _CJK_SMALL or toks[i - 1] in _CJK_BIG):
                cut = pos
                break
            pos += len(t)
        seq, e = seq[:cut], s + cut
        # a number followed by 月 is a month name (十二月); leave it to dates
        nxt = text[e:e + 1]
        prev = text[s - 1:s]
        value = _cjk_value(seq)
        if value is None:
            continue
        if nxt == "月" and value <= 12 and not seq[-1].isdigit():
            continue
        if (nxt and nxt in "几幾") or (prev and prev in "几幾"):
            continue  # 十几, 几十: "a dozen or so"
        single = len(seq) == 1
        flags = {"cjk"} if not seq[0].isdigit() else set()
        if prev == "第":
            flags.add("ordinal")
            s -= 1
        elif not any(c.isdigit() for c in seq):
            if value < 2:
                continue
            if single and nxt not in _COUNTERS and not (text[e:e + 2] in ("か月", "ヶ月", "カ月")):
                continue
        if any(text[:s].endswith(w) for w in _percent_words(b)[1]):
            flags.add("percent")  # 百分之五十
        add(s, e, value, flags)

    # Korean digits with 천/만/억/조
    if b == "ko":
        for m in _KO_SEQ.finditer(sh):
            if _overlaps(m.start(), m.end(), taken):
                continue
            v = _ko_value(m.group())
            if v:
                add(m.start(), m.end(), v, ())

    # runs of digits with separators
    run_re = re.compile(r"\d+(?:[.,'\u00a0" + (" " if space_groups else "") + r"]\d+)*")
    pct_after, pct_before = _percent_words(b)
    cur = _currency_symbols()
    for m in run_re.finditer(sh):
        for (rs, re_, value, plain, alt) in _split_run(m.group(), dec, space_groups):
            s, e = m.start() + rs, m.start() + re_
            if _overlaps(s, e, taken):
                continue
            flags: set = set()
            # digits glued to a name ("COVID-19", "F-35", "G7", "MH17"): an identifier
            if _CODE_BEFORE.search(text[max(0, s - 2):s]):
                flags.add("code")
            # a fraction: "2 1/2", "2½"
            if (fm := _FRACTION.match(sh[e:])):
                if fm.group("v"):
                    value += unicodedata.numeric(fm.group("v"))
                else:
                    value += int(fm.group("n")) / int(fm.group("d"))
                e += fm.end()
                plain, alt = False, None
            # scale word: "2,5 millions", "3 Mio.", "5 миллионов"
            v0 = value
            value, e, scaled = _apply_scale(text, e, value, b)
            if scaled:
                plain = False
                alt = alt * value / v0 if alt is not None and v0 else None
            # decades and centuries: "the 1970s", "'80s", "19th century", "19世纪"
            if (dm := _DECADE.match(text[e:])) and value.is_integer() and value % 10 == 0:
                flags.add("decade")
                e += dm.end()
                plain = False
            elif _century_after(text[e:], b):
                flags.add("century")
                plain = False
            after = text[e:]
            before = text[:s]
            # percent
            if re.match(r"[\s\u00a0]?[%٪％]", after):
                flags.add("percent")
                e += re.match(r"[\s\u00a0]?[%٪％]", after).end()
            elif re.search(r"[%٪％][\s\u00a0]?$", before):
                flags.add("percent")
                s -= re.search(r"[%٪％][\s\u00a0]?$", before).end() - re.search(r"[%٪％][\s\u00a0]?$", before).start()
            else:
                al = low[e:]
                for w in pct_after:
                    mm = re.match(r"[\s\u00a0]*" + re.escape(w) + r"(?!\w)", al)
                    if mm:
                        flags.add("percent")
                        e += mm.end()
                        break
                bl = low[:s]
                for w in pct_before:
                    mm = re.search(re.escape(w) + r"[\s\u00a0]*$", bl)
                    if mm:
                        flags.add("percent")
                        s = mm.start()
                        break
            # ordinal
            suf = _ORDINAL_SUFFIX.get(b)
            if suf and (om := re.match(suf, text[e:])):
                flags.add("ordinal")
                e += om.end()
            elif b in _DOT_ORDINAL and plain and len(text[s:e]) <= 3 \
                    and re.match(r"\.\s+[^\W\d_]", text[e:]):
                flags.add("ordinal")
                e += 1
            elif b in ("ru", "uk", "be", "bg", "sr", "mk") \
                    and (om := re.match(r"[-‐–][а-яёіїє]{1,3}(?![\w-])", text[e:])):
                flags.add("ordinal")
                e += om.end()
            elif text[s - 1:s] == "第" or text[s - 1:s] == "제":
                flags.add("ordinal")
                s -= 1
            # currency
            cm = re.search(r"([A-Z]{1,3}\$|[^\w\s\d]{1,3}|[A-Z]{3})[\s\u00a0]?$", text[max(0, s - 5):s])
            if cm and (cm.group(1) in cur or cm.group(1).endswith("$")
                       or re.fullmatch(r"[A-Z]{3}", cm.group(1)) and _iso_code(cm.group(1))):
                flags.update(_currency_flags(cm.group(1), cur))
                lm = re.match(r"([A-Za-z])(?!\w)", text[e:])
                if not scaled and lm and (f := _letter_scales(b).get(lm.group(1).lower())):
                    value *= f  # "£3m", "$1.2B"
                    alt = alt * f if alt is not None else None
                    plain = False
                    e += 1
            else:
                cm = re.match(r"[\s\u00a0]?([A-Z]{1,3}\$|[^\w\s\d]{1,3}|[A-Z]{3})(?!\w)", text[e:])
                if cm and (cm.group(1) in cur or _iso_code(cm.group(1))):
                    flags.update(_currency_flags(cm.group(1), cur))
            if plain and not flags and value.is_integer() and 1000 <= value <= 2100 \
                    and len(text[s:e]) == 4:
                flags.add("year")
                if b in _SOLAR_HIJRI and 1300 <= value <= 1500:
                    # a year of the Solar Hijri calendar (Iran, Afghanistan): 1401 began in March 2022
                    flags.update((f"alt:{value + 621:g}", f"alt:{value + 622:g}"))
            if plain and not flags and value.is_integer() and value <= 24 and (hr := _hour_word_re(b)) \
                    and (hm := hr.match(text[e:])):
                # "um 21 Uhr" is a time of day; "21 heures" a time or a number of hours: either
                # way "9 p.m." or "21 hours" on the other side agrees (see rules.numbers._equal)
                flags.update(("time", f"hours:{value:g}") if hm.group("clock") else (f"hours:{value:g}",))
                e += hm.end()
                # the half of the day: "21 Uhr", "9 вечера", "9 Uhr abends", "9 heures du matin"
                periods = _day_period_words(b).get((hm.group("clock") or "").strip().lower())
                if not periods and (pr := _period_after_re(b)) and (pm := pr.match(text, e)):
                    periods = _day_period_words(b).get(pm.group(1).lower())
                    e = pm.end()
                hh = _hour_of_day(int(value), periods, b) if periods else (
                    int(value) % 24 if value >= 13 and hm.group("clock") else None)
                if hh is not None:
                    flags.update(("time", f"h24:{hh}"))
            if alt is not None and alt != value:
                flags.add(f"alt:{alt:g}")
            if "ordinal" in flags and _century_after(text[e:], b):
                flags.add("century")
            add(s, e, value, flags)

    # Roman numerals of centuries: "XIXe siècle", "XX века", "siglo XIX", "XIVe"
    for m in _ROMAN.finditer(text):
        if _overlaps(m.start(), m.end(), taken) or not m.group(1):
            continue
        val = _roman_value(m.group(1))
        if not val:
            continue
        suffix = m.group(2) or ""
        century_word = _century_after(text[m.end():], b) or _century_before(text[:m.start()], b)
        if not (century_word or (suffix and b == "fr")):
            continue
        add(m.start(), m.end(), val, ("century", "ordinal", "roman"))

    # "полтора миллиарда", "anderthalb Milliarden": one and a half, with its scale word
    if (oah := _ONE_AND_A_HALF.get(b)):
        for m in re.finditer(r"(?<!\w)" + oah + r"(?!\w)", text, re.I):
            if _overlaps(m.start(), m.end(), taken):
                continue
            value, e, scaled = _apply_scale(text, m.end(), 1.5, b)
            add(m.start(), e, value, {"word"})

    # spelled-out numbers, not inside a month's name ("كانون الثاني", January: "the second Kanun")
    rx = _calendar_phrases(b)
    cal = [m.span() for m in rx.finditer(text)] if rx else []
    words = _word_numbers(text, b, taken + cal)
    reach = 0  # end of the last number read: "million" of "two and a half million" is in it
    for k, (s, e, value, ordinal, ntok) in enumerate(words):
        if s < reach:
            continue
        if ordinal and k and not words[k - 1][3] and not text[words[k - 1][1]:s].strip():
            continue  # "one third", "jedna trzecia": a fraction, not an ordinal
        after = text[e:]
        flags = {"word"}
        if ordinal:
            flags.add("ordinal")
        scaled = False
        if value < 1000:
            value, e, scaled = _apply_scale(text, e, value, b)
        elif (half := _HALF.get(b)) and (hm := re.match(r"[\s\u00a0]*" + half + r"(?!\w)",
                                                         text[e:], re.I)):
            last = _WORD_RE.findall(text[s:e])[-1]
            if (f := _scale_of(last, b)):  # "deux millions et demi"
                value += 0.5 * f
                e += hm.end()
        if ntok == 1 and not scaled and (value >= 1000 or value == 100 and _plural_hundred(text[s:e], b)):
            # "thousands of", "a million", "до тысячи", "hundreds of": a bare scale word states
            # no number of its own; kept as weak evidence (never reported) that the other side's
            # "1000" renders
            flags.add("bare")
        if value < 2 and not scaled and not ordinal:
            continue  # "one", "un", "ein": mostly articles
        al = low[e:]
        for w in _percent_words(b)[0]:
            mm = re.match(r"[\s\u00a0]*" + re.escape(w) + r"(?!\w)", al)
            if mm:
                flags.add("percent")
                e += mm.end()
                break
        if re.match(r"[\s\u00a0]?[%٪％]", text[e:]):
            flags.add("percent")
        add(s, e, value, flags)
        reach = e

    # a number word that begins a compound adjective: "elfjährige", "zehntägigen", "driejarige"
    for s, e, value in _compound_numbers(text, b, taken):
        add(s, e, value, {"word", "compound"})

    # Chinese and Japanese "more than" between a number and its scale: "1500多万" is 15 million
    # and more, "10余亿" a billion and more
    if b in ("zh", "ja"):
        for k, (s, e, v, fl) in enumerate(found):
            if text[e:e + 1] in ("多", "余", "餘") and (big := _CJK_BIG.get(text[e + 1:e + 2])):
                fl.discard("year")
                found[k] = (s, e + 2, v * big, fl)
    # "a las 21.00", "om 21.00 uur": a decimal with two digits after the point that reads as a
    # time of day may be one; it keeps its value and may match a time ("9 p.m.")
    for s, e, _v, fl in found:
        if "time" not in fl and (cm := _DOT_CLOCK.fullmatch(text[s:e])):
            fl.add(f"clock:{_clock(int(cm.group(1)), int(cm.group(2))):g}")
            if int(cm.group(1)) >= 13 or cm.group(1).startswith("0"):
                fl.add(f"h24:{int(cm.group(1)) % 24}")  # "a las 21.00", "om 08.30 uur"
    # a time of day with a period of the day before or after it: "下午3点", "오후 6시", "午前4時",
    # "18h30 's avonds", "2h da tarde"
    if (periods := _day_period_words(b)):
        for s, e, v, fl in found:
            if "time" not in fl or any(f.startswith("h24:") for f in fl):
                continue
            hour = next((int(float(f[6:])) for f in fl if f.startswith("hours:")), int(v // 60) % 12)
            word = _period_next_to(text, s, e, b)
            if word and (hh := _hour_of_day(hour, periods[word], b)) is not None:
                fl.add(f"h24:{hh}")
    # the unit a quantity is measured in ("20 miles", "32 km", "90 °F"): a translation may convert it
    from .units import unit_at
    for k, (s, e, v, fl) in enumerate(found):
        if not fl & {"time", "percent", "code", "ordinal", "decade", "century"} \
                and not any(f.startswith("hours:") for f in fl) and (u := unit_at(text, s, e, b)):
            fl.add("unit:" + u)
            if u.startswith("temperature") and v > 0 and (ns := _negative(text, s, b)) is not None:
                found[k] = (ns, e, -v, fl)  # "-15 degrees", "minus 15 Grad": for conversions
    # the currency named after an amount ("5 millions d'euros", "500万美元", "40 zł")
    from .currencies import currency_at
    for s, e, _v, fl in found:
        if not fl & {"time", "percent", "code", "ordinal", "decade", "century", "year"} \
                and not any(f.startswith(("currency:", "hours:")) for f in fl) \
                and (c := currency_at(text, s, e, b)):
            fl.update("currency:" + code for code in c[0])
    found.sort(key=lambda t: (t[0], t[1]))
    return tuple(Anchor("number", v, s, e, text[s:e], tuple(sorted(fl))) for s, e, v, fl in found)


# What follows a number word in an adjective a compounding language builds on it: an -ig
# adjective ("elf|jährige", "zehn|tägigen", "drei|stufig"), a multiplier ("zwei|fach", "drie|voudig")
# or the Dutch "-daags" ("twee|daagse"). The number is stated ("the 11-year conflict").
_COMPOUND_NUMBER_TAIL = {
    "de": re.compile(r"\w{2,}ig(?:e[mnrs]?)?|fach(?:e[mnrs]?)?|malig(?:e[mnrs]?)?"),
    "nl": re.compile(r"\w{2,}ig(?:e|er|s)?|\w+aagse?|voudig(?:e)?"),
}


# Slavic adjectives made of a number's genitive and a stem: "одиннадцатилетний" (eleven-year),
# "двадцатипятилетний" (25-year), "трёхкратный" (threefold), "одинадцятирічний", "pětiletý".
_SLAVIC_COMPOUND_TAIL = {
    "ru": re.compile(r"летн\w*|кратн\w*"),
    "uk": re.compile(r"річн\w*|кратн\w*"),
    "be": re.compile(r"гадов\w*|кратн\w*"),
    "cs": re.compile(r"let[ýáéé]\w*|násobn\w*"),
    "sk": re.compile(r"ročn\w*|násobn\w*"),
}


def _slavic_compounds(text: str, b: str, taken) -> list[tuple[int, int, float]]:
    """(start, end, value) of Slavic number adjectives (see ``_SLAVIC_COMPOUND_TAIL``): the head
    is a number word of the lexicon in any case, or tens and units together ("двадцати" +
    "пяти")."""
    tail = _SLAVIC_COMPOUND_TAIL.get(b)
    lex = _lexicon(b) if tail else {}
    if not lex:
        return []

    def cardinal(w: str) -> float | None:
        hit = lex.get(w)
        return hit[0] if hit and not hit[1] else None

    def head_value(h: str) -> float | None:
        if (v := cardinal(h)) is not None:
            return v
        for k in range(3, len(h) - 2):
            tens, units = cardinal(h[:k]), cardinal(h[k:])
            if tens is not None and units is not None and tens >= 20 and tens % 10 == 0 and units < 10:
                return tens + units
        return None

    out = []
    for m in _WORD_RE.finditer(text):
        w = m.group().lower()
        if len(w) >= 8 and not _overlaps(m.start(), m.end(), taken) \
                and (v := _number_head(w, tail, head_value, 4)) is not None:
            out.append((m.start(), m.end(), v))
    return out


def _number_head(word: str, tail, number, shortest_tail: int) -> float | None:
    """The value (2 or more) of a word made of a number (``number`` reads the head) and a tail
    matching ``tail`` of ``shortest_tail`` letters or more; the longest head is tried first."""
    for cut in range(len(word) - shortest_tail, 2, -1):
        if tail.fullmatch(word[cut:]) and (v := number(word[:cut])) is not None and v >= 2:
            return v
    return None


def _compound_numbers(text: str, b: str, taken) -> list[tuple[int, int, float]]:
    """(start, end, value) of words made of a number word (text2num) and a tail of
    ``_COMPOUND_NUMBER_TAIL``: "elfjährige" is 11, "zwanzigjährigen" 20; and nouns of thousands,
    "Achttausender" 8000. "Einseitig", whose "ein" is mostly an article's, is none. Slavic number
    adjectives: ``_slavic_compounds``."""
    if b in _SLAVIC_COMPOUND_TAIL:
        return _slavic_compounds(text, b, taken)
    tail = _COMPOUND_NUMBER_TAIL.get(b)
    if tail is None or not _text2num_ok(b):
        return []
    from text_to_num import find_numbers

    def number(head: str) -> float | None:
        """The value of ``head`` when it is one cardinal number word as a whole."""
        occ = find_numbers([_Tok(head, 0, len(head), False)], b, 0)
        ok = len(occ) == 1 and occ[0].start == 0 and occ[0].end == 1 and not occ[0].is_ordinal
        return float(occ[0].value) if ok else None

    out = []
    for m in _WORD_RE.finditer(text):
        w = m.group().lower()
        if len(w) < 7 or _overlaps(m.start(), m.end(), taken) or not w.isalpha():
            continue
        # a noun of a number of thousands: "Achttausender", "Viertausendern" (peaks of 8000 m,
        # 4000 m), Dutch "achtduizender"
        if (th := re.fullmatch(r"(\w+)ers?|(\w+)ern", w)) and (v := number(th.group(1) or th.group(2))) \
                and v >= 2000:  # a bare "Tausender" (a banknote) is none
            out.append((m.start(), m.end(), v))
            continue
        if (v := _number_head(w, tail, number, 3)) is not None:
            out.append((m.start(), m.end(), v))
    return out
