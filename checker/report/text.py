"""``--format text``: for an editor, grouped by document and sentence, the words highlighted.

Colour only when asked for (the CLI asks on a TTY unless NO_COLOR is set).
"""
from __future__ import annotations

from collections import Counter

from ..model import Document, Finding, Report, Severity, Span

_SEV_COLOUR = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _c(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _sentence_of(doc: Document, span: Span):
    for s in doc.sentences:
        if s.start <= span.start < max(s.end, s.start + 1):
            return s
    return None


def _quote(doc: Document, span: Span | None, color: bool, sev: Severity, width: int = 160) -> str:
    """The sentence holding the span, with the span highlighted (and shortened around it)."""
    if span is None:
        return ""
    s = _sentence_of(doc, span)
    if s is None:
        return f"“{span.text}”"
    a, b = max(span.start, s.start) - s.start, min(span.end, s.end) - s.start
    if a == 0 and b >= len(s.text) and span.end - span.start > 40:
        # the whole sentence (an omitted sentence, a sentence-level finding): quote, shortened
        whole = " ".join(s.text.split())
        return f"“{whole if len(whole) <= width else whole[:width - 1] + '…'}”"
    before, mid, after = s.text[:a], s.text[a:b], s.text[b:]
    room = max(20, (width - len(mid)) // 2)
    if len(before) > room:
        before = "…" + before[-room:]
    if len(after) > room:
        after = after[:room] + "…"
    mark = _c(mid, "1;4;" + _SEV_COLOUR[sev], color) if color else f"[[{mid}]]"
    return " ".join(f"{before}{mark}{after}".split("\n"))


def _finding(f: Finding, res, color: bool) -> list[str]:
    where = f.target or f.source
    doc = res.target if f.target else res.source
    line, col = _line_col(doc.text, where.start) if where else (0, 0)
    name = doc.name or res.id
    head = (f"{name}:{line}:{col}: " + _c(str(f.severity), _SEV_COLOUR[f.severity], color)
            + f" {_c(f.code, '1', color)} [{f.category}] {f.message}")
    out = [head]
    if f.source is not None:
        out.append(f"    source ({res.source.lang}): {_quote(res.source, f.source, color, f.severity)}")
    if f.target is not None:
        out.append(f"    target ({res.target.lang}): {_quote(res.target, f.target, color, f.severity)}")
    return out


def _group(res, f: Finding) -> str:
    """The sentence a finding belongs to: findings are grouped under it."""
    if f.target is not None:
        s = _sentence_of(res.target, f.target)
        return f"translation sentence {s.index + 1}" if s else "translation"
    if f.source is not None:
        s = _sentence_of(res.source, f.source)
        return f"source sentence {s.index + 1}" if s else "source"
    return "document"


def _summary(counts: Counter) -> str:
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in
             (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    return ", ".join(parts)


def render(report: Report, color: bool = False, **_options) -> str:
    out: list[str] = []
    total: Counter = Counter()
    for res in report.results:
        counts = Counter(f.severity for f in res.findings)
        total.update(counts)
        title = f"{res.id} ({res.source.lang} -> {res.target.lang})"
        out.append(_c(title, "1", color))
        last = None

        def order(f: Finding):
            span = f.target or f.source
            return (0 if f.target else 1, span.start if span else 0, -int(f.severity))
        for f in sorted(res.findings, key=order):
            group = _group(res, f)
            if group != last:
                out.append(_c(f"  {group}", "2", color))
                last = group
            out.extend(_finding(f, res, color))
        out.append(f"  {len(res.source.sentences)} source / {len(res.target.sentences)} target sentences, "
                   f"{_summary(counts)}")
        out.append("")
    for e in report.errors:
        out.append(_c("input error", "31", color) + f" {e}")
    n = len(report.results)
    out.append(f"{n} document{'s' if n != 1 else ''} checked: {_summary(total)}"
               + (f", {len(report.errors)} input error{'s' if len(report.errors) != 1 else ''}"
                  if report.errors else ""))
    return "\n".join(out) + "\n"
