"""The seed corpus as an acceptance test: recall on injected defects, silence on clean text."""
from pathlib import Path

import pytest

from checker.corpus_eval import score_gold
from checker.io.read import read_text
from checker.model import Severity
from checker.pipeline import check_pair
from checker.rules import REGISTRY

SEED = Path(__file__).resolve().parents[1] / "corpora" / "seed"
GOLD = sorted(SEED.glob("*.gold.json"))
CLEAN = sorted(p for p in SEED.glob("??.txt") if p.stem not in ("fr", "en"))


def test_corpus_has_every_language_and_category():
    langs = {p.stem for p in CLEAN}
    assert {"de", "es", "ru", "tr", "ar", "zh", "ja"} <= langs
    assert len(GOLD) >= 8


@pytest.mark.parametrize("gold", GOLD, ids=[p.name for p in GOLD])
def test_gold_defects_of_handled_categories_are_caught(gold, encoder):
    claimed = {cls.category for cls in REGISTRY.values()}
    res = score_gold(gold, encoder)
    missed = [(d["category"], d.get("target_text") or d.get("source_text"), d.get("note"))
              for d in res.missed if d["category"] in claimed]
    print(f"\n{gold.name}: caught {len(res.caught)}/{len(res.caught) + len(res.missed)}, "
          f"false positives {len(res.false_positives)}: "
          + "; ".join(f"{f.code} {f.message[:80]}" for f in res.false_positives))
    assert not missed, f"missed gold defects: {missed}"


@pytest.mark.parametrize("path", CLEAN, ids=[p.name for p in CLEAN])
def test_clean_translations_have_no_errors(path, encoder):
    res = check_pair(read_text(SEED / "fr.txt"), read_text(path), "fr", path.stem, encoder=encoder)
    errors = [(f.code, f.message) for f in res.findings if f.severity >= Severity.ERROR]
    assert not errors
