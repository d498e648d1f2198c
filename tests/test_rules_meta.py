"""Every registered rule is documented and named the same way, and the generated docs show it."""
from __future__ import annotations

import re

import pytest

from checker.model import CATEGORIES, Severity
from checker.rules.base import DOC_HEADINGS, Rule
from checker.rules.docs import load_rules, rule_doc, rules_table

REGISTRY = load_rules()
RULES = sorted(REGISTRY.items())


def test_rules_are_registered():
    assert REGISTRY, "no rule registered: checker.rules imports no family"


def test_codes_and_names_are_unique():
    names = [cls.name for _, cls in RULES]
    assert len(set(names)) == len(names), "two rules share a name"
    assert all(code == cls.code for code, cls in RULES)


@pytest.mark.parametrize("code,cls", RULES, ids=[c for c, _ in RULES])
def test_rule_is_well_formed(code, cls):
    assert re.fullmatch(r"[A-Z]+[0-9]{3}", code), f"{code}: code must be a family prefix + 3 digits"
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", cls.name), f"{code}: name {cls.name!r} is not kebab-case"
    assert cls.category in CATEGORIES, f"{code}: unknown category {cls.category!r}"
    assert isinstance(cls.severity, Severity)
    doc = cls.doc()
    for heading in DOC_HEADINGS:
        assert re.search(rf"^{re.escape(heading)}\n-{{{len(heading)}}}\n\S", doc, re.M), \
            f"{code}: docstring lacks the heading {heading!r} underlined with dashes and followed by text"
    positions = [doc.index(h) for h in DOC_HEADINGS]
    assert positions == sorted(positions), f"{code}: headings out of order"
    assert cls.summary() and "\n" not in cls.summary()


def test_rules_table_lists_every_rule_aligned():
    table = rules_table()
    lines = table.splitlines()
    assert lines[0].split() == ["CODE", "NAME", "CATEGORY", "SEVERITY", "WHAT", "IT", "FLAGS"]
    assert len(lines) == len(RULES) + 1
    col = lines[0].index("WHAT IT FLAGS")
    for line, (code, cls) in zip(lines[1:], RULES):
        assert line.split()[:4] == [code, cls.name, cls.category, str(cls.severity)]
        assert line[col:] == cls.summary()  # the descriptions start in one column
    assert all(len(l) <= 60 for l in rules_table(width=60).splitlines())


def test_rule_doc_shows_header_and_docstring():
    code, cls = RULES[0]
    doc = rule_doc(code.lower())
    assert doc.splitlines()[0] == f"{code} {cls.name} (category: {cls.category}, default severity: {cls.severity})"
    assert cls.doc() in doc
    assert rule_doc(cls.name) == doc  # the kebab-case name works too


def test_unknown_rule_suggests_close_codes(monkeypatch):
    class Fake(Rule):
        """What it flags
        -------------
        x
        """
        code, name, category = "ZZZ101", "fake-rule", "number"

    monkeypatch.setitem(REGISTRY, "ZZZ101", Fake)
    with pytest.raises(KeyError) as e:
        rule_doc("ZZZ11")
    assert "did you mean ZZZ101" in e.value.args[0]
    with pytest.raises(KeyError) as e:
        rule_doc("QQQQQQ999")
    assert "checker rules" in e.value.args[0]


def test_every_rule_has_a_failing_and_a_passing_golden_case():
    """ARCHITECTURE.md: each rule has at least one case that must report it and one that must not."""
    from pathlib import Path

    import yaml

    from checker.rules import REGISTRY

    expect, expect_not = set(), []
    for path in sorted((Path(__file__).parent / "rules" / "cases").glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            expect.update(case.get("expect", []))
            expect_not.extend(case.get("expect_not", []))
    missing = [code for code in sorted(REGISTRY)
               if code not in expect or not any(code.startswith(p) for p in expect_not)]
    assert not missing, f"rules without a failing and a passing golden case: {missing}"
