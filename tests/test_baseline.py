"""Baselines: accepted findings disappear, new ones stay, stale entries are reported."""
from __future__ import annotations

import dataclasses
import json

import pytest

try:
    from tests.report_fixture import build_report
except ImportError:
    from report_fixture import build_report

from checker.baseline import BaselineError, apply_baseline, describe, write_baseline
from checker.model import Finding, Severity, fingerprint


def test_written_baseline_is_sorted_deterministic_and_quotes_the_words(tmp_path):
    report = build_report()
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert write_baseline(report, a) == len(list(report.findings))
    write_baseline(report, b)
    assert a.read_bytes() == b.read_bytes()
    data = json.loads(a.read_text(encoding="utf-8"))
    assert data["version"] == 1
    entries = data["findings"]
    assert entries == sorted(entries, key=lambda e: (e["id"], e["code"], e["fingerprint"], e["text"]))
    res = report.results[0]
    expect = {(fingerprint(res, f), f.code, res.id, res.target.lang, f.target.text) for f in res.findings}
    assert {(e["fingerprint"], e["code"], e["id"], e["target_lang"], e["text"]) for e in entries} == expect


def test_baselined_findings_are_dropped_and_new_ones_kept(tmp_path):
    report = build_report()
    path = tmp_path / "baseline.json"
    write_baseline(report, path)
    clean, unmatched = apply_baseline(report, path)
    assert list(clean.findings) == [] and unmatched == []
    assert clean.errors == report.errors and clean.signature == report.signature

    # a new finding in the next run survives the baseline
    res = report.results[0]
    new = Finding("NUM101", "number-mismatch", "number", Severity.ERROR, "2011 -> 2012",
                  source=res.source.span(res.source.text.index("2011"), res.source.text.index("2011") + 4),
                  target=res.target.span(res.target.text.index("2011"), res.target.text.index("2011") + 4))
    later = dataclasses.replace(report, results=(dataclasses.replace(res, findings=res.findings + (new,)),
                                                 *report.results[1:]))
    kept, unmatched = apply_baseline(later, path)
    assert list(kept.findings) == [new] and unmatched == []


def test_fixed_findings_leave_unmatched_entries(tmp_path):
    report = build_report()
    path = tmp_path / "baseline.json"
    write_baseline(report, path)
    res = report.results[0]
    fixed = dataclasses.replace(report, results=(dataclasses.replace(res, findings=res.findings[1:]),
                                                 *report.results[1:]))
    kept, unmatched = apply_baseline(fixed, path)
    assert list(kept.findings) == []
    gone = res.findings[0]
    assert [e["fingerprint"] for e in unmatched] == [fingerprint(res, gone)]
    msg = describe(unmatched[0])
    assert gone.code in msg and res.id in msg and "no longer matches" in msg and "remove it" in msg


def test_duplicates_need_one_entry_each(tmp_path):
    report = build_report()
    res = report.results[0]
    once = res.findings[0]
    path = tmp_path / "baseline.json"
    write_baseline(dataclasses.replace(report, results=(dataclasses.replace(res, findings=(once,)),)), path)
    twice = dataclasses.replace(report, results=(dataclasses.replace(res, findings=(once, once)),))
    kept, unmatched = apply_baseline(twice, path)
    assert list(kept.findings) == [once] and unmatched == []


@pytest.mark.parametrize("content,reason", [
    (None, "baseline file not found"),
    ("{not json", "invalid JSON at line 1"),
    ('{"version": 2, "findings": []}', "unsupported baseline version 2"),
    ('[1, 2]', "not a checker baseline"),
    ('{"version": 1, "findings": {}}', "'findings' must be a list"),
    ('{"version": 1, "findings": [{"code": "REP101"}]}', "entry 1 has no fingerprint"),
])
def test_invalid_baselines_are_errors_naming_the_file(tmp_path, content, reason):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as e:
        apply_baseline(build_report(), path)
    assert str(e.value).startswith(f"{path}: ") and reason in str(e.value)
