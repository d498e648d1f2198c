"""Length rules (LEN101 length-ratio, LEN102 truncated-translation)."""
from __future__ import annotations

from checker.model import Bead, Severity
from checker.rules.base import Context
from checker.rules.length import LengthRatio, TruncatedTranslation, calibration
from checker.text.segment import segment

FR = [
    "Les ministres de la Défense de Russie, de Turquie et de Syrie se sont réunis mercredi à Moscou.",
    "C'était la première rencontre de ce genre depuis le début de la guerre en Syrie en 2011.",
    "La Russie et la Turquie sont toutes deux impliquées dans le conflit syrien depuis des années.",
    "Moscou soutient le régime de Damas tandis qu'Ankara soutient les rebelles du nord du pays.",
    "Les parties ont souligné le caractère constructif du dialogue mené dans ce format inédit.",
    "Le ministère turc de la Défense a publié un communiqué similaire dans la soirée de mercredi.",
]
EN = [
    "The defense ministers of Russia, Turkey and Syria met in Moscow on Wednesday.",
    "It was the first such meeting since the start of the war in Syria in 2011.",
    "Russia and Turkey have both been involved in the Syrian conflict for years.",
    "Moscow backs the Damascus regime while Ankara supports rebels in the north of the country.",
    "The parties stressed the constructive nature of the dialogue held in this new format.",
    "The Turkish Defense Ministry issued a similar statement on Wednesday evening.",
]


def make_ctx(src_lines, tgt_lines, sl, tl):
    s = segment("\n".join(src_lines), sl, presegmented=True)
    t = segment("\n".join(tgt_lines), tl, presegmented=True)
    beads = tuple(Bead((i,), (i,), 1.0) for i in range(len(s.sentences)))
    return Context(s, t, beads, [[] for _ in s.sentences], [[] for _ in t.sentences])


def serious(rule, ctx):
    return [f for f in rule().check(ctx) if f.severity >= Severity.WARNING]


def test_clean_document_is_silent_and_uses_its_own_ratio():
    ctx = make_ctx(FR, EN, "fr", "en")
    mu, sd, where = calibration(ctx)
    assert "document" in where
    assert 0.7 < 2.718281828 ** mu < 1.1  # English is a little shorter than French
    assert list(LengthRatio().check(ctx)) == []
    assert list(TruncatedTranslation().check(ctx)) == []


def test_truncated_sentence_in_a_document():
    tgt = list(EN)
    tgt[3] = "Moscow backs the Damascus"
    ctx = make_ctx(FR, tgt, "fr", "en")
    fs = serious(TruncatedTranslation, ctx)
    assert len(fs) == 1
    assert fs[0].target.text == "Moscow backs the Damascus"
    assert "stops without final punctuation after 'Moscow backs the Damascus'" in fs[0].message
    assert fs[0].category == "omission"
    # the same bead is not reported twice
    assert all(f.target.text != "Moscow backs the Damascus" for f in serious(LengthRatio, ctx))


def test_much_shorter_sentence_in_a_document():
    tgt = list(EN)
    tgt[1] = "It was a first."
    fs = serious(LengthRatio, make_ctx(FR, tgt, "fr", "en"))
    assert len(fs) == 1 and fs[0].target.text == "It was a first."
    assert "times shorter than expected" in fs[0].message


def test_much_longer_sentence_in_a_document():
    tgt = list(EN)
    tgt[4] = ("The parties stressed the constructive nature of the dialogue held in this new format, "
              "and they also said that the meeting would be followed by many more meetings of the "
              "foreign ministers and of the heads of the intelligence services of the three countries.")
    fs = list(LengthRatio().check(make_ctx(FR, tgt, "fr", "en")))  # 2.7 times: info, not warning
    assert len(fs) == 1 and "times longer than expected" in fs[0].message
    assert fs[0].severity == Severity.INFO and fs[0].target.text == tgt[4]


def test_script_prior_for_a_single_chinese_sentence():
    src = ["俄罗斯、土耳其和叙利亚三国国防部长周三在莫斯科举行会晤，这是叙利亚战争爆发以来的首次此类会谈。"]
    ok = ["The defense ministers of Russia, Turkey and Syria met in Moscow on Wednesday, the first such talks since the war in Syria began."]
    ctx = make_ctx(src, ok, "zh", "en")
    assert "script" in calibration(ctx)[2]
    assert serious(LengthRatio, ctx) == [] and serious(TruncatedTranslation, ctx) == []
    cut = ["The defense ministers of Russia,"]
    fs = serious(TruncatedTranslation, make_ctx(src, cut, "zh", "en"))
    assert len(fs) == 1 and fs[0].severity == Severity.ERROR


def test_short_translation_that_ends_properly_is_not_truncated():
    src = ["Les ministres de la Défense de Russie, de Turquie et de Syrie se sont réunis mercredi à Moscou."]
    assert serious(TruncatedTranslation, make_ctx(src, ["Ministers met."], "fr", "en")) == []


def test_headline_without_punctuation_is_not_truncated():
    src = ["Réunion des ministres de la Défense de Russie, de Turquie et de Syrie à Moscou"]
    tgt = ["Defense ministers meet"]
    assert serious(TruncatedTranslation, make_ctx(src, tgt, "fr", "en")) == []
