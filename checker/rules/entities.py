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
CLDR names and Latin-script words are anchors, and its other names are reached from the other
side. Beads with an empty side are left to the alignment rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from rapidfuzz import fuzz

from ..anchors import entities as ent
from ..langs import profile
from ..model import Anchor, Bead, Finding, Severity
from .base import Context, Rule, register

# Languages that capitalise every noun: a capitalised word there is no hint of a name.
CAPITALISES_NOUNS = {"de", "lb"}
# Languages that decline names: there a form derived from a territory name is a case form
# (России, Polsce, Rusya'ya); elsewhere it is an adjective or a demonym (Russian, les Russes).
CASE_LANGUAGES = {"ru", "uk", "be", "bg", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "lt", "lv",
                  "fi", "et", "hu", "tr", "az", "kk", "uz", "ka", "hy", "el", "is", "ro", "sq"}
# Languages whose capitals are weak evidence of a name: English (titles, institutions,
# adjectives of nationality) and German (every noun).
WEAK_CAPITALS = {"en", "de", "lb", "nl"}
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
    """The acronym's letters in another order, or as initials of consecutive words."""
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
    return False


def _territory_in(codes: set[str], sents, lang: str) -> bool:
    """A territory/city named in the sentences, in any case or inflection (russe, Russlands),
    or by a one-character abbreviation in Chinese and Japanese (美方, 中美)."""
    terr = {c.split(":", 1)[1] for c in codes if c.startswith("territory:")}
    if profile(lang).capitalises_names:
        for s in sents:
            for _, _, t in ent._tokens(s.text):
                if codes & ent.territory_forms(t, lang):
                    return True
    else:
        for s in sents:
            for _, _, ex in ent._known_in_uncased(s.text, lang):
                if codes & set(ex):
                    return True
            abbr = ent.ABBREVIATIONS.get(profile(lang).code, {})
            if any(code in terr and ch in s.text for ch, code in abbr.items()):
                return True
    return False


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
        return 1 if _codes(a) else 0
    if _codes(a):
        if _is_derived(a, lang):
            # Russian, Москвы: a form of the name; the other language may render an adjective
            # with a word CLDR does not know (российский, الروسي, 俄方), so it proves nothing
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
        pref = ent.case_preference(raw) if raw else None
        z, spec = ent.specificity(raw or w, base)
        cap = pref == float("-inf") or (pref is not None and pref <= -1.5)
        if prof.script == "Latn":
            if (z >= 2.5 and spec < 0.8) or (cap and spec < 0.85):
                return 2
            if z < 2.5 and base != "de":
                return 2  # a rare word that is not a common word of the language: a name
            if z < 2.5 and not ent.is_common_word(raw or w, base):
                level = max(level, 1)  # German: a rare noun or a name
        else:  # no sister-language frequencies to compare with: rare words and the vocabulary
            if pref is not None and pref <= -1.5 and pref != float("-inf"):
                return 2
            if z < 3.0:
                level = max(level, 1)
    return level


def _raw_word(text: str, key_word: str) -> str | None:
    """The word of ``text`` whose latin key is ``key_word`` (to look it up in its own script)."""
    for _, _, t in ent._tokens(text):
        if ent.latin_key(t).replace(" ", "") == key_word:
            return t
    return None


def _free_capitalised(sents, lang: str, anchors: list[Anchor]) -> int:
    """Runs of capitalised words (not sentence-initial) outside every name anchor.

    Such runs are what a translated name looks like in a language that capitalises names
    ("Northern Fleet" for "Северного флота"): they may account for an unmatched name of the
    other side that is not surely a carried-over name. A run right before or after a name is
    a title ("Defense Minister Sergei Shoigu", "Pope Francis") and accounts for nothing.
    """
    if not profile(lang).capitalises_names or profile(lang).code in CAPITALISES_NOUNS:
        return 0
    cal = ent.calendar_words(lang)
    runs = 0
    for s in sents:
        spans = []  # [start, end] of runs, sentence offsets
        for ts, te, t in ent._tokens(s.text):
            a0 = s.start + ts
            if not t[:1].isupper() or len(t) < 2 or t.lower() in cal or ent._is_initial(s.text, ts) \
                    or any(m.start <= a0 < m.end for m in anchors):
                spans.append(None)
                continue
            if spans and spans[-1] is not None and s.text[spans[-1][1]:ts].strip(" -") == "":
                spans[-1][1] = te
            else:
                spans.append([ts, te])
        for sp in spans:
            if sp is None:
                continue
            a0, a1 = s.start + sp[0], s.start + sp[1]
            next_to_name = any(re.fullmatch(r"[\s\-]*", ctx_text) for m in anchors
                               for ctx_text in (_between(s, a1, m.start), _between(s, m.end, a0)))
            if not next_to_name:
                runs += 1
    return runs


def _absorbs(n: Name) -> bool:
    """An unmatched capitalised word that is probably a translated name (not a derived form)."""
    return n.level == 0 and not _codes(n.anchor) and "modifier" not in n.anchor.extra \
        and "acronym" not in n.anchor.extra


def _between(sent, a: int, b: int) -> str:
    """Text of the sentence between document offsets a and b ("x" if they are not in order)."""
    if not (sent.start <= a <= b <= sent.end):
        return "x"
    return sent.text[a - sent.start:b - sent.start]


def analyse(ctx: Context) -> list[BeadAnalysis]:
    key = "entities.analysis"
    if key in ctx.cache:
        return ctx.cache[key]
    out = []
    sl, tl = ctx.source.lang, ctx.target.lang
    renderings = []  # (source word, (score, start, end) in the target, bead result, name)
    for bead in ctx.beads:
        if not bead.source or not bead.target:
            continue
        src_a, tgt_a = ctx.bead_anchors(bead, ["entity"])
        ssents, tsents = _sentences(ctx.source, bead.source), _sentences(ctx.target, bead.target)
        res = BeadAnalysis(bead)
        srcs = [Name(a, "source", level=_strength(a, sl, tl), lang=profile(sl).code) for a in src_a]
        tgts = [Name(a, "target", level=_strength(a, tl, sl), lang=profile(tl).code) for a in tgt_a]
        for names, nl, others, olang, osents in ((srcs, sl, tgt_a, tl, tsents),
                                                  (tgts, tl, src_a, sl, ssents)):
            for n in names:
                codes = _codes(n.anchor)
                if codes and (any(codes & _codes(o) for o in others)
                              or _territory_in(codes, osents, olang)):
                    n.matched = True
                    continue
                if codes and not (profile(olang).script in ent.ALPHABETIC_SCRIPTS
                                  and profile(nl).script in ent.ALPHABETIC_SCRIPTS):
                    continue  # CLDR has its name in that language: it is not there
                if "acronym" in n.anchor.extra and _acronym_found(n.anchor.text, osents, olang):
                    n.matched = True
                    continue
                # spans of CLDR names on the other side render those names, not this one
                exclude = [] if codes or profile(olang).spaces else \
                    [(o.start, o.end) for o in others if _codes(o)]
                best = _best_counterpart(n, nl, osents, olang, MATCH, exclude)
                # a territory or city not found under its CLDR name: only a close form will do
                need = 0.85 if codes else _threshold(nl, olang)
                n.matched = best is not None and best[0] >= need
                if not n.matched and not codes and len(n.anchor.value.split()) == 1:
                    # a demonym or adjective of a territory: Ruslarla / Russes
                    forms = ent.territory_forms(n.anchor.text, nl)
                    n.matched = bool(forms) and _territory_in(forms, osents, olang)
                if n.matched and n.side == "source" and not codes:
                    own = _best_counterpart(n, nl, osents, olang, MATCH, exclude, last_only=True)
                    if own[0] >= need:
                        renderings.append((_words(n.anchor.value)[-1], own, res, n))
        # garbled: a source name word whose closest target word is a corruption of it
        same_alpha = (profile(sl).script in ent.ALPHABETIC_SCRIPTS
                      and profile(tl).script == profile(sl).script)
        for n in srcs:
            g = _garbled(n, sl, tsents, tl, same_alpha)
            if g:
                res.garbled.append((n,) + g)
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
        # capitalised words that may be translated names, on each side
        free_t = _free_capitalised(tsents, tl, tgt_a) + sum(1 for n in add if _absorbs(n))
        free_s = _free_capitalised(ssents, sl, src_a) + sum(1 for n in miss if _absorbs(n))
        miss = [n for n in miss if n.level > 0]
        add = [n for n in add if n.level > 0]
        while miss and add:
            res.replaced.append((miss.pop(0), add.pop(0)))
        for names, free, sink in ((miss, free_t, res.missing), (add, free_s, res.added)):
            for n in names:
                if n.level == 1 and free > 0:
                    free -= 1  # may be rendered by a translated name of the other side
                else:
                    sink.append(n)
        out.append(res)
    _inconsistent_renderings(ctx, renderings)
    ctx.cache[key] = out
    return out


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
            if counts[f] >= counts[canon] and score[f] > score[canon] - 0.05:
                continue  # as frequent and as close to the source: no telling which is right
            if any(g[1] < best[2] and best[1] < g[2] for g in res.garbled):
                continue
            res.garbled.append((n, best[1], best[2], text))


def _garbled(n: Name, nl: str, tsents, tl: str, same_alpha: bool):
    """(start, end, text) of a garbled rendering of source name ``n`` in the target, or None."""
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
            if not same_alpha:
                continue
            if any(ent.name_similarity(w, nl, k, tl) >= 0.95 for k in keys):
                continue  # the word is there as expected
            for (ts, te, t), k in zip(toks, keys):
                if t[:1].isupper() and ent.is_garbled_variant(w, k):
                    return (s.start + ts, s.start + te, t)
    return None


def _severity(n: Name, default: Severity, strong: Severity | None = None) -> Severity:
    """The rule's severity for a carried-over name; info for a capitalised word of a language
    that capitalises more than names (English titles, German nouns), which may be translated."""
    if n.level >= 2 or n.lang not in WEAK_CAPITALS or "acronym" in n.anchor.extra:
        return strong or default
    return Severity.INFO


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
    transliteration-compatible span (Shoigu / Choïgou / Шойгу / 绍伊古), nor an inflected or
    cognate form.

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
                yield self.finding(
                    f'name "{a.text}" in the source has no counterpart in the translation',
                    source=ctx.source.span(a.start, a.end),
                    target=ctx.target.sentence_span(res.bead.target), severity=sev)


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
    the translation has, in its place, a name with no counterpart in the source.

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
                yield self.finding(
                    f'name "{s.anchor.text}" in the source is "{t.anchor.text}" in the translation',
                    source=ctx.source.span(s.anchor.start, s.anchor.end),
                    target=ctx.target.span(t.anchor.start, t.anchor.end),
                    severity=Severity.ERROR if min(s.level, t.level) >= 2 else
                    max(_severity(s, Severity.WARNING), _severity(t, Severity.WARNING)))


@register
class EntityAdded(_EntityRule):
    """Flags a name in the translation that has no counterpart in the source.

    What it flags
    -------------
    A person, place or organisation name in a translated sentence for which the aligned
    source sentence has no territory, city, transliteration-compatible or cognate form.

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
                yield self.finding(
                    f'name "{a.text}" in the translation has no counterpart in the source',
                    source=ctx.source.sentence_span(res.bead.source),
                    target=ctx.target.span(a.start, a.end), severity=_severity(n, self.severity))
