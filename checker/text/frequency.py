"""Word frequencies from wordfreq, held compactly.

wordfreq answers ``zipf_frequency(word, lang)`` from a Python dict of every word of the language
(about 50 MB per language once loaded). The entity and code-mixing rules consult a panel of a
dozen languages, which made wordfreq the largest part of the checker's memory. Here each list is
read once from wordfreq's own data file into two numpy arrays (a sorted 64-bit hash of each word
and its frequency bucket, 10 bytes a word), and looked up with wordfreq's own tokeniser and
number handling, so the figures are the ones ``wordfreq.zipf_frequency`` gives.
"""
from __future__ import annotations

import functools
import math

import numpy as np

# wordfreq codes for languages it files under another code
ALIASES = {"no": "nb", "nn": "nb", "tl": "fil", "hr": "sh", "sr": "sh", "bs": "sh"}
# wordfreq needs extra tokenisers (jieba, mecab) for these: not used
SKIP = {"zh", "ja", "ko", "th"}


def _base(lang: str) -> str:
    return (lang or "und").replace("_", "-").split("-")[0].lower()


@functools.lru_cache(maxsize=1)
def _available() -> dict[str, str]:
    try:
        from wordfreq import available_languages
    except ImportError:  # pragma: no cover - optional
        return {}
    return available_languages("best")


def code_for(lang: str) -> str | None:
    """wordfreq's code for ``lang``, None when it has no word list (or needs a tokeniser we
    do not load)."""
    code = ALIASES.get(_base(lang), _base(lang))
    if code in SKIP or code not in _available():
        return None
    return code


def languages() -> frozenset:
    """Every language wordfreq has a list for (some need a tokeniser: see ``code_for``)."""
    return frozenset(_available())


ALPHABET_WORDS = 2000  # the language's letters are those of its most frequent words
_ALPHABETS: dict[str, str] = {}


def alphabet(lang: str) -> str:
    """The letters of the language: those of its ALPHABET_WORDS most frequent words ("" when
    wordfreq has no list for it)."""
    code = code_for(lang)
    if code is None:
        return ""
    _table(code)
    return _ALPHABETS.get(code, "")


@functools.lru_cache(maxsize=None)
def _table(code: str) -> tuple[np.ndarray, np.ndarray]:
    from wordfreq import read_cBpack

    pack = read_cBpack(_available()[code])
    sizes = [len(b) for b in pack]
    keys = np.fromiter((hash(w) for bucket in pack for w in bucket), dtype=np.int64, count=sum(sizes))
    buckets = np.repeat(np.arange(len(pack), dtype=np.uint16), sizes)
    top = []  # the most frequent words, most frequent first
    for bucket in pack:
        top.extend(bucket)
        if len(top) >= ALPHABET_WORDS:
            break
    _ALPHABETS[code] = "".join(sorted({c for w in top for c in w.lower() if c.isalpha()}))
    del pack
    order = np.argsort(keys, kind="stable")
    return keys[order], buckets[order]


def _freq(token: str, code: str) -> float | None:
    keys, buckets = _table(code)
    h = hash(token)
    k = int(np.searchsorted(keys, h))
    if k >= len(keys) or keys[k] != h:
        return None
    return 10.0 ** (-int(buckets[k]) / 100.0)  # wordfreq's cB_to_freq(-index)


@functools.lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float | None:
    """Zipf frequency of ``word`` in ``lang`` as ``wordfreq.zipf_frequency`` gives it (0 for an
    unknown word), None if wordfreq has no list for the language."""
    code = code_for(lang)
    if code is None:
        return None
    try:
        from wordfreq import lossy_tokenize, smash_numbers
        from wordfreq.numbers import digit_freq

        tokens = lossy_tokenize(word, code)
    except Exception:  # pragma: no cover - a tokeniser wordfreq could not load
        return None
    if not tokens:
        return 0.0
    inverse = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        f = _freq(smashed, code)
        if f is None:
            return 0.0
        if smashed != token:
            f *= digit_freq(token)
        inverse += 1.0 / f
    freq = 1.0 / inverse
    freq = round(freq, math.floor(-math.log10(freq)) + 3)  # wordfreq keeps 3 significant digits
    return round(math.log10(freq) + 9, 2)
