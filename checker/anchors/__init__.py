"""Anchors: numbers, dates and names found in each sentence, in a language-independent form.

Each extractor module exposes ``extract(text: str, lang: str) -> list[Anchor]`` with offsets
relative to ``text``; ``sentence_anchors`` runs them all on each sentence of a document and
shifts the offsets so that they point into the document text.
"""
from __future__ import annotations

import dataclasses
import importlib

from ..model import Anchor, Document

EXTRACTOR_MODULES = ("numbers", "dates", "entities")


def _extractors():
    out = []
    for name in EXTRACTOR_MODULES:
        try:
            mod = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as e:  # a family not written yet
            if e.name != f"{__name__}.{name}":
                raise
            continue
        out.append(mod.extract)
    return out


def sentence_anchors(doc: Document) -> list[list[Anchor]]:
    extractors = _extractors()
    result = []
    for s in doc.sentences:
        found: list[Anchor] = []
        for ex in extractors:
            for a in ex(s.text, doc.lang):
                found.append(dataclasses.replace(a, start=a.start + s.start, end=a.end + s.start))
        found.sort(key=lambda a: (a.start, a.end))
        result.append(found)
    return result
