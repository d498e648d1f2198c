"""``--format json``: the whole report as one JSON document (byte-identical across runs)."""
from __future__ import annotations

import json

from ..model import Report


def report_dict(report: Report) -> dict:
    return {
        "checker": {"version": report.signature_dict().get("checker", ""),
                    "signature": "|".join(f"{k}:{v}" for k, v in report.signature)},
        "documents": [r.to_json() for r in report.results],
        "errors": [e.to_json() for e in report.errors],
    }


def render(report: Report, **_options) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
