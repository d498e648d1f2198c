"""Repetition: garbled duplicates, repeated sentences and decoding loops in the translation.

All three rules share one scan of the translation (``_scan``), computed once per pair and kept in
``ctx.cache``. Words come from ``checker.text.tokens``; in scripts written without spaces (Chinese,
Japanese, Thai...) the repeated unit is searched character by character, since a reduplicated
word is not always cut the same way twice by a subword model.

A repetition is never reported when the source of the same bead repeats something too (the
translation mirrors an emphasis or a name such as "Bora Bora"), nor when the language profile
lists the double as grammatical (French "nous nous", German "die die", Chinese 一个一个).
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

from ..langs import profile
from ..model import Bead, Document, Severity
from ..text.tokens import is_nospace_script, token_script, tokens
from .base import Context, Rule, register

_QUOTES = "\"'\u00ab\u00bb\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2039\u203a\u300c\u300d\u300e\u300f\u301d\u301e\uff02\uff07"
_TERMINATORS = ".!?\u2026\u3002\uff01\uff1f\uff0e\u0964\u06d4\u061f"
_CLOSERS = ")]}\uff09\u3011\u300b"
_OPENERS = "([{\uff08\u3010\u300a"
_LIGHT_RE = re.compile(rf"[\s{re.escape(_QUOTES + _OPENERS + _CLOSERS)}]*")
_BOUNDARY_RE = re.compile(rf"[\s{re.escape(_QUOTES + _CLOSERS)}]*[{re.escape(_TERMINATORS)}]+[\s{re.escape(_QUOTES + _CLOSERS)}]*")

_COMMA_RE = re.compile(r"\s*[,\uff0c\u3001]\s*")
MAX_WORDS = 4       # longest repeated phrase in words (spaced scripts)
MAX_CHARS = 12      # longest repeated unit in characters (scripts without spaces)
FRAGMENT_WORDS = 3  # a "sentence" of at most this many words may be a garbled copy
TAIL_WORDS = 6      # ... of the last words of the previous sentence


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    text: str
    key: str
    char: bool  # a character of a script without spaces (else a word)


@dataclass(frozen=True)
class Repeat:
    kind: str          # "adjacent" or "fragment"
    first: tuple[int, int]   # character span of the earlier copy
    copies: tuple[tuple[int, int], ...]  # character spans of the later copies
    count: int         # number of copies in a row, the first included
    unit: str          # the repeated text as written in the first copy
    context: tuple[int, int]  # span quoted in the message
    cjk_short: bool = False  # a 2-character unit doubled once in a script without spaces
    across: bool = False     # the copies are separated by a sentence end
    comma: bool = False      # the copies are separated by a comma (a phrase of 2+ words)


def _key(tok: str) -> str:
    return unicodedata.normalize("NFKC", tok).casefold().replace("\u2019", "'")


def _units(text: str, lang: str) -> list[Unit]:
    out: list[Unit] = []
    for s, e, tok in tokens(text, lang):
        if is_nospace_script(token_script(tok)):
            for k in range(s, e):
                out.append(Unit(k, k + 1, text[k], _key(text[k]), True))
        else:
            out.append(Unit(s, e, tok, _key(tok), False))
    return out


def _junction(text: str, a: Unit, b: Unit) -> str:
    """How two consecutive units are separated: "light" (spaces, quotes, nothing), "boundary"
    (a sentence end or a line break), or "heavy" (a comma, a dash, a bracket...)."""
    sep = text[a.end:b.start]
    if _LIGHT_RE.fullmatch(sep):
        return "boundary" if "\n" in sep or "\r" in sep else "light"
    if _BOUNDARY_RE.fullmatch(sep):
        return "boundary"
    return "heavy"


def _has_letter(s: str) -> bool:
    return any(ch.isalpha() for ch in s)


def _is_kana(s: str) -> bool:
    return all("\u3040" <= ch <= "\u30ff" for ch in s)


def _lower_start(s: str) -> bool:
    for ch in s:
        if ch.isalpha():
            return ch.islower()
    return False


def _fragments(text: str, units: list[Unit]) -> list[tuple[int, int]]:
    """Unit index ranges [i, j) between sentence boundaries."""
    out = []
    start = 0
    for k in range(1, len(units) + 1):
        if k == len(units) or _junction(text, units[k - 1], units[k]) == "boundary":
            out.append((start, k))
            start = k
    return out


def find_repeats(text: str, lang: str) -> list[Repeat]:
    """Adjacent repetitions of a word/phrase/character unit and garbled fragment copies."""
    prof = profile(lang)
    units = _units(text, lang)
    keys = [u.key for u in units]
    n_units = len(units)
    junction = [_junction(text, units[k], units[k + 1]) for k in range(n_units - 1)]
    found: list[Repeat] = []
    i = 0
    while i < n_units:
        best = None
        for n in range(1, MAX_CHARS + 1):
            if i + 2 * n > n_units:
                break
            unit_units = units[i:i + n]
            if not all(u.char for u in unit_units) and n > MAX_WORDS:
                break
            if keys[i:i + n] != keys[i + n:i + 2 * n]:
                continue
            # the unit must not straddle a sentence boundary
            if any(junction[k] == "boundary" for k in range(i, i + n - 1)):
                continue
            k = 1
            comma = False
            while True:
                a = i + k * n
                if a + n > n_units or keys[a:a + n] != keys[i:i + n]:
                    break
                if junction[a - 1] == "heavy":
                    # a phrase of two or more words (characters) repeated after a comma ("en
                    # Moscú, en Moscú"); one word after a comma is emphasis ("très, très")
                    if not (k == 1 and n >= 2 and _COMMA_RE.fullmatch(text[units[a - 1].end:units[a].start])):
                        break
                    comma = True
                if junction[a - 1] == "boundary":
                    # across a sentence end only when the copy is the whole next "sentence" and
                    # the first copy is not a whole sentence too (a repeated sentence is REP102's)
                    whole = (a + n == n_units or junction[a + n - 1] == "boundary")
                    first_whole = i == 0 or junction[i - 1] == "boundary"
                    if not (k == 1 and whole and not first_whole and _ok_across_boundary(units, i, n)):
                        break
                k += 1
            if k >= 2:
                best = (n, k)
                break
        if best is None:
            i += 1
            continue
        n, k = best
        first = (units[i].start, units[i + n - 1].end)
        unit_text = text[first[0]:first[1]]
        copies = tuple((units[i + c * n].start, units[i + c * n + n - 1].end) for c in range(1, k))
        if _legitimate(unit_text, units[i:i + n], k, prof):
            i += 1
            continue
        nchars = sum(len(u.text) for u in units[i:i + n]) if units[i].char else 0
        found.append(Repeat("adjacent", first, copies, k, unit_text,
                            (first[0], copies[-1][1]),
                            cjk_short=bool(units[i].char and nchars == 2 and k == 2),
                            across=junction[i + n - 1] == "boundary", comma=comma))
        i += (k - 1) * n  # the last copy may start another repetition
    found.extend(_fragment_copies(text, units, prof, {r.copies[0][0] for r in found}))
    found.sort(key=lambda r: r.first)
    return found


def _ok_across_boundary(units: list[Unit], i: int, n: int) -> bool:
    # "J. J. Abrams", "U. S.": an initial before a full stop is not a sentence end
    return not _abbreviation(units[i + n - 1])


def _abbreviation(u: Unit) -> bool:
    """An initial or a dotted abbreviation ("J", "G.O", "U.S") before a full stop: the full stop
    does not end a sentence."""
    return not u.char and (sum(ch.isalpha() for ch in u.text) < 2 or "." in u.text)


def _legitimate(unit_text: str, unit_units: list[Unit], count: int, prof) -> bool:
    key = " ".join(u.key for u in unit_units) if not unit_units[0].char else "".join(u.key for u in unit_units)
    if not _has_letter(unit_text) and not any(ch.isdigit() for ch in unit_text):
        return True
    if count == 2 and f"{key} {key}" in prof.valid_doubles:
        return True
    if unit_units[0].char:
        nchars = len(key)
        if prof.valid_reduplication and re.fullmatch(prof.valid_reduplication, key):
            return count == 2
        if nchars == 1:
            # 谢谢, 看看, 人人, 常常: single-character reduplication is normal; a run of 3+ is not
            return count < 3 or key in "\u3005\u30fc\u0e46"
        if count == 2 and _is_kana(key) and nchars <= 3:  # いろいろ, どんどん, ますます
            return True
    return False


def _fragment_copies(text: str, units: list[Unit], prof, seen: set[int]) -> list[Repeat]:
    """A short "sentence" (<= 3 words) that repeats words from the end of the previous one:
    "...the Russian Ministry of Defense said. defense. It was..."."""
    out = []
    frags = _fragments(text, units)
    for (ps, pe), (fs, fe) in zip(frags, frags[1:]):
        n = fe - fs
        if not (1 <= n <= FRAGMENT_WORDS) or pe - ps < n + 1 or units[fs].start in seen:
            continue
        frag = units[fs:fe]
        if any(u.char for u in frag):
            if sum(len(u.text) for u in frag) < 2:
                continue
        elif sum(ch.isalpha() for u in frag for ch in u.text) < 3:
            continue
        if _abbreviation(units[pe - 1]):  # "G.O. Dyhrenfurth": an initial, not a sentence end
            continue
        fkeys = [u.key for u in frag]
        tail_start = max(ps, pe - TAIL_WORDS - n)
        hit = None
        for a in range(pe - n, tail_start - 1, -1):
            if [u.key for u in units[a:a + n]] == fkeys:
                hit = a
                break
        if hit is None:
            continue
        ctx_start = units[max(ps, hit - 2)].start
        ctx_end = units[pe - 1].end
        m = _BOUNDARY_RE.match(text, ctx_end)
        if m:
            ctx_end += len(m.group().rstrip())
        out.append(Repeat("fragment", (units[hit].start, units[hit + n - 1].end),
                          ((frag[0].start, frag[-1].end),), 2,
                          text[units[hit].start:units[hit + n - 1].end], (ctx_start, ctx_end)))
    return out


# ------------------------------------------------------------------------------ shared helpers

def _sentence_at(doc: Document, offset: int) -> int | None:
    starts = [s.start for s in doc.sentences]
    k = bisect.bisect_right(starts, offset) - 1
    if k >= 0 and doc.sentences[k].start <= offset < max(doc.sentences[k].end, doc.sentences[k].start + 1):
        return k
    return None


def target_beads(ctx: Context) -> dict[int, Bead]:
    """Target sentence index -> the bead it belongs to."""
    m = ctx.cache.get("repetition:target_beads")
    if m is None:
        m = {j: b for b in ctx.beads for j in b.target}
        ctx.cache["repetition:target_beads"] = m
    return m


def _source_indices(ctx: Context, start: int, end: int) -> list[int]:
    tb = target_beads(ctx)
    idx = set()
    for off in (start, max(start, end - 1)):
        j = _sentence_at(ctx.target, off)
        if j is not None and j in tb:
            idx.update(tb[j].source)
    return sorted(idx)


def _source_repeats(ctx: Context, indices: list[int], comma: bool = False) -> bool:
    """The source sentences repeat something too (the translation mirrors them); a phrase
    repeated after a comma ("罗马，罗马斗兽场": Rome, the Rome Colosseum) excuses only the same."""
    if not indices:
        return False
    text = "\n".join(ctx.source.sentences[i].text for i in indices)
    key = ("repetition:src", text)
    if key not in ctx.cache:
        ctx.cache[key] = find_repeats(text, ctx.source.lang)
    return any(comma or not r.comma for r in ctx.cache[key])


def _scan(ctx: Context) -> list[Repeat]:
    r = ctx.cache.get("repetition:scan")
    if r is None:
        r = find_repeats(ctx.target.text, ctx.target.lang)
        ctx.cache["repetition:scan"] = r
    return r


def _q(s: str, limit: int = 80) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "\u2026"


def _source_span(ctx: Context, indices: list[int]):
    return ctx.source.sentence_span(indices) if indices else None


# ------------------------------------------------------------------------------------ rules

@register
class RepeatedWords(Rule):
    """Flags a word or phrase that the translation repeats by accident.

    What it flags
    -------------
    A word or phrase of one to four words (in Chinese, Japanese or Thai, a unit of two or more
    characters) written twice in a row, also across quotes, a change of case, or a full stop
    ("said. defense."), and a short "sentence" of one to three words that repeats words from the
    end of the previous sentence. Not flagged: doubles the language uses on purpose (French
    "nous nous", German "die die", Chinese 谢谢 or 一个一个, Japanese いろいろ), and repetitions
    mirrored by the source ("Bora Bora").

    Why it matters
    --------------
    A doubled word is the most visible sign of a garbled machine translation: readers notice it
    at once and stop trusting the text.

    Example
    -------
    "...the Russian Ministry of Defense said. defense. It was..." for "...a indiqué le ministère
    russe de la Défense. C'était...": 'defense' repeats 'Defense' from 'Ministry of Defense said.'.
    """
    code = "REP101"
    name = "repeated-words"
    category = "repetition"
    severity = Severity.ERROR
    needs = ("alignment",)

    def check(self, ctx: Context) -> Iterator:
        text = ctx.target.text
        for r in _scan(ctx):
            if r.count != 2:
                continue
            src = _source_indices(ctx, r.first[0], r.copies[-1][1])
            if _source_repeats(ctx, src, r.comma):
                continue
            copy = text[r.copies[0][0]:r.copies[0][1]]
            ctx_text = _q(text[r.context[0]:r.context[1]])
            if r.kind == "fragment":
                msg = f"'{copy}' repeats '{r.unit}' from '{ctx_text}'"
            else:
                msg = f"'{copy}' repeats '{r.unit}' ('{ctx_text}')"
            sev = Severity.ERROR
            if r.cjk_short or r.comma:
                # could be an ABAB verb reduplication (研究研究), or a rhetorical repetition
                # ("thank you, thank you")
                sev = Severity.WARNING
            elif (r.kind == "fragment" or r.across) and _has_case(copy) and not _lower_start(copy):
                sev = Severity.WARNING  # a capitalised one-word sentence may be rhetorical
            src_span = _source_span(ctx, src)
            if src_span is not None:
                msg += "; the source does not repeat it"
            yield self.finding(msg, source=src_span, target=ctx.target.span(*r.copies[0]), severity=sev)


def _has_case(s: str) -> bool:
    return any(ch.isupper() or ch.islower() for ch in s if ch.isalpha())


@register
class NgramLoop(Rule):
    """Flags a decoding loop: the same word or phrase over and over.

    What it flags
    -------------
    A word or phrase repeated three or more times in a row ("the the the the", "of the state of
    the state of the state"), or a phrase of three or more words that occurs three or more times
    in one sentence and covers half of it. In Chinese and Japanese a single character written
    three or more times in a row counts too. Not flagged when the source repeats as well.

    Why it matters
    --------------
    Neural translation models sometimes fall into a loop and emit the same words until they hit
    a length limit; the rest of the sentence is usually lost with it.

    Example
    -------
    "...registered in Spain Spain Spain Spain." for "...in Spanien registriert.".
    """
    code = "REP103"
    name = "ngram-loop"
    category = "repetition"
    severity = Severity.ERROR
    needs = ("alignment",)

    def check(self, ctx: Context) -> Iterator:
        text = ctx.target.text
        reported: list[tuple[int, int]] = []
        for r in _scan(ctx):
            if r.count < 3:
                continue
            src = _source_indices(ctx, r.first[0], r.copies[-1][1])
            if _source_repeats(ctx, src):
                continue
            span = (r.copies[0][0], r.copies[-1][1])
            reported.append((r.first[0], span[1]))
            yield self.finding(
                f"'{_q(r.unit, 40)}' is repeated {r.count} times in a row "
                f"('{_q(text[r.first[0]:span[1]])}')",
                source=_source_span(ctx, src), target=ctx.target.span(*span))
        yield from self._scattered(ctx, reported)

    def _scattered(self, ctx: Context, reported) -> Iterator:
        """A 3+-word n-gram occurring 3+ times in one sentence and covering half of it."""
        for sent in ctx.target.sentences:
            if any(a < sent.end and b > sent.start for a, b in reported):
                continue
            us = [u for u in _units(sent.text, ctx.target.lang) if not u.char]
            if len(us) < 9:
                continue
            keys = [u.key for u in us]
            for n in range(3, 9):
                counts: dict[tuple, list[int]] = {}
                for k in range(len(keys) - n + 1):
                    counts.setdefault(tuple(keys[k:k + n]), []).append(k)
                hits = []
                for gram, pos in counts.items():
                    # non-overlapping occurrences
                    kept = []
                    for p in pos:
                        if not kept or p >= kept[-1] + n:
                            kept.append(p)
                    if len(kept) >= 3 and len(kept) * n >= 0.5 * len(keys) and _has_letter("".join(gram)):
                        hits.append((gram, kept))
                if hits:
                    gram, kept = max(hits, key=lambda h: len(h[1]))
                    tb = target_beads(ctx)
                    b = tb.get(sent.index)
                    src = list(b.source) if b else []
                    if _source_repeats(ctx, src) or self._source_loops(ctx, src, n):
                        break
                    a = sent.start + us[kept[1]].start
                    e = sent.start + us[kept[-1] + n - 1].end
                    g = " ".join(u.text for u in us[kept[0]:kept[0] + n])
                    yield self.finding(
                        f"'{g}' occurs {len(kept)} times and fills most of the sentence "
                        f"('{_q(sent.text)}')",
                        source=_source_span(ctx, src), target=ctx.target.span(a, e))
                    break

    @staticmethod
    def _source_loops(ctx: Context, src: list[int], n: int) -> bool:
        text = " ".join(ctx.source.sentences[i].text for i in src)
        us = [u.key for u in _units(text, ctx.source.lang)]
        grams: dict[tuple, int] = {}
        for k in range(len(us) - n + 1):
            g = tuple(us[k:k + n])
            grams[g] = grams.get(g, 0) + 1
        return any(c >= 3 for c in grams.values())


# --------------------------------------------------------------------------- repeated sentence

_FULLWIDTH_TERMINATORS = "\u3002\uff01\uff1f"  # 。！？ are not followed by a space
_CLAUSE_SPLIT = re.compile(rf"(?<=[{re.escape(_TERMINATORS)}])[{re.escape(_QUOTES + _CLOSERS)}]*\s+"
                           rf"|(?<=[{_FULLWIDTH_TERMINATORS}])[{re.escape(_QUOTES + _CLOSERS)}]*(?=\S)")
_PUNCT_RE = re.compile(r"[^\w\s]+")


def _norm_sentence(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return " ".join(_PUNCT_RE.sub(" ", s).split())


def _clauses(doc: Document) -> list[tuple[int, int, int]]:
    """(sentence index, start, end) of each sentence, cut again at inner sentence ends (a
    presegmented line may hold two sentences); not after an initial ("E. P. Hillary")."""
    out = []
    for s in doc.sentences:
        pos = 0
        for m in _CLAUSE_SPLIT.finditer(s.text):
            before = s.text[pos:m.start()].rstrip(_TERMINATORS + _QUOTES + _CLOSERS)
            last = before.split()[-1] if before.split() else ""
            if not last or (sum(ch.isalpha() for ch in last) < 2 and not is_nospace_script(token_script(last))) \
                    or "." in last:
                continue
            out.append((s.index, s.start + pos, s.start + m.start()))
            pos = m.end()
        out.append((s.index, s.start + pos, s.end))
    return out


def _long_enough(text: str, norm: str, lang: str) -> bool:
    """A sentence worth comparing: long, and running text rather than a caption or a reference
    made of names and numbers (those repeat legitimately)."""
    if not profile(lang).spaces:
        # four words of Chinese or Japanese, at one and a half to two characters a word
        return len(norm.replace(" ", "")) >= 6
    if len(norm) < 15 or len(norm.split()) < 4:
        return False
    words = [t for _, _, t in tokens(text, lang)]
    if any(ch.isupper() or ch.islower() for w in words for ch in w):  # a cased script
        return sum(1 for w in words if w[:1].islower() and sum(ch.isalpha() for ch in w) >= 2) >= 3
    return True


def _near_duplicates(texts: list[str], cutoff: float) -> list[tuple[int, int]]:
    from rapidfuzz import fuzz, process

    pairs = []
    if len(texts) < 2:
        return pairs
    m = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=cutoff, workers=1)
    n = len(texts)
    for i in range(n):
        for j in range(i + 1, n):
            if m[i][j] >= cutoff:
                pairs.append((i, j))
    return pairs


@register
class RepeatedSentence(Rule):
    """Flags a sentence that the translation says twice.

    What it flags
    -------------
    A sentence (or a sentence inside a line) of four or more words that occurs twice in the
    translation, exactly or almost exactly (same words after removing case and punctuation,
    similarity of 95% or more), while the source does not repeat the corresponding sentence.

    Why it matters
    --------------
    A duplicated sentence is a typical artefact of machine translation and of copy-paste when
    assembling a translation; it usually takes the place of a sentence that went missing.

    Example
    -------
    "The minister arrived. He spoke to reporters. He spoke to reporters." for "Le ministre est
    arrivé. Il a parlé aux journalistes.": the third sentence repeats the second.
    """
    code = "REP102"
    name = "repeated-sentence"
    category = "repetition"
    severity = Severity.ERROR
    needs = ("alignment",)

    def check(self, ctx: Context) -> Iterator:
        tgt = ctx.target
        clauses = [c for c in _clauses(tgt)]
        norms = [_norm_sentence(tgt.text[a:b]) for _, a, b in clauses]
        keep = [k for k, n in enumerate(norms)
                if _long_enough(tgt.text[clauses[k][1]:clauses[k][2]], n, tgt.lang)]
        pairs = _near_duplicates([norms[k] for k in keep], 95)
        tb = target_beads(ctx)
        done = set()
        for x, y in pairs:
            i, j = keep[x], keep[y]
            if j in done:
                continue
            si, sj = clauses[i][0], clauses[j][0]
            src = sorted(set(tb[si].source if si in tb else ()) | set(tb[sj].source if sj in tb else ()))
            if self._source_duplicates(ctx, src):
                continue
            done.add(j)
            first = tgt.text[clauses[i][1]:clauses[i][2]]
            span = tgt.span(clauses[j][1], clauses[j][2])
            where = "the same sentence" if si == sj else f"sentence {si + 1}"
            yield self.finding(
                f"sentence {sj + 1} repeats {where} ('{_q(first)}'); the source does not repeat it",
                source=_source_span(ctx, src), target=span)

    @staticmethod
    def _source_duplicates(ctx: Context, src: list[int]) -> bool:
        """Whether the source says the corresponding sentences twice: the two beads' sources are
        near-duplicates, or one of them occurs twice anywhere in the source document (the
        aligner may have paired the second copy with a neighbour)."""
        if not src:
            return False
        doc = ctx.source
        key = "repetition:source_dups"
        dup_sents = ctx.cache.get(key)
        if dup_sents is None:
            clauses = _clauses(doc)
            norms = [_norm_sentence(doc.text[a:b]) for _, a, b in clauses]
            keep = [k for k, n in enumerate(norms) if n]
            dup_sents = set()
            for x, y in _near_duplicates([norms[k] for k in keep], 90):
                dup_sents.update((clauses[keep[x]][0], clauses[keep[y]][0]))
            ctx.cache[key] = dup_sents
        if dup_sents & set(src):
            return True
        norms = [_norm_sentence(doc.text[a:b]) for i, a, b in _clauses(doc) if i in set(src)]
        norms = [n for n in norms if n]
        return bool(_near_duplicates(norms, 90))
