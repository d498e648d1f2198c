"""Date anchors: weekdays, months, years, absolute dates and a few relative day words.

``extract(text, lang)`` returns anchors of kind

* "weekday" (value 0-6, Monday = 0), "month" (1-12; extra ("mid",) for "mid-December"),
* "year" (int; a plain four-digit number 1000-2100, the same the number extractor flags "year"),
* "date" (a tuple (year or None, month, day): "14 décembre 2022", "December 14", "14.12.2022",
  "2022-12-14", "2022年12月14日"),
* "relative" (a language-independent key: "yesterday", "today", "tomorrow").

Weekday and month names come from CLDR through Babel: wide and abbreviated, format and
stand-alone, for the language and every regional variant of it (so Levantine Arabic "كانون
الثاني" and Traditional Chinese "週三" are known). Inflected forms (Russian "в среду", Polish
"w środę", Turkish "Çarşambaya", Czech "v červenci") are matched by a long common prefix with a
CLDR form, with a length guard, in the languages that inflect them; elsewhere only the CLDR
form (or its plural in -s) matches, so Spanish "mayor" is not "mayo". Abbreviations of three
letters or fewer must be followed by "." or a number ("Mar." or "Mar 3", never "Mars"); a
name whose CLDR form is lower-case but which is capitalised in mid-sentence is a proper noun
("Mars", "Domingo"), and a name CLDR capitalises must be capitalised ("may" is a verb).
"""
from __future__ import annotations

import functools
import re
import unicodedata

from ..model import Anchor
from . import numbers as _numbers

# Languages whose weekday and month names take case endings or suffixes in running text
# (CLDR has only the nominative / genitive): matched by stem. A typological list.
_INFLECTING = {"ru", "uk", "be", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "bg", "mk", "lt",
               "lv", "fi", "et", "hu", "tr", "az", "kk", "uz", "ky", "el", "ka", "hy", "eu",
               "ko", "ga", "cy"}
# One-letter proclitics written together with the next word (prepositions, "and", "the").
# Languages that put a preposition before a declined name (see _after_preposition).
_PREPOSITIONAL = {"ru", "uk", "be", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "bg", "mk", "lt",
                  "lv", "el"}
# Languages whose case suffixes may start with a consonant ("temmuzda", "júliusban")
_AGGLUTINATIVE = {"tr", "az", "kk", "uz", "ky", "fi", "et", "hu"}
# Languages that glue a weekday into compounds ("Samstagabend", "zondagavond", "söndagskväll").
_COMPOUNDING = {"de", "nl", "sv", "da", "no", "nb", "nn", "is", "af", "lb"}
_PROCLITICS = {"he": "בוהלמכש", "ar": "وبلفك", "fa": "", "yi": ""}
_NO_SPACE_SCRIPTS = {"zh", "ja", "th", "lo", "km", "my", "yue", "wuu"}

# Words for yesterday / today / tomorrow: CLDR's relative day names are not exposed by Babel, so
# this is a short list for the languages the project meets most; keys are language-independent.
_RELATIVE = {
    "en": {"yesterday": "yesterday", "today": "today", "tomorrow": "tomorrow",
           "tonight": "today"},
    "fr": {"hier": "yesterday", "aujourd'hui": "today", "aujourd’hui": "today",
           "demain": "tomorrow"},
    "de": {"gestern": "yesterday", "heute": "today", "morgen": "tomorrow"},
    "es": {"ayer": "yesterday", "hoy": "today"},
    "it": {"ieri": "yesterday", "oggi": "today", "domani": "tomorrow"},
    "pt": {"ontem": "yesterday", "hoje": "today", "amanhã": "tomorrow"},
    "nl": {"gisteren": "yesterday", "vandaag": "today", "morgen": "tomorrow"},
    "pl": {"wczoraj": "yesterday", "dzisiaj": "today", "dziś": "today", "jutro": "tomorrow"},
    "cs": {"včera": "yesterday", "dnes": "today", "zítra": "tomorrow"},
    "ru": {"вчера": "yesterday", "сегодня": "today", "завтра": "tomorrow"},
    "uk": {"вчора": "yesterday", "учора": "yesterday", "сьогодні": "today",
           "завтра": "tomorrow"},
    "tr": {"dün": "yesterday", "bugün": "today", "yarın": "tomorrow"},
    "ar": {"أمس": "yesterday", "الأمس": "yesterday", "اليوم": "today", "غدا": "tomorrow",
           "غداً": "tomorrow"},
    "fa": {"دیروز": "yesterday", "امروز": "today", "فردا": "tomorrow"},
    "he": {"אתמול": "yesterday", "היום": "today", "מחר": "tomorrow"},
    "hi": {"कल": "yesterday-or-tomorrow", "आज": "today"},
    "zh": {"昨天": "yesterday", "昨日": "yesterday", "今天": "today", "今日": "today",
           "明天": "tomorrow", "明日": "tomorrow"},
    "ja": {"昨日": "yesterday", "今日": "today", "明日": "tomorrow"},
    "ko": {"어제": "yesterday", "오늘": "today", "내일": "tomorrow"},
}
# "mid-<month>" markers (CLDR has none): a short list.
_MID = {"en": r"mid-?\s?", "fr": r"mi-", "de": r"Mitte\s", "es": r"mediados\sde\s",
        "it": r"metà\s", "pt": r"meados\sde\s", "ru": r"середин[еуы]\s", "nl": r"half\s",
        "pl": r"połow[ieay]\s"}
# Weekday names that are also common nouns, which only count after a preposition:
# Russian/Bulgarian/South Slavic "среда"/"sreda" is also "environment" / "middle".
_HOMOGRAPH_WEEKDAYS = {"ru": {2}, "bg": {2}, "sr": {2}, "sl": {2}, "mk": {2}, "hr": set()}
_PREPOSITION_BEFORE = re.compile(r"(?:^|\s)(?:в|во|на|до|по|к|со|с|от|през|у|v|do|od|za|u)\s+$",
                                 re.I)


def _base(lang: str) -> str:
    return _numbers._base(lang)


@functools.lru_cache(maxsize=None)
def _names(lang: str) -> tuple[tuple[str, str, int, bool], ...]:
    """(form, kind, value, abbreviated) for the language and its regional variants."""
    from babel import Locale, UnknownLocaleError, localedata
    b = _base(lang)
    ids = [i for i in localedata.locale_identifiers() if i == b or i.startswith(b + "_")]
    seen: dict[tuple[str, str], set] = {}
    for ident in ids or ["en"]:
        try:
            loc = Locale.parse(ident)
        except (UnknownLocaleError, ValueError):
            continue
        for kind, data in (("weekday", loc.days), ("month", loc.months)):
            for ctx in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    try:
                        names = data[ctx][width]
                    except KeyError:
                        continue
                    for value, form in names.items():
                        form = form.strip()
                        if not form:
                            continue
                        seen.setdefault((form, kind), set()).add((value, width == "abbreviated"))
    # a form is an abbreviation if some variant abbreviates with it and the language's own
    # locale does not use it as a full name ("mai" is French for May, "Sun" is short)
    # ... nor is the wide name less the word for "day" that every wide name opens with (Hebrew
    # "שבת" of "יום שבת", Welsh "Sul" of "Dydd Sul"): that is how the name is said on its own
    base_wide = set()
    try:
        loc = Locale.parse(b)
        for data in (loc.days, loc.months):
            for ctx in ("format", "stand-alone"):
                wide = [f.strip() for f in data[ctx]["wide"].values()]
                base_wide.update(wide)
                heads = {f.split()[0] for f in wide if " " in f}
                if len(heads) == 1 and all(" " in f for f in wide):
                    base_wide.update(f.split(None, 1)[1] for f in wide)
    except (UnknownLocaleError, ValueError, KeyError):
        pass
    # a month name that holds its number ("tháng 3") is also said with the number in words
    # ("tháng ba"), as num2words spells it in the language
    for (form, kind), vals in list(seen.items()):
        digits = re.search(r"\d+", form)
        if kind != "month" or not digits or not re.search(r"[^\W\d_]{2}", form) \
                or re.fullmatch(r"M\d+", form) or b in ("zh", "ja", "ko", "yue"):
            continue
        try:
            from num2words import num2words
            word = num2words(int(digits.group()), lang=b)
        except (NotImplementedError, ValueError, OverflowError):
            continue
        spelt = (form[:digits.start()] + word + form[digits.end():]).strip()
        seen.setdefault((spelt, kind), set()).update(vals)
    out = []
    for (form, kind), vals in seen.items():
        values = {v for v, _ in vals}
        if len(values) != 1:
            continue
        abbr = any(a for _, a in vals) and form not in base_wide
        out.append((form, kind, values.pop(), abbr))
    # a form that names both a weekday and a month (ja "月" abbreviations) is useless
    forms = {}
    for f, k, v, a in out:
        forms.setdefault(f.lower(), set()).add((k, v))
    out = [t for t in out if len(forms[t[0].lower()]) == 1]
    out.sort(key=lambda t: -len(t[0]))
    return tuple(out)


@functools.lru_cache(maxsize=None)
def _declined(lang: str) -> dict:
    """{form: name} for the declined forms of the language's full weekday and month names that
    its simplemma dictionary lists: the endings a rule cannot guess ("четвер" / "четверга",
    "понеділок" / "понеділка", "září" / "zářím", "listopad" / "listopadem")."""
    from ..text import lexicon
    full = {f.lower(): (f, k, v, a) for f, k, v, a in _names(lang)
            if not a and " " not in f and "-" not in f and len(f) >= 4}
    return {form: full[lemma] for form, lemma in lexicon.forms_of(frozenset(full), lang).items()
            if lemma in full and len(form) >= 4}


def _more_frequent(form: str, name: str, lang: str) -> bool:
    from .entities import zipf
    return zipf(form, lang) > zipf(name, lang)


def _lcp(a: str, b: str) -> int:
    return _numbers._lcp(a, b)


def _words(text: str):
    """(start, end) of words: letters with their combining marks (Devanagari vowel signs are
    not \\w in Python), inner apostrophes and zero-width joiners, and a final "." kept for
    abbreviations."""
    n = len(text)
    i = 0
    while i < n:
        if not _is_letter(text[i]):
            i += 1
            continue
        j = i
        # inner apostrophes, and the zero-width (non-)joiners of Persian and Indic words
        # ("سه‌شنبه" is Tuesday: split at its ZWNJ it would read "شنبه", Saturday)
        while j < n and (_is_letter(text[j]) or (text[j] in "'’\u200c\u200d" and j + 1 < n
                                                   and _is_letter(text[j + 1]) and j > i)):
            j += 1
        end = j + 1 if j < n and text[j] == "." else j
        yield i, end
        i = j


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch).startswith("M")
_SENT_START = re.compile(r"(?:^|[.!?:;«»\"“”„(\[—–-]\s*|\n)\s*$")


def _stem(form: str) -> str:
    f = form.lower().rstrip(".")
    return f[:-1] if f and f[-1] in _numbers._VOWELS else f


def _fleeting_e(form: str) -> str:
    """A West Slavic name without the e its other cases drop: "wtorek" -> "wtork" (wtorku),
    "pátek" -> "pátk" (pátku), "poniedziałek" -> "poniedziałk"."""
    return form[:-2] + form[-1] if len(form) >= 5 and form[-2] == "e" and form[-1] not in _numbers._VOWELS else form


def _inflected(w: str, single, max_ending: int = 3, consonant_endings: bool = False) -> tuple | None:
    """The CLDR name that ``w`` declines: the name's stem (without a final vowel) followed by
    an ending of one to three letters that starts with a vowel ("среду" from "среда",
    "července"/"červenci", "lipca"/"lipcu", "Çarşambaya"), or the whole name followed by such
    an ending ("вторника"). "środek" and "piątej" share only a shorter stem, so they fail."""
    best, best_n, tie = None, 0, False
    for f, k, v, a in single:
        fl = f.lower().rstrip(".")
        if a and len(fl) <= 3:
            continue
        if fl.endswith("ς") and w == fl[:-1] and len(w) >= 4:
            return f, k, v, a  # Greek accusative: "τον Φεβρουάριο" of "Φεβρουάριος"
        for stem in {fl, _stem(fl), _fleeting_e(fl)}:
            if len(stem) < 3 or not w.startswith(stem) or w == stem:
                continue
            ending = w[len(stem):]
            # one letter in Slavic and Baltic languages (the singular cases: "среду", "lipcu",
            # "červenci"; "środek" is another word), up to three in agglutinative ones, where
            # a case suffix may start with a consonant ("temmuzda", "júliusban", "heinäkuussa")
            if len(ending) > max_ending or (ending[0] not in _numbers._VOWELS and not consonant_endings):
                continue
            n = len(stem)
            if n > best_n:
                best, best_n, tie = (f, k, v, a), n, False
            elif n == best_n and best and (best[1], best[2]) != (k, v):
                tie = True
    return best if best and not tie else None


def _compound_head(w: str, single) -> tuple | None:
    """A compound word starting with a full weekday name of five letters or more."""
    for f, k, v, a in single:
        fl = f.lower()
        if k == "weekday" and not a and len(fl) >= 5 and w.startswith(fl) and len(w) - len(fl) >= 4:
            return (f, k, v, a)
    return None


def _after_preposition(text: str, s: int) -> bool:
    """A declined name in Slavic and Baltic text comes after a preposition ("w środę",
    "в пятницу", "do piątku", "v červenci"), maybe with one adjective between ("в прошлую
    среду"), or next to a number ("14 grudnia"); "środek", "piątej generacji" do not."""
    before = re.findall(r"[^\W\d_]+|\d+", text[max(0, s - 40):s])
    if before and before[-1].isdigit():
        return True
    if re.match(r"\s*\d", text[s:].split(None, 1)[-1] if " " in text[s:] else ""):
        return True
    return any(len(x) <= 3 for x in before[-2:])


LOWERCASE_NAME_MIN = 7  # letters: a CLDR-capitalised name this long also counts in lower case


def _case_ok(form: str, surface: str, before: str) -> bool:
    if not form[:1].isalpha() or form[:1].lower() == form[:1].upper():
        return True  # uncased script
    if surface.isupper() and len(surface) > 1:
        return True
    if form[:1].isupper():
        # CLDR capitalises the name, but a language may write it in lower case in running text
        # (Turkish "çarşamba günü", "cumartesi"); a long name is no other word, a short one may
        # be ("may", "march"), so only those must keep the capital
        return surface[:1].isupper() or len(surface) >= LOWERCASE_NAME_MIN
    if surface[:1].isupper():
        return bool(_SENT_START.search(before))  # capitalised mid-sentence: a proper noun
    return True


def _capitalised_weekday_ok(before: str) -> bool:
    """"le Dimanche": a weekday capitalised after an article or preposition is still a day."""
    m = re.search(r"([^\W\d_]+)\s+$", before)
    return bool(m and len(m.group(1)) <= 3 and m.group(1).islower())


def _apostrophe_parts(text: str, spans, exact: dict):
    """Words, with a word that holds an apostrophe and is no name itself cut there: the name
    before a possessive or a suffix ("Tuesday's", Turkish "Ocak'ta"), after an elided article
    or preposition ("d'avril", Italian "dell'aprile")."""
    for s, e in spans:
        w = text[s:e]
        cuts = [k for k, ch in enumerate(w) if ch in "'’"]
        if not cuts or w.lower() in exact:
            yield s, e
            continue
        yield s, s + cuts[0]
        yield s + cuts[-1] + 1, e


def _spaced_matches(text: str, b: str):
    """(start, end, kind, value, abbreviated) of names in a language written with spaces."""
    names = _names(b)
    low = text.lower()
    inflecting = b in _INFLECTING
    procl = _PROCLITICS.get(b, "")
    out = []
    taken: list[tuple[int, int]] = []
    # multi-word forms first ("يوم الأربعاء", "כانون الثاني", "tisdag"...), then words
    for form, kind, value, abbr in names:
        if " " not in form and "-" not in form and "\u200c" not in form:
            continue
        # a zero-width non-joiner is often typed as a space, or left out (Persian "سه شنبه")
        for m in re.finditer(re.escape(form.lower()).replace("\u200c", "[\u200c ]?"), low):
            s, e = m.start(), m.end()
            pre = low[s - 1:s]
            if pre and (pre.isalnum() and not (pre in procl and (s < 2 or not low[s - 2].isalnum()))):
                continue
            if e < len(low) and low[e].isalnum() and not inflecting:
                continue
            while e < len(low) and low[e].isalpha() and inflecting:
                e += 1
            if not _overlaps(s, e, taken):
                out.append((s, e, kind, value, abbr))
                taken.append((s, e))
    single = [(f, k, v, a) for f, k, v, a in names if " " not in f and "-" not in f]
    exact = {}
    for f, k, v, a in single:
        exact.setdefault(f.lower(), (f, k, v, a))
        if f.endswith("."):
            exact.setdefault(f.lower()[:-1], None)  # "janv" without its dot: not a form
    for s, e in _apostrophe_parts(text, _words(text), exact):
        if _overlaps(s, e, taken):
            continue
        surface = text[s:e]
        if surface.endswith(".") and not exact.get(surface.lower()):
            surface, e = surface[:-1], e - 1
        w = surface.lower()
        hit = exact.get(w)
        if hit is None and procl and len(w) > 3 and w[0] in procl:
            h2 = exact.get(w[1:])
            if h2 and not h2[3]:
                hit = h2
        if hit is None and not inflecting and w.endswith("s") and len(w) > 4:
            h2 = exact.get(w[:-1])
            if h2 and not h2[3]:
                hit = h2
        if hit is None and b in _COMPOUNDING and len(w) >= 8:
            hit = _compound_head(w, single)  # "Samstagabend", "zondagavond"
        if hit is None and b in _PREPOSITIONAL and len(w) >= 4:
            hit = _declined(b).get(w)  # a form the language's dictionary lists ("четверга", "zářím")
            if hit and not _after_preposition(text, s) and _more_frequent(w, hit[0].lower(), b):
                hit = None  # more often another word the dictionary files under it: "mają" (maj)
        if hit is None and inflecting and len(w) >= 4:
            hit = _inflected(w, single, 1 if b in _PREPOSITIONAL else 3, b in _AGGLUTINATIVE)
            if hit and b in _PREPOSITIONAL and not _after_preposition(text, s):
                hit = None
        if not hit:
            continue
        form, kind, value, abbr = hit
        if abbr and form.endswith(".") and not text[e:].strip(" \"'”»)]"):
            continue  # "en mer." at the end of a sentence: the dot ends the sentence
        weak = ()
        if not _case_ok(form, surface, text[:s]) and not (
                kind == "weekday" and _capitalised_weekday_ok(text[:s])):
            if not (form[:1].isupper() and surface.islower()):
                continue
            weak = ("weak",)  # "kasım": a short CLDR-capitalised name in lower case, maybe a word
        letters = form.rstrip(".")
        cased = letters[:1].lower() != letters[:1].upper()
        if abbr and len(letters) <= 2 and not cased:
            if not (text[s - 1:s] in "(（" and text[e:e + 1] in ")）"):
                continue  # Korean "수" or Hebrew letters: only as "(수)" after a date
        elif abbr and len(letters) <= 3 and not form.endswith("."):
            nxt = text[e:e + 3]
            prv = text[max(0, s - 3):s]
            if not (nxt.startswith(".") or re.match(r"\.?\s?\d", nxt)
                    or (kind == "month" and re.search(r"\d\.?\s$", prv))):
                continue
            if nxt.startswith("."):
                e += 1
        if abbr and kind == "weekday" and re.match(r"\s*\d+[.,]\d\d(?![.\d])", text[e:]):
            continue  # "Fr. 2.70": an amount after a currency abbreviation, not a Friday
        if kind == "weekday" and value in _HOMOGRAPH_WEEKDAYS.get(b, ()):
            if not _PREPOSITION_BEFORE.search(text[max(0, s - 12):s]) or w.endswith("е"):
                continue
        if kind == "month" and form[:1].isupper() and b == "en" and not _month_context_ok(
                text, s, e):
            continue
        out.append((s, e, kind, value, abbr) + weak)
        taken.append((s, e))
    return out


_EN_MONTH_PREP = re.compile(r"\b(?:in|of|since|until|till|by|from|through|last|next|early|late|"
                            r"mid|to|during|this|that|before|after|between|and|or|on|at|for|"
                            r"as|around|about|every|each|same|whole)\s+$", re.I)


def _month_context_ok(text: str, s: int, e: int) -> bool:
    """An English capitalised month name next to another capitalised word and not next to a
    number or after a preposition is a person's name ("Theresa May", "April Ryan")."""
    before = text[:s]
    after = text[e:]
    if re.match(r"\s*,?\s*\d", after) or re.search(r"\d\s*$", before) or _EN_MONTH_PREP.search(before):
        return True
    prev = re.search(r"([^\W\d_]+)\s+$", before)
    if prev and prev.group(1)[:1].isupper():
        return False
    nxt = re.match(r"\s+([^\W\d_]+)", after)
    if nxt and nxt.group(1)[:1].isupper():
        return False
    return True


def _cjk_matches(text: str, b: str):
    out = []
    taken: list[tuple[int, int]] = []
    for form, kind, value, abbr in _names(b):
        if kind == "month" and re.search(r"\d", form):
            continue  # "12月": found by the digit pattern below
        for m in re.finditer(re.escape(form), text):
            s, e = m.start(), m.end()
            if _overlaps(s, e, taken):
                continue
            if len(form) == 1:
                # a one-character weekday ("水") only in a bracket after a date: "14日（水）"
                if not (text[s - 1:s] in "(（" and text[e:e + 1] in ")）"):
                    continue
            if kind == "month" and text[s - 1:s] and text[s - 1:s] in _numbers._CJK_CHARS:
                continue  # "十一月" was matched whole; "三个月" is no month
            out.append((s, e, kind, value, abbr))
            taken.append((s, e))
    return out


def _overlaps(s, e, spans):
    return any(s < b and a < e for a, b in spans)


_DAY_BEFORE = re.compile(r"(?<![\d.,])(\d{1,2})(?:\.|er|º|-?е|-?го)?\s*(?:de\s+)?$")
_DAY_AFTER = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th)?(?![\d.,]\d)")
_YEAR_AFTER = re.compile(r"^(?:\s*,)?\s*(?:de\s+|of\s+)?(\d{4})(?!\d)(?:\s*(?:г\.|года|roku|r\.|yılı))?")
_CJK_DATE = re.compile(r"(?:(\d{4})\s?[年년]\s?)?(\d{1,2})\s?[月월]\s?(?:(\d{1,2})\s?[日일])?")


_CYRILLIC_APOSTROPHE = re.compile("(?<=[\u0400-\u04ff])['’](?=[\u0400-\u04ff])")


@functools.lru_cache(maxsize=4096)
def _extract(text: str, lang: str) -> tuple[Anchor, ...]:
    b = _base(lang)
    # CLDR writes the apostrophe inside a Cyrillic word as ʼ (пʼятниця), mostly typed as ' or ’;
    # one character for another, so offsets stay
    text = _CYRILLIC_APOSTROPHE.sub("ʼ", text)
    sh = _numbers._shadow(text)
    anchors: list[Anchor] = []
    if b in _NO_SPACE_SCRIPTS:
        matches = _cjk_matches(text, b)
    else:
        matches = _spaced_matches(text, b)
        if b == "ko":
            matches += [m for m in _cjk_matches(text, b)
                        if not any(_overlaps(m[0], m[1], [(x[0], x[1])]) for x in matches)]
    date_spans: list[tuple[int, int]] = []
    for s, e, kind, value, _abbr, *weak in matches:
        extra: tuple = tuple(weak)
        if kind == "month":
            mid = _MID.get(b)
            mm = re.search(r"(?:" + mid + r")$", text[:s], re.I) if mid else None
            if mm:
                extra = extra + ("mid",)
                s = mm.start()
        anchors.append(Anchor(kind, value, s, e, text[s:e], extra))
        if kind == "month":
            ds, de_, day, year = s, e, None, None
            bm = _DAY_BEFORE.search(sh[:s])
            am = _DAY_AFTER.match(sh[e:])
            if bm and 1 <= int(bm.group(1)) <= 31:
                day, ds = int(bm.group(1)), bm.start(1)
            elif am and 1 <= int(am.group(1)) <= 31:
                day, de_ = int(am.group(1)), e + am.end()
            if day is not None:
                ym = _YEAR_AFTER.match(sh[de_:])
                if ym and 1000 <= int(ym.group(1)) <= 2100:
                    year, de_ = int(ym.group(1)), de_ + ym.end(1)
                anchors.append(Anchor("date", (year, value, day), ds, de_, text[ds:de_]))
                date_spans.append((ds, de_))
    # all-digit dates
    for (s, e, y, mo, d, _ds, _ys, ms, ambiguous) in _numbers.numeric_dates(sh, b):
        # a date that reads either way ("12/03/2025" in English) has the other reading as "alt:"
        alt = (f"alt:{d}",) if ambiguous else ()
        anchors.append(Anchor("date", (y, mo, d), s, e, text[s:e], alt))
        anchors.append(Anchor("month", mo, ms[0], ms[1], text[ms[0]:ms[1]], ("numeric",) + alt))
        date_spans.append((s, e))
    # CJK / Korean digit months and dates: 2022年12月14日, 12月, 12월 14일
    for m in _CJK_DATE.finditer(sh):
        mo = int(m.group(2))
        if not 1 <= mo <= 12 or (m.start() and sh[m.start() - 1].isdigit()):
            continue
        anchors.append(Anchor("month", mo, m.start(2), m.end(2) + 1,
                              text[m.start(2):m.end(2) + 1], ("numeric",)))
        if m.group(3) and 1 <= int(m.group(3)) <= 31:
            y = int(m.group(1)) if m.group(1) else None
            anchors.append(Anchor("date", (y, mo, int(m.group(3))), m.start(), m.end(),
                                  text[m.start():m.end()]))
    # years: the plain four-digit numbers the number extractor flags "year"
    for a in _numbers.extract(text, lang):
        if "year" in a.extra:
            anchors.append(Anchor("year", int(a.value), a.start, a.end, a.text))
    # relative day words
    rel = _RELATIVE.get(b, {})
    if rel:
        low = text.lower()
        for word, key in rel.items():
            if b == "de" and word == "morgen":
                pat = r"(?<!\w)morgen(?!\w)"  # lower-case only: "Morgen" is "morning"
                src = text
            else:
                pat = (re.escape(word) if b in _NO_SPACE_SCRIPTS
                       else r"(?<!\w)" + re.escape(word) + r"(?!\w)")
                src = low
            for m in re.finditer(pat, src):
                anchors.append(Anchor("relative", key, m.start(), m.end(), text[m.start():m.end()]))
    anchors.sort(key=lambda a: (a.start, a.end, a.kind))
    return tuple(anchors)


def extract(text: str, lang: str) -> list[Anchor]:
    return list(_extract(text, lang))
