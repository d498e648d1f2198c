"""Glossary files (CSV, TSV, TBX) and the TERM101 rule."""
from __future__ import annotations

import pytest

from checker.glossary import Glossary, GlossaryError, load_glossary
from checker.model import Bead, Document, Sentence
from checker.rules import REGISTRY
from checker.rules.base import Context

TBX2 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
 <text><body>
  <termEntry id="c1">
   <langSet xml:lang="en"><tig><term>Ministry of Defense</term></tig></langSet>
   <langSet xml:lang="fr"><tig><term>ministère des Armées</term></tig>
                          <tig><term>ministère de la Défense</term></tig></langSet>
   <langSet xml:lang="de-DE"><ntig><termGrp><term>Verteidigungsministerium</term></termGrp></ntig></langSet>
  </termEntry>
 </body></text>
</martif>
"""

TBX3 = """<?xml version="1.0"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
 <text><body>
  <conceptEntry id="7">
   <langSec xml:lang="en"><termSec><term>ceasefire</term></termSec></langSec>
   <langSec xml:lang="ru"><termSec><term>прекращение огня</term></termSec></langSec>
  </conceptEntry>
 </body></text>
</tbx>
"""


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_csv_with_language_pair_columns(tmp_path):
    p = write(tmp_path, "terms.csv", "source_lang,target_lang,source,target,note\n"
                                     "en,fr,Ministry of Defense,ministère des Armées,since 2017\n"
                                     "en,fr,Ministry of Defense,ministère de la Défense,\n")
    (t,) = load_glossary(p).for_pair("en", "fr-FR")
    assert t.source == "Ministry of Defense"
    assert t.targets == ("ministère des Armées", "ministère de la Défense") and t.note == "since 2017"


def test_tsv_with_one_column_per_language(tmp_path):
    p = write(tmp_path, "terms.tsv", "en\tfr\tde\nceasefire\tcessez-le-feu\tWaffenruhe\nYPG\tYPG\t\n")
    g = load_glossary(p)
    assert [t.targets for t in g.for_pair("de", "fr")] == [("cessez-le-feu",)]
    assert {t.source for t in g.for_pair("en", "fr")} == {"ceasefire", "YPG"}


@pytest.mark.parametrize("text,where", [
    (TBX2, None), (TBX3, None)])
def test_tbx_v2_and_v3(tmp_path, text, where):
    g = load_glossary(write(tmp_path, "terms.tbx", text))
    if "martif" in text:
        (t,) = g.for_pair("en", "fr")
        assert t.targets == ("ministère des Armées", "ministère de la Défense")
        assert [t.targets for t in g.for_pair("fr", "de")] == [("Verteidigungsministerium",)] * 2
    else:
        assert [t.targets for t in g.for_pair("en", "ru")] == [("прекращение огня",)]


@pytest.mark.parametrize("name,text,message", [
    ("bad.csv", "source,target\nfoo,bar\n", "bad.csv:1: header must be"),
    ("bad.csv", "source_lang,target_lang,source,target\nen,fr,,bar\n", "bad.csv:2: empty source term"),
    ("bad.csv", "source_lang,target_lang,source,target\nen,fr,a,b\nenglish,fr,a,b\n",
     "bad.csv:3: 'english' is not a language code"),
    ("bad.tsv", "en\tfr\nceasefire\t\n", "bad.tsv:2: a concept needs terms in at least two languages"),
    ("bad.csv", "", "bad.csv:1: empty glossary"),
    ("bad.tbx", "<martif><text><body><termEntry id='x'><langSet xml:lang='en'><tig><term>a</term>"
                "</tig></langSet>\n</body></martif>", "bad.tbx:2: not well-formed XML"),
    ("bad.tbx", "<martif><text><body><termEntry id='x'><langSet><tig><term>a</term></tig></langSet>"
                "</termEntry></body></text></martif>", "bad.tbx: entry 1 (id=x): langSet without a valid xml:lang"),
    ("evil.tbx", '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><martif>&a;</martif>',
     "evil.tbx:1: DOCTYPE and entity declarations are not allowed"),
])
def test_bad_glossaries_name_file_and_line(tmp_path, name, text, message):
    with pytest.raises(GlossaryError) as e:
        load_glossary(write(tmp_path, name, text))
    assert str(e.value).startswith(str(tmp_path / message.split(":")[0]) + message[len(message.split(":")[0]):])
    assert "\n" not in str(e.value)


def test_missing_file_is_a_glossary_error(tmp_path):
    with pytest.raises(GlossaryError, match="cannot read glossary"):
        load_glossary(tmp_path / "nope.csv")


def test_digest_changes_with_content():
    a = Glossary.from_rows([["en", "fr", "Ministry of Defense", "ministère des Armées"]])
    b = Glossary.from_rows([["en", "fr", "Ministry of Defense", "ministère de la Défense"]])
    assert a.digest != b.digest and a.digest == Glossary.from_rows(
        [["en", "fr", "Ministry of Defense", "ministère des Armées"]]).digest


# --- the rule --------------------------------------------------------------------------------

def _term_findings(src, sl, tgt, tl, rows):
    sd = Document(src, sl, (Sentence(0, 0, len(src), src),))
    td = Document(tgt, tl, (Sentence(0, 0, len(tgt), tgt),))
    ctx = Context(sd, td, (Bead((0,), (0,), 1.0),), [[]], [[]])
    if rows is not None:
        ctx.options["glossary"] = Glossary.from_rows(rows)
    return list(REGISTRY["TERM101"]().check(ctx))


ROWS = [["en", "fr", "Ministry of Defense", "ministère des Armées"]]


def test_term_rendered_otherwise_is_reported():
    (f,) = _term_findings("The Russian ministry of defense said so.", "en",
                          "Le ministère russe de la Défense l'a dit.", "fr", ROWS)
    assert f.code == "TERM101" and f.source.text == "ministry of defense"
    assert '"ministère des Armées"' in f.message


def test_term_rendered_as_expected_or_absent_is_silent():
    assert _term_findings("The Ministry of Defense said so.", "en",
                          "Le Ministère des armées l'a dit.", "fr", ROWS) == []
    assert _term_findings("The ministers said so.", "en", "Les ministres l'ont dit.", "fr", ROWS) == []
    assert _term_findings("The Ministry of Defense said so.", "en", "Le ministère de la Défense l'a dit.",
                          "fr", None) == []  # no glossary: nothing to check
    # whole words only: "Defenseless" is not "Defense"
    assert _term_findings("Defenseless cities.", "en", "Des villes sans défense.", "fr",
                          [["en", "fr", "Defense", "défense nationale"]]) == []


def test_term_in_a_script_without_spaces():
    rows = [["en", "zh", "ceasefire", "停火"]]
    assert _term_findings("A ceasefire was agreed.", "en", "双方同意休战。", "zh", rows)
    assert _term_findings("A ceasefire was agreed.", "en", "双方同意停火。", "zh", rows) == []
    rows = [["zh", "en", "停火", "ceasefire"]]
    (f,) = _term_findings("双方同意停火。", "zh", "Both sides agreed to a truce.", "en", rows)
    assert f.source.text == "停火"
