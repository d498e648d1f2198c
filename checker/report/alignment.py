"""Rendering of ``checker align``: JSON beads, or the two columns side by side."""
from __future__ import annotations

import json
import shutil
import textwrap

from ..model import DocumentResult


def render_alignment(res: DocumentResult, fmt: str = "json") -> str:
    if fmt == "json":
        return json.dumps({"alignment": [b.to_json() for b in res.alignment]}, ensure_ascii=False) + "\n"
    width = max(60, min(shutil.get_terminal_size((120, 20)).columns, 200))
    col = (width - 12) // 2
    out = []
    for b in res.alignment:
        left = " ".join(res.source.sentences[i].text for i in b.source)
        right = " ".join(res.target.sentences[j].text for j in b.target)
        ls = textwrap.wrap(left, col) or ["—"]
        rs = textwrap.wrap(right, col) or ["—"]
        tag = f"{','.join(map(str, b.source)) or '-'}:{','.join(map(str, b.target)) or '-'}"
        out.append(f"{tag}  score {b.score:.2f}")
        for k in range(max(len(ls), len(rs))):
            l_ = ls[k] if k < len(ls) else ""
            r_ = rs[k] if k < len(rs) else ""
            out.append(f"  {l_:<{col}} | {r_}")
    return "\n".join(out) + "\n"
