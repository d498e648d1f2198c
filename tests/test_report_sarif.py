"""SARIF: schema-valid, and every location points at the exact words of the finding."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlparse

import jsonschema
import pytest

try:
    from tests.report_fixture import build_report
except ImportError:
    from report_fixture import build_report

from checker.model import (Document, DocumentResult, Finding, Report, Sentence, Severity,
                           fingerprint)
from checker.report import render
from checker.rules.base import Rule
from checker.rules.docs import load_rules

SCHEMA_PATH = Path("/work/shared/schemas/sarif-schema-2.1.0.json")
if not SCHEMA_PATH.exists():
    SCHEMA_PATH = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)  # the schema declares draft-04
    cls.check_schema(schema)
    return cls(schema)


def sarif(report, **options):
    return json.loads(render(report, "sarif", **options))


def assert_valid(validator, log):
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def offset(text, line, col):
    """Character offset of a 1-based line/column (code points), the inverse of the emitter's."""
    lines = text.split("\n")
    return sum(len(l) + 1 for l in lines[:line - 1]) + col - 1


def region_text(text, region):
    return text[offset(text, region["startLine"], region["startColumn"]):
                offset(text, region["endLine"], region["endColumn"])]


def test_fixture_validates_against_the_sarif_schema(validator):
    assert_valid(validator, sarif(build_report()))
    assert_valid(validator, sarif(build_report(), all_rules=True))


def test_results_point_at_the_finding_words_in_the_translation():
    report = build_report()
    run = sarif(report)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    findings = [(res, f) for res in report.results for f in res.findings]
    assert len(run["results"]) == len(findings)
    for out, (res, f) in zip(run["results"], findings):
        loc = out["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == res.target.name
        assert region_text(res.target.text, loc["region"]) == f.target.text
        assert out["message"]["text"] == f.message
        assert out["partialFingerprints"] == {"checker/v1": fingerprint(res, f)}
        if f.source is not None:  # the source words are a related location in the source file
            rel = out["relatedLocations"][0]["physicalLocation"]
            assert rel["artifactLocation"]["uri"] == res.source.name
            # "Défense" comes after an "é": columns count code points, not UTF-8 bytes
            assert region_text(res.source.text, rel["region"]) == f.source.text
        else:
            assert "relatedLocations" not in out


def test_levels_rules_and_rule_index():
    report = build_report()
    run = sarif(report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "checker"
    assert run["tool"]["driver"]["version"] == report.signature_dict()["checker"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for out, f in zip(run["results"], report.findings):
        assert rules[out["ruleIndex"]]["id"] == out["ruleId"] == f.code
        assert out["level"] == levels[str(f.severity)]
        assert out["properties"]["category"] == f.category
    assert sorted(r["id"] for r in rules) == sorted({f.code for f in report.findings})


class Doubled(Rule):
    """What it flags
    -------------
    A doubled word.

    Why it matters
    --------------
    Readers notice.

    Example
    -------
    "the the"
    """
    code, name, category, severity = "REP101", "repeated-words", "repetition", Severity.INFO


def test_rule_metadata_comes_from_the_registry():
    rules = sarif(build_report(), registry={"REP101": Doubled})["runs"][0]["tool"]["driver"]["rules"]
    rep = next(r for r in rules if r["id"] == "REP101")
    assert rep["name"] == "repeated-words"
    assert rep["shortDescription"]["text"] == "A doubled word."
    assert rep["fullDescription"]["text"] == Doubled.doc()
    assert "Why it matters" in rep["help"]["text"]
    assert rep["defaultConfiguration"]["level"] == "note"
    assert rep["properties"]["category"] == "repetition"


def test_all_rules_lists_every_registered_rule(validator):
    registry = load_rules()
    log = sarif(build_report(), all_rules=True)
    assert_valid(validator, log)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    for code, cls in registry.items():
        assert rules[code]["shortDescription"]["text"] == cls.summary()
        assert rules[code]["properties"]["category"] == cls.category


def _doc(text, lang, name=""):
    sents, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        sents.append(Sentence(i, pos, pos + len(line), line))
        pos += len(line) + 1
    return Document(text, lang, tuple(sents), name)


def test_omission_points_at_the_source_file_and_multiline_columns(validator):
    src = _doc("Premier paragraphe.\n😀 Le ministre est arrivé lundi.", "fr", "src/fr.txt")
    tgt = _doc("First paragraph.\nThe minister arrived.", "en", "out/en.txt")
    s = src.text.index("lundi")
    t = tgt.text.index("arrived")
    res = DocumentResult("d1", src, tgt, (), (
        Finding("OMI201", "words-omitted", "omission", Severity.WARNING, 'the translation leaves out "lundi"',
                source=src.span(s, s + 5)),
        Finding("NUM101", "number-mismatch", "number", Severity.ERROR, "x",
                source=src.span(s, s + 5), target=tgt.span(t, t + 7)),
    ))
    log = sarif(Report((res,)))
    assert_valid(validator, log)
    omission, other = log["runs"][0]["results"]
    loc = omission["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "src/fr.txt"
    # line 2; the emoji before it is one code point (two UTF-16 units)
    assert loc["region"]["startLine"] == 2
    assert loc["region"]["startColumn"] == s - src.text.index("\n")
    assert region_text(src.text, loc["region"]) == "lundi"
    assert region_text(tgt.text, other["locations"][0]["physicalLocation"]["region"]) == "arrived"
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True
    assert "toolExecutionNotifications" not in log["runs"][0]["invocations"][0]


def test_feed_records_use_their_id_as_a_relative_uri(validator):
    src, tgt = _doc("Un.", "fr"), _doc("One one.", "en")
    res = DocumentResult("feed:42", src, tgt, (), (
        Finding("REP101", "repeated-words", "repetition", Severity.ERROR, "m", target=tgt.span(0, 7)),))
    log = sarif(Report((res,)))
    assert_valid(validator, log)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert urlparse(uri).scheme == ""  # "feed:42" must not read as a URI scheme "feed"
    assert unquote(uri) == "feed:42"


def test_a_feed_record_with_its_feed_points_at_the_record_line(validator):
    src, tgt = _doc("Un.", "fr"), _doc("One one.", "en")
    res = DocumentResult("a7", src, tgt, (), (
        Finding("REP101", "repeated-words", "repetition", Severity.ERROR, "m", target=tgt.span(0, 7)),),
        feed="feeds/day 1.jsonl", line=12)
    log = sarif(Report((res,)))
    assert_valid(validator, log)
    (loc,) = log["runs"][0]["results"][0]["locations"]
    assert unquote(loc["physicalLocation"]["artifactLocation"]["uri"]) == "feeds/day 1.jsonl"
    assert loc["physicalLocation"]["region"] == {"startLine": 12, "snippet": {"text": "One one"}}
    assert loc["logicalLocations"] == [{"name": "a7", "kind": "object"}]


def test_input_errors_are_notifications_and_signature_is_kept():
    report = build_report()
    run = sarif(report)["runs"][0]
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    (note,) = inv["toolExecutionNotifications"]
    err = report.errors[0]
    assert note["level"] == "error" and note["message"]["text"] == err.message
    loc = note["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == err.where and loc["region"]["startLine"] == err.line
    assert run["properties"]["signature"] == dict(report.signature)


def test_report_without_findings_is_valid(validator):
    log = sarif(Report(()))
    assert_valid(validator, log)
    assert log["runs"][0]["results"] == []
