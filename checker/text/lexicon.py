"""Which word forms a language's dictionary knows, from simplemma's Wiktionary-derived lexicons.

A capitalised word that no dictionary of its language lists, in none of its inflected forms, is
most likely a name (Tennet, Rakoczy, Eighmey, Пфанненштиль); the entity rules use this where
capitals alone cannot tell (German capitalises every noun; a sentence's first word is capitalised
in every language). The converse does not hold: the dictionaries list many names too (Klose,
Bayreuth), so a known word is no evidence of a common word; but the dictionaries of languages
that capitalise only names write common words in lower case, so a word listed capitalised and
never in lower case is a proper noun there (Polish "Morawiecki", not "Teraz").

simplemma ships one front-coded, lzma-compressed dictionary of ``inflected form -> lemma`` per
language (1.1 million German forms, 1.4 million Russian ones; 100-500 MB each once loaded as
the Python dict simplemma builds). Here a dictionary is streamed once into a sorted array of
64-bit hashes of its forms (8 bytes a form), looked up by binary search.

``typo_of(word, lang)`` tells a misspelling of a frequent word ("Jahrunderts" for
"Jahrhunderts") from a name: a word one edit away from a frequent word of the language.
"""
from __future__ import annotations

import functools

import numpy as np

from . import frequency

# wordfreq Zipf frequency from which a word one edit away makes an unknown word a typo of it
TYPO_NEIGHBOUR_ZIPF = 3.0
# shortest word called a typo: shorter words (and most names: Söder / Köder, Carey / care) have
# frequent neighbours one edit away
TYPO_MIN_LENGTH = 8


@functools.lru_cache(maxsize=1)
def _supported() -> frozenset:
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES
    except ImportError:  # pragma: no cover - simplemma missing or reorganised
        return frozenset()
    return frozenset(SUPPORTED_LANGUAGES)


def has_lexicon(lang: str) -> bool:
    return frequency._base(lang) in _supported()


def _records(code: str):
    """(number of forms, iterator over (form, lemma) of simplemma's dictionary for ``code``, as
    UTF-8 bytes in the dictionary's case): streamed from the shipped file without building
    simplemma's dict (a tenth of the memory), or through its public API if its internals have
    moved."""
    try:
        from simplemma.strategies.dictionaries import frontcode
        from simplemma.strategies.dictionaries.dictionary_factory import _read_decompressed

        data = _read_decompressed(code)
        reverse, count, pos = frontcode._read_header(data)
        records = frontcode._iter_records(data, pos)
        return count, ((key[::-1] if reverse else key, value) for _, key, value in records)
    except (ImportError, AttributeError, ValueError):
        return _public_records(code)


def _public_records(code: str):
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    forms = DefaultDictionaryFactory(cache_max_size=0).get_dictionary(code)
    return len(forms), ((k.encode("utf-8"), v.encode("utf-8")) for k, v in forms.items())


def forms_of(lemmas: frozenset, lang: str) -> dict:
    """{lower-case form: lemma} for every form simplemma's dictionary of ``lang`` gives one of
    ``lemmas`` (lower case) as its lemma ("четверга", "zářím" of "четвер", "září"); empty when
    the language has no dictionary. Streamed once, nothing but the matches kept."""
    code = frequency._base(lang)
    if code not in _supported() or not lemmas:
        return {}
    return dict(_forms_of(lemmas, code))


@functools.lru_cache(maxsize=None)
def _forms_of(lemmas: frozenset, code: str) -> tuple:
    wanted = {lemma.encode("utf-8") for lemma in lemmas}
    wanted |= {lemma[:1].upper().encode("utf-8") + lemma[1:].encode("utf-8") for lemma in lemmas}
    out = {}
    for key, value in _records(code)[1]:
        if value in wanted:
            out.setdefault(key.decode("utf-8").lower(), value.decode("utf-8").lower())
    return tuple(out.items())


@functools.lru_cache(maxsize=None)
def _table(code: str) -> np.ndarray:
    count, records = _records(code)
    table = np.fromiter((hash(k) for k, _ in records), dtype=np.int64, count=count)
    table.sort()
    return table


def _listed(form: str, table: np.ndarray) -> bool:
    h = hash(form.encode("utf-8"))
    k = int(np.searchsorted(table, h))
    return k < len(table) and int(table[k]) == h


@functools.lru_cache(maxsize=100_000)
def known(word: str, lang: str) -> bool | None:
    """Whether the dictionary of ``lang`` lists ``word`` as it is written, in lower case or
    capitalised (German nouns); None when simplemma has no dictionary for the language."""
    code = frequency._base(lang)
    if code not in _supported():
        return None
    table = _table(code)
    return any(_listed(form, table) for form in {word, word.lower(), word[:1].upper() + word[1:].lower()})


def _edits(w: str, alphabet: str):
    for i in range(len(w) + 1):
        for c in alphabet:
            yield w[:i] + c + w[i:]  # insertion
        if i < len(w):
            yield w[:i] + w[i + 1:]  # deletion
            for c in alphabet:
                if c != w[i]:
                    yield w[:i] + c + w[i + 1:]  # substitution
            if i + 1 < len(w) and w[i] != w[i + 1]:
                yield w[:i] + w[i + 1] + w[i] + w[i + 2:]  # transposition


@functools.lru_cache(maxsize=10_000)
def typo_of(word: str, lang: str) -> str | None:
    """A frequent word of ``lang`` (Zipf >= TYPO_NEIGHBOUR_ZIPF) one edit away from ``word``, of
    which ``word`` is most likely a misspelling; None when there is none (or no word list)."""
    code = frequency.code_for(lang)
    w = word.lower()
    if code is None or len(w) < TYPO_MIN_LENGTH:
        return None  # short words (and most names) have too many neighbours to call one a typo
    best, best_z = None, TYPO_NEIGHBOUR_ZIPF
    lookup = frequency.zipf.__wrapped__  # uncached: hundreds of one-off strings per word
    for cand in _edits(w, frequency.alphabet(code)):
        if cand[:1] != w[:1]:
            continue  # a misspelling seldom touches the first letter; a name often differs there
        z = lookup(cand, code) or 0.0
        if z >= best_z:
            best, best_z = cand, z
    return best


@functools.lru_cache(maxsize=100_000)
def capitalised_only(word: str, lang: str) -> bool:
    """The dictionary lists ``word`` capitalised and not in lower case: a proper noun, in a
    language whose dictionary writes common words in lower case (not German, whose nouns are
    all capitalised)."""
    code = frequency._base(lang)
    if code not in _supported():
        return False
    table = _table(code)
    cap = word[:1].upper() + word[1:].lower()
    return (_listed(cap, table) or _listed(word, table)) and not _listed(word.lower(), table)


@functools.lru_cache(maxsize=100_000)
def listed_lower(word: str, lang: str) -> bool | None:
    """Whether the dictionary of ``lang`` lists ``word`` in lower case; None without one."""
    code = frequency._base(lang)
    if code not in _supported():
        return None
    return _listed(word.lower(), _table(code))


@functools.lru_cache(maxsize=100_000)
def lowercase_only(word: str, lang: str) -> bool:
    """The dictionary lists ``word`` in lower case and not capitalised: a common word only, in a
    language whose dictionary writes proper nouns capitalised (Russian "министерства"; not
    "Волков", listed both ways)."""
    code = frequency._base(lang)
    if code not in _supported():
        return False
    table = _table(code)
    low = word.lower()
    return _listed(low, table) and not _listed(low[:1].upper() + low[1:], table)


# linking elements between the parts of a compound (Gebirg-s-, Straße-n-)
_LINKS = ("", "s", "es", "n", "en", "e", "er")


@functools.lru_cache(maxsize=10_000)
def compound_of_listed(word: str, lang: str, depth: int = 0) -> bool:
    """``word`` splits into listed words: a head (with a linking element) and a tail of four
    letters or more, itself listed or, once, such a compound ("Hochbiwak" = Hoch + Biwak,
    "Turniervorbereitung"). German and Dutch write compounds as one word, most of them in no
    dictionary."""
    if frequency._base(lang) not in _supported():
        return False
    for cut in range(3, len(word) - 3):
        head, tail = word[:cut], word[cut:]
        if not (known(tail, lang) or (depth < 1 and len(tail) >= 7 and compound_of_listed(tail, lang, 1))):
            continue
        for link in _LINKS:
            stem = head[: len(head) - len(link)] if link else head
            if head.endswith(link) and len(stem) >= 3 and known(stem, lang):
                return True
    return False

