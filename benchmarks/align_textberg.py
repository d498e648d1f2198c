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


def score(test, gold):
    """Strict and lax P/R/F1 as in Vecalign's score.py (deletions count for precision only)."""
    def nondel(beads):
        return [b for b in beads if b[0] and b[1]]

    t_nd, g_nd = nondel(test), nondel(gold)
    strict_tp_p = sum(1 for b in test if b[0] and b[1] and b in set(gold))
    strict_tp_r = sum(1 for b in g_nd if b in set(test))
    p_s = strict_tp_p / max(1, len(t_nd))
    r_s = strict_tp_r / max(1, len(g_nd))

    def overlaps(b, others):
        return any(set(b[0]) & set(o[0]) and set(b[1]) & set(o[1]) for o in others)

    p_l = sum(1 for b in t_nd if overlaps(b, g_nd)) / max(1, len(t_nd))
    r_l = sum(1 for b in g_nd if overlaps(b, t_nd)) / max(1, len(g_nd))
    f = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0  # noqa: E731
    return {"strict": (p_s, r_s, f(p_s, r_s)), "lax": (p_l, r_l, f(p_l, r_l))}


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
