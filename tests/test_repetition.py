"""Repetition rules (REP101 repeated-words, REP102 repeated-sentence, REP103 ngram-loop)."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.model import Bead, Severity
from checker.rules.base import Context
from checker.rules.repetition import NgramLoop, RepeatedSentence, RepeatedWords, find_repeats
from checker.text.segment import segment

SEED = Path(__file__).resolve().parents[1] / "corpora" / "seed" / "en.txt"  # the real MT article


def make_ctx(source, target, sl, tl, presegmented=True, beads=None):
    s = segment(source, sl, presegmented=presegmented)
    t = segment(target, tl, presegmented=presegmented)
    if beads is None:
        if len(s.sentences) == len(t.sentences):
            beads = tuple(Bead((i,), (i,), 1.0) for i in range(len(s.sentences)))
        else:
            beads = (Bead(tuple(range(len(s.sentences))), tuple(range(len(t.sentences))), 1.0),)
    return Context(s, t, tuple(beads), [[] for _ in s.sentences], [[] for _ in t.sentences])


def findings(rule, source, target, sl, tl, **kw):
    return [f for f in rule().check(make_ctx(source, target, sl, tl, **kw)) if f.severity >= Severity.WARNING]


FR_SEED = ("Les ministres se sont réunis mercredi à Moscou, une première depuis le début de la guerre "
           "en Syrie, a indiqué le ministère russe de la Défense. C'était aussi la première rencontre "
           "entre les ministres turc et syrien depuis le début de la guerre en 2011.")
EN_SEED = ("The ministers met in Moscow on Wednesday, the first such talks since a war broke out in "
           "Syria, the Russian Ministry of Defense said. defense. It was also the first meeting "
           "between Turkish and Syrian defense ministers since the start of the war in 2011.")


@pytest.mark.parametrize("presegmented", [False, True])
def test_seed_garbled_duplicate_points_at_the_second_copy(presegmented):
    fs = findings(RepeatedWords, FR_SEED, EN_SEED, "fr", "en", presegmented=presegmented)
    assert len(fs) == 1
    f = fs[0]
    assert f.code == "REP101" and f.severity == Severity.ERROR
    dup = EN_SEED.index("said. defense.") + len("said. ")
    assert f.target.start == dup and f.target.text.rstrip(".") == "defense"
    assert "'defense' repeats 'Defense' from 'Ministry of Defense said.'" in f.message
    assert "Défense" in f.source.text


def test_seed_garbled_duplicate_when_the_fragment_is_its_own_sentence():
    # the segmenter may cut "defense." off as a sentence aligned with nothing (a 0-1 bead)
    src = segment(FR_SEED, "fr")
    tgt = segment(EN_SEED, "en")
    frag = next(s.index for s in tgt.sentences if s.text.startswith("defense"))
    beads = [Bead((0,), tuple(range(frag)), 1.0), Bead((), (frag,), 0.0)]
    beads.append(Bead(tuple(range(1, len(src.sentences))), tuple(range(frag + 1, len(tgt.sentences))), 1.0))
    ctx = Context(src, tgt, tuple(beads), [[] for _ in src.sentences], [[] for _ in tgt.sentences])
    fs = list(RepeatedWords().check(ctx))
    assert [f.target.text for f in fs] == ["defense"]


def test_real_seed_article_reports_the_duplicate():
    text = SEED.read_text(encoding="utf-8")
    fs = findings(RepeatedWords, FR_SEED, text, "fr", "en", presegmented=False)
    assert any(f.target.text.startswith("defense") and text[f.target.start - 6:f.target.start] == "said. "
               for f in fs)


@pytest.mark.parametrize("sl,tl,source,target,copy", [
    ("de", "en", "Bisher wurden in Spanien Tote registriert.", "So far deaths were registered in Spain Spain.", "Spain"),
    ("fr", "en", "Le ministère russe a confirmé.", "The Russian Ministry the Russian Ministry confirmed.", "the Russian Ministry"),
    ("ru", "en", "Он назвал это «провокацией».", 'He called it a "provocation" Provocation.', "Provocation"),
    ("en", "ru", "The Defense Ministry said.", "Министерство обороны обороны заявило.", "обороны"),
    ("en", "zh", "The pets died after eating food.", "宠物在吃了食品食品后死亡。", "食品"),
    ("en", "ar", "The Defense Ministry said.", "قالت وزارة الدفاع الدفاع الروسية.", "الدفاع"),
    ("en", "en", "It ended on October 2.", "It ended on October 2 2.", "2"),
])
def test_doubled_word_or_phrase_is_reported_on_the_second_copy(sl, tl, source, target, copy):
    fs = findings(RepeatedWords, source, target, sl, tl)
    assert len(fs) == 1, fs
    assert fs[0].target.text == copy
    assert target.rindex(copy) == fs[0].target.start


@pytest.mark.parametrize("sl,tl,source,target", [
    ("en", "fr", "We met in Paris.", "Nous nous sommes rencontrés à Paris."),
    ("en", "de", "Those who know the rules win.", "Die, die die Regeln kennen, gewinnen."),
    ("fr", "en", "Il savait que c'était vrai.", "He knew that that was true and he had had enough."),
    ("en", "zh", "Thank you, people often come one by one.", "谢谢，人们常常一个一个地来看看。"),
    ("en", "ja", "Various people sometimes come.", "いろいろな人々が時々来ます。"),
    ("en", "id", "The people came.", "Orang-orang datang ke kota."),
    ("fr", "en", "Ils ont voté pour Trump. Trump a gagné.", "They voted for Trump. Trump won."),
    ("fr", "en", "J. J. Abrams a réalisé le film.", "J. J. Abrams directed the film."),
    ("fr", "en", "La ville de New York, New York.", "The city of New York, New York."),
])
def test_legitimate_doubles_are_silent(sl, tl, source, target):
    assert findings(RepeatedWords, source, target, sl, tl) == []
    assert findings(NgramLoop, source, target, sl, tl) == []


def test_repetition_mirrored_by_the_source_is_silent():
    assert findings(RepeatedWords, "Bora Bora est belle.", "Bora Bora is beautiful.", "fr", "en") == []
    # the same target without the source repetition is reported
    assert findings(RepeatedWords, "Bora est belle.", "Bora Bora is beautiful.", "fr", "en")


def test_chinese_single_character_loop_is_a_loop_not_a_reduplication():
    assert findings(RepeatedWords, "Thanks.", "谢谢。", "en", "zh") == []
    fs = findings(NgramLoop, "Thanks.", "谢谢谢谢谢谢。", "en", "zh")
    assert [f.code for f in fs] == ["REP103"]


@pytest.mark.parametrize("target,unit,count", [
    ("They were found in contaminated pet food food food food.", "food", 4),
    ("The situation of the state of the state of the state is serious.", "of the state", 3),
    ("В Москве ожидаются дожди дожди дожди.", "дожди", 3),
])
def test_ngram_loop(target, unit, count):
    fs = findings(NgramLoop, "x y z.", target, "de", "en" if target[0].isascii() else "ru")
    assert len(fs) == 1
    assert f"'{unit}' is repeated {count} times" in fs[0].message
    # REP101 leaves loops to REP103: one finding per defect
    assert findings(RepeatedWords, "x y z.", target, "de", "en") == []


def test_scattered_ngram_filling_the_sentence():
    t = ("He said the report of the committee and the report of the committee "
         "and the report of the committee was good.")
    fs = findings(NgramLoop, "Il a dit que le rapport était bon.", t, "fr", "en")
    assert len(fs) == 1 and "occurs 3 times" in fs[0].message


def test_find_repeats_is_silent_on_clean_text_in_several_scripts():
    for text, lang in [
        ("Теперь Колонко сообщил в Твиттере, что прекратил сотрудничество.", "ru"),
        ("在食用受污染宠物食品后死亡的宠物的尿样中，均发现了氰尿酸和三聚氰胺。", "zh"),
        ("Sąd w Gandawie ogłosił też upadłość trzech belgijskich spółek córek.", "pl"),
        ("US-Präsident Donald Trump schrieb per Twitter, dass seine Regierung die Stürme beobachte.", "de"),
    ]:
        assert find_repeats(text, lang) == []


def test_repeated_sentence():
    src = "Le ministre est arrivé. Il a parlé aux journalistes."
    tgt = "The minister arrived. He spoke to reporters. He spoke to reporters."
    fs = findings(RepeatedSentence, src, tgt, "fr", "en", presegmented=False)
    assert len(fs) == 1 and fs[0].code == "REP102"
    assert fs[0].target.start == tgt.rindex("He spoke")


def test_repeated_sentence_mirrored_by_the_source_is_silent():
    src = "Il a dit non. Puis il est parti. Il a dit non."
    tgt = "He said no. Then he left. He said no."
    assert findings(RepeatedSentence, src, tgt, "fr", "en", presegmented=False) == []
