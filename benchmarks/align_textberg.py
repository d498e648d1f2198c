"""Align ../shared/bench/align-dev (Text+Berg de-fr) and score it as Vecalign / Bertalign do.

Prints strict and lax precision, recall and F1, the time taken and the peak memory; with
several documents, each one and all of them pooled (counts summed over the documents, as
Vecalign's score_multiple does).
Usage: python benchmarks/align_textberg.py [DIR]

DIR is laid out either as align-dev (de/DOC, fr/DOC, gold/DOC) or as the Bleualign repository's
eval data, which Vecalign also ships in bleualign_data/ (NAME.de, NAME.fr, gold NAME.defr): the
seven test documents the published Vecalign and Bertalign figures were measured on.
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
    return score_many([(test, gold)])


def score_many(pairs):
    """``score`` over several documents: (test, gold) pairs, counts summed before dividing."""
    def both_sides(beads):
        return [b for b in beads if b[0] and b[1]]

    ps = pl = pn = rs = rl = rn = 0
    for test, gold in pairs:
        c = _counts(gold, test)
        ps, pl, pn = ps + c[0], pl + c[1], pn + c[2]
        c = _counts(both_sides(test), both_sides(gold))
        rs, rl, rn = rs + c[0], rl + c[1], rn + c[2]
    f = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0  # noqa: E731
    out = {}
    for key, tp_p, tp_r in (("strict", ps, rs), ("lax", pl, rl)):
        p, r = tp_p / max(1, pn), tp_r / max(1, rn)
        out[key] = (p, r, f(p, r))
    return out


def documents(root: Path):
    """(name, German lines, French lines, gold beads) of every document under root."""
    if (root / "gold").is_dir():
        for doc in sorted(os.listdir(root / "gold")):
            yield (doc, (root / "de" / doc).read_text().splitlines(),
                   (root / "fr" / doc).read_text().splitlines(), read_gold(root / "gold" / doc))
        return
    for gold in sorted(root.glob("*.defr")):
        stem = gold.with_suffix("")
        yield (stem.name, stem.with_suffix(".de").read_text().splitlines(),
               stem.with_suffix(".fr").read_text().splitlines(), read_gold(gold))


def _print_scores(s):
    for k in ("strict", "lax"):
        p, r, f1 = s[k]
        print(f"  {k:6s} precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/bench/align-dev")
    enc = Encoder()
    pairs, sentences, seconds = [], 0, 0.0
    for doc, de, fr, gold in documents(root):
        t0 = time.perf_counter()
        enc.encode(["warm-up"])
        t1 = time.perf_counter()
        beads = align(de, fr, "de", "fr", encoder=enc)
        t2 = time.perf_counter()
        test = [(b.source, b.target) for b in beads]
        pairs.append((test, gold))
        sentences += len(de) + len(fr)
        seconds += t2 - t1
        print(f"document {doc}: {len(de)} de / {len(fr)} fr sentences, {len(gold)} gold beads")
        _print_scores(score(test, gold))
        print(f"  time {t2 - t1:.2f} s (embedding included, model load excluded: {t1 - t0:.2f} s)")
    if not pairs:
        sys.exit(f"align_textberg: no documents under {root}")
    if len(pairs) > 1:
        print(f"all {len(pairs)} documents pooled: {sentences} sentences, {seconds:.1f} s")
        _print_scores(score_many(pairs))
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
