"""GitHub workflow commands: the right command per severity, positions on the exact words, and
the runner's escaping (a message with % or a newline must come out unchanged on the PR)."""
from __future__ import annotations

import re

try:
    from tests.report_fixture import build_report
except ImportError:
    from report_fixture import build_report

from checker.model import Document, DocumentResult, Finding, Report, Sentence, Severity
from checker.report import render

LINE = re.compile(r"^::(error|warning|notice)(?: (.*?))?::(.*)$")


def unescape(s: str) -> str:
    return (s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def parse(out: str):
    cmds = []
    for line in out.splitlines():
        m = LINE.match(line)
        assert m, f"not a workflow command: {line!r}"
        props = {}
        if m.group(2):
            for part in m.group(2).split(","):  # raw commas only separate properties
                k, v = part.split("=", 1)
                props[k] = unescape(v)
        cmds.append((m.group(1), props, unescape(m.group(3))))
    return cmds


def test_one_annotation_per_finding_and_input_error():
    report = build_report()
    cmds = parse(render(report, "github"))
    findings = list(report.findings)
    assert len(cmds) == len(findings) + len(report.errors)
    kinds = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    res = report.results[0]
    for (kind, props, msg), f in zip(cmds, findings):
        assert kind == kinds[f.severity]
        assert props["title"] == f"{f.code} {f.rule}" and msg == f.message
        assert props["file"] == res.target.name
        # line/col .. endColumn (inclusive) select exactly the finding's words
        line = res.target.text.split("\n")[int(props["line"]) - 1]
        assert line[int(props["col"]) - 1:int(props["endColumn"])] == f.target.text
    kind, props, msg = cmds[-1]
    err = report.errors[0]
    assert (kind, props["file"], props["line"], msg) == ("error", err.where, str(err.line), err.message)


def test_escaping_of_messages_and_properties():
    text = "Growth of 50%\nwas noted."
    doc = Document(text, "en", (Sentence(0, 0, 13, text[:13]), Sentence(1, 14, len(text), text[14:])),
                   "dir,with:odd/en.txt")
    res = DocumentResult("x", doc, doc, (), (
        Finding("NUM101", "number-mismatch", "number", Severity.ERROR, "50% -> 5%\r\nsee: a, b",
                target=doc.span(10, 13)),
        Finding("REP102", "repeated-sentence", "repetition", Severity.WARNING, "two lines",
                target=doc.span(0, len(text))),
    ))
    out = render(Report((res,)), "github")
    first, second = out.splitlines()
    assert first.endswith("::50%25 -> 5%25%0D%0Asee: a, b")  # data: % CR LF only
    assert "file=dir%2Cwith%3Aodd/en.txt," in first  # properties: also , and :
    (kind, props, msg), (_, props2, _) = parse(out)
    assert msg == "50% -> 5%\r\nsee: a, b" and props["file"] == "dir,with:odd/en.txt"
    assert (props["line"], props["col"], props["endColumn"]) == ("1", "11", "13")
    # a span over two lines: GitHub only takes columns on a single line
    assert props2["line"] == "1" and props2["endLine"] == "2" and "col" not in props2


def test_feed_records_have_no_file_and_name_the_record():
    doc = Document("Hi hi.", "en", (Sentence(0, 0, 6, "Hi hi."),), "")
    res = DocumentResult("feed:7", doc, doc, (), (
        Finding("REP101", "repeated-words", "repetition", Severity.ERROR, "repeated", target=doc.span(0, 5)),))
    ((kind, props, msg),) = parse(render(Report((res,)), "github"))
    assert "file" not in props and "line" not in props
    assert msg == "[feed:7] repeated"
