"""The plain typed values every stage passes on (frozen dataclasses).

Offsets are always character offsets into the original text as read (after BOM removal), so
every report can point at the exact words.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


def settings_digest(data: dict) -> str:
    """12 hex characters identifying a run's settings (plain JSON values): the configuration
    hash in every report's signature, from the command line or the library alike."""
    canon = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()[:12]

CATEGORIES = (
    "omission", "addition", "number", "date", "entity", "repetition",
    "untranslated", "terminology", "length",
)


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:  # "error", "warning", "info"
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (expected error, warning or info)") from None


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """A text in one language, split into sentences with offsets into ``text``."""
    text: str
    lang: str
    sentences: tuple[Sentence, ...]
    name: str = ""  # file path or feed record id, for messages

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_span(self, indices) -> Span | None:
        idx = sorted(indices)
        if not idx:
            return None
        return self.span(self.sentences[idx[0]].start, self.sentences[idx[-1]].end)


@dataclass(frozen=True)
class Bead:
    """``source`` sentence indices rendered by ``target`` sentence indices (either may be empty)."""
    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float

    def to_json(self) -> dict:
        return {"source": list(self.source), "target": list(self.target), "score": round(self.score, 4)}


@dataclass(frozen=True)
class Anchor:
    """A fact in a sentence that must survive translation.

    kind: "number", "weekday", "month", "year", "date", "entity".
    value: a language-independent, hashable normal form (a float for numbers, 0-6 for weekdays
    with Monday = 0, 1-12 for months, an int for years, a latin key for entities).
    """
    kind: str
    value: Any
    start: int
    end: int
    text: str
    extra: tuple = ()  # kind-specific details, e.g. ("percent",) or ("relative",)


@dataclass(frozen=True)
class Finding:
    code: str
    rule: str
    category: str
    severity: Severity
    message: str
    source: Span | None = None
    target: Span | None = None
    evidence: tuple = field(default=(), compare=False)

    def to_json(self) -> dict:
        return {
            "code": self.code, "rule": self.rule, "category": self.category,
            "severity": str(self.severity), "message": self.message,
            "source": self.source.to_json() if self.source else None,
            "target": self.target.to_json() if self.target else None,
        }


@dataclass(frozen=True)
class DocumentResult:
    id: str
    source: Document
    target: Document
    alignment: tuple[Bead, ...]
    findings: tuple[Finding, ...]
    feed: str | None = None  # a feed record's file and line
    line: int | None = None

    def to_json(self) -> dict:
        d: dict = {"id": self.id, "source_lang": self.source.lang, "target_lang": self.target.lang}
        if self.feed:
            d.update(file=self.feed, line=self.line)
        d.update(findings=[f.to_json() for f in self.findings],
                 alignment=[b.to_json() for b in self.alignment])
        return d


@dataclass(frozen=True)
class InputError:
    """A record or file the checker could not read: it still gets a line in every report."""
    where: str  # file path, or the id of a feed record
    message: str
    line: int | None = None
    file: str | None = None  # the feed file a record (``where``) came from

    @property
    def path(self) -> str:
        """The file to point at: the feed of a record, else ``where`` itself."""
        return self.file or self.where

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    @property
    def detail(self) -> str:
        """The message, naming the record when the error is a feed record's."""
        return f"record {self.where}: {self.message}" if self.file and self.where != self.file else self.message

    def __str__(self) -> str:
        return f"{self.location}: {self.detail}"

    def to_json(self) -> dict:
        d: dict = {"id": self.where, "error": self.message}
        if self.line is not None:
            d["line"] = self.line
        if self.file:
            d["file"] = self.file
        return d


@dataclass(frozen=True)
class Report:
    results: tuple[DocumentResult, ...]
    errors: tuple[InputError, ...] = ()
    signature: tuple[tuple[str, str], ...] = ()

    @property
    def findings(self):
        for r in self.results:
            yield from r.findings

    def max_severity(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def signature_dict(self) -> dict:
        return dict(self.signature)


def fingerprint(result: DocumentResult, finding: Finding) -> str:
    """A stable identity for a finding across runs: what is wrong and where, not the offsets.

    Built from the rule code, the language pair and the quoted words with their sentence, so that
    editing another paragraph does not change it (SARIF partialFingerprints, baselines).
    """
    import hashlib

    def ctx(doc: Document, span: Span | None) -> str:
        if span is None:
            return ""
        sent = next((s.text for s in doc.sentences if s.start <= span.start < max(s.end, s.start + 1)), "")
        return f"{span.text}\x1f{' '.join(sent.split())}"

    key = "\x1e".join([finding.code, result.source.lang, result.target.lang,
                       ctx(result.source, finding.source), ctx(result.target, finding.target)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
