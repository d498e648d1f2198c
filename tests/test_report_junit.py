"""JUnit XML: parseable, counts CI can trust, one failing testcase per finding at or above fail-on."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

try:
    from tests.report_fixture import build_report
except ImportError:
    from report_fixture import build_report

from checker.model import Document, DocumentResult, Finding, InputError, Report, Sentence, Severity
from checker.report import render


def junit(report, **options):
    return ET.fromstring(render(report, "junit", **options).encode("utf-8"))


def suites(root):
    return {s.get("name"): s for s in root.findall("testsuite")}


def test_one_suite_per_document_and_pair_plus_input_errors():
    report = build_report()
    root = junit(report)
    assert root.tag == "testsuites"
    names = [s.get("name") for s in root.findall("testsuite")]
    assert names == [f"{r.id} {r.source.lang}->{r.target.lang}" for r in report.results] + ["input errors"]


@pytest.mark.parametrize("fail_on", ["error", "warning", "info", "never"])
def test_failures_follow_fail_on(fail_on):
    report = build_report()
    root = junit(report, fail_on=fail_on)
    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    failing = [f for f in report.findings if threshold is not None and f.severity >= threshold]
    failures = root.findall(".//failure")
    assert sorted(f.get("type") for f in failures) == sorted(f.code for f in failing)
    assert int(root.get("failures")) == len(failing)
    # counts on every level agree with the testcases actually present
    for s in root.findall("testsuite"):
        cases = s.findall("testcase")
        assert int(s.get("tests")) == len(cases)
        assert int(s.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
        assert int(s.get("errors")) == sum(1 for c in cases if c.find("error") is not None)
    assert int(root.get("tests")) == len(root.findall(".//testcase"))
    # every finding is a testcase; those below the threshold pass and print their message
    seed = suites(root)["seed:en fr->en"]
    findings = [c for c in seed.findall("testcase") if c.get("name") != "clean"]
    assert len(findings) == len(report.results[0].findings)
    for case, f in zip(findings, report.results[0].findings):
        assert case.get("classname") == f"checker.{f.category}"
        assert case.get("name").startswith(f"{f.code} {f.rule} @ 1:")
        if f in failing:
            assert case.find("failure").get("message") == f.message
            assert f.target.text in case.find("failure").text
        else:
            assert case.find("failure") is None and f.message in case.find("system-out").text
    # a suite without a failing finding has one passing "clean" testcase
    has_clean = [c for c in seed.findall("testcase") if c.get("name") == "clean"]
    assert bool(has_clean) == (not failing)


def test_testcase_names_carry_line_and_column_of_the_words():
    report = build_report()
    res = report.results[0]
    case = junit(report).find(".//failure/..")
    f = next(f for f in res.findings if f.severity == Severity.ERROR)
    col = f.target.start + 1  # one-line text: column = offset + 1
    assert case.get("name") == f"{f.code} {f.rule} @ 1:{col}"
    assert case.get("file") == res.target.name


def test_clean_document_has_a_single_passing_testcase():
    root = junit(build_report())
    (case,) = suites(root)["seed:de fr->de"].findall("testcase")
    assert case.get("name") == "clean" and len(case) == 0


def test_input_errors_are_error_testcases():
    report = build_report()
    root = junit(report)
    err = report.errors[0]
    (case,) = suites(root)["input errors"].findall("testcase")
    assert case.get("name") == f"{err.where}:{err.line}"
    assert case.find("error").get("message") == err.message
    assert int(root.get("errors")) == 1


def test_control_characters_are_stripped_so_the_xml_parses():
    text = "Bad\x00 bytes\x1b[0m here \x07 end."
    doc = Document(text, "en", (Sentence(0, 0, len(text), text),), "a.txt")
    res = DocumentResult("ctl", doc, doc, (), (
        Finding("REP101", "repeated-words", "repetition", Severity.ERROR, "odd \x0c message\x00",
                target=doc.span(0, 4)),))
    out = render(Report((res,), errors=(InputError("b\x01.jsonl", "broken\x02"),)), "junit")
    root = ET.fromstring(out.encode("utf-8"))
    assert root.find(".//failure").get("message") == "odd  message"
    assert root.find(".//error").get("message") == "broken"


def test_unknown_fail_on_is_refused():
    with pytest.raises(ValueError, match="fail-on"):
        render(build_report(), "junit", fail_on="sometimes")
