"""JSONL feeds: one article per line, each with its translations.

    {"id": "...", "source": {"lang": "fr", "text": "..."},
     "translations": [{"lang": "en", "text": "..."}], "presegmented": false}

Unknown keys are ignored. Every translation of every record gets a result or an error naming
the line and the reason; a bad record never stops the run.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..model import InputError
from .read import CheckerInputError, decode_text


@dataclass(frozen=True)
class FeedItem:
    id: str
    line: int
    source_text: str
    source_lang: str | None
    target_text: str
    target_lang: str | None
    presegmented: bool
    index: int  # position of the translation in the record
    file: str | None = None  # the feed it came from


def _lang(obj: dict, where: str) -> str | None:
    lang = obj.get("lang")
    if lang is None:
        return None
    if not isinstance(lang, str) or not lang.strip():
        raise ValueError(f"{where}: 'lang' must be a language code string")
    return lang.strip()


def _text(obj, where: str) -> str:
    if not isinstance(obj, dict):
        raise ValueError(f"{where} must be an object with 'text'")
    t = obj.get("text")
    if not isinstance(t, str):
        raise ValueError(f"{where}.text is missing or not a string")
    return t


def read_feed(path: str | Path) -> Iterator[FeedItem | InputError]:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise CheckerInputError(f"{p}: no such file") from None
    except OSError as e:
        raise CheckerInputError(f"{p}: cannot read ({e.strerror})") from None
    text = decode_text(data, str(p))
    yield from parse_feed(text, str(p))


def parse_feed(text: str, name: str) -> Iterator[FeedItem | InputError]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(name, f"invalid JSON: {e.msg} at column {e.colno}", lineno, name)
            continue
        if not isinstance(rec, dict):
            yield InputError(name, "record is not a JSON object", lineno, name)
            continue
        rid = rec.get("id")
        rid = str(rid) if isinstance(rid, (str, int)) and str(rid) else f"{name}:{lineno}"
        try:
            src = rec.get("source")
            source_text = _text(src, "'source'")
            source_lang = _lang(src, "'source'")
            trs = rec.get("translations")
            if not isinstance(trs, list) or not trs:
                raise ValueError("'translations' must be a non-empty list")
            pre = rec.get("presegmented", False)
            if not isinstance(pre, bool):
                raise ValueError("'presegmented' must be true or false")
        except ValueError as e:
            yield InputError(rid, str(e), lineno, name)
            continue
        for k, tr in enumerate(trs):
            try:
                yield FeedItem(rid, lineno, source_text, source_lang, _text(tr, f"'translations'[{k}]"),
                               _lang(tr, f"'translations'[{k}]"), pre, k, name)
            except ValueError as e:
                yield InputError(rid, str(e), lineno, name)
