"""Align ../shared/bench/align-dev (Text+Berg de-fr) and score it as Vecalign / Bertalign do.

Prints strict and lax precision, recall and F1, the time taken and the peak memory.
Usage: python benchmarks/align_textberg.py [ALIGN_DEV_DIR]
"""
from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker.align import align  # noqa: E402
from checker.align.encoder import Encoder  # noqa: E402


def read_gold(path):
    beads = []
    for line in Path(path).read_text().splitlines():
        if not line.strip():
            continue
        s, t = line.split(":")
        beads.append((tuple(int(x) for x in s.strip(" []").split(",") if x.strip()),
                      tuple(int(x) for x in t.strip(" []").split(",") if x.strip())))
    return beads


def _counts(reference, candidate):
    """Strict and lax true and false positives of the candidate beads against the reference.

    A candidate bead is a strict hit when the reference holds it exactly (1-0 and 0-1 beads
    included), a lax hit when one of its source sentences is aligned in the reference to one of
    its target sentences; a bead with nothing on one side is therefore never a lax hit unless it
    is a strict one.
    """
    reference = {b for b in reference if b[0] or b[1]}
    targets_of = {}
    for src, tgt in reference:
        for s in src:
            targets_of.setdefault(s, set()).update(tgt)
    tp_strict = tp_lax = n = 0
    for src, tgt in {b for b in candidate if b[0] or b[1]}:
        n += 1
        if (src, tgt) in reference:
            tp_strict += 1
            tp_lax += 1
        elif set(tgt) & set().union(*(targets_of.get(s, set()) for s in src)):
            tp_lax += 1
    return tp_strict, tp_lax, n


def score(test, gold):
    """Strict and lax P/R/F1 as Vecalign's score.py and Bertalign's eval define them.

    Precision is over every test bead, 1-0 and 0-1 included (a deletion the gold also has is a
    hit, any other is a miss); recall is over the gold beads with both sides, matched against the
    test beads with both sides.
    """
    def both_sides(beads):
        return [b for b in beads if b[0] and b[1]]

    ps, pl, pn = _counts(gold, test)
    rs, rl, rn = _counts(both_sides(test), both_sides(gold))
    f = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0  # noqa: E731
    out = {}
    for key, tp_p, tp_r in (("strict", ps, rs), ("lax", pl, rl)):
        p, r = tp_p / max(1, pn), tp_r / max(1, rn)
        out[key] = (p, r, f(p, r))
    return out


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/bench/align-dev")
    enc = Encoder()
    total = {"n": 0}
    for doc in sorted(os.listdir(root / "gold")):
        de = (root / "de" / doc).read_text().splitlines()
        fr = (root / "fr" / doc).read_text().splitlines()
        gold = read_gold(root / "gold" / doc)
        t0 = time.perf_counter()
        enc.encode(["warm-up"])
        t1 = time.perf_counter()
        beads = align(de, fr, "de", "fr", encoder=enc)
        t2 = time.perf_counter()
        test = [(b.source, b.target) for b in beads]
        s = score(test, gold)
        print(f"document {doc}: {len(de)} de / {len(fr)} fr sentences, {len(gold)} gold beads")
        for k in ("strict", "lax"):
            p, r, f1 = s[k]
            print(f"  {k:6s} precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
        print(f"  time {t2 - t1:.2f} s (embedding included, model load excluded: {t1 - t0:.2f} s)")
        total["n"] += 1
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
