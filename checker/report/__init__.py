"""Emitters: every output format is a function ``render(report: Report, **options) -> str``.

``FORMATS`` maps a format name to the module that renders it; the CLI only looks a name up here.
"""
from __future__ import annotations

import importlib

from ..model import Report

FORMATS = {
    "text": "text",
    "json": "json_format",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "html": "html",
}


def render(report: Report, fmt: str, **options) -> str:
    try:
        mod_name = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})") from None
    mod = importlib.import_module(f"{__name__}.{mod_name}")
    return mod.render(report, **options)
