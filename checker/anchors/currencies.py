"""The currency an amount is stated in, read from CLDR (Babel).

An amount keeps its currency in translation: "5 millions d'euros" is no "5 million dollars".
A currency is read as a set of ISO codes, because its name or symbol is often shared:

* symbols as every CLDR locale writes them: "$" is the dollar of some 30 countries and the
  peso of several, "kr" four crowns, "¥" the yen and the yuan, "€" the euro only;
* ISO codes ("EUR", "USD");
* the words of each currency's name in the language, in every plural form and in its
  regional variants: "dollars" is any currency whose name holds the word (US, Canadian,
  Australian... dollar), "euros" the euro, "Rubel" the Russian and the Belarusian ruble;
  "долларов США", "ABD doları"; in Chinese and Japanese the whole
  name (美元, 円, ユーロ) or a word of it ("カナダ ドル": ドル, which 米ドル holds too).

Two amounts are in different currencies only when the two sets share no code.
"""
from __future__ import annotations

import contextlib
import functools
import itertools
import re

from ..langs import profile

# counts whose CLDR plural categories give every form of a currency's name
_COUNTS = (0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 102, 1.5)
_NO_SPACE = {"zh", "ja", "th", "lo", "km", "my"}


@functools.lru_cache(maxsize=1)
def _current() -> frozenset:
    """ISO codes of the currencies some territory uses today (not the mark or the franc)."""
    from babel.core import get_global
    from babel.numbers import get_territory_currencies
    out = set()
    for territory in get_global("territory_currencies"):
        out.update(get_territory_currencies(territory))
    return frozenset(out)


def is_symbol(sym: str) -> bool:
    """Whether ``sym`` is a currency symbol, not a word: "$", "zł", "руб.", "kr", "Ft"."""
    return bool(sym) and (not sym.isalpha() or len(sym) <= 3) and not (sym.isascii() and len(sym) < 2
                                                                       and sym.isalpha())


@functools.lru_cache(maxsize=1)
def symbol_codes() -> dict[str, frozenset]:
    """{symbol or ISO code: codes}: each current currency's symbol as the locales of the
    territories that use it write it ("$" in Mexico is the peso), and as a few large languages
    write it ("US$", "£", "¥"), about 0.2 s on first need."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global
    current = _current()
    out: dict[str, set] = {c: {c} for c in current}
    languages = get_global("territory_languages")
    idents = {"en", "fr", "de", "ru", "ja", "zh", "ko", "hi", "tr", "pl", "he", "uk", "ar", "es", "pt"}
    for territory in get_global("territory_currencies"):
        for lang, info in languages.get(territory, {}).items():
            if info.get("official_status"):
                idents.add(f"{lang}_{territory}")
    with _transient_locales() as let_go:
        for k, ident in enumerate(sorted(idents)):
            try:
                loc = Locale.parse(ident)
            except (ValueError, LookupError, UnknownLocaleError):
                continue
            for code, sym in loc.currency_symbols.items():
                if code in current and sym != code and is_symbol(sym):
                    out.setdefault(sym, set()).add(code)
            if k % 16 == 15:
                let_go()
    out.setdefault("US$", set()).add("USD")
    return {k: frozenset(v) for k, v in out.items()}


@contextlib.contextmanager
def _transient_locales():
    """Babel keeps every locale it loads; the few hundred locales read here for their currency
    symbols and names are let go as they are read (the symbols alone held 105 MB). Babel's cache
    is private: without it, nothing is let go."""
    from babel import localedata
    cache = getattr(localedata, "_cache", None)
    if not isinstance(cache, dict):
        yield lambda: None
        return
    kept = set(cache) | {"root"}

    def let_go():
        for key in [k for k in cache if k not in kept]:
            cache.pop(key, None)
    try:
        yield let_go
    finally:
        let_go()


@functools.lru_cache(maxsize=None)
def _names(lang: str) -> dict[str, frozenset]:
    """{lowercased word of a currency name: codes whose names hold it} for ``lang``."""
    from babel import Locale, UnknownLocaleError, localedata
    from babel.numbers import get_currency_name
    base = profile(lang).code
    ids = [i for i in localedata.locale_identifiers() if i == base or i.startswith(base + "_")]
    forms: dict[str, set] = {}  # full name form -> codes
    forms_cased: dict[str, str] = {}
    seen = []
    with _transient_locales() as let_go:
        for k, ident in enumerate(sorted(ids or [base], key=len)):
            if k % 16 == 15:
                let_go()
            try:
                loc = Locale.parse(ident)
            except (ValueError, LookupError, UnknownLocaleError):
                continue
            if loc.currencies in seen:
                continue  # a regional variant that names every currency as its language does
            seen.append(dict(loc.currencies))
            samples = {loc.plural_form(n): n for n in _COUNTS}.values()  # one per plural form
            for code, n in itertools.product(sorted(_current()), samples):
                name = get_currency_name(code, count=n, locale=loc)
                if name and name != code:
                    forms.setdefault(name.lower(), set()).add(code)
                    forms_cased.setdefault(name.lower(), name)
    from .entities import zipf
    words: dict[str, set] = {}
    for name, cased in forms_cased.items():
        for w in re.split(r"[\s\-]+", cased):
            w = w.strip("()")
            if (len(w) >= 2 or (base in _NO_SPACE and w)) and not (w.isupper() and len(w) > 1) \
                    and zipf(w.lower(), base) < FUNCTION_ZIPF:
                words.setdefault(w.lower(), set())  # not "US", "CFA", "de", "los", "так"
        words.setdefault(name, set()).update(forms[name])
    # a word stands for every currency whose name holds it ("ドル": 米ドル too)
    for w in words:
        for name, codes in forms.items():
            if (w in name.split() or w in re.split(r"[\s\-]+", name)) if base not in _NO_SPACE \
                    else w in name:
                words[w].update(codes)
    # a word names currencies when their English names end on one noun ("dollars", "livres",
    # "Pfund", "рублей"): "новых" (new) is in the names of the shekel, the manat and a dollar
    return {w: frozenset(c) for w, c in words.items()
            if c and (w in forms or len({_english_head(code) for code in c}) == 1)}


def _english_head(code: str) -> str:
    from babel.numbers import get_currency_name
    return get_currency_name(code, locale="en").split()[-1].lower()


@functools.lru_cache(maxsize=None)
def _name_re(lang: str):
    """The words of currency names, longest first. Only the forms CLDR gives (every plural form:
    "рублей", "долларов"): a stem with any ending reads "верфях" as the escudo of Cabo Verde."""
    names = sorted(_names(lang), key=len, reverse=True)
    if not names:
        return None
    stop = r"(?![^\W\d_])" if profile(lang).code not in _NO_SPACE else ""
    return re.compile("(" + "|".join(map(re.escape, names)) + ")" + stop, re.I)


def _lookup(word: str, lang: str) -> frozenset:
    return _names(lang).get(word.lower(), frozenset())


FUNCTION_ZIPF = 6.0  # a word this frequent is a function word (de 7.7, des 7.2, us 6.0; won 5.2)

# what may stand between an amount and its currency: a scale word's dot ("5 Mio. Euro"), one
# frequent short word ("5 millions de dollars", "5 milioni di euro") or an elided one ("d'euros")
_SHORT_WORD = re.compile(r"\.?[\s\u00a0]+([^\W\d_]{1,3})[\s\u00a0]+|\.?[\s\u00a0]+([^\W\d_]{1,2})['’]")
_SYMBOL_AFTER = re.compile(r"\.?[\s\u00a0]?([A-Z]{1,3}\$|[^\s\d,;:!?()\[\]\"'«»“”„%‰/-]{1,4})")


def currency_at(text: str, start: int, end: int, lang: str) -> tuple[frozenset, int, int] | None:
    """(codes, start, end) of the amount text[start:end] with the currency written after it
    ("5 millions d'euros", "5 Mio. €", "500万美元"); None when none is."""
    from .entities import zipf
    m = _SYMBOL_AFTER.match(text, end)
    if m:
        sym = m.group(1)
        for cand in (sym, sym.rstrip(".")):
            if cand in symbol_codes() and (not cand.isalpha() or zipf(cand.lower(), lang) < FUNCTION_ZIPF):
                return symbol_codes()[cand], start, m.start(1) + len(cand)
    rx = _name_re(lang)
    if rx is None:
        return None
    starts = []
    gap = end + len(text[end:end + 3]) - len(text[end:end + 3].lstrip(". \u00a0"))
    if gap > end or profile(lang).code in _NO_SPACE:
        starts.append(gap)  # "5euros" is no amount written out
    if (sm := _SHORT_WORD.match(text, end)) and (sm.group(2) or zipf(sm.group(1).lower(), lang) >= 5.0):
        starts.append(sm.end())
    for pos in starts:
        nm = rx.match(text, pos)
        if nm and (codes := _lookup(nm.group(1), lang)):
            return codes, start, nm.end()
    return None
