"""DEMETR-style perturbations of the helper-written articles in languages outside the default
encoder's 16 (benchmarks/data/uncovered: he, hi, fa, el, vi, id, uk, cs, with English), written
as a feed that benchmarks/demetr.py scores:

    python benchmarks/perturb_uncovered.py > /tmp/uncovered.jsonl
    python benchmarks/demetr.py /tmp/uncovered.jsonl [--no-wide]

Every source sentence (xx) with its English translation: clean; numbers_replaced (digits of one
number changed); ne_replaced / ne_removed (a run of capitalised words inside the sentence, not a
weekday or month, replaced by one from another article, or deleted); repeat2 (last word twice more); empty (".");
shuffle_trans (a sentence of another article). The perturbations are mechanical (a name run may
take a title with it), so the rates compare with and without the wide extra, not with DEMETR's
hand-checked ones. The articles were written by a helper session, not taken from newsrooms.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "uncovered"
LANGS = ("he", "hi", "fa", "el", "vi", "id", "uk", "cs")
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w.,]*\d)")
NAME_RUN = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]+(?: [A-Z][a-z]+)*)")


def _calendar_words() -> set[str]:
    from babel.dates import get_day_names, get_month_names
    return set(get_day_names("wide", locale="en").values()) | set(get_month_names("wide", locale="en").values())


def _name_runs(text: str, calendar: set[str]) -> list:
    """Runs of capitalised words inside a sentence, weekdays and months left out (a replaced
    weekday is a date perturbation, not a name)."""
    return [m for m in NAME_RUN.finditer(text) if not calendar & set(m.group(1).split())]


def records(seed: int = 7):
    rng = random.Random(seed)
    calendar = _calendar_words()
    arts = sorted(DATA.glob("art*.en.txt"))
    for a, art in enumerate(arts):
        en = art.read_text(encoding="utf-8").splitlines()
        other = arts[(a + 1) % len(arts)].read_text(encoding="utf-8").splitlines()
        other_names = [m.group(1) for s in other for m in _name_runs(s, calendar)]
        for lang in LANGS:
            xx = (DATA / art.name.replace(".en.", f".{lang}.")).read_text(encoding="utf-8").splitlines()
            for k, (src, tgt) in enumerate(zip(xx, en)):
                def rec(pert, text, cats):
                    return {"id": f"uncovered-{pert}-{lang}-{a}-{k}", "source": {"lang": lang, "text": src},
                            "translations": [{"lang": "en", "text": text}],
                            "expected": {"perturbation": pert, "categories": cats}}
                yield rec("clean_mt", tgt, [])
                numbers = list(NUMBER.finditer(tgt))
                if numbers:
                    m = rng.choice(numbers)
                    new = m.group(0)
                    while new == m.group(0):
                        new = "".join(str(rng.randrange(1, 10)) if c.isdigit() and rng.random() < 0.5 else c
                                      for c in m.group(0))
                    yield rec("numbers_replaced", tgt[:m.start()] + new + tgt[m.end():], ["number"])
                names = _name_runs(tgt, calendar)
                if names:
                    m = rng.choice(names)
                    swap = rng.choice([n for n in other_names if n != m.group(1)])
                    yield rec("ne_replaced", tgt[:m.start()] + swap + tgt[m.end():], ["entity"])
                    cut = (tgt[:m.start()] + tgt[m.end():]).replace("  ", " ").replace(" ,", ",").replace(" .", ".")
                    yield rec("ne_removed", cut, ["entity", "omission"])
                last = tgt.rstrip(".").split()[-1]
                yield rec("repeat2", tgt.rstrip(".") + f" {last}" * 2 + ".", ["repetition"])
                yield rec("empty", ".", ["omission"])
                yield rec("shuffle_trans", rng.choice(other), ["omission", "addition"])


if __name__ == "__main__":
    sys.stdout.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records()))
