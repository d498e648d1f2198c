"""Document-level sentence alignment by dynamic programming over a band.

The design follows Vecalign (Thompson & Koehn 2019) and Bertalign (Liu & Zhu 2022):

* every sentence and every run of up to ``MAX_MERGE`` consecutive sentences is embedded with the
  bundled multilingual sentence encoder;
* the cost of a bead is ``(1 - cos)`` normalised by how similar each side typically is to
  unrelated sentences of the other document (Vecalign's normaliser: a sentence that is close to
  everything, such as a short headline, gets no free ride), multiplied by the number of sentences
  it covers, plus a length term (Gale-Church: the character-length ratio against the document's
  own ratio) and an anchor term (numbers and transliterated names the two sides share or not);
* a first pass finds 1-1 / 1-0 / 0-1 beads; long documents are first aligned at half resolution
  (block-averaged embeddings, recursively), so each pass only searches a band around the path of
  the coarser one and the cost grows linearly with document length;
* a second pass searches every bead type (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0, 0-1) in a band
  around the first-pass path. Rows of the band are filled with numpy vector operations; the
  0-1 moves within a row use a running minimum;
* two post-passes settle unaligned sentences: an edge sentence of a merged bead that adds nothing
  to it is cut off (``_trim``) unless the other side is long enough to render it too, and a
  sentence left unaligned goes back to the neighbouring bead that renders it (``_regroup``: a
  shared name or cognate and a gain in similarity). A translated sentence that continues the
  one before it (split at a semicolon or colon, or opening in lower case) is never cut off its
  sentence's bead and rejoins it when left unaligned; a source clause is not spared (``_continues``).

Where the encoder is weak (very short lines, numbers only, languages outside its 16) the length
and anchor terms carry the decision.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
from anyascii import anyascii

from ..model import Bead

MAX_MERGE = 4
BEAD_TYPES = ((1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1))
SKIP_TYPES = ((1, 0), (0, 1))
FULL_LIMIT = 160_000  # cells searched in full at the coarsest level of the first pass
BAND = 10  # half-width of the second-pass band, in sentences
COARSE_BAND = 6
PRIOR_DISTANCE = 0.92  # mean (1 - cos) of unrelated sentences (measured on align-dev: 0.90-0.95)
PRIOR_WEIGHT = 8
MIN_TRIM_CHARS = 40  # in characters of alphabetic text (see LanguageProfile.char_weight)
EXACT_WINDOWS_UP_TO = 600  # sentences per side; longer documents approximate multi-sentence runs
EXACT_RUN = 4  # runs of up to this many sentences are encoded as text (see _Side)


@dataclass(frozen=True)
class AlignParams:
    skip_cost: float = 0.52     # cost of leaving one sentence unaligned (in normalised-cost units)
    length_weight: float = 0.5
    anchor_weight: float = 0.25
    merge_penalty: float = 0.2  # per extra sentence in a bead, so 1-1 wins ties
    reject_cos: float = 0.3  # a bead less similar than this is unrelated sentences (see README)
    trim_cos: float = 0.45  # an edge sentence of a merged bead this far from the other side is cut
    trim_loss: float = 0.03  # the bead loses at most this much similarity without the sentence, and
    trim_gap: float = 0.1  # ... alone, the sentence is this much further from the other side
    trim_gain: float = 0.03  # ... or whose removal makes the bead this much more similar
    trim_length: float = 0.18  # ... but, without a clear gain, not when the bead's log length ratio
    # would stray this much further from the document's (~1 sd of 1-1 pairs): it renders the sentence
    max_bead: int = 5  # largest bead, in sentences on both sides together
    size_power: float = 0.6  # bead cost scales with (source sentences x target sentences) ** this


def _covers(encoder, lang: str) -> bool:
    """Whether the encoder was trained on ``lang`` (an encoder that does not say: yes)."""
    covers = getattr(encoder, "covers", None)
    return covers(lang) if covers else True


def _joiner(lang: str) -> str:
    from ..langs import profile
    return " " if profile(lang).spaces else ""


_NUM = re.compile(r"\d+(?:[.,]\d+)*")


def _anchor_keys(text: str) -> frozenset:
    """Cheap language-independent anchors for alignment: digit strings."""
    import unicodedata

    digits = "".join(str(unicodedata.decimal(c)) if c.isdigit() and unicodedata.decimal(c, None) is not None else c
                      for c in text)
    keys = {("n", m.group().replace(",", "").replace(".", "")) for m in _NUM.finditer(digits)}
    return frozenset(keys)


_WORDS = re.compile(r"[^\W\d_]+")


def _name_keys(text: str, lang: str) -> frozenset:
    """Consonant skeletons of the words that may be names, to match across scripts (Shmyhal /
    שמיהל / श्मिहाल: SNR): capitalised words after the first in a script with case, every word
    of four letters or more in one without. Read only where the encoder is weak."""
    from ..anchors import entities as ent
    from ..langs import profile
    cased = profile(lang).capitalises_names
    words = _WORDS.findall(text)
    if cased:
        words = [w for w in words[1:] if w[:1].isupper() and len(w) >= 4]
    else:
        words = [w for w in words if len(w) >= 4]
    keys = (ent.skeleton(ent.latin_key(w).replace(" ", ""), lang) for w in words)
    return frozenset(("s", k) for k in keys if len(k) >= 3)


def _calendar_keys(text: str, lang: str) -> frozenset:
    """The weekdays and months a sentence names (CLDR's names: "Thursday" / "יום חמישי" /
    "thứ Năm"). Read only where the encoder is weak: the date reader loads dictionaries."""
    from ..anchors import dates
    return frozenset((a.kind, a.value) for a in dates.extract(text, lang) if a.kind in ("weekday", "month"))


COGNATE_PREFIX = 6  # letters two words must share at their start to count as cognates
_WORD = re.compile(r"[^\W\d_]{%d,}" % COGNATE_PREFIX)


def _cognates(text: str) -> frozenset:
    """Latinised word beginnings of the longer words: cognates and names ("Chronik" / "chronique")."""
    return frozenset(w[:COGNATE_PREFIX] for w in _WORD.findall(anyascii(text).lower()))


class _Side:
    """Embeddings of every window of 1..MAX_MERGE consecutive sentences of one document."""

    def __init__(self, sents: list[str], lang: str, encoder):
        self.sents = sents
        self.n = len(sents)
        self.join = join = _joiner(lang)
        from ..langs import profile
        self.char_weight = profile(lang).char_weight  # characters of alphabetic text per character
        self.win = {}
        # Runs of up to ``exact`` sentences are embedded by encoding their concatenated text;
        # longer runs (and every run in long documents) as the mean of their sentences'
        # embeddings weighted by the square root of their lengths, renormalised: the encoder
        # averages over tokens, so the two are close, and encoding every window of 1-4 sentences
        # costs 10x the tokens of encoding each sentence once.
        exact = EXACT_RUN if self.n <= EXACT_WINDOWS_UP_TO else 1
        texts, index = [], {}
        for k in range(1, exact + 1):
            for i in range(self.n - k + 1):
                index[(k, i)] = len(texts)
                texts.append(join.join(sents[i:i + k]))
        emb = encoder.encode(texts) if texts else np.zeros((0, encoder.dim), np.float32)
        for k in range(1, MAX_MERGE + 1):
            if k <= exact:
                rows = [index[(k, i)] for i in range(self.n - k + 1)]
                self.win[k] = emb[rows] if rows else np.zeros((0, encoder.dim), np.float32)
        single = self.win[1]
        lens = np.array([len(s) for s in sents], dtype=np.float64)
        weighted = single * np.sqrt(lens + 1.0)[:, None]
        cum = np.concatenate([np.zeros((1, encoder.dim)), np.cumsum(weighted, axis=0)])
        for k in range(exact + 1, MAX_MERGE + 1):
            if self.n - k + 1 <= 0:
                self.win[k] = np.zeros((0, encoder.dim), np.float32)
                continue
            w = np.asarray(cum[k:] - cum[:-k], dtype=np.float32)
            self.win[k] = w / np.maximum(np.linalg.norm(w, axis=1, keepdims=True), 1e-9)
        lens = np.array([len(s) for s in sents], dtype=np.float64)
        self.cum_len = np.concatenate([[0.0], np.cumsum(lens)])
        self.lang = lang
        self.names = None  # skeletons of possible names, where the encoder is weak
        self.cal = getattr(encoder, "calibration", None)
        self.anchors = [_anchor_keys(s) for s in sents]
        self.cognates = [_cognates(s) for s in sents]

    def length(self, k: int, i: np.ndarray) -> np.ndarray:
        return self.cum_len[i + k] - self.cum_len[i]


def _sim(cal, dots):
    """Similarities on the default encoder's scale. An encoder's ``calibration`` is two points
    ((x0, y0), (x1, y1)): its typical similarity of unrelated sentences and of translations and
    the default encoder's (see WideEncoder). The map is linear through them, and from the
    second on to (1, 1), so that an identical text stays at 1 and no near-identical pair of
    long texts passes it."""
    if cal is None:
        return dots
    (x0, y0), (x1, y1) = cal
    low = y0 + (dots - x0) * (y1 - y0) / (x1 - x0)
    high = y1 + (dots - x1) * (1.0 - y1) / (1.0 - x1)
    return np.where(dots < x1, low, np.minimum(high, 1.0))


def _normaliser(a: np.ndarray, b1: np.ndarray, rng: np.random.Generator, samples: int = 64,
                cal=None) -> np.ndarray:
    """Mean (1 - cos) of each row of ``a`` against a random sample of sentences of the other side."""
    if len(b1) == 0 or len(a) == 0:
        return np.ones(len(a), np.float32)
    idx = rng.choice(len(b1), size=min(samples, len(b1)), replace=False)
    # A short document has too few unrelated sentences (one sentence has none): blend in the
    # typical (1 - cos) of unrelated sentence pairs under this encoder, as PRIOR_WEIGHT samples.
    total = (1.0 - _sim(cal, a @ b1[idx].T)).sum(axis=1) + PRIOR_WEIGHT * PRIOR_DISTANCE
    return np.maximum(total / (len(idx) + PRIOR_WEIGHT), 0.2)


UNCOVERED_WEIGHT = 0.5  # weight of the encoder's verdict for a language it was not trained on


class _Scorer:
    def __init__(self, src: _Side, tgt: _Side, params: AlignParams, covered: bool = True):
        self.src, self.tgt, self.p = src, tgt, params
        self.covered = covered
        rng = np.random.default_rng(1)
        self.cal = src.cal
        self.norm_s = {k: _normaliser(src.win[k], tgt.win[1], rng, cal=self.cal) for k in src.win}
        self.norm_t = {k: _normaliser(tgt.win[k], src.win[1], rng, cal=self.cal) for k in tgt.win}
        total_s, total_t = src.cum_len[-1], tgt.cum_len[-1]
        self.log_ratio = math.log((total_t + 1.0) / (total_s + 1.0))
        # spread of log length ratios of single sentences (Gale-Church's variance, per character)
        self.len_scale = 1.0

    def cost(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        """Cost of beads of a source sentences starting at i and b target sentences starting at js."""
        cos = _sim(self.cal, self.tgt.win[b][js] @ self.src.win[a][i])
        norm = 0.5 * (self.norm_s[a][i] + self.norm_t[b][js])
        c = (1.0 - cos) / norm
        if not self.covered:
            # outside the encoder's languages its similarities are weak evidence: never more
            # than "unrelated", and half-weighted, so length and anchors decide (Hindi, Hebrew...)
            c = UNCOVERED_WEIGHT * np.minimum(c, 1.0)
        c = c * (a * b) ** self.p.size_power
        ls = self.src.length(a, np.array([i]))[0]
        lt = self.tgt.length(b, js)
        dev = np.abs(np.log((lt + 10.0) / ((ls + 10.0) * math.exp(self.log_ratio))))
        c = c + self.p.length_weight * dev + self.p.merge_penalty * (a + b - 2)
        if self.src.names is not None:
            # names matched by their consonants: as many as the side that tells names apart has
            # (the side with case; an uncased side offers all its words)
            na = frozenset().union(*self.src.names[i:i + a])
            if na:
                for k, j in enumerate(js):
                    nb = frozenset().union(*self.tgt.names[j:j + b])
                    if nb:
                        c[k] -= self.p.anchor_weight * len(na & nb) / self._name_base(na, nb)
        sa = frozenset().union(*self.src.anchors[i:i + a])
        if sa:
            for k, j in enumerate(js):
                ta = frozenset().union(*self.tgt.anchors[j:j + b])
                if ta:
                    c[k] -= self.p.anchor_weight * len(sa & ta) / max(len(sa), len(ta))
        return c

    def _name_base(self, na: frozenset, nb: frozenset) -> int:
        from ..langs import profile
        cs, ct = profile(self.src.lang).capitalises_names, profile(self.tgt.lang).capitalises_names
        if cs != ct:
            return max(1, len(na if cs else nb))
        return max(len(na), len(nb))

    def cos(self, a: int, b: int, i: int, j: int) -> float:
        return float(_sim(self.cal, self.tgt.win[b][j] @ self.src.win[a][i]))


def _dp(n: int, m: int, windows: list[tuple[int, int]], types, cost_fn, skip: float):
    """Minimum-cost monotone path from (0, 0) to (n, m) visiting only cells in ``windows``.

    ``windows[i] = (lo, hi)`` are the reachable columns of row i (inclusive). ``cost_fn(a, b, i, js)``
    gives the cost of a bead of a source / b target sentences starting at (i, js).
    Returns the list of beads as (i, a, j, b).
    """
    INF = np.inf
    D = []
    back = []
    for i in range(n + 1):
        lo, hi = windows[i]
        width = hi - lo + 1
        best = np.full(width, INF)
        arg = np.full(width, -1, dtype=np.int16)
        if i == 0:
            best[0 if lo == 0 else 0] = 0.0 if lo == 0 else INF
        for t, (a, b) in enumerate(types):
            if a == 0 or i - a < 0:
                continue
            plo, phi = windows[i - a]
            prev = D[i - a]
            # target columns j in this row; bead starts at column j - b in row i - a
            js = np.arange(lo, hi + 1)
            starts = js - b
            ok = (starts >= plo) & (starts <= phi) & (starts >= 0) & (js <= m)
            if b > 0:
                ok &= starts + b <= m
            if not ok.any():
                continue
            cand = np.full(width, INF)
            sidx = starts[ok] - plo
            pv = prev[sidx]
            finite = np.isfinite(pv)
            if not finite.any():
                continue
            okpos = np.nonzero(ok)[0][finite]
            if b == 0:
                c = np.full(len(okpos), skip)
            else:
                if i - a + a > n:
                    continue
                c = cost_fn(a, b, i - a, starts[okpos])
            cand[okpos] = pv[finite] + c
            better = cand < best
            best[better] = cand[better]
            arg[better] = t
        # 0-1 moves within the row: best[j] = min(best[j], best[j-1] + skip)
        if (0, 1) in types:
            t01 = types.index((0, 1))
            k = np.arange(width)
            shifted = best - k * skip
            run = np.minimum.accumulate(shifted)
            via = run + k * skip
            better = via < best - 1e-12
            best = np.where(better, via, best)
            arg = np.where(better, t01, arg)
        D.append(best)
        back.append(arg)
    # backtrack
    beads = []
    i, j = n, m
    if not np.isfinite(D[n][m - windows[n][0]]):
        raise RuntimeError("alignment band does not reach the end of the documents")
    while i > 0 or j > 0:
        lo = windows[i][0]
        t = int(back[i][j - lo])
        a, b = types[t]
        beads.append((i - a, a, j - b, b))
        i, j = i - a, j - b
    beads.reverse()
    return beads


def _full_windows(n: int, m: int):
    return [(0, m)] * (n + 1)


def _band_from_path(path_cells: list[tuple[int, int]], n: int, m: int, width: int):
    """Windows of +-width columns around a monotone path given as (row, col) corner points."""
    centre_lo = [m] * (n + 1)
    centre_hi = [0] * (n + 1)
    for i, j in path_cells:
        centre_lo[i] = min(centre_lo[i], j)
        centre_hi[i] = max(centre_hi[i], j)
    # rows the path jumps over (a 2-x bead at coarse level): interpolate
    last = 0
    for i in range(n + 1):
        if centre_lo[i] > centre_hi[i]:
            centre_lo[i] = centre_hi[i] = last
        last = centre_hi[i]
    windows = []
    for i in range(n + 1):
        lo = max(0, min(centre_lo[max(0, i - width):i + width + 1]) - width)
        hi = min(m, max(centre_hi[max(0, i - width):i + width + 1]) + width)
        windows.append((lo, hi))
    windows[0] = (0, windows[0][1])
    windows[n] = (windows[n][0], m)
    return windows


def _corners(beads) -> list[tuple[int, int]]:
    cells = [(0, 0)]
    for i, a, j, b in beads:
        cells.append((i + a, j + b))
    return cells


def _first_pass(se: np.ndarray, te: np.ndarray, skip: float, depth: int = 0, cal=None):
    """1-1 / skip alignment on single-sentence embeddings; coarse-to-fine when large."""
    n, m = len(se), len(te)

    def cost(a, b, i, js):
        return 1.0 - _sim(cal, te[js] @ se[i])

    if n * m <= FULL_LIMIT or n < 8 or m < 8:
        windows = _full_windows(n, m)
    else:
        def half(e):
            if len(e) % 2:
                e = np.vstack([e, e[-1:]])
            h = e[0::2] + e[1::2]
            return h / np.maximum(np.linalg.norm(h, axis=1, keepdims=True), 1e-9)
        coarse = _first_pass(half(se), half(te), skip, depth + 1, cal)
        cells = [(min(n, 2 * i), min(m, 2 * j)) for i, j in _corners(coarse)]
        windows = _band_from_path(cells, n, m, COARSE_BAND)
    return _dp(n, m, windows, [(1, 1), (1, 0), (0, 1)], cost, skip)


AGREE_MIN_PAIRS = 5   # 1-1 beads a document needs before the encoder's agreement is judged
AGREE_SHARE = 0.85    # mutual nearest neighbours on the path, as in languages it was trained on


def _mutual_nearest(S: "_Side", T: "_Side") -> frozenset:
    """(i, j) pairs of sentences that are each other's most similar sentence on the other side."""
    C = S.win[1] @ T.win[1].T
    rows, cols = C.argmax(axis=1), C.argmax(axis=0)
    return frozenset((i, int(j)) for i, j in enumerate(rows) if cols[j] == i)


def _one_to_one(first) -> list[tuple[int, int]]:
    return [(i, j) for i, a, j, b in first if a == 1 and b == 1]


def _encoder_agrees(S: "_Side", T: "_Side", first, nearest: frozenset | None = None) -> bool:
    """Whether the encoder reads this document's two languages as well as those it was trained
    on, judged on the document itself: the 1-1 beads of the first pass are mutual nearest
    neighbours (each sentence's most similar sentence on the other side, both ways) about as
    often as in the seed corpus's translations (0.86 to 1.0). Indonesian and Ukrainian, which
    the bundled encoder was not trained on, often are; Hindi and Hebrew are not (0.1 to 0.5)."""
    pairs = _one_to_one(first)
    if len(pairs) < AGREE_MIN_PAIRS:
        return False
    nearest = _mutual_nearest(S, T) if nearest is None else nearest
    return sum(p in nearest for p in pairs) >= AGREE_SHARE * len(pairs)


def align(src: list[str], tgt: list[str], src_lang: str = "en", tgt_lang: str = "en",
          encoder=None, params: AlignParams | None = None) -> list[Bead]:
    """Align two lists of sentences; returns beads covering every sentence in order."""
    params = params or AlignParams()
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    if encoder is None:
        from .encoder import default_encoder
        encoder = default_encoder()
    covered = _covers(encoder, src_lang) and _covers(encoder, tgt_lang)
    wide = None
    if not covered and getattr(encoder, "wide", False):  # the default encoder, not a user's model
        from .encoder import wide_encoder
        wide = wide_encoder(encoder.threads)
    if wide is not None:
        encoder = wide
    S, T = _Side(src, src_lang, encoder), _Side(tgt, tgt_lang, encoder)
    # first pass: normalised 1-1 cost only, to place the band
    first = _first_pass(S.win[1], T.win[1], skip=0.6, cal=S.cal)
    # a language the encoder was not trained on: its similarities are trusted in the search when
    # it ranks this document's sentences as it ranks those of its own languages; their absolute
    # values (the rejection and trimming thresholds below) are not. The wide encoder, trained
    # on about 100 languages, is trusted in full where it ranks the document that well.
    nearest = frozenset() if covered else _mutual_nearest(S, T)
    trusted = covered or _encoder_agrees(S, T, first, nearest)
    if wide is not None:
        # A document too short to judge (one sentence of a feed, a headline) is read with the
        # wide encoder's calibrated similarities as they are: on single sentences in eight
        # languages it was trained on (benchmarks/data/uncovered), 4 of 480 translations and 469
        # of 480 translations of another sentence fall below reject_cos.
        trusted = trusted or len(_one_to_one(first)) < AGREE_MIN_PAIRS
        covered = trusted
    if not trusted:  # length and anchors decide: weekdays and months are anchors too
        for side in (S, T):
            side.anchors = [a | _calendar_keys(t, side.lang) for a, t in zip(side.anchors, side.sents)]
            side.names = [_name_keys(t, side.lang) for t in side.sents]
    scorer = _Scorer(S, T, params, trusted)
    windows = _band_from_path(_corners(first), n, m, BAND)
    types = [t for t in BEAD_TYPES if t[0] + t[1] <= params.max_bead] + list(SKIP_TYPES)
    raw = _dp(n, m, windows, types, scorer.cost, params.skip_cost)
    beads = []
    # the wide encoder's calibrated similarities spread short sentences wide: a pair each of
    # the other's nearest neighbour is never called unrelated ("The findings appeared in the
    # journal Nature." / "ये निष्कर्ष 'नेचर' पत्रिका में प्रकाशित हुए।": 0.1)
    for i, a, j, b in raw:
        score = scorer.cos(a, b, i, j) if a and b else 0.0
        shared = a and b and (frozenset().union(*S.anchors[i:i + a]) & frozenset().union(*T.anchors[j:j + b]))
        if wide is not None and a == b == 1 and (i, j) in nearest:
            shared = True
        if a and b and covered and score < params.reject_cos and not shared:
            # The cheapest path paired them, but they are no closer than unrelated sentences are:
            # not a translation of each other (a dropped sentence and an invented one).
            beads.extend(Bead((k,), (), 0.0) for k in range(i, i + a))
            beads.extend(Bead((), (k,), 0.0) for k in range(j, j + b))
            continue
        if not covered:  # the encoder cannot tell which edge sentence is unrendered
            beads.append(Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), max(0.0, score)))
            continue
        beads.extend(_trim(S, T, i, a, j, b, score, encoder, params, scorer.log_ratio))
    return _regroup(beads, S, T, encoder, params)


def _regroup(beads: list[Bead], S: _Side, T: _Side, encoder, params: AlignParams) -> list[Bead]:
    """Give an unaligned sentence back to the neighbouring bead that renders it.

    Translators often render two sentences as one ("A. B." -> "A'B'."); the DP prices the pair
    from whole-run embeddings and may leave B out (or the trim may cut it), and the encoder is too
    weak to tell that apart from a real omission by similarity alone. Two pieces of evidence
    together do: B carries a word that the neighbouring bead's other side has and the rest of its
    own side lacks (a name or a cognate: "Chronik" / "chronique", "parallel" / "parallèlement"),
    and adding B makes that bead more similar by ``trim_gain``. A duplicated sentence shares no
    word its neighbour lacks, so it stays an addition.
    """
    out = list(beads)
    x = 0
    while x < len(out):
        bead = out[x]
        side = "source" if bead.source and not bead.target else "target" if bead.target and not bead.source else None
        if side is None or len(bead.source) + len(bead.target) != 1:
            x += 1
            continue
        k = (bead.source or bead.target)[0]
        own_side, other_side = (S, T) if side == "source" else (T, S)
        best = None
        for y, after in ((x - 1, True), (x + 1, False)):
            if not 0 <= y < len(out):
                continue
            nb = out[y]
            nown, nother = (nb.source, nb.target) if side == "source" else (nb.target, nb.source)
            if not nown or not nother or len(nown) + len(nother) + 1 > params.max_bead:
                continue
            if (nown[-1] != k - 1) if after else (nown[0] != k + 1):
                continue
            # (target side only: a source clause left unrendered is still an omission)
            clause = side == "target" and _continues(own_side, k if after else k + 1)
            if not clause and not _shares_own_cognate(own_side, other_side, k, nown, nother):
                continue
            grown = list(nown) + [k] if after else [k] + list(nown)
            vecs = encoder.encode([other_side.join.join(other_side.sents[z] for z in nother),
                                   own_side.join.join(own_side.sents[z] for z in nown),
                                   own_side.join.join(own_side.sents[z] for z in grown)])
            sims = _sim(own_side.cal, vecs[0] @ vecs[1:].T)
            gain = float(sims[1] - sims[0])
            # a clause of the neighbour's sentence belongs with it, whatever it adds
            rank = (clause, gain)
            if (clause or gain >= params.trim_gain) and (best is None or rank > best[0]):
                best = (rank, y, tuple(grown), max(0.0, float(sims[1])))
        if best is None:
            x += 1
            continue
        _, y, grown, score = best
        nb = out[y]
        out[y] = Bead(grown, nb.target, score) if side == "source" else Bead(nb.source, grown, score)
        del out[x]
        x = min(x, y)
    return out


def _trim(S: _Side, T: _Side, i: int, a: int, j: int, b: int, score: float, encoder,
          params: AlignParams, log_ratio: float = 0.0) -> list[Bead]:
    """Split off an edge sentence of a merged bead that adds nothing to it.

    The DP may absorb an invented (or dropped) sentence into a neighbouring bead when it is on
    the same topic: "A" -> "A'. B" costs less than a 0-1 bead. When the bead is at least as
    similar without the edge sentence, and that sentence alone is far from the other side, it is
    an addition (or omission) of its own.
    """
    src, tgt = list(range(i, i + a)), list(range(j, j + b))
    if not score or (a < 2 and b < 2):
        return [Bead(tuple(src), tuple(tgt), max(0.0, score))]
    js, jt = _joiner_for(S), _joiner_for(T)
    lead: list[Bead] = []
    tail: list[Bead] = []
    for side in ("source", "target"):
        for edge in ("first", "last"):
            own, other = (src, tgt) if side == "source" else (tgt, src)
            if len(own) < 2:
                continue
            k = own[0] if edge == "first" else own[-1]
            rest = own[1:] if edge == "first" else own[:-1]
            own_side, other_side = (S, T) if side == "source" else (T, S)
            if len(own_side.sents[k]) * own_side.char_weight < MIN_TRIM_CHARS \
                    and not _full_sentence(own_side.sents[k]):
                continue  # a fragment (a caption, a heading) is not worth a finding of its own
            if side == "target" and _continues(own_side, k if edge == "last" else rest[0]):
                # one translated sentence split at a semicolon or colon: its clauses stay
                # together (a source clause without its rendering is still cut: an omission)
                continue
            rest_keys = frozenset().union(*(own_side.anchors[x] for x in rest))
            other_keys = frozenset().union(*(other_side.anchors[x] for x in other))
            if (own_side.anchors[k] - rest_keys) & other_keys:
                continue  # it carries a number the other side has and the rest does not: rendered
            join_own, join_other = (js, jt) if side == "source" else (jt, js)
            vecs = encoder.encode([join_other.join(other_side.sents[x] for x in other),
                                   join_own.join(own_side.sents[x] for x in own),
                                   join_own.join(own_side.sents[x] for x in rest),
                                   own_side.sents[k]])
            full, without, alone = _sim(own_side.cal, vecs[0] @ vecs[1:].T)
            # Without a clear gain, a sentence far from the other side on its own is still kept
            # when the other side is long enough to render it too: a sentence rendered within
            # another one is far from it alone (the encoder averages over the whole sentence).
            if without >= full + params.trim_gain or (
                    without >= full - params.trim_loss
                    and (alone < params.trim_cos or alone < without - params.trim_gap)
                    and _length_fit(S, T, src, tgt, log_ratio, side, k) <= params.trim_length):
                bead = Bead((k,), (), 0.0) if side == "source" else Bead((), (k,), 0.0)
                (lead if edge == "first" else tail).append(bead)
                own.remove(k)
                score = float(without)
    return lead + [Bead(tuple(src), tuple(tgt), max(0.0, score))] + tail


_SENTENCE_END = re.compile(r"[.!?。！？।؟]\W*$")
_WORDS = re.compile(r"[^\W\d_]{2,}")


def _full_sentence(text: str) -> bool:
    """Three words or more ending with a full stop ("It gave no details."): a sentence of its
    own, however short, unlike a caption, a heading or a fragment of OCR."""
    return bool(_SENTENCE_END.search(text)) and len(_WORDS.findall(text)) >= 3


_CLAUSE_END = re.compile(r"[;:,；：，、]\W*$")


def _continues(side: _Side, k: int) -> bool:
    """Sentence k is the next clause of sentence k-1 rather than a sentence of its own: k-1 ends
    with a semicolon, colon or comma, or k opens with a lower-case letter ("...avant que
    l'Himalaya ne dresse ses cimes ;" / "le travail d'érosion a progressé...")."""
    if k <= 0 or k >= side.n:
        return False
    if _CLAUSE_END.search(side.sents[k - 1]):
        return True
    first = next((c for c in side.sents[k] if c.isalnum()), "")
    return first.islower() and first != first.upper()


def _shares_own_cognate(own_side: _Side, other_side: _Side, k: int, rest, other) -> bool:
    """Sentence k has a cognate on the other side of the bead that the rest of its own side lacks."""
    mine = own_side.cognates[k].difference(*(own_side.cognates[x] for x in rest))
    return bool(mine & frozenset().union(*(other_side.cognates[x] for x in other)))


def _length_fit(S: _Side, T: _Side, src: list[int], tgt: list[int], log_ratio: float, side: str,
                k: int) -> float:
    """How much further the bead's log length ratio is from the document's without sentence k."""
    def dev(ls: float, lt: float) -> float:
        return abs(math.log((lt + 10.0) / (ls + 10.0)) - log_ratio)
    ls = sum(len(S.sents[x]) for x in src)
    lt = sum(len(T.sents[x]) for x in tgt)
    lk = len((S if side == "source" else T).sents[k])
    without = dev(ls - lk, lt) if side == "source" else dev(ls, lt - lk)
    return without - dev(ls, lt)


def _joiner_for(side: _Side) -> str:
    return side.join
