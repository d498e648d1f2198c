"""Small helpers shared by the emitters (positions, locations, thresholds)."""
from __future__ import annotations

import bisect
import functools
import re

from ..model import Document, DocumentResult, Finding, Severity, Span

FAIL_ON = ("error", "warning", "info", "never")


@functools.lru_cache(maxsize=64)
def _line_starts(text: str) -> tuple[int, ...]:
    return (0,) + tuple(m.end() for m in re.finditer("\n", text))


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset; columns count Unicode code points."""
    starts = _line_starts(text)
    i = bisect.bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1


def primary(result: DocumentResult, finding: Finding) -> tuple[Document, Span | None, str]:
    """Where a finding points: its target span in the translation, else its source span in the
    source (an omission), else the translation with no span. Returns (document, span, side)."""
    if finding.target is not None:
        return result.target, finding.target, "target"
    if finding.source is not None:
        return result.source, finding.source, "source"
    return result.target, None, "target"


def doc_path(result: DocumentResult, doc: Document) -> str:
    """The file a location refers to: the document's path, or the record id for feed records."""
    return doc.name or result.id


def threshold(fail_on) -> Severity | None:
    """The lowest severity that fails, or None for "never"."""
    if isinstance(fail_on, Severity):
        return fail_on
    name = str(fail_on or "error").strip().lower()
    if name == "never":
        return None
    if name not in FAIL_ON:
        raise ValueError(f"unknown fail-on level {fail_on!r} (expected one of {', '.join(FAIL_ON)})")
    return Severity.parse(name)


# Characters XML 1.0 forbids (C0 controls except tab/newline/CR, surrogates, U+FFFE/U+FFFF).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(s: str) -> str:
    return _XML_ILLEGAL.sub("", s)
