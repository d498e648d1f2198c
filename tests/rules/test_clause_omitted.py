"""OMI102 (a clause left out) is held back when a name or number of the clause is in the
translation: the encoder alone can misjudge a freely reworded clause. The encoder's own gates
are opened here so that only that check decides."""
import pytest

from checker.pipeline import check_pair
from checker.rules.alignment import ClauseOmitted

SRC = "该电站站长段梦琪说，在光照好的天气条件下，该发电技术较传统的光伏发电效率可提升20%左右。"


@pytest.fixture
def permissive(monkeypatch):
    monkeypatch.setattr(ClauseOmitted, "MIN_GAIN", -1.0)
    monkeypatch.setattr(ClauseOmitted, "MIN_GAP", -1.0)
    monkeypatch.setattr(ClauseOmitted, "MAX_RENDERED", 2.0)


def omitted(src, tgt, sl, encoder):
    res = check_pair(src, tgt, sl, "en", True, encoder=encoder)
    return [f.source.text for f in res.findings if f.code == "OMI102"]


def test_clause_whose_romanised_name_is_in_the_translation_is_not_omitted(permissive, encoder):
    got = omitted(SRC, "Duan Mengqi, head of the power plant, said that in good weather this technology "
                  "is about 20% more efficient than conventional photovoltaics.", "zh", encoder)
    assert "该电站站长段梦琪说" not in got


def test_clause_whose_name_is_missing_is_still_omitted(permissive, encoder):
    got = omitted(SRC, "The head of the power plant said that in good weather this technology "
                  "is about 20% more efficient than conventional photovoltaics.", "zh", encoder)
    assert "该电站站长段梦琪说" in got


def test_clause_whose_number_is_in_the_translation_is_not_omitted(permissive, encoder):
    src = "Le ministre, qui a promis 450 nouveaux postes d'enseignants, a quitté Paris mardi."
    got = omitted(src, "The minister left Paris on Tuesday; 450 new teaching posts were promised.", "fr", encoder)
    assert "qui a promis 450 nouveaux postes d'enseignants" not in got
    got = omitted(src, "The minister left Paris on Tuesday.", "fr", encoder)
    assert "qui a promis 450 nouveaux postes d'enseignants" in got
