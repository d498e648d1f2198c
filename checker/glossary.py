"""A user glossary: the expected rendering of terms, from CSV/TSV or TBX.

Formats
-------
- CSV or TSV with a header ``source_lang,target_lang,source,target[,note]``: one term pair a row.
- CSV or TSV whose header names languages (``en,fr,de``): one concept a row, one term a column;
  every pair of filled columns gives a term pair, in both directions.
- TBX (TBX-Basic / TBX v2 ``martif/text/body/termEntry/langSet/tig/term``, and TBX v3
  ``conceptEntry/langSec/termSec/term``): each entry gives the terms of one concept.

A source term may have several accepted renderings (several rows, or several terms of one
language in an entry): the translation must use one of them. Bad input raises
``GlossaryError`` with one line naming the file and the line or entry: ``terms.csv:4: ...``.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

_LANG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class GlossaryError(ValueError):
    """A glossary that cannot be read; the message is "path:line: reason"."""


@dataclass(frozen=True)
class Term:
    source_lang: str
    target_lang: str
    source: str
    targets: tuple[str, ...]
    note: str = ""


def _base(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


@dataclass
class Glossary:
    terms: list[Term] = field(default_factory=list)
    name: str = ""

    @classmethod
    def from_rows(cls, rows, name: str = "") -> "Glossary":
        """From ``[[source_lang, target_lang, source, target(, note)], ...]``."""
        g = cls(name=name)
        for k, row in enumerate(rows, 1):
            row = [str(x) for x in row]
            if len(row) not in (4, 5):
                raise GlossaryError(f"{name or '<rows>'}:{k}: expected source_lang, target_lang, "
                                    f"source, target[, note], got {len(row)} values")
            g._add(row[0], row[1], row[2], row[3], row[4] if len(row) > 4 else "", name or "<rows>", k)
        return g._merged()

    def _add(self, sl, tl, src, tgt, note, where, line):
        sl, tl, src, tgt = sl.strip(), tl.strip(), _clean(src), _clean(tgt)
        for code in (sl, tl):
            if not _LANG.match(code):
                raise GlossaryError(f"{where}:{line}: '{code}' is not a language code")
        if not src or not tgt:
            raise GlossaryError(f"{where}:{line}: empty {'source' if not src else 'target'} term")
        self.terms.append(Term(_base(sl), _base(tl), src, (tgt,), note.strip()))

    def _merged(self) -> "Glossary":
        """One Term per (languages, source term), with every accepted rendering."""
        merged: dict[tuple, Term] = {}
        for t in self.terms:
            k = (t.source_lang, t.target_lang, t.source.casefold())
            if k in merged:
                old = merged[k]
                targets = old.targets + tuple(x for x in t.targets if x not in old.targets)
                merged[k] = Term(old.source_lang, old.target_lang, old.source, targets, old.note or t.note)
            else:
                merged[k] = t
        self.terms = list(merged.values())
        return self

    def for_pair(self, source_lang: str, target_lang: str) -> list[Term]:
        sl, tl = _base(source_lang), _base(target_lang)
        return [t for t in self.terms if t.source_lang == sl and t.target_lang == tl]

    @property
    def digest(self) -> str:
        h = hashlib.sha256()
        for t in sorted(self.terms, key=lambda t: (t.source_lang, t.target_lang, t.source)):
            h.update("\t".join((t.source_lang, t.target_lang, t.source) + t.targets).encode() + b"\n")
        return "sha256:" + h.hexdigest()[:16]

    def __len__(self) -> int:
        return len(self.terms)


def _clean(s: str) -> str:
    return " ".join((s or "").split())


def load_glossary(path) -> Glossary:
    """Read a glossary file (.csv, .tsv, .txt, .tbx, .xml)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise GlossaryError(f"{p}: cannot read glossary: {e.strerror or e}") from None
    if p.suffix.lower() in (".tbx", ".xml") or data.lstrip()[:5] in (b"<?xml", b"<mart", b"<tbx ", b"<tbx>"):
        return parse_tbx(data, str(p))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise GlossaryError(f"{p}:{line}: not UTF-8 text") from None
    return parse_delimited(text, str(p))


def parse_delimited(text: str, where: str = "<glossary>") -> Glossary:
    lines = text.splitlines()
    first = next((ln for ln in lines if ln.strip()), "")
    if not first:
        raise GlossaryError(f"{where}:1: empty glossary")
    delim = "\t" if "\t" in first else ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delim)
    header = None
    g = Glossary(name=where)
    for row in reader:
        line = reader.line_num
        if not any(c.strip() for c in row):
            continue
        if header is None:
            header = [c.strip().lower() for c in row]
            pairs = {"source_lang", "target_lang", "source", "target"}
            if pairs <= set(header):
                mode = "pairs"
                idx = {k: header.index(k) for k in pairs | ({"note"} & set(header))}
            elif all(_LANG.match(c) for c in header if c) and len([c for c in header if c]) >= 2:
                mode = "columns"
                langs = header
            else:
                raise GlossaryError(
                    f"{where}:{line}: header must be 'source_lang,target_lang,source,target[,note]' "
                    f"or language codes such as 'en,fr,de', got {','.join(row)!r}")
            continue
        if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
            raise GlossaryError(f"{where}:{line}: {len(row)} columns, the header has {len(header)}")
        row = row + [""] * (len(header) - len(row))
        if mode == "pairs":
            g._add(row[idx["source_lang"]], row[idx["target_lang"]], row[idx["source"]],
                   row[idx["target"]], row[idx["note"]] if "note" in idx else "", where, line)
        else:
            filled = [(langs[i], _clean(row[i])) for i in range(len(langs)) if langs[i] and _clean(row[i])]
            if len(filled) < 2:
                raise GlossaryError(f"{where}:{line}: a concept needs terms in at least two languages")
            for sl, s in filled:
                for tl, t in filled:
                    if sl != tl:
                        g._add(sl, tl, s, t, "", where, line)
    if header is None:
        raise GlossaryError(f"{where}:1: empty glossary")
    return g._merged()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_tbx(data: bytes, where: str = "<glossary>") -> Glossary:
    """TBX-Basic / TBX v2 (termEntry/langSet/tig/term) and TBX v3 (conceptEntry/langSec/termSec)."""
    head = data[:4096].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data.upper():
        # a DTD can define entities that expand without bound or read local files
        raise GlossaryError(f"{where}:1: DOCTYPE and entity declarations are not allowed in a TBX glossary")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        line = e.position[0] if getattr(e, "position", None) else 1
        raise GlossaryError(f"{where}:{line}: not well-formed XML ({str(e).split(':')[0]})") from None
    entries = [el for el in root.iter() if _local(el.tag) in ("termEntry", "conceptEntry")]
    if not entries:
        raise GlossaryError(f"{where}:1: no termEntry or conceptEntry elements (is this a TBX file?)")
    g = Glossary(name=where)
    for n, entry in enumerate(entries, 1):
        label = f"entry {n}" + (f" (id={entry.get('id')})" if entry.get("id") else "")
        by_lang: dict[str, list[str]] = {}
        for ls in entry:
            if _local(ls.tag) not in ("langSet", "langSec"):
                continue
            lang = ls.get(_XML_LANG) or ls.get("lang") or ""
            if not _LANG.match(lang):
                raise GlossaryError(f"{where}: {label}: langSet without a valid xml:lang ({lang!r})")
            for term in ls.iter():
                if _local(term.tag) == "term":
                    text = _clean("".join(term.itertext()))
                    if not text:
                        raise GlossaryError(f"{where}: {label}: empty term for {lang}")
                    by_lang.setdefault(_base(lang), []).append(text)
        if not by_lang:
            raise GlossaryError(f"{where}: {label}: no terms")
        for sl, sterms in by_lang.items():
            for tl, tterms in by_lang.items():
                if sl == tl:
                    continue
                for s in sterms:
                    for t in tterms:
                        g._add(sl, tl, s, t, "", f"{where}: {label}", 0)
    return g._merged()
