"""The pipeline: read -> segment -> align -> anchors -> rules -> Report."""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Iterable

import numpy as np

from . import __version__
from .align.aligner import align
from .anchors import sentence_anchors
from .io.read import CheckerInputError
from .langs import detect_language, known_language
from .model import DocumentResult, Finding, Report, Severity, settings_digest
from .rules import Context, select_rules
from .rules.base import apply_severity_overrides
from .text.segment import segment


@dataclass(frozen=True)
class Settings:
    """What a run is configured with (from the configuration file and the command line)."""
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (code prefix, "error"|"warning"|"info"|"off")
    options: tuple[tuple[str, tuple], ...] = ()  # (code, ((key, value), ...))
    glossary: object = field(default=None, compare=False)

    def hash(self) -> str:
        data = {"select": self.select, "ignore": self.ignore, "severity": self.severity,
                "options": [(c, list(o)) for c, o in self.options],
                "glossary": getattr(self.glossary, "digest", None)}
        return settings_digest(data)


def _lang(text: str, given: str | None, where: str) -> str:
    if given:
        if not known_language(given):
            raise CheckerInputError(f"{where}: unknown language code {given!r} (expected an ISO 639 code "
                                    f"such as fr, en or zh-TW)")
        return given
    lang = detect_language(text)
    if not lang:
        raise CheckerInputError(f"{where}: cannot detect the language of an empty text; pass it explicitly")
    return lang


def check_pair(source: str, translation: str, source_lang: str | None = None,
               target_lang: str | None = None, presegmented: bool = False, *,
               doc_id: str = "document", source_name: str = "", target_name: str = "",
               settings=None, encoder=None) -> DocumentResult:
    """Check one translation. ``settings`` is a ``Settings``, or a callable
    ``(source_lang, target_lang) -> Settings`` for per-language-pair configuration."""
    slang = _lang(source, source_lang, source_name or doc_id)
    tlang = _lang(translation, target_lang, target_name or doc_id)
    if callable(settings):
        settings = settings(slang, tlang)
    settings = settings or Settings()
    src = segment(source, slang, presegmented, name=source_name)
    tgt = segment(translation, tlang, presegmented, name=target_name)
    if encoder is None:
        from .align.encoder import default_encoder
        encoder = default_encoder()
    beads = tuple(align([s.text for s in src.sentences], [s.text for s in tgt.sentences],
                        slang, tlang, encoder=encoder))
    ctx = Context(src, tgt, beads, sentence_anchors(src), sentence_anchors(tgt),
                  options={code: dict(opts) for code, opts in settings.options})
    if settings.glossary is not None:
        ctx.options["glossary"] = settings.glossary
    ctx.cache["encoder"] = encoder
    ctx.cache["embeddings"] = (
        encoder.encode([s.text for s in src.sentences]) if src.sentences else np.zeros((0, encoder.dim), np.float32),
        encoder.encode([s.text for s in tgt.sentences]) if tgt.sentences else np.zeros((0, encoder.dim), np.float32),
    )
    findings: list[Finding] = []
    for rule in select_rules(settings.select, settings.ignore):
        findings.extend(rule.check(ctx))
    findings = _under_untranslated(findings)
    findings = apply_severity_overrides(findings, settings.severity)
    findings = list(dict.fromkeys(findings))  # identical findings from overlapping beads
    findings.sort(key=lambda f: (f.target.start if f.target else (f.source.start if f.source else 0),
                                 -int(f.severity), f.code))
    return DocumentResult(doc_id, src, tgt, beads, tuple(findings))


# categories whose findings on an untranslated sentence follow from it (its words were never
# translated, so its weekdays, numbers and names are the source's, unread in the target language)
_FOLLOW_UNTRANSLATED = {"date", "number", "entity"}


def _under_untranslated(findings: list[Finding]) -> list[Finding]:
    """Findings of dates, numbers and names inside a translation sentence that UNT101 reports as
    not translated at all are kept at info: the untranslated sentence is the one error."""
    spans = [(f.target.start, f.target.end) for f in findings if f.code == "UNT101" and f.target]
    if not spans:
        return findings
    out = []
    for f in findings:
        if f.category in _FOLLOW_UNTRANSLATED and f.target and f.severity > Severity.INFO and \
                any(a <= f.target.start and f.target.end <= b for a, b in spans):
            f = replace(f, severity=Severity.INFO, message=f.message + " (in a sentence left untranslated)")
        out.append(f)
    return out


def signature(config_hash: str, results: Iterable[DocumentResult], encoder=None) -> tuple:
    if encoder is None:
        from .align.encoder import default_encoder
        encoder = default_encoder()
    results = tuple(results)
    pairs = sorted({f"{r.source.lang}-{r.target.lang}" for r in results})
    out = (("checker", __version__), ("config", config_hash),
           ("encoder", encoder.version), ("pairs", ",".join(pairs)))
    from .align.encoder import uncovered, wide_encoder
    if uncovered(encoder, (lang for r in results for lang in (r.source.lang, r.target.lang))):
        if (wide := wide_encoder(encoder.threads)) is not None:
            out += (("wide encoder", wide.version),)  # it aligned these documents
    return out


def make_report(results, errors=(), settings=None, encoder=None, config_hash: str | None = None) -> Report:
    """A report with its signature; ``config_hash`` defaults to the hash of ``settings``."""
    if config_hash is None:
        config_hash = settings.hash() if isinstance(settings, Settings) else Settings().hash()
    results = tuple(results)
    return Report(results, tuple(errors), signature(config_hash, results, encoder))


def _check_item(item, settings=None, encoder=None):
    """One feed item -> a DocumentResult, or an InputError naming the record and line."""
    from .model import InputError
    if isinstance(item, InputError):
        return item
    try:
        res = check_pair(item.source_text, item.target_text, item.source_lang, item.target_lang,
                         item.presegmented, doc_id=item.id, settings=settings, encoder=encoder)
        return replace(res, feed=item.file, line=item.line)
    except CheckerInputError as e:
        return InputError(item.id, str(e).split(": ", 1)[-1], item.line, item.file)
    except Exception as e:  # noqa: BLE001 - one bad record must not lose the others
        return InputError(item.id, f"internal error while checking this record: {type(e).__name__}: {e}",
                          item.line, item.file)


def _check_item_worker(args):
    item, settings, encoder_config = args
    from .align.encoder import make_encoder
    return _check_item(item, settings, make_encoder(encoder_config))


def run_feed(items, settings=None, on_item=None, encoder=None, config_hash: str | None = None,
             jobs: int = 1, encoder_config=None) -> Report:
    """Check every translation of a feed, in input order; ``on_item(line)`` streams one JSON line
    per item. ``jobs`` > 1 checks records in that many worker processes (each loads the encoder
    once, as ``encoder_config`` says: default, the bundled one); the output order and content do
    not change."""
    from .model import InputError
    results, errors = [], []
    if jobs > 1:
        import concurrent.futures as cf
        import multiprocessing as mp
        pool = cf.ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("spawn"))
        outcomes = pool.map(_check_item_worker, ((it, settings, encoder_config) for it in items), chunksize=4)
    else:
        pool = None
        outcomes = (_check_item(it, settings, encoder) for it in items)
    try:
        for out in outcomes:
            (errors if isinstance(out, InputError) else results).append(out)
            if on_item is not None:
                on_item(json.dumps(out.to_json(), ensure_ascii=False) + "\n")
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return make_report(results, errors, settings, encoder, config_hash)
