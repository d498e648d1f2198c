"""Scoring the checker against the gold defect files of ``corpora/`` (used by tests and benchmarks).

A gold defect is caught when a finding of warning or error severity, of its category (or one of
its ``accept`` categories), covers part of the defect's text: its target text in the translation,
or, when the defect has none (a dropped sentence or name), its source text in the source.
A finding of warning or error that covers no gold defect is a false positive.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .io.read import read_text
from .model import Severity


@dataclass
class GoldResult:
    gold_file: str
    target_lang: str
    caught: list = field(default_factory=list)
    missed: list = field(default_factory=list)
    false_positives: list = field(default_factory=list)


def _overlaps(span, start, end) -> bool:
    return span is not None and span.start < end and start < span.end


def score_gold(path: Path, encoder=None) -> GoldResult:
    from .pipeline import check_pair
    gold = json.loads(path.read_text(encoding="utf-8"))
    root = path.parent
    src_text = read_text(root / gold["source"])
    tgt_text = read_text(root / gold["translation"])
    res = check_pair(src_text, tgt_text, gold["source_lang"], gold["target_lang"],
                     doc_id=gold["translation"], source_name=str(root / gold["source"]),
                     target_name=str(root / gold["translation"]), encoder=encoder)
    serious = [f for f in res.findings if f.severity >= Severity.WARNING]
    out = GoldResult(path.name, gold["target_lang"])
    used = set()
    for d in gold["defects"]:
        cats = set(d.get("accept") or []) | {d["category"]}
        if d.get("target_text"):
            s = tgt_text.index(d["target_text"])
            hits = [k for k, f in enumerate(serious)
                    if f.category in cats and _overlaps(f.target, s, s + len(d["target_text"]))]
        else:
            s = src_text.index(d["source_text"])
            hits = [k for k, f in enumerate(serious)
                    if f.category in cats and _overlaps(f.source, s, s + len(d["source_text"]))]
        (out.caught if hits else out.missed).append(d)
        used.update(hits)
        # any finding on the defect's words explains it, whatever its category
        for k, f in enumerate(serious):
            if d.get("target_text"):
                if _overlaps(f.target, s, s + len(d["target_text"])):
                    used.add(k)
            elif _overlaps(f.source, s, s + len(d["source_text"])):
                used.add(k)
    out.false_positives = [f for k, f in enumerate(serious) if k not in used]
    return out
