"""SARIF 2.1.0 (GitHub code scanning, VS Code SARIF viewer, Azure DevOps...).

One run, tool "checker". Rules come from the registry (metadata) for every rule a result
references (``all_rules=True`` lists every registered rule). A result points at the translation
file with a 1-based line/column region (columns in Unicode code points, ``columnKind``), or at the
source file when the finding has no target span (an omission); the source span is a related
location. ``partialFingerprints["checker/v1"]`` is ``model.fingerprint`` so code-scanning keeps a
finding's identity when other paragraphs change. Unreadable inputs are tool execution
notifications and make ``executionSuccessful`` false. The report signature is in
``run.properties.signature``. Output is deterministic (sorted keys, no timestamps).
"""
from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from ..model import Document, DocumentResult, Finding, Report, Severity, Span, fingerprint
from ._common import doc_path, line_col, primary

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """A URI reference for a file path (relative stays relative) or a feed record id."""
    if "\\" in path and PureWindowsPath(path).drive:
        return PureWindowsPath(path).as_uri()
    p = PurePosixPath(path.replace("\\", "/"))
    if p.is_absolute():
        return p.as_uri()
    # a relative reference must not look like a scheme ("seed:en"): escape ':' in record ids
    return quote(str(p), safe="/")


def _region(doc: Document, span: Span) -> dict:
    sl, sc = line_col(doc.text, span.start)
    el, ec = line_col(doc.text, span.end)
    return {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
            "snippet": {"text": span.text}}


def _location(result: DocumentResult, doc: Document, span: Span | None) -> dict:
    if result.feed and not doc.name:
        # a feed record: its line of the feed (columns inside its JSON would mislead), the
        # record named as a logical location, the span's text as the snippet
        loc: dict = {"artifactLocation": {"uri": _uri(result.feed)}, "region": {"startLine": result.line}}
        if span is not None:
            loc["region"]["snippet"] = {"text": span.text}
        return {"physicalLocation": loc, "logicalLocations": [{"name": result.id, "kind": "object"}]}
    loc = {"artifactLocation": {"uri": _uri(doc_path(result, doc))}}
    if span is not None:
        loc["region"] = _region(doc, span)
    return {"physicalLocation": loc}


def _rule_entry(code: str, cls, example: Finding | None) -> dict:
    if cls is not None:
        name, category, severity = cls.name, cls.category, cls.severity
        short, full = cls.summary(), cls.doc()
    else:  # a code the registry does not know (e.g. a plugin): describe it from the finding
        name, category, severity = example.rule, example.category, example.severity
        short = full = f"{code} {example.rule}"
    entry = {
        "id": code, "name": name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": full},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"category": category, "tags": [category]},
    }
    return entry


def _registry() -> dict:
    from ..rules.docs import load_rules
    return load_rules()


def build(report: Report, all_rules: bool = False, registry: dict | None = None) -> dict:
    """The SARIF log as a dict (``render`` serialises it)."""
    reg = _registry() if registry is None else registry
    examples: dict[str, Finding] = {}
    for f in report.findings:
        examples.setdefault(f.code, f)
    codes = sorted(set(reg) | set(examples)) if all_rules else sorted(examples)
    rules = [_rule_entry(c, reg.get(c), examples.get(c)) for c in codes]
    index = {c: i for i, c in enumerate(codes)}

    results = []
    for res in report.results:
        for f in res.findings:
            doc, span, side = primary(res, f)
            out = {
                "ruleId": f.code, "ruleIndex": index[f.code], "level": LEVELS[f.severity],
                "message": {"text": f.message},
                "locations": [_location(res, doc, span)],
                "partialFingerprints": {"checker/v1": fingerprint(res, f)},
                "properties": {"category": f.category, "document": res.id,
                               "pair": f"{res.source.lang}-{res.target.lang}", "side": side},
            }
            if side == "target" and f.source is not None:
                rel = _location(res, res.source, f.source)
                rel["id"] = 1
                rel["message"] = {"text": f"source ({res.source.lang}): {f.source.text}"}
                out["relatedLocations"] = [rel]
            results.append(out)

    notifications = []
    for err in report.errors:
        n: dict = {"level": "error", "message": {"text": err.detail},
                   "descriptor": {"id": "input-error"}}
        loc: dict = {"artifactLocation": {"uri": _uri(err.path)}}
        if err.line is not None:
            loc["region"] = {"startLine": err.line}
        n["locations"] = [{"physicalLocation": loc}]
        notifications.append(n)

    sig = report.signature_dict()
    driver: dict = {"name": "checker", "rules": rules}
    if "checker" in sig:
        driver["version"] = sig["checker"]
    invocation: dict = {"executionSuccessful": not report.errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "invocations": [invocation],
        "results": results,
        "properties": {"signature": sig},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, all_rules: bool = False, registry: dict | None = None, **_options) -> str:
    return json.dumps(build(report, all_rules=all_rules, registry=registry),
                      ensure_ascii=False, indent=2, sort_keys=True) + "\n"

