"""The rule interface and the registry (code -> rule).

A rule is a class with a stable ``code`` (family prefix + number), a kebab-case ``name``, a
``category``, a default ``severity``, what it ``needs`` from the pipeline, and a docstring with
the headings "What it flags", "Why it matters" and "Example", from which ``checker rules`` and
the docs are generated. A rule never re-segments or re-aligns: it reads the ``Context``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ..model import Anchor, Bead, Document, Finding, Severity, Span

DOC_HEADINGS = ("What it flags", "Why it matters", "Example")


@dataclass
class Context:
    """Everything a rule may read for one source/translation pair."""
    source: Document
    target: Document
    beads: tuple[Bead, ...]
    source_anchors: list[list[Anchor]]  # per sentence
    target_anchors: list[list[Anchor]]
    options: dict = field(default_factory=dict)  # per-rule options from the configuration
    cache: dict = field(default_factory=dict)  # shared derived data (computed once per pair)

    def bead_text(self, bead: Bead) -> tuple[str, str]:
        return (" ".join(self.source.sentences[i].text for i in bead.source),
                " ".join(self.target.sentences[j].text for j in bead.target))

    def bead_anchors(self, bead: Bead, kinds: Iterable[str] | None = None):
        ks = set(kinds) if kinds else None
        src = [a for i in bead.source for a in self.source_anchors[i] if ks is None or a.kind in ks]
        tgt = [a for j in bead.target for a in self.target_anchors[j] if ks is None or a.kind in ks]
        return src, tgt

    def option(self, rule: "Rule", key: str, default):
        return self.options.get(rule.code, {}).get(key, default)


class Rule:
    code: str = ""
    name: str = ""
    category: str = ""
    severity: Severity = Severity.WARNING
    needs: tuple[str, ...] = ()  # "alignment", "anchors:number", ...

    def check(self, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(self, message: str, source: Span | None = None, target: Span | None = None,
                severity: Severity | None = None, evidence: tuple = ()) -> Finding:
        return Finding(self.code, self.name, self.category, severity or self.severity, message,
                       source, target, evidence)

    @classmethod
    def doc(cls) -> str:
        return re.sub(r"\n    ", "\n", (cls.__doc__ or "").strip())

    @classmethod
    def summary(cls) -> str:
        m = re.search(r"What it flags\n-+\n(.+?)(\n\n|$)", cls.doc(), re.S)
        return " ".join(m.group(1).split()) if m else cls.doc().split("\n", 1)[0]


REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    if cls.code in REGISTRY:
        raise ValueError(f"duplicate rule code {cls.code}")
    REGISTRY[cls.code] = cls
    return cls


def select_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Rules chosen by code prefix; for a code matched by both lists the longest prefix wins."""
    select, ignore = [s.upper() for s in select], [s.upper() for s in ignore]
    chosen = []
    for code, cls in sorted(REGISTRY.items()):
        sel = max((len(p) for p in select if code.startswith(p)), default=-1) if select else 0
        ign = max((len(p) for p in ignore if code.startswith(p)), default=-1)
        if sel >= 0 and sel > ign:
            chosen.append(cls())
    return chosen


def severity_override(code: str, table) -> Severity | str | None:
    """The configured severity for ``code`` from ``(code prefix, "error"|"warning"|"info"|"off")``
    pairs: "off", a Severity, or None when no prefix matches; the longest matching prefix wins."""
    best = max(((p, v) for p, v in table if code.upper().startswith(p.upper())),
               key=lambda pv: len(pv[0]), default=None)
    if best is None:
        return None
    return "off" if best[1] == "off" else Severity.parse(best[1])


def apply_severity_overrides(findings: Iterable[Finding], table) -> list[Finding]:
    """Findings with per-rule severity overrides applied; a rule set to "off" is dropped."""
    import dataclasses

    table = tuple(table)
    out = []
    for f in findings:
        sev = severity_override(f.code, table) if table else None
        if sev == "off":
            continue
        out.append(f if sev is None or sev == f.severity else dataclasses.replace(f, severity=sev))
    return out
