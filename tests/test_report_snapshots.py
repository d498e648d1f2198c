"""Every output format rendered from the one fixed report (tests/report_fixture.py) must equal its
snapshot in tests/snapshots/. After an intended change, regenerate with

    CHECKER_UPDATE_SNAPSHOTS=1 pytest tests/test_report_snapshots.py

and review the diff before committing. Outputs must be deterministic (rendered twice, equal).
"""
from __future__ import annotations

import difflib
import importlib
import os
from pathlib import Path

import pytest

try:
    from tests.report_fixture import build_report
except ImportError:  # tests/ is not a package: pytest put it on sys.path
    from report_fixture import build_report

from checker.report import FORMATS, render

SNAPSHOTS = Path(__file__).parent / "snapshots"

# (format, snapshot file, render options). SARIF is rendered with an empty registry so that its
# snapshot does not move whenever a rule's docstring is edited (rule metadata from the real
# registry is tested in test_report_sarif.py).
CASES = [
    ("sarif", "sarif.json", {"registry": {}}),
    ("junit", "junit.xml", {}),
    ("github", "github.txt", {}),
    ("html", "report.html", {}),
    ("text", "text.txt", {}),
    ("json", "report.json", {}),
    ("jsonl", "report.jsonl", {}),
]
# Formats another module owner may not have written yet: skipped while their module is missing.
NOT_YET_REQUIRED = {"text", "json", "jsonl"}


@pytest.mark.parametrize("fmt,filename,options", CASES, ids=[c[0] for c in CASES])
def test_snapshot(fmt, filename, options):
    if fmt in NOT_YET_REQUIRED:
        try:
            importlib.import_module(f"checker.report.{FORMATS[fmt]}")
        except ModuleNotFoundError as e:
            if e.name == f"checker.report.{FORMATS[fmt]}":
                pytest.skip(f"checker/report/{FORMATS[fmt]}.py not written yet")
            raise
    out = render(build_report(), fmt, **options)
    assert out == render(build_report(), fmt, **options), f"{fmt} output is not deterministic"
    assert out.endswith("\n")
    path = SNAPSHOTS / filename
    if os.environ.get("CHECKER_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(out.encode("utf-8"))
        return
    assert path.exists(), f"no snapshot {path}: run with CHECKER_UPDATE_SNAPSHOTS=1 to create it"
    expected = path.read_bytes().decode("utf-8")
    if out != expected:
        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), out.splitlines(True),
                                                 f"snapshots/{filename}", f"{fmt} output"))[:80])
        pytest.fail(f"{fmt} output differs from its snapshot (CHECKER_UPDATE_SNAPSHOTS=1 to accept):\n{diff}")
