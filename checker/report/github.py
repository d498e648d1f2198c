"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request diff.

    ::error file=corpora/seed/en.txt,line=1,col=43,endLine=1,endColumn=50,title=DATE101 weekday-mismatch::weekday ...

error -> ``::error``, warning -> ``::warning``, info -> ``::notice``. ``col``/``endColumn`` are
1-based code-point columns, ``endColumn`` inclusive (the last character), and are given only when
the span is on one line (GitHub ignores columns otherwise). The location is the translation span,
or the source span for findings with only a source span. A feed record's finding points at the
record's line of the feed (no column: the span is inside its JSON) and the record id starts the
message. Unreadable inputs are ``::error`` lines. Escaping follows the runner: in the message
% -> %25, CR -> %0D, LF -> %0A; in property values also : -> %3A and , -> %2C.
"""
from __future__ import annotations

from ..model import Report, Severity
from ._common import line_col, primary

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, props: list[tuple[str, object]], message: str) -> str:
    p = ",".join(f"{k}={escape_property(str(v))}" for k, v in props)
    return f"::{kind}{' ' + p if p else ''}::{escape_data(message)}"


def render(report: Report, **_options) -> str:
    lines = []
    for res in report.results:
        for f in res.findings:
            doc, span, _ = primary(res, f)
            props: list[tuple[str, object]] = []
            message = f.message
            if doc.name:
                props.append(("file", doc.name))
            else:
                message = f"[{res.id}] {message}"
                if res.feed:  # the record's line of the feed
                    props += [("file", res.feed), ("line", res.line)]
            if doc.name and span is not None:
                sl, sc = line_col(doc.text, span.start)
                el, ec = line_col(doc.text, max(span.end - 1, span.start))
                props.append(("line", sl))
                if sl == el:
                    props += [("col", sc), ("endLine", el), ("endColumn", ec)]
                else:
                    props.append(("endLine", el))
            props.append(("title", f"{f.code} {f.rule}"))
            lines.append(_command(COMMANDS[f.severity], props, message))
    for err in report.errors:
        props = [("file", err.path)]
        if err.line is not None:
            props.append(("line", err.line))
        props.append(("title", "input error"))
        lines.append(_command("error", props, err.detail))
    return "".join(line + "\n" for line in lines)
