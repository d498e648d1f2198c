"""The alignment benchmark scores as Vecalign's score.py and Bertalign's eval do.

The published figures the README compares against (Bertalign 0.936, Vecalign 0.902 strict F1)
count 1-0 and 0-1 beads in precision; a scorer that left them out would flatter our figure.
"""
import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "align_textberg", Path(__file__).resolve().parents[1] / "benchmarks" / "align_textberg.py")
align_textberg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(align_textberg)
score = align_textberg.score

GOLD = [((0,), (0,)), ((1,), (1, 2)), ((), (3,)), ((2,), (4,))]


def test_identical_alignment_scores_one():
    s = score(GOLD, GOLD)
    assert s["strict"] == pytest.approx((1.0, 1.0, 1.0))
    assert s["lax"] == pytest.approx((1.0, 1.0, 1.0))


def test_a_deletion_the_gold_lacks_costs_precision_only():
    test = [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((), (3,)), ((2,), (4,))]
    s = score(test, GOLD)
    # 5 test beads: (0,0), (), (3,) and (2,4) are in the gold; (1,1) is lax only, (),(2,) neither
    assert s["strict"][0] == pytest.approx(3 / 5)
    assert s["lax"][0] == pytest.approx(4 / 5)
    # recall: 3 gold beads with both sides, (1,(1,2)) missed strictly, overlapped laxly
    assert s["strict"][1] == pytest.approx(2 / 3)
    assert s["lax"][1] == pytest.approx(1.0)


def test_a_deletion_the_gold_has_is_a_hit():
    merged = [((0,), (0,)), ((1,), (1, 2, 3)), ((2,), (4,))]
    s_merged = score(merged, GOLD)
    assert s_merged["strict"][0] == pytest.approx(2 / 3)
    # splitting the insertion off as the gold does raises precision
    assert score(GOLD, GOLD)["strict"][0] > s_merged["strict"][0]
