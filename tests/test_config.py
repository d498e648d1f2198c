"""Configuration discovery, validation messages, pair overrides, CLI precedence and the hash."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from checker.config import Config, ConfigError, apply_severity, load_config
from checker.model import Finding, Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus" / "seed").mkdir(parents=True)
    for name in ("fr.txt", "en.txt"):
        (tmp_path / "corpus" / "seed" / name).write_text("x", encoding="utf-8")
    return tmp_path


def inputs(tree):
    return [tree / "corpus" / "seed" / "fr.txt", tree / "corpus" / "seed" / "en.txt"]


def test_no_file_gives_defaults(tree):
    cfg = load_config(inputs(tree))
    assert cfg == Config() and cfg.fail_on == "error" and cfg.select == ()


def test_pyproject_tool_checker_is_found_walking_up(tree):
    write(tree / "pyproject.toml", '[project]\nname = "x"\n[tool.checker]\nselect = ["num", "DATE"]\n'
                                   'fail-on = "warning"\n')
    cfg = load_config(inputs(tree))
    assert cfg.select == ("NUM", "DATE") and cfg.fail_on == "warning"
    assert cfg.path == tree / "pyproject.toml"


def test_pyproject_without_tool_checker_is_skipped(tree):
    write(tree / "checker.toml", 'ignore = ["LEN"]\n')
    write(tree / "corpus" / "pyproject.toml", '[tool.black]\nline-length = 99\n')
    assert load_config(inputs(tree)).ignore == ("LEN",)


def test_nearest_wins_and_checker_toml_beats_pyproject(tree):
    write(tree / "checker.toml", 'ignore = ["LEN"]\n')
    write(tree / "corpus" / "seed" / "pyproject.toml", '[tool.checker]\nignore = ["REP"]\n')
    assert load_config(inputs(tree)).ignore == ("REP",)
    write(tree / "corpus" / "seed" / "checker.toml", 'ignore = ["NUM"]\n')
    assert load_config(inputs(tree)).ignore == ("NUM",)
    # an explicit file is used as is
    assert load_config(inputs(tree), explicit=tree / "checker.toml").ignore == ("LEN",)


def test_inputs_in_different_folders_use_the_nearest_config(tree):
    write(tree / "checker.toml", 'ignore = ["LEN"]\n')
    write(tree / "out" / "checker.toml", 'ignore = ["TERM"]\n')
    (tree / "out" / "en.txt").write_text("x", encoding="utf-8")
    assert load_config([tree / "corpus" / "seed" / "fr.txt", tree / "out" / "en.txt"]).ignore == ("TERM",)


def test_unknown_key_names_key_file_and_suggestion(tree):
    write(tree / "checker.toml", 'selct = ["NUM"]\n')
    with pytest.raises(ConfigError) as e:
        load_config(inputs(tree))
    assert str(e.value) == "checker.toml: unknown key 'selct' in top level (did you mean 'select'?)"
    write(tree / "checker.toml", "")
    write(tree / "pyproject.toml", '[tool.checker]\nfail_on = "info"\n')
    (tree / "checker.toml").unlink()
    with pytest.raises(ConfigError, match=r"pyproject.toml: unknown key 'fail_on' in \[tool.checker\] "
                                          r"\(did you mean 'fail-on'\?\)"):
        load_config(inputs(tree))


@pytest.mark.parametrize("body,message", [
    ('select = "NUM"', "'select' in top level must be a list of rule code prefixes"),
    ('select = ["NUM-1"]', "'NUM-1' is not a rule code or prefix"),
    ('fail-on = "sometimes"', "'fail-on' in top level must be one of error, warning, info, never"),
    ('format = "pdf"', "'format' in top level must be one of"),
    ('[severity]\nREP101 = "fatal"', "severity of REP101 in top level must be one of error, warning, info, off"),
    ('options = 3', "'options' in top level must be a table"),
    ('[encoder]\nbackend = "openai"', "'backend' in [encoder] must be one of use, transformers"),
    ('[encoder]\nthreads = 0', "'threads' in [encoder] must be a positive integer"),
    ('[encoder]\nwide = 1', "'wide' in [encoder] must be true or false"),
    ('[encoder]\nbackend = "transformers"', "backend 'transformers' needs 'model-path'"),
    ('[encoder]\nmodle-path = "m"', "unknown key 'modle-path' in [encoder] (did you mean 'model-path'?)"),
    ('[pairs.fr-en]\npairs = {}', "unknown key 'pairs' in [pairs.fr-en]"),
    ('[pairs.fr-en]\nfail-on = 3', "'fail-on' in [pairs.fr-en] must be one of"),
    ('[pairs.french]\nignore = []', "a pair is written like 'fr-en'"),
    ('glossary = "missing.tsv"', "glossary 'missing.tsv' in top level not found"),
    ('select = [', "checker.toml: invalid TOML"),
])
def test_wrong_values_are_errors_naming_key_and_file(tree, body, message):
    write(tree / "checker.toml", body + "\n")
    with pytest.raises(ConfigError) as e:
        load_config(inputs(tree))
    assert str(e.value).startswith("checker.toml: ") and message in str(e.value)


def test_paths_are_relative_to_the_config_file(tree):
    write(tree / "terms" / "fr-en.tsv", "ministre\tminister\n")
    write(tree / "checker.toml", 'glossary = "terms/fr-en.tsv"\n[encoder]\nbackend = "transformers"\n'
                                 'model-path = "models/labse"\nthreads = 2\n')
    (tree / "corpus" / "seed" / "x").mkdir()
    cfg = load_config([tree / "corpus" / "seed" / "x"])
    assert cfg.glossary == (tree / "terms" / "fr-en.tsv").resolve()
    assert cfg.encoder.model_path == (tree / "models" / "labse").resolve()
    assert (cfg.encoder.backend, cfg.encoder.threads) == ("transformers", 2)


def test_pair_overrides_and_cli_precedence(tree):
    write(tree / "checker.toml", """
select = ["NUM", "DATE", "REP"]
fail-on = "error"
[severity]
REP = "warning"
[options.LEN101]
ratio = 2.0
max = 9
[pairs.fr-en]
ignore = ["DATE1"]
fail-on = "warning"
[pairs.fr-en.severity]
REP102 = "off"
[pairs.fr-en.options.LEN101]
ratio = 3.0
""")
    cfg = load_config(inputs(tree))
    fr_en = cfg.for_pair("fr", "en")
    assert fr_en.ignore == ("DATE1",) and fr_en.fail_on == "warning" and fr_en.select == cfg.select
    assert fr_en.severity == {"REP": "warning", "REP102": "off"}  # tables merge key by key
    assert fr_en.options == {"LEN101": {"ratio": 3.0, "max": 9}}
    assert cfg.for_pair("fr-CA", "en-GB").ignore == ("DATE1",)  # base languages match
    assert cfg.for_pair("fr", "de") == dataclasses.replace(cfg, pair="fr-de")  # no override
    # command-line flags beat the file and the pair overrides; unset flags (None) change nothing
    cli = cfg.merged({"fail_on": "info", "ignore": "REP,NUM1", "select": None, "severity": {"REP101": "error"}})
    assert cli.fail_on == "info" and cli.ignore == ("REP", "NUM1") and cli.select == cfg.select
    p = cli.for_pair("fr", "en")
    assert p.fail_on == "info" and p.ignore == ("REP", "NUM1")
    assert p.severity == {"REP": "warning", "REP102": "off", "REP101": "error"}
    with pytest.raises(ConfigError, match="unknown setting 'selcet'"):
        cfg.merged({"selcet": ["NUM"]})


def f(code, sev=Severity.ERROR):
    return Finding(code, "r", "number", sev, "m")


def test_apply_severity_longest_prefix_and_off():
    cfg = Config().merged({"severity": {"REP": "info", "REP101": "warning", "NUM2": "off"}})
    out = apply_severity([f("REP101"), f("REP102"), f("NUM201"), f("NUM101")], cfg)
    assert [(x.code, x.severity) for x in out] == [
        ("REP101", Severity.WARNING), ("REP102", Severity.INFO), ("NUM101", Severity.ERROR)]
    assert cfg.rule_severity("NUM205") == "off" and cfg.rule_severity("DATE101") is None


def test_rules_drops_rules_switched_off():
    from checker.rules.docs import load_rules
    codes = sorted(load_rules())
    assert codes, "no rule registered"
    off = codes[0]
    chosen = {r.code for r in Config().merged({"severity": {off: "off"}}).rules()}
    assert off not in chosen and chosen == set(codes) - {off}


def test_hash_is_stable_and_tracks_settings_that_change_findings(tree):
    write(tree / "checker.toml", 'select = ["NUM"]\nformat = "json"\n')
    a = load_config(inputs(tree))
    b = load_config(inputs(tree))
    assert len(a.hash()) == 12 and a.hash() == b.hash() and hash(a) == hash(b)
    assert a.hash() != Config().hash()
    assert a.merged({"format": "sarif", "fail_on": "never"}).hash() == a.hash()  # output only
    assert a.merged({"ignore": ["NUM2"]}).hash() != a.hash()
    assert a.merged({"options": {"NUM101": {"tolerance": 0.1}}}).hash() != a.hash()
    write(tree / "g.tsv", "a\tb\n")
    g1 = a.merged({"glossary": str(tree / "g.tsv")}).hash()
    write(tree / "g.tsv", "a\tc\n")
    assert a.merged({"glossary": str(tree / "g.tsv")}).hash() != g1  # glossary content counts


def test_to_settings_feeds_the_pipeline(tree):
    write(tree / "checker.toml", 'select = ["REP"]\n[severity]\nREP102 = "off"\n[options.REP101]\nmax = [1, 2]\n')
    s = load_config(inputs(tree)).to_settings()
    assert s.select == ("REP",) and s.severity == (("REP102", "off"),)
    assert s.options == (("REP101", (("max", (1, 2)),)),)
    assert len(s.hash()) == 12


def test_wide_encoder_can_be_turned_off(tree):
    from checker.align.encoder import make_encoder
    write(tree / "checker.toml", "[encoder]\nwide = false\n")
    (tree / "corpus" / "seed" / "x").mkdir()
    cfg = load_config([tree / "corpus" / "seed" / "x"])
    assert cfg.encoder.wide is False
    assert make_encoder(cfg.encoder).wide is False
    assert make_encoder(None).wide is True
