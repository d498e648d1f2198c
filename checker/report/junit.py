"""JUnit XML, for CI test-report views (GitLab, Jenkins, Azure, GitHub test-report actions).

Layout:
- ``<testsuites name="checker">`` with total tests/failures/errors/skipped counts;
- one ``<testsuite name="<id> <src>-><tgt>">`` per document, its report signature and file names
  as ``<properties>``;
- one ``<testcase classname="checker.<category>" name="<code> <rule> @ line:col">`` per finding.
  A finding at or above ``fail_on`` (option; "error" by default, "warning", "info" or "never")
  holds a ``<failure type="<code>" message="...">``; a finding below it is a PASSING testcase whose
  ``<system-out>`` carries the message, so CI shows it without failing the build and without
  counting it as skipped (a skipped test reads as "not checked", which would be wrong);
- a passing testcase ``clean`` (classname ``checker``) in every suite with no failing finding;
- unreadable inputs as ``<error>`` testcases in a last suite named ``input errors``.

line:col is 1-based (columns in code points) in the translation, or in the source for findings
with only a source span. A feed record's testcases carry the feed as ``file`` and the record's
line of it as ``line``; line:col in the name is then within the record's text. Control
characters XML 1.0 forbids are stripped. Output is deterministic (no timestamps or durations).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from ..model import DocumentResult, Finding, Report, Severity
from ._common import doc_path, line_col, primary, threshold, xml_safe


def _el(parent, tag: str, **attrs) -> ET.Element:
    return ET.SubElement(parent, tag, {k: xml_safe(str(v)) for k, v in attrs.items()})


def _where(res: DocumentResult, f: Finding) -> tuple[str, int | None, int | None]:
    doc, span, _ = primary(res, f)
    if span is None:
        return doc_path(res, doc), None, None
    line, col = line_col(doc.text, span.start)
    return doc_path(res, doc), line, col


def _details(res: DocumentResult, f: Finding) -> str:
    path, line, col = _where(res, f)
    loc = f"{path}:{line}:{col}" if line is not None else path
    lines = [f"{loc}: {f.severity} {f.code} {f.rule} ({f.category})", f.message]
    for label, doc, span in (("source", res.source, f.source), ("translation", res.target, f.target)):
        if span is not None:
            l, c = line_col(doc.text, span.start)
            lines.append(f"{label} ({doc.lang}, {doc_path(res, doc)}:{l}:{c}): {span.text}")
    return xml_safe("\n".join(lines))


def _suite(parent, report: Report, res: DocumentResult, fail: Severity | None) -> ET.Element:
    suite = _el(parent, "testsuite", name=f"{res.id} {res.source.lang}->{res.target.lang}")
    props = ET.SubElement(suite, "properties")
    for k, v in (("source", doc_path(res, res.source)), ("translation", doc_path(res, res.target)),
                 *report.signature):
        _el(props, "property", name=k, value=v)
    failures = 0
    for f in res.findings:
        path, line, col = _where(res, f)
        pos = f" @ {line}:{col}" if line is not None else ""
        attrs = {"classname": f"checker.{f.category}", "name": f"{f.code} {f.rule}{pos}", "file": path}
        if line is not None:
            attrs["line"] = line
        if res.feed:  # a feed record: the file is the feed, at the record's line
            attrs.update(file=res.feed, line=res.line)
        case = _el(suite, "testcase", **attrs)
        if fail is not None and f.severity >= fail:
            failures += 1
            _el(case, "failure", type=f.code, message=f.message).text = _details(res, f)
        else:
            out = ET.SubElement(case, "system-out")
            out.text = f"{f.severity} (below fail-on): " + _details(res, f)
    if failures == 0:
        _el(suite, "testcase", classname="checker", name="clean", file=res.feed or doc_path(res, res.target))
    suite.set("tests", str(len(suite.findall("testcase"))))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    return suite


def render(report: Report, fail_on="error", **_options) -> str:
    fail = threshold(fail_on)
    root = ET.Element("testsuites", {"name": "checker"})
    suites = [_suite(root, report, res, fail) for res in report.results]
    if report.errors:
        suite = _el(root, "testsuite", name="input errors")
        for err in report.errors:
            name = err.location if err.path == err.where else f"{err.location} (record {err.where})"
            attrs = {"classname": "checker.input", "name": name, "file": err.path}
            if err.line is not None:
                attrs["line"] = err.line
            case = _el(suite, "testcase", **attrs)
            _el(case, "error", type="input-error", message=err.detail).text = xml_safe(str(err))
        n = len(report.errors)
        for k, v in (("tests", n), ("failures", 0), ("errors", n), ("skipped", 0)):
            suite.set(k, str(v))
        suites.append(suite)
    for k in ("tests", "failures", "errors", "skipped"):
        root.set(k, str(sum(int(s.get(k)) for s in suites)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
