"""Baselines: accept today's findings, report only new ones (like ruff's ``--add-noqa`` or
detekt/psalm baselines).

``write_baseline(report, path)`` stores one entry per finding::

    {"version": 1, "findings": [{"fingerprint": "...", "code": "REP101", "id": "seed:en",
                                 "target_lang": "en", "text": "defense."}, ...]}

sorted and byte-stable. The fingerprint (``model.fingerprint``) is the rule code, the language
pair and the quoted words with their sentence, so a baseline survives edits elsewhere in the
text. ``apply_baseline(report, path)`` drops the findings the baseline lists, counting
duplicates (two identical findings need two entries), and returns the entries that matched
nothing: the problem was fixed (or its sentence changed) and the entry can be removed.
"""
from __future__ import annotations

import dataclasses
import json
from collections import Counter
from pathlib import Path

from .model import Report, fingerprint

VERSION = 1
_FIELDS = ("fingerprint", "code", "id", "target_lang", "text")


class BaselineError(ValueError):
    """An unreadable or invalid baseline file; the message starts with the path."""


def baseline_entries(report: Report) -> list[dict]:
    entries = []
    for res in report.results:
        for f in res.findings:
            quoted = f.target.text if f.target is not None else (f.source.text if f.source else "")
            entries.append({"fingerprint": fingerprint(res, f), "code": f.code, "id": res.id,
                            "target_lang": res.target.lang, "text": quoted})
    entries.sort(key=lambda e: (e["id"], e["code"], e["fingerprint"], e["text"]))
    return entries


def dumps_baseline(report: Report) -> str:
    return json.dumps({"version": VERSION, "findings": baseline_entries(report)},
                      ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_baseline(report: Report, path: Path) -> int:
    """Write the baseline for every finding of ``report``; returns the number of entries."""
    text = dumps_baseline(report)
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as e:
        raise BaselineError(f"{path}: cannot write: {e.strerror or e}") from None
    return text.count('"fingerprint"')


def read_baseline(path: Path) -> list[dict]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as e:
        raise BaselineError(f"{path}: cannot read: {getattr(e, 'strerror', None) or e}") from None
    except json.JSONDecodeError as e:
        raise BaselineError(f"{path}: invalid JSON at line {e.lineno} column {e.colno}: {e.msg}") from None
    if not isinstance(data, dict) or "findings" not in data:
        raise BaselineError(f'{path}: not a checker baseline (expected {{"version": 1, "findings": [...]}})')
    if data.get("version") != VERSION:
        raise BaselineError(f"{path}: unsupported baseline version {data.get('version')!r} (expected {VERSION})")
    entries = data["findings"]
    if not isinstance(entries, list):
        raise BaselineError(f"{path}: 'findings' must be a list")
    for i, e in enumerate(entries):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str) or not e["fingerprint"]:
            raise BaselineError(f"{path}: entry {i + 1} has no fingerprint")
    return entries


def apply_baseline(report: Report, path: Path) -> tuple[Report, list[dict]]:
    """``report`` without the baselined findings, and the baseline entries that matched nothing."""
    entries = read_baseline(path)
    left = Counter(e["fingerprint"] for e in entries)
    results = []
    for res in report.results:
        kept = []
        for f in res.findings:
            fp = fingerprint(res, f)
            if left[fp] > 0:
                left[fp] -= 1
            else:
                kept.append(f)
        results.append(dataclasses.replace(res, findings=tuple(kept)) if len(kept) != len(res.findings) else res)
    unmatched = []
    for e in reversed(entries):  # the last entries of a fingerprint are the surplus ones
        if left[e["fingerprint"]] > 0:
            left[e["fingerprint"]] -= 1
            unmatched.append(e)
    unmatched.reverse()
    return dataclasses.replace(report, results=tuple(results)), unmatched


def describe(entry: dict) -> str:
    """A line for an entry that no longer matches."""
    what = " ".join(str(entry[k]) for k in ("id", "code") if entry.get(k))
    text = f' "{entry["text"]}"' if entry.get("text") else ""
    return (f"baseline entry {what}{text} ({entry['fingerprint'][:12]}) no longer matches: "
            f"fixed? remove it from the baseline")
