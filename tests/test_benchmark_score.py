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


def test_several_documents_pool_their_counts():
    # Vecalign's score_multiple sums the counts of every document before dividing: a short
    # perfect document does not weigh as much as a long poor one
    short = [((0,), (0,))]
    long_test = [((i,), (i,)) for i in range(9)]
    long_gold = [((i,), (i,)) for i in range(0, 9, 3)] + [((i, i + 1), (i, i + 1)) for i in range(1, 9, 3)]
    long_gold.sort()
    pooled = align_textberg.score_many([(short, short), (long_test, long_gold)])
    # precision: 1 + 3 hits of 1 + 9 beads; recall: 1 + 3 hits of 1 + 6 gold beads
    assert pooled["strict"][0] == pytest.approx(4 / 10)
    assert pooled["strict"][1] == pytest.approx(4 / 7)
    one = score(long_test, long_gold)["strict"]
    assert one[0] == pytest.approx(3 / 9) and pooled["strict"][0] > one[0]


def test_both_layouts_are_read(tmp_path):
    dev = tmp_path / "dev"
    for sub, text in (("de", "a\nb\n"), ("fr", "x\ny\n"), ("gold", "[0]:[0]\n[1]:[1]\n")):
        (dev / sub).mkdir(parents=True)
        (dev / sub / "7").write_text(text)
    bleu = tmp_path / "bleu"
    bleu.mkdir()
    (bleu / "test0.de").write_text("a\nb\n")
    (bleu / "test0.fr").write_text("x\n")
    (bleu / "test0.defr").write_text("[0, 1]:[0]\n")
    assert list(align_textberg.documents(dev)) == [("7", ["a", "b"], ["x", "y"], [((0,), (0,)), ((1,), (1,))])]
    assert list(align_textberg.documents(bleu)) == [("test0", ["a", "b"], ["x"], [((0, 1), (0,))])]
