"""Where the wide encoder's similarities sit on the default encoder's scale.

The seed corpus's seven translations (corpora/seed, fr -> ar, de, es, ja, ru, tr, zh) are
aligned with the default encoder; for each encoder the script prints the mean cosine of the
1-1 beads and of every other sentence pair of the same two documents: the two points through
which the aligner carries the wide encoder's similarities onto the default encoder's scale
(WideEncoder.calibration). Needs the wide extra: pip install -e '.[wide]'.
Usage: python benchmarks/calibrate_wide.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.align import align  # noqa: E402
from checker.align.encoder import Encoder, WideEncoder  # noqa: E402
from checker.io.read import read_text  # noqa: E402
from checker.text.segment import segment  # noqa: E402


def means(enc, pairs) -> tuple[float, float]:
    beads_sims, other_sims = [], []
    for src, tgt, beads in pairs:
        sims = enc.encode(src) @ enc.encode(tgt).T
        inside = np.zeros_like(sims, dtype=bool)
        for b in beads:
            for i in b.source:
                for j in b.target:
                    inside[i, j] = True
            if len(b.source) == 1 and len(b.target) == 1:
                beads_sims.append(sims[b.source[0], b.target[0]])
        other_sims.extend(sims[~inside].tolist())
    return float(np.mean(beads_sims)), float(np.mean(other_sims))


def main():
    seed = ROOT / "corpora" / "seed"
    src = [s.text for s in segment(read_text(seed / "fr.txt"), "fr").sentences]
    use, wide = Encoder(), WideEncoder()
    pairs = []
    for p in sorted(seed.glob("??.txt")):
        if p.stem == "fr":
            continue
        tgt = [s.text for s in segment(read_text(p), p.stem).sentences]
        pairs.append((src, tgt, align(src, tgt, "fr", p.stem, encoder=use)))
    u_in, u_out = means(use, pairs)
    w_in, w_out = means(wide, pairs)
    print(f"default encoder: 1-1 beads {u_in:.4f}, other pairs {u_out:.4f}")
    print(f"wide encoder:    1-1 beads {w_in:.4f}, other pairs {w_out:.4f}")
    print(f"calibration points: (({w_out:.4f}, {u_out:.4f}), ({w_in:.4f}, {u_in:.4f})); "
          f"WideEncoder.calibration: {WideEncoder.calibration}")


if __name__ == "__main__":
    main()
