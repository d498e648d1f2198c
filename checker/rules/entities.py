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

from ..anchors import entities as ent
from ..langs import profile
from ..model import Anchor, Bead, Finding, Severity
from .base import Context, Rule, register

# Languages that capitalise every noun: a capitalised word there is no hint of a name.
CAPITALISES_NOUNS = {"de", "lb"}
MATCH = 0.8  # name_similarity at or above which two spans render the same name
NEAR = 0.62  # ... and below which a span is unrelated


@dataclass
class Name:
    anchor: Anchor
    side: str  # "source" or "target"
    matched: bool = False
    weak: bool = False  # used for matching, never reported
    level: int = 0  # how surely a carried-over name: see _strength


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
            if ent._is_acronym(t) and sorted(c for c in ent.latin_key(t) if c.isalpha()) == letters:
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
                tl = t.lower()
                exs = [ent.known_names(lang).get(tl)] + ent._inflected_all(tl, lang)
                if any(ex and codes & set(ex) for ex in exs):
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


def _best_counterpart(name: Name, name_lang: str, sents, lang: str, threshold: float):
    """(score, start, end) of the rendering of the name in the sentences (doc offsets).

    A name of several words is there when its last word (the surname, the head of a place
    name) is there, or at least half of its words: "Erdogan" renders "Recep Tayyip Erdogan",
    but "Donald Erwin" does not render "Donald Trump".
    """
    words = _words(name.anchor.value)
    found = []
    for w in words:
        best = None
        for s in sents:
            r = ent.find_counterpart(w, s.text, lang, name_lang, threshold=0.0)
            if r and (best is None or r[2] > best[0]):
                best = (r[2], s.start + r[0], s.start + r[1])
        found.append(best or (0.0, -1, -1))
    if len(found) == 1:
        return found[0]
    last = found[-1]
    ok = sorted(found, key=lambda f: -f[0])[(len(found) - 1) // 2]  # the median-best word
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
        return 0  # US-Dollar, UN-Experte: part of a compound word
    if _codes(a):
        if _is_derived(a, lang):
            # Russian, Москвы: a form of the name; an uncased language's adjectives (الروسي,
            # 俄方) are beyond CLDR, so there it proves nothing
            return 1 if profile(other_lang).capitalises_names else 0
        return 2
    if "acronym" in a.extra:
        # Latin acronyms are carried over between Latin-script languages and out of uncased
        # scripts (SWAPO in Chinese); other acronyms are translated (США, ВМФ; COVID for 新冠)
        if prof.script == "Latn" and (profile(other_lang).script == "Latn" or not prof.capitalises_names):
            return 1
        return 0
    if not prof.capitalises_names:
        return 2
    base = prof.code
    level = 0
    if base not in ("en", "de") and "initial" not in a.extra:
        level = 1  # a language that capitalises only names, in the middle of a sentence
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
            if (z >= 2.5 and spec < 0.8) or (cap and spec < 1.0):
                return 2
            if z < 2.5 and not (base == "de" and ent.is_common_word(raw or w, base)):
                level = max(level, 1)
        else:  # no sister-language frequencies to compare with: rare words and the vocabulary
            if cap:
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
    other side that is not surely a carried-over name.
    """
    if not profile(lang).capitalises_names or profile(lang).code in CAPITALISES_NOUNS:
        return 0
    cal = ent.calendar_words(lang)
    runs = 0
    for s in sents:
        prev_end = None
        for ts, te, t in ent._tokens(s.text):
            a0 = s.start + ts
            if not t[:1].isupper() or len(t) < 2 or t.lower() in cal or ent._is_initial(s.text, ts) \
                    or any(m.start <= a0 < m.end for m in anchors):
                prev_end = None
                continue
            if prev_end is None or s.text[prev_end:ts].strip(" -") != "":
                runs += 1
            prev_end = te
    return runs


def analyse(ctx: Context) -> list[BeadAnalysis]:
    key = "entities.analysis"
    if key in ctx.cache:
        return ctx.cache[key]
    out = []
    sl, tl = ctx.source.lang, ctx.target.lang
    for bead in ctx.beads:
        if not bead.source or not bead.target:
            continue
        src_a, tgt_a = ctx.bead_anchors(bead, ["entity"])
        ssents, tsents = _sentences(ctx.source, bead.source), _sentences(ctx.target, bead.target)
        res = BeadAnalysis(bead)
        srcs = [Name(a, "source", level=_strength(a, sl, tl)) for a in src_a]
        tgts = [Name(a, "target", level=_strength(a, tl, sl)) for a in tgt_a]
        for names, nl, others, olang, osents in ((srcs, sl, tgt_a, tl, tsents),
                                                  (tgts, tl, src_a, sl, ssents)):
            for n in names:
                codes = _codes(n.anchor)
                if codes and (any(codes & _codes(o) for o in others)
                              or _territory_in(codes, osents, olang)):
                    n.matched = True
                    continue
                if codes and not profile(olang).capitalises_names:
                    continue  # CLDR has its name in that language: it is not there
                if "acronym" in n.anchor.extra and _acronym_found(n.anchor.text, osents, olang):
                    n.matched = True
                    continue
                best = _best_counterpart(n, nl, osents, olang, MATCH)
                n.matched = best is not None and best[0] >= _threshold(nl, olang)
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
        free_t = _free_capitalised(tsents, tl, tgt_a) + sum(1 for n in add if n.level == 0)
        free_s = _free_capitalised(ssents, sl, src_a) + sum(1 for n in miss if n.level == 0)
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
    ctx.cache[key] = out
    return out


def _garbled(n: Name, nl: str, tsents, tl: str, same_alpha: bool):
    """(start, end, text) of a garbled rendering of source name ``n`` in the target, or None."""
    words = [w for w in _words(n.anchor.value) if len(w) >= 4]
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
                sev = Severity.ERROR if _codes(a) else None
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
                    target=ctx.target.span(t.anchor.start, t.anchor.end))


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
                    target=ctx.target.span(a.start, a.end))
