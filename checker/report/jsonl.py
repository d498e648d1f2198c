"""``--format jsonl``: one line per document result, one per input error, in input order."""
from __future__ import annotations

import json

from ..model import Report


def render(report: Report, **_options) -> str:
    lines = [json.dumps(r.to_json(), ensure_ascii=False) for r in report.results]
    lines += [json.dumps(e.to_json(), ensure_ascii=False) for e in report.errors]
    return "".join(line + "\n" for line in lines)
