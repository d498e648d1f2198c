"""The other romanisations of Chinese characters: Wade-Giles and Cantonese.

Names from mainland China reach other languages in pinyin (习近平: Xi Jinping), which is what
anyascii writes. Names from Taiwan keep Wade-Giles (蔡英文: Tsai Ing-wen, 赖清德: Lai Ching-te);
names from Hong Kong and Macau, and many from Singapore and Malaysia, are romanised from their
Cantonese reading (许正宇: Hui Ching-yu, 梁振英: Leung Chun-ying, 何鸿燊: Stanley Ho). A checker
that knows only pinyin takes every such name for a name the source does not have.

Readings come from libraries: pypinyin (Wade-Giles) and ToJyutping (Cantonese, in Jyutping).
Jyutping is a linguists' notation ("heoi", "zoeng"); the spellings of Hong Kong's government
and press write the same sounds the English way ("Hui", "Cheung"). ``hong_kong_spelling``
rewrites a Jyutping syllable with the correspondences of that practice: its initials z and c
as "ch", j as "y", gw as "kw"; its vowels aa as "a", eoi as "ui", eo and oe as "eu", yu as
"ue" before a consonant and "u" at the end, ou as "o". Both libraries are optional at run time:
without them a character has its pinyin only.
"""
from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=1)
def _wade_giles():
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError:  # pragma: no cover - optional reading
        return None
    return lambda ch: lazy_pinyin(ch, style=Style.WADEGILES, v_to_u=True)[0]


@functools.lru_cache(maxsize=1)
def _jyutping():
    try:
        import ToJyutping
    except ImportError:  # pragma: no cover - optional reading
        return None

    def read(ch: str) -> str:
        got = ToJyutping.get_jyutping_list(ch)
        return (got[0][1] or "") if got else ""
    return read


_INITIAL = [(re.compile(r"^[zc](?!h)"), "ch"), (re.compile(r"^j"), "y"), (re.compile(r"^gw"), "kw")]
_FINAL = [(re.compile(r"aa"), "a"), (re.compile(r"eoi"), "ui"), (re.compile(r"eo|oe"), "eu"),
          (re.compile(r"yu(?=[nt])"), "ue"), (re.compile(r"yu$"), "u"), (re.compile(r"ou$"), "o")]


def hong_kong_spelling(jyutping: str) -> str:
    """A Jyutping syllable ("zoeng1") as Hong Kong's English-language press spells it ("cheung")."""
    s = re.sub(r"\d", "", jyutping.lower())
    for rx, rep in _INITIAL + _FINAL:
        s = rx.sub(rep, s)
    return s


@functools.lru_cache(maxsize=20000)
def other_readings(ch: str) -> tuple[str, str]:
    """(Wade-Giles, Hong Kong spelling) of one Chinese character (raw, not yet keys); "" where
    a library is missing or has no reading for it."""
    wg, jp = _wade_giles(), _jyutping()
    w = wg(ch) if wg is not None else ""
    j = jp(ch) if jp is not None else ""
    return (w if w != ch else "", hong_kong_spelling(j) if j else "")
