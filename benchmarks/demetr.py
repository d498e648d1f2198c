"""Detection quality on DEMETR (../shared/bench/demetr-dev.jsonl).

For each perturbation and source language: the fraction of pairs caught (a finding of warning
or error severity in one of the expected categories); for clean pairs, the fraction flagged
(any warning or error). Also pairs per second.

Usage: python benchmarks/demetr.py [FEED] [--limit N] [--only PERTURBATION,...] [--show-misses N]
                                   [--no-wide]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker.io.feed import parse_feed  # noqa: E402
from checker.model import InputError, Severity  # noqa: E402
from checker.pipeline import check_pair  # noqa: E402
from checker.align.encoder import Encoder, default_encoder  # noqa: E402

CLEAN = {"clean_mt", "clean_human"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("feed", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/bench/demetr-dev.jsonl"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--only", default="")
    ap.add_argument("--show-misses", type=int, default=0)
    ap.add_argument("--severity", default="", help="per-rule overrides, e.g. ENT104=info,NUM103=off")
    ap.add_argument("--no-wide", action="store_true",
                    help="the default encoder alone, even where the wide extra is installed")
    args = ap.parse_args()
    only = set(filter(None, args.only.split(",")))
    lines = Path(args.feed).read_text(encoding="utf-8").splitlines()
    expected = {}
    for line in lines:
        rec = json.loads(line)
        expected[rec["id"]] = rec["expected"]
    stats = defaultdict(lambda: [0, 0])  # (perturbation, lang) -> [caught, total]
    misses = defaultdict(list)
    from checker.pipeline import Settings
    settings = Settings(severity=tuple(tuple(kv.split("=", 1)) for kv in args.severity.split(",") if kv))
    enc = Encoder(wide=False) if args.no_wide else default_encoder()
    enc.encode(["warm up"])
    n = 0
    t0 = time.perf_counter()
    for item in parse_feed("\n".join(lines), args.feed):
        if isinstance(item, InputError):
            print("input error:", item)
            continue
        exp = expected[item.id]
        pert = exp["perturbation"]
        if only and pert not in only:
            continue
        if args.limit and stats[(pert, "all")][1] >= args.limit:
            continue
        res = check_pair(item.source_text, item.target_text, item.source_lang, item.target_lang,
                         True, doc_id=item.id, encoder=enc, settings=settings)
        n += 1
        serious = [f for f in res.findings if f.severity >= Severity.WARNING]
        if pert in CLEAN:
            hit = bool(serious)
        else:
            hit = any(f.category in exp["categories"] for f in serious)
        lang = item.source_lang
        for key in ((pert, lang), (pert, "all")):
            stats[key][0] += hit
            stats[key][1] += 1
        if (hit if pert in CLEAN else not hit):
            misses[pert].append((item.id, item.source_text, item.target_text,
                                 [(f.code, str(f.severity), f.message) for f in serious]))
    dt = time.perf_counter() - t0
    langs = sorted({k[1] for k in stats if k[1] != "all"})
    perts = sorted({k[0] for k in stats})
    print(f"| perturbation | {' | '.join(langs)} | all |")
    print("|---" * (len(langs) + 2) + "|")
    for p in perts:
        cells = []
        for lang in langs + ["all"]:
            c, t = stats[(p, lang)]
            cells.append(f"{c / t:.3f}" if t else "-")
        label = f"{p} (flagged)" if p in CLEAN else p
        print(f"| {label} | {' | '.join(cells)} |")
    print(f"\n{n} pairs in {dt:.1f} s: {n / dt:.1f} pairs/s (one process, CHECKER_THREADS={enc.threads})")
    from collections import Counter
    fp = Counter(code for p in CLEAN for m in misses.get(p, []) for code in {c for c, _, _ in m[3]})
    if fp:
        print("clean pairs flagged, by rule:", ", ".join(f"{c} {n}" for c, n in fp.most_common()))
    for p, items in misses.items():
        for m in items[: args.show_misses]:
            print(f"\n[{p}] {m[0]}\n  src: {m[1]}\n  tgt: {m[2]}\n  findings: {m[3]}")


if __name__ == "__main__":
    main()
