"""Command line: parses arguments and calls the library; no formatting code lives here."""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")


class UsageError(Exception):
    pass


def _add_common(p: argparse.ArgumentParser, formats) -> None:
    p.add_argument("--format", "-f", choices=formats, default=None,
                   help="output format (default: text, or the configuration's format)")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    p.add_argument("--fail-on", choices=FAIL_ON, default=None,
                   help="exit 1 when a finding at or above this severity is reported (default: error)")
    p.add_argument("--exit-zero", action="store_true", help="always exit 0 unless the input is unusable")
    p.add_argument("--select", metavar="CODES", help="comma-separated rule code prefixes to run")
    p.add_argument("--ignore", metavar="CODES", help="comma-separated rule code prefixes to skip")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--config", metavar="FILE", help="configuration file (default: the nearest checker.toml "
                   "or pyproject.toml with [tool.checker], walking up from the inputs)")
    p.add_argument("--glossary", metavar="FILE", help="glossary of expected renderings (CSV or TBX)")
    p.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline")
    p.add_argument("--write-baseline", metavar="FILE", help="write the findings to FILE as the new baseline")


def build_parser() -> argparse.ArgumentParser:
    from .report import FORMATS
    formats = list(FORMATS)
    parser = argparse.ArgumentParser(prog="checker", description=__doc__)
    parser.add_argument("--version", action="version", version=f"checker {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    c = sub.add_parser("check", help="check a translation against its source")
    c.add_argument("source", help="the source text file (UTF-8)")
    c.add_argument("translations", nargs="+", metavar="translation", help="translation file(s)")
    c.add_argument("--source-lang", help="source language code (default: detected)")
    c.add_argument("--target-lang", help="translation language code (default: detected)")
    c.add_argument("--presegmented", action="store_true", help="one sentence per line")
    _add_common(c, formats)

    a = sub.add_parser("align", help="print the sentence alignment of a source and a translation")
    a.add_argument("source")
    a.add_argument("translation")
    a.add_argument("--source-lang")
    a.add_argument("--target-lang")
    a.add_argument("--presegmented", action="store_true")
    a.add_argument("--format", "-f", choices=("json", "text"), default="json")
    a.add_argument("--config", metavar="FILE", help="configuration file (its [encoder] table is used)")

    f = sub.add_parser("feed", help="check every translation of every article of a JSONL feed")
    f.add_argument("feed", help="JSONL file, one article per line")
    f.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="check records in N worker processes (default 1; output order is kept)")
    _add_common(f, formats)

    r = sub.add_parser("rules", help="list the rules, or document one")
    r.add_argument("code", nargs="?")
    return parser


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in (value or "").split(",") if c.strip())


class _Run:
    """The configuration of one run: the config file with the command line on top."""

    def __init__(self, args, inputs):
        from pathlib import Path

        from .config import ConfigError, load_config
        try:
            cfg = load_config([Path(p) for p in inputs], Path(args.config) if args.config else None)
            def opt(name):  # `align` has neither rule selection nor a glossary nor --fail-on
                return getattr(args, name, None)

            self.config = cfg.merged({"select": list(_codes(opt("select"))) or None,
                                      "ignore": list(_codes(opt("ignore"))) or None,
                                      "fail_on": opt("fail_on"), "format": args.format,
                                      "glossary": opt("glossary")})
        except ConfigError as e:
            raise UsageError(str(e)) from None
        self._glossaries: dict = {}

    def _glossary(self, path):
        if path is None:
            return None
        if path not in self._glossaries:
            from .glossary import GlossaryError, load_glossary
            try:
                self._glossaries[path] = load_glossary(path)
            except GlossaryError as e:
                raise UsageError(str(e)) from None
        return self._glossaries[path]

    @property
    def encoder(self):
        """The configured sentence encoder, loaded now so that a model folder that cannot be
        used is one error before any record is checked."""
        if not hasattr(self, "_encoder"):
            from .align.encoder import EncoderError, make_encoder
            try:
                self._encoder = make_encoder(self.config.encoder)
                if self.config.encoder.backend != "use":
                    self._encoder.encode(["warm up"])
            except EncoderError as e:
                raise UsageError(str(e)) from None
        return self._encoder

    def settings(self, slang: str, tlang: str):
        cfg = self.config.for_pair(slang, tlang)
        return cfg.to_settings(glossary=self._glossary(cfg.glossary))

    @property
    def hash(self) -> str:
        return self.config.hash()


def _write(text: str, path: str | None) -> None:
    if path:
        try:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as e:
            raise UsageError(f"{path}: cannot write ({e.strerror})") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _use_color(args) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or os.environ.get("NO_COLOR") or args.output:
        return False
    return sys.stdout.isatty()


def _exit_code(report, args, fail_on: str = "error") -> int:
    """2 when some input could not be read (a record without a result), else 1 when a finding is
    at or above ``fail_on``, else 0."""
    from .model import Severity
    if report.errors:
        return EXIT_ERROR
    if args.exit_zero or fail_on == "never":
        return EXIT_CLEAN
    worst = report.max_severity()
    return EXIT_FINDINGS if worst is not None and worst >= Severity.parse(fail_on) else EXIT_CLEAN


def _baseline(report, args):
    """Write or apply a baseline; entries that no longer match are reported on stderr."""
    from .baseline import BaselineError, apply_baseline, describe, write_baseline
    try:
        if args.write_baseline:
            n = write_baseline(report, args.write_baseline)
            print(f"checker: wrote {n} finding(s) to the baseline {args.write_baseline}", file=sys.stderr)
        if args.baseline:
            report, stale = apply_baseline(report, args.baseline)
            for entry in stale:
                print(f"checker: {describe(entry)}", file=sys.stderr)
    except BaselineError as e:
        raise UsageError(str(e)) from None
    return report


def _wide_note(results, encoder) -> None:
    """Say once on stderr when languages outside the bundled encoder's were aligned without the
    wide encoder that reads them (the checker[wide] extra is not installed)."""
    from .align import encoder as enc_mod
    langs = enc_mod.uncovered(encoder, (lang for r in results for lang in (r.source.lang, r.target.lang)))
    if langs and enc_mod.wide_encoder(encoder.threads) is None:
        print(f"checker: note: {', '.join(langs)} {'is' if len(langs) == 1 else 'are'} outside the "
              f"bundled sentence encoder's 16 languages; there, alignment rests on length, numbers, "
              f"dates and names. pip install 'checker[wide]' (Linux x86-64) aligns "
              f"{'it' if len(langs) == 1 else 'them'} with multilingual-e5-small.", file=sys.stderr)


def _emit(report, args, run: _Run) -> int:
    from .report import render
    _wide_note(report.results, run.encoder)
    report = _baseline(report, args)
    cfg = run.config
    _write(render(report, cfg.format, color=_use_color(args), fail_on=cfg.fail_on), args.output)
    return _exit_code(report, args, cfg.fail_on)


def cmd_check(args) -> int:
    from .io.read import read_text
    from .pipeline import check_pair, make_report
    run = _Run(args, [args.source, *args.translations])
    source = read_text(args.source)
    results = []
    for path in args.translations:
        results.append(check_pair(source, read_text(path), args.source_lang, args.target_lang,
                                  args.presegmented, doc_id=path, source_name=args.source,
                                  target_name=path, settings=run.settings, encoder=run.encoder))
    return _emit(make_report(results, config_hash=run.hash, encoder=run.encoder), args, run)


def cmd_align(args) -> int:
    from .io.read import read_text
    from .pipeline import check_pair
    from .report.alignment import render_alignment
    from .pipeline import Settings
    run = _Run(args, [args.source, args.translation])
    res = check_pair(read_text(args.source), read_text(args.translation), args.source_lang,
                     args.target_lang, args.presegmented, doc_id=args.translation,
                     source_name=args.source, target_name=args.translation,
                     settings=Settings(select=("NONE",)), encoder=run.encoder)
    _wide_note([res], run.encoder)
    sys.stdout.write(render_alignment(res, args.format))
    return EXIT_CLEAN


def cmd_feed(args) -> int:
    from .io.feed import read_feed
    from .pipeline import run_feed
    run = _Run(args, [args.feed])
    stream = run.config.format == "jsonl" and not args.output and not args.baseline
    if args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, not {args.jobs}")
    report = run_feed(read_feed(args.feed), run.settings, config_hash=run.hash, jobs=args.jobs,
                      encoder=run.encoder, encoder_config=run.config.encoder,
                      on_item=(lambda line: _write(line, None)) if stream else None)
    if stream:
        _wide_note(report.results, run.encoder)
        _baseline(report, args)
        return _exit_code(report, args, run.config.fail_on)
    return _emit(report, args, run)


def cmd_rules(args) -> int:
    from .rules.docs import rule_doc, rules_table
    if args.code:
        try:
            sys.stdout.write(rule_doc(args.code))
        except KeyError as e:
            raise UsageError(str(e.args[0]) if e.args else f"unknown rule {args.code}") from None
    else:
        sys.stdout.write(rules_table())
    return EXIT_CLEAN


def main(argv=None) -> int:
    from .io.read import CheckerInputError
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = {"check": cmd_check, "align": cmd_align, "feed": cmd_feed, "rules": cmd_rules}[args.command]
    try:
        return handler(args)
    except (CheckerInputError, UsageError) as e:
        print(f"checker: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("checker: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
