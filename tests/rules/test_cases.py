"""Golden cases as data: every tests/rules/cases/*.yml case runs through the full pipeline.

A case gives source and target (each one sentence, presegmented), the languages, the codes (or
code prefixes) that must be reported at warning or error (``expect``) and those that must not
(``expect_not``). Adding a case needs no code.
"""
from pathlib import Path

import pytest
import yaml

import checker
from checker.model import Severity

CASES_DIR = Path(__file__).parent / "cases"


def _load():
    for path in sorted(CASES_DIR.glob("*.yml")):
        for k, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            yield pytest.param(case, id=f"{path.stem}:{case.get('name', k)}")


def _glossary(rows):
    from checker.glossary import Glossary
    return Glossary.from_rows(rows)


@pytest.mark.parametrize("case", list(_load()))
def test_case(case, encoder):
    from checker.pipeline import Settings
    settings = Settings(glossary=_glossary(case["glossary"])) if case.get("glossary") else None
    report = checker.check(case["source"], case["target"], case["source_lang"], case["target_lang"],
                           presegmented=case.get("presegmented", True), settings=settings,
                           encoder=encoder)
    codes = [f.code for f in report.findings if f.severity >= Severity.WARNING]
    shown = [(f.code, str(f.severity), f.message) for f in report.findings]
    for want in case.get("expect", []):
        assert any(c.startswith(want) for c in codes), f"expected {want}, got {shown}"
    if case.get("expect_not") and not any(e.startswith(("OMI", "ADD")) for e in case.get("expect", [])):
        # an expect_not case passes for the right reason only if the two sides were compared
        one_sided = [b for r in report.results for b in r.alignment if not (b.source and b.target)]
        assert not one_sided, f"the pair did not align, nothing was compared: {shown}"
    for unwanted in case.get("expect_not", []):
        assert not any(c.startswith(unwanted) for c in codes), f"did not expect {unwanted}, got {shown}"
    assert case.get("expect") or case.get("expect_not"), "a case must expect something"
