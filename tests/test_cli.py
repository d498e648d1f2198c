"""The command line as a user runs it: exit codes, formats, one-line errors, feeds."""
import json
import subprocess
import sys
from pathlib import Path


from checker.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "seed"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_seed_article_reports_the_two_real_defects_and_nothing_else_at_error(capsys):
    code, out, _ = run(capsys, "check", SEED / "fr.txt", SEED / "en.txt", "--format", "json")
    assert code == 1
    doc = json.loads(out)["documents"][0]
    assert (doc["source_lang"], doc["target_lang"]) == ("fr", "en")
    text = (SEED / "en.txt").read_text(encoding="utf-8")
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    rep = [f for f in errors if f["category"] == "repetition"]
    date = [f for f in errors if f["category"] == "date"]
    dup = text.index("said. defense.") + len("said. ")
    assert any(f["target"]["start"] <= dup and f["target"]["end"] >= dup + len("defense") for f in rep), errors
    thu = text.index("Thursday")
    assert any(f["target"]["start"] <= thu and f["target"]["end"] >= thu + len("Thursday") for f in date), errors
    assert len(errors) == len(rep) + len(date), [f["message"] for f in errors]
    for f in doc["findings"]:  # offsets point at the words they quote
        if f["target"]:
            assert text[f["target"]["start"]:f["target"]["end"]] == f["target"]["text"]


def test_text_format_quotes_both_sides(capsys):
    code, out, _ = run(capsys, "check", SEED / "fr.txt", SEED / "en.txt", "--color", "never")
    assert code == 1
    assert "REP101" in out and "[[defense]]" in out
    assert "source (fr):" in out and "target (en):" in out
    assert "\x1b[" not in out


def test_clean_translation_exits_zero(tmp_path, capsys):
    src = tmp_path / "fr.txt"
    tgt = tmp_path / "en.txt"
    src.write_text("Le ministre est arrivé à Paris mardi.\nIl a rencontré 12 journalistes.\n", encoding="utf-8")
    tgt.write_text("\ufeffThe minister arrived in Paris on Tuesday.\nHe met 12 journalists.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", src, tgt, "--format", "json")
    doc = json.loads(out)["documents"][0]
    assert code == 0, doc["findings"]
    assert len(doc["alignment"]) == 2


def test_fail_on_and_exit_zero(capsys):
    code, _, _ = run(capsys, "check", SEED / "fr.txt", SEED / "en.txt", "--fail-on", "never")
    assert code == 0
    code, _, _ = run(capsys, "check", SEED / "fr.txt", SEED / "en.txt", "--exit-zero")
    assert code == 0


def test_missing_file_is_a_one_line_error(capsys, tmp_path):
    code, out, err = run(capsys, "check", tmp_path / "nope.txt", SEED / "en.txt")
    assert code == 2
    assert err.strip().count("\n") == 0 and "nope.txt: no such file" in err
    assert "Traceback" not in err


def test_non_utf8_file_names_file_and_line(capsys, tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("première ligne\nd\xe9j\xe0\n".encode("utf-8")[:16] + b"d\xe9j\xe0\n")
    code, _, err = run(capsys, "check", SEED / "fr.txt", bad)
    assert code == 2
    assert "latin1.txt:2: not UTF-8" in err


def test_unknown_language_code_is_a_one_line_error(capsys, tmp_path):
    code, _, err = run(capsys, "check", SEED / "fr.txt", SEED / "en.txt", "--source-lang", "french")
    assert code == 2
    assert err.strip().count("\n") == 0 and "unknown language code 'french'" in err
    # in a feed, the record with the unknown code gets the error and the others their results
    feed = tmp_path / "feed.jsonl"
    rec = {"id": "r1", "source": {"lang": "fr", "text": "Il est arrivé mercredi."},
           "translations": [{"lang": "xx", "text": "He arrived on Wednesday."},
                            {"lang": "en", "text": "He arrived on Wednesday."}]}
    feed.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "feed", feed, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r.get("target_lang") for r in rows if "error" not in r] == ["en"]
    assert any("unknown language code 'xx'" in r.get("error", "") for r in rows)
    assert code == 2


def test_usage_error_exits_2():
    proc = subprocess.run([sys.executable, "-m", "checker", "check"], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_align_json_lists_beads(capsys):
    code, out, _ = run(capsys, "align", SEED / "fr.txt", SEED / "de.txt", "--source-lang", "fr",
                       "--target-lang", "de")
    assert code == 0
    beads = json.loads(out)["alignment"]
    src = [i for b in beads for i in b["source"]]
    tgt = [j for b in beads for j in b["target"]]
    assert src == sorted(src) and src == list(range(len(src)))  # every sentence, in order, once
    assert tgt == list(range(len(tgt)))
    assert all(0.0 <= b["score"] <= 1.0 for b in beads)


def test_feed_gives_every_record_a_result_or_an_error(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    good = {"id": "a1", "source": {"lang": "fr", "text": "Il est arrivé mercredi."},
            "translations": [{"lang": "en", "text": "He arrived on Wednesday."},
                             {"lang": "de", "text": "Er kam am Mittwoch an."}],
            "presegmented": False, "extra": "ignored"}
    lines = [json.dumps(good), "{not json", json.dumps({"id": "a3", "source": {"text": "x"}}),
             json.dumps({"id": "a4", "source": {"lang": "fr", "text": "Bonjour."},
                         "translations": [{"lang": "en"}]})]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "feed", feed, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r.get("target_lang") for r in rows[:2]] == ["en", "de"]
    errors = rows[2:]
    assert [(e["line"], "error" in e) for e in errors] == [(2, True), (3, True), (4, True)]
    assert "translations" in errors[1]["error"] and "text" in errors[2]["error"]
    assert code == 2  # input errors make the run fail even when the documents are clean


def test_a_bad_record_points_at_the_feed_file_in_every_format(tmp_path, capsys):
    # a CI annotation or a SARIF result must open the feed at the record's line, not a file
    # named after the record's id
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a1", "source": {"lang": "fr", "text": "Bonjour."},
                                "translations": [{"lang": "en", "text": "Hello."}]}) + "\n"
                    + json.dumps({"id": "a2", "source": "Bonjour."}) + "\n", encoding="utf-8")
    _, out, _ = run(capsys, "feed", feed)
    assert f"input error {feed}:2: record a2: 'source' must be an object with 'text'" in out
    _, out, _ = run(capsys, "feed", feed, "--format", "github")
    assert f"::error file={feed},line=2,title=input error::record a2: 'source' must be" in out
    _, out, _ = run(capsys, "feed", feed, "--format", "sarif")
    (note,) = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    location = note["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("feed.jsonl") and location["region"] == {"startLine": 2}
    assert note["message"]["text"].startswith("record a2: ")
    _, out, _ = run(capsys, "feed", feed, "--format", "junit")
    assert f'file="{feed}" line="2"' in out
    _, out, _ = run(capsys, "feed", feed, "--format", "jsonl")
    err = json.loads(out.splitlines()[1])
    assert (err["id"], err["line"], err["file"]) == ("a2", 2, str(feed))


def test_a_feed_record_finding_points_at_the_record_line_of_the_feed(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    ok = {"id": "a1", "source": {"lang": "fr", "text": "Bonjour."}, "translations": [{"lang": "en", "text": "Hello."}]}
    empty = {"id": "a2", "source": {"lang": "fr", "text": "Il pleut."}, "translations": [{"lang": "en", "text": ""}]}
    feed.write_text(json.dumps(ok) + "\n\n" + json.dumps(empty) + "\n", encoding="utf-8")
    _, out, _ = run(capsys, "feed", feed, "--format", "github")
    assert f"::error file={feed},line=3,title=UNT103 empty-translation::[a2] the translation is empty" in out
    _, out, _ = run(capsys, "feed", feed, "--format", "sarif")
    res = next(r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "UNT103")
    (loc,) = res["locations"]
    assert loc["physicalLocation"]["artifactLocation"]["uri"].endswith("feed.jsonl")
    assert loc["physicalLocation"]["region"] == {"startLine": 3, "snippet": {"text": "Il pleut."}}
    assert loc["logicalLocations"] == [{"name": "a2", "kind": "object"}]
    _, out, _ = run(capsys, "feed", feed, "--format", "junit")
    assert f'name="UNT103 empty-translation @ 1:1" file="{feed}" line="3"' in out
    _, out, _ = run(capsys, "feed", feed, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["id"], r["line"], r["file"]) for r in rows] == [("a1", 1, str(feed)), ("a2", 3, str(feed))]


def test_baseline_suppresses_known_findings_and_reports_stale_entries(tmp_path, capsys):
    base = tmp_path / "baseline.json"
    code, _, _ = run(capsys, "check", SEED / "fr.txt", SEED / "en.txt", "--write-baseline", base)
    assert code == 1 and base.exists()
    code, out, err = run(capsys, "check", SEED / "fr.txt", SEED / "en.txt", "--baseline", base,
                         "--format", "json")
    assert code == 0, out
    assert json.loads(out)["documents"][0]["findings"] == []
    # against the clean German translation, every baseline entry is stale
    code, out, err = run(capsys, "check", SEED / "fr.txt", SEED / "de.txt", "--baseline", base,
                         "--source-lang", "fr", "--target-lang", "de")
    assert code == 0
    assert "no longer matches" in err


def test_config_file_selects_rules_and_rejects_unknown_keys(tmp_path, capsys):
    src = tmp_path / "fr.txt"
    tgt = tmp_path / "en.txt"
    src.write_text((SEED / "fr.txt").read_text(encoding="utf-8"), encoding="utf-8")
    tgt.write_text((SEED / "en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "checker.toml").write_text('ignore = ["REP"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", src, tgt, "--format", "json")
    codes = {f["code"] for f in json.loads(out)["documents"][0]["findings"]}
    assert codes and not any(c.startswith("REP") for c in codes)
    code, out, _ = run(capsys, "check", src, tgt, "--format", "json", "--select", "DATE")
    codes = {f["code"] for f in json.loads(out)["documents"][0]["findings"]}
    assert codes and all(c.startswith("DATE") for c in codes)  # the command line narrows it
    (tmp_path / "checker.toml").write_text('selct = ["REP"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", src, tgt)
    assert code == 2 and "selct" in err and "select" in err and err.count("\n") == 1


def test_glossary_term_not_rendered_is_reported(tmp_path, capsys):
    src = tmp_path / "fr.txt"
    tgt = tmp_path / "en.txt"
    src.write_text("Le ministère de la Défense a publié une note.\n", encoding="utf-8")
    tgt.write_text("The defence department issued a note.\n", encoding="utf-8")
    gl = tmp_path / "terms.csv"
    gl.write_text("source_lang,target_lang,source,target\nfr,en,ministère de la Défense,Ministry of Defense\n",
                  encoding="utf-8")
    code, out, _ = run(capsys, "check", src, tgt, "--glossary", gl, "--format", "json",
                       "--source-lang", "fr", "--target-lang", "en")
    codes = [f["code"] for f in json.loads(out)["documents"][0]["findings"]]
    assert "TERM101" in codes
    tgt.write_text("The Ministry of Defense issued a note.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", src, tgt, "--glossary", gl, "--format", "json",
                       "--source-lang", "fr", "--target-lang", "en")
    assert "TERM101" not in [f["code"] for f in json.loads(out)["documents"][0]["findings"]]


def test_rules_command_lists_and_documents(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "OMI101" in out and "sentence-omitted" in out
    code, out, _ = run(capsys, "rules", "OMI101")
    assert code == 0 and "What it flags" in out and "Why it matters" in out
    code, _, err = run(capsys, "rules", "NOPE999")
    assert code == 2 and "unknown rule" in err


def test_feed_in_worker_processes_gives_the_same_lines_in_the_same_order(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    recs = [{"id": f"r{k}", "source": {"lang": "fr", "text": f"Le ministre a rencontré {k + 2} journalistes mardi."},
             "translations": [{"lang": "en", "text": f"The minister met {k + 2 + (k % 2)} journalists on Tuesday."}]}
            for k in range(6)]
    feed.write_text("\n".join(json.dumps(r) for r in recs[:3]) + "\n{broken\n"
                    + "\n".join(json.dumps(r) for r in recs[3:]) + "\n", encoding="utf-8")
    code1, out1, _ = run(capsys, "feed", feed, "--format", "jsonl")
    code2, out2, _ = run(capsys, "feed", feed, "--format", "jsonl", "--jobs", "2")
    assert out1 == out2 and code1 == code2 == 2
    rows = [json.loads(line) for line in out1.splitlines()]
    assert [r["id"] for r in rows if "error" not in r] == [f"r{k}" for k in range(6)]
    assert [r["line"] for r in rows if "error" in r] == [4]
    # odd records changed a number: exactly those carry a number finding
    flagged = [r["id"] for r in rows if any(f["category"] == "number" for f in r.get("findings", []))]
    assert flagged == ["r1", "r3", "r5"]


def test_note_on_stderr_when_a_language_is_aligned_without_the_wide_encoder(capsys, tmp_path, monkeypatch):
    from checker.align import encoder as enc_mod
    src, tgt = tmp_path / "a.en.txt", tmp_path / "a.hi.txt"
    src.write_text("The vote will take place at the end of November.\n", encoding="utf-8")
    tgt.write_text("मतदान नवंबर के अंत में होगा।\n", encoding="utf-8")
    monkeypatch.setattr(enc_mod, "wide_encoder", lambda threads=None: None)
    _, _, err = run(capsys, "check", src, tgt, "--source-lang", "en", "--target-lang", "hi", "--exit-zero")
    assert "note: hi is outside the bundled sentence encoder's 16 languages" in err
    assert "checker[wide]" in err and len(err.strip().splitlines()) == 1
    _, _, err = run(capsys, "check", SEED / "fr.txt", SEED / "en.txt", "--exit-zero")
    assert "note:" not in err  # French and English are the bundled encoder's
