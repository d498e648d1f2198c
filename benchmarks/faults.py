"""Fault injection: delete and duplicate random target sentences (seeded) and count how many the
omission / addition findings catch, and how many false omissions appear per 100 sentences.

Documents: the clean translations of corpora/seed (fr -> xx) and the Text+Berg align-dev pair
(de -> fr, presegmented). Also times a 2,000-sentence document (align-dev repeated) end to end.
Usage: python benchmarks/faults.py [--trials N] [--seed S] [--textberg DIR]

--textberg reads the Text+Berg documents from DIR instead of align-dev, in either layout
benchmarks/align_textberg.py reads (the Bleualign test documents, for instance). On a Text+Berg
document the omissions reported on the untouched translation are also checked against its gold:
a source sentence the gold leaves unaligned is really not rendered.
"""
from __future__ import annotations

import argparse
import functools
import json
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.align.encoder import default_encoder  # noqa: E402
from checker.io.read import read_text  # noqa: E402
from checker.model import Severity  # noqa: E402
from checker.pipeline import Settings, check_pair  # noqa: E402
from checker.text.segment import segment  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
import align_textberg  # noqa: E402

ALIGN_RULES = Settings(select=("OMI101", "ADD101"))


def documents(textberg: Path):
    seed = ROOT / "corpora" / "seed"
    src = read_text(seed / "fr.txt")
    for p in sorted(seed.glob("??.txt")):
        if p.stem in ("fr", "en"):
            continue
        sents = [s.text for s in segment(read_text(p), p.stem).sentences]
        yield f"seed fr-{p.stem}", [s.text for s in segment(src, "fr").sentences], "fr", sents, p.stem, None
    if textberg.exists():
        for doc, de, fr, gold in align_textberg.documents(textberg):
            yield f"text+berg {doc}", de, "de", fr, "fr", gold


@functools.lru_cache(maxsize=None)
def unrelated_sentences(lang: str) -> list[str]:
    """Sentences in ``lang`` from another source (DEMETR's clean news sentences: de, fr, pl, ru,
    zh, and their English translations), to stand in for a translated sentence."""
    path = ROOT.parent / "shared" / "bench" / "demetr-dev.jsonl"
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if not rec["id"].startswith("demetr-clean_mt-"):
            continue
        if rec["source"]["lang"] == lang:
            out.append(rec["source"]["text"])
        elif lang == "en":
            out.append(rec["translations"][0]["text"])
    return out


def omissions(res) -> set[int]:
    """Start offsets of the source sentences reported omitted (OMI101, warning or error)."""
    return {f.source.start for f in res.findings if f.code == "OMI101" and f.severity >= Severity.WARNING}


def run_one(src, slang, tgt, tlang, enc):
    res = check_pair("\n".join(src), "\n".join(tgt), slang, tlang, presegmented=True,
                     settings=ALIGN_RULES, encoder=enc)
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=10)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--textberg", type=Path, default=ROOT.parent / "shared" / "bench" / "align-dev")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    enc = default_encoder()
    enc.encode(["warm up"])
    caught = total = false_om = sentences = dup_caught = dup_total = clean_om = clean_sents = 0
    gold_om = gold_checked = rep_caught = rep_added = rep_total = 0
    rng_rep = random.Random(args.seed + 1)  # its own stream: the other trials stay as they were
    for name, src, slang, tgt, tlang, gold in documents(args.textberg):
        # baseline findings of the clean document are not counted against the injected faults
        base = run_one(src, slang, tgt, tlang, enc)
        base_om = omissions(base)
        clean_om += len(base_om)
        clean_sents += len(src)
        agreed = ""
        if gold is not None:
            unaligned = {base.source.sentences[i].start for src_ids, tgt_ids in gold if not tgt_ids
                         for i in src_ids}
            gold_om += len(base_om & unaligned)
            gold_checked += len(base_om)
            agreed = f", {len(base_om & unaligned)} of them unaligned in the gold too"
        d_c = d_t = d_f = 0
        for _ in range(args.trials):
            k = rng.randrange(len(tgt))
            # which source sentence(s) did target k render? (from the clean alignment)
            bead = next(b for b in base.alignment if k in b.target)
            if len(bead.target) != 1 or not bead.source:
                continue  # deleting part of a 1-2 bead leaves its source rendered
            t2 = tgt[:k] + tgt[k + 1:]
            res = run_one(src, slang, t2, tlang, enc)
            want = {res.source.sentences[i].start for i in bead.source}
            om = omissions(res)
            d_t += 1
            d_c += bool(want & om)
            if args.verbose and not want & om:
                near = [b for b in res.alignment if set(b.source) & set(bead.source)]
                print(f"  missed: deleted target {k} ({tgt[k][:60]!r}) rendering source {bead.source}; "
                      f"now {[(b.source, b.target, round(b.score, 2)) for b in near]}")
            d_f += len(om - want - base_om)
            sentences += len(src)
            # duplicate a sentence: the copy must be reported as added (or repeated)
            j = rng.randrange(len(tgt))
            t3 = tgt[:j + 1] + [tgt[j]] + tgt[j + 1:]
            res3 = run_one(src, slang, t3, tlang, enc)
            dup_total += 1
            dup_caught += any(f.code == "ADD101" and f.target and f.target.start >= 0
                              and f.severity >= Severity.WARNING for f in res3.findings)
            # replace a sentence by an unrelated one in the same language (a hallucination):
            # its source must be reported as omitted
            pool = unrelated_sentences(tlang)
            k = rng_rep.randrange(len(tgt))
            bead = next(b for b in base.alignment if k in b.target)
            if pool and len(bead.target) == 1 and bead.source:
                t4 = tgt[:k] + [rng_rep.choice(pool)] + tgt[k + 1:]
                res4 = run_one(src, slang, t4, tlang, enc)
                want = {res4.source.sentences[i].start for i in bead.source}
                om = omissions(res4)
                rep_total += 1
                rep_caught += bool(want & om)
                rep_added += any(f.code == "ADD101" and f.target and f.target.start == res4.target.sentences[k].start
                                 and f.severity >= Severity.WARNING for f in res4.findings)
        caught += d_c
        total += d_t
        false_om += d_f
        print(f"{name:22s} deletions caught {d_c}/{d_t}, false omissions {d_f} "
              f"(on the untouched document: {len(base_om)} of {len(src)} sentences{agreed})")
    print(f"\nomission recall {caught / max(1, total):.3f} ({caught}/{total}); "
          f"false omissions per 100 source sentences {100 * false_om / max(1, sentences):.2f}; "
          f"duplicated sentences reported as added {dup_caught}/{dup_total}; "
          f"omissions reported on the untouched documents: {clean_om} of {clean_sents} sentences "
          f"({gold_om} of the {gold_checked} on Text+Berg documents unaligned in the gold too)")
    if rep_total:
        print(f"sentences replaced by an unrelated one (DEMETR news, target languages de fr ru zh): "
              f"source reported omitted {rep_caught}/{rep_total}, replacement reported added "
              f"{rep_added}/{rep_total}")

    if args.no_speed:
        return
    # speed: a 2,000-sentence document (align-dev repeated), embedding included
    bench = ROOT.parent / "shared" / "bench" / "align-dev"
    de = (bench / "de" / "1957").read_text().splitlines()
    fr = (bench / "fr" / "1957").read_text().splitlines()
    reps = 2000 // len(de) + 1
    # every repetition made unique (the same number in brackets after each sentence of both
    # sides), so that the encoder's cache of repeated texts does not flatter the timing
    def repeat(sents):
        return [t if r == 0 else f"{t} ({r})" for r in range(reps) for t in sents]
    big_de, big_fr = repeat(de)[:2000], repeat(fr)[: int(2000 * len(fr) / len(de))]
    from checker.align import align
    from checker.align.encoder import Encoder
    fresh = Encoder()
    fresh.encode(["warm up"])
    t0 = time.perf_counter()
    beads = align(big_de, big_fr, "de", "fr", encoder=fresh)
    t_align = time.perf_counter() - t0
    n = len(big_de) + len(big_fr)
    print(f"2,000-sentence document ({len(big_de)} de + {len(big_fr)} fr unique sentences), alignment "
          f"alone, embedding included: {t_align:.1f} s, {len(beads) / t_align:.0f} beads/s, "
          f"{n / t_align:.0f} sentences/s")
    fresh = Encoder()
    fresh.encode(["warm up"])
    t0 = time.perf_counter()
    res = check_pair("\n".join(big_de), "\n".join(big_fr), "de", "fr", presegmented=True, encoder=fresh)
    dt = time.perf_counter() - t0
    print(f"the same document checked with all rules, embedding included: {dt:.1f} s, "
          f"{len(res.alignment) / dt:.0f} beads/s, {n / dt:.0f} sentences/s; "
          f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
