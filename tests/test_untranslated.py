"""Untranslated rules (UNT101 untranslated-sentence, UNT102 code-mixing, UNT103 empty-translation)
and the tokeniser they share (checker.text.tokens)."""
from __future__ import annotations

import pytest

from checker.model import Bead, Severity
from checker.rules.base import Context
from checker.rules.untranslated import CodeMixing, EmptyTranslation, UntranslatedSentence
from checker.text.segment import segment
from checker.text.tokens import script_fits, token_script, tokens


def make_ctx(source, target, sl, tl, presegmented=True):
    s = segment(source, sl, presegmented=presegmented)
    t = segment(target, tl, presegmented=presegmented)
    if len(s.sentences) == len(t.sentences):
        beads = tuple(Bead((i,), (i,), 1.0) for i in range(len(s.sentences)))
    else:
        beads = (Bead(tuple(range(len(s.sentences))), tuple(range(len(t.sentences))), 1.0),)
    return Context(s, t, beads, [[] for _ in s.sentences], [[] for _ in t.sentences])


def serious(rule, source, target, sl, tl, **kw):
    return [f for f in rule().check(make_ctx(source, target, sl, tl, **kw)) if f.severity >= Severity.WARNING]


# ------------------------------------------------------------------------------- tokens

def test_tokens_have_offsets_into_the_text():
    text = "US-Präsident Trump sagte: 272.000 Fälle in den U.S. — aujourd'hui."
    toks = tokens(text, "de")
    assert [t for _, _, t in toks] == ["US-Präsident", "Trump", "sagte", "272.000", "Fälle", "in",
                                       "den", "U.S", "aujourd'hui"]
    assert all(text[a:b] == t for a, b, t in toks)


def test_tokens_cut_chinese_and_japanese_with_the_sentencepiece_model():
    text = "宠物食品，今日は時々雨。"
    toks = tokens(text, "zh")
    assert all(text[a:b] == t for a, b, t in toks)
    assert "".join(t for _, _, t in toks) == "宠物食品今日は時々雨"
    assert "時々" in [t for _, _, t in toks]  # the iteration mark stays with its kanji
    assert len(toks) < 10  # pieces, not one token per character


def test_token_scripts():
    assert token_script("отношения") == "Cyrl"
    assert token_script("三聚氰胺") == "Hani"
    assert token_script("2011") == "Zyyy"
    assert script_fits("Hira", "Jpan") and script_fits("Hani", "Hans")
    assert not script_fits("Cyrl", "Latn")


# ------------------------------------------------------------------------------- UNT101

def test_copied_sentence_is_untranslated():
    s = "Les conditions météorologiques très défavorables peuvent se produire n'importe où."
    fs = serious(UntranslatedSentence, s, s, "fr", "en")
    assert len(fs) == 1 and fs[0].severity == Severity.ERROR
    assert "copy of its source" in fs[0].message and fs[0].target.text == s


def test_same_language_pair_is_not_untranslated():
    s = "The weather can be very bad anywhere in the world."
    assert serious(UntranslatedSentence, s, s, "en", "en-GB") == []


def test_cyrillic_sentence_in_english_translation():
    fs = serious(UntranslatedSentence, "Они разорвали отношения.", "Они разорвали отношения с Катаром.", "ru", "en")
    assert len(fs) == 1 and "Cyrillic" in fs[0].message


def test_language_id_finds_a_source_language_sentence_that_is_not_a_copy():
    src = "Die Regierung beobachtet die Stürme sehr genau."
    tgt = "Die Regierung beobachtet die Lage und die Stürme in den betroffenen Bundesstaaten genau."
    fs = serious(UntranslatedSentence, src, tgt, "de", "en")
    assert len(fs) == 1 and "in German" in fs[0].message


def test_names_and_numbers_identical_in_both_languages_are_not_untranslated():
    for s in ["Thomas Cook Financial Services", "COVID-19", "Paris, 12/03/2020", "NATO"]:
        assert serious(UntranslatedSentence, s, s, "fr", "en") == []


def test_latin_names_in_a_chinese_translation_are_fine():
    assert serious(UntranslatedSentence, "Thomas Cook Belgium went bankrupt.", "Thomas Cook Belgium 破产了。", "en", "zh") == []
    fs = serious(UntranslatedSentence, "The government is watching the storms closely.",
                 "The government is watching the storms closely.", "en", "zh")
    assert len(fs) == 1


# ------------------------------------------------------------------------------- UNT102

@pytest.mark.parametrize("sl,source,target,word", [
    ("ru", "Дипломатические отношения с Катаром разорвали.", "Diplomatic отношения with Qatar were severed.", "отношения"),
    ("zh", "均发现了氰尿酸和三聚氰胺。", "Cyanuric acid and 三聚氰胺 were both found.", "三聚氰胺"),
    ("de", "Die Regierung hat die Saison beendet.", "The Regierung ended the season.", "Regierung"),
    ("de", "Bisher wurden in Spanien 28.000 Tote registriert.", "Bisher, 28,000 deaths were registered in Spain.", "Bisher"),
    ("fr", "Ils ont acheté une maison près de la mer.", "They bought a maison near the sea.", "maison"),
    ("fr", "Le monde est vaste, et elles sont nombreuses.", "The world is vast, et they are many.", "et"),
    ("pl", "Zakończył współpracę z partią.", "He has ended współpracę with the party.", "współpracę"),
])
def test_source_word_left_in_the_translation(sl, source, target, word):
    fs = serious(CodeMixing, source, target, sl, "en")
    assert [f.target.text for f in fs] == [word]
    assert target[fs[0].target.start:fs[0].target.end] == word
    assert f"'{word}' is left untranslated" in fs[0].message


@pytest.mark.parametrize("sl,source,target", [
    ("fr", "Il est important de visiter la place Charles de Gaulle.", "It is important to visit the Charles de Gaulle square."),
    ("pl", "Premier Mateusz Morawiecki spotkał się z Jarosławem Kaczyńskim, powiedział Schetyna.",
     "Prime Minister Mateusz Morawiecki met Jarosław Kaczyński, Schetyna said."),
    ("de", "Ministerpräsident Markus Söder und Angela Merkel haben sich getroffen.",
     "Prime Minister Markus Söder and Angela Merkel met."),
    ("de", "Die Menschen sterben, die Regierung schweigt.", "People die, the government is silent."),
    ("ru", "Они проводят выходные на даче.", "They spend weekends at the dacha («дача»), a country house."),
    ("fr", "Il a lu « Le Petit Prince » hier.", "He read \"Le Petit Prince\" yesterday."),
])
def test_names_cognates_and_quoted_terms_are_not_code_mixing(sl, source, target):
    assert serious(CodeMixing, source, target, sl, "en") == []


@pytest.mark.parametrize("sl,source,target,word", [
    # a German common noun next to a name, or after it: the capital says nothing in German
    ("de", "US-Präsident Joe Biden traf sich mit dem Papst.", "US Präsident Joe Biden met the Pope.", "Präsident"),
    ("de", "Der Bürgermeister Dieter Reiter eröffnete gestern die Ausstellung.",
     "Bürgermeister Dieter Reiter opened the exhibition yesterday.", "Bürgermeister"),
    # a long compound English never uses, after an article in the source
    ("de", "Die Stadt gilt als attraktiver Wirtschaftsstandort für junge Firmen.",
     "The city is seen as an attractive Wirtschaftsstandort for young companies.", "Wirtschaftsstandort"),
    # another form of a source word: inflection, first part of a compound, clitic glued on
    ("de", "Sie trugen die königlichen Gewänder bei der Feier.", "They wore the königlich robes at the ceremony.",
     "königlich"),
    ("de", "Die Fleischbranche steht wegen der Arbeitsbedingungen in der Kritik.",
     "The Fleisch industry is criticised for its working conditions.", "Fleisch"),
    ("fr", "Les monuments historiques de la ville attirent des touristes.",
     "The city's historique monuments attract tourists.", "historique"),
    ("fr", "Je ne pouvais pas dormir à cause du bruit.", "I pouvaisn't sleep because of the noise.", "pouvaisn't"),
    # a word glued to a number
    ("de", "Ein 35jähriger Radfahrer wurde leicht verletzt.", "A 35jähriger cyclist was slightly injured.",
     "35jähriger"),
    # no word list knows the form: language identification of the word
    ("pl", "Doceniono jego pracowitość i obrotność w interesach.",
     "His diligence and obrotność in business were appreciated.", "obrotność"),
    ("fr", "Nous sommes venus d'admirer les vitraux de la cathédrale.",
     "We came d'admirer the stained glass windows of the cathedral.", "d'admirer"),
    # a one-letter word, and a quoted term with no translation beside it
    ("ru", "Мы купили хлеб и молоко в магазине.", "We bought bread и milk at the store.", "и"),
    ("ru", "Он назвал проект «Большая стройка» в интервью.",
     "He called the project \"Большая стройка\" in an interview.", "Большая стройка"),
    ("zh", "他们住在“胡同”里已经很多年了。", "They have lived in the \"胡同\" for many years.", "胡同"),
    # languages the rule has no special knowledge of
    ("es", "Los incendios forestales arrasaron miles de hectáreas.", "Forest incendios destroyed thousands of hectares.",
     "incendios"),
    ("it", "Gli abitanti hanno festeggiato la vittoria della squadra.",
     "The residents celebrated the victory of the squadra.", "squadra"),
    ("cs", "Vláda schválila nový zákon o státním rozpočtu.", "The government approved a new zákon on the state budget.",
     "zákon"),
    ("uk", "Уряд України ухвалив нове рішення.", "The Ukrainian уряд adopted a new decision.", "уряд"),
])
def test_other_forms_and_harder_cases_of_left_over_words(sl, source, target, word):
    fs = serious(CodeMixing, source, target, sl, "en")
    assert [f.target.text for f in fs] == [word]
    assert f"'{word}' is left untranslated" in fs[0].message


def test_code_mixing_message_names_the_evidence():
    fs = serious(CodeMixing, "Gli abitanti hanno festeggiato la vittoria della squadra.",
                 "The residents celebrated the victory of the squadra.", "it", "en")
    assert "an Italian word copied from the source" in fs[0].message and "5.2 in Italian" in fs[0].message
    fs = serious(CodeMixing, "Sie trugen die königlichen Gewänder.", "They wore the königlich robes.", "de", "en")
    assert "a form of a German word in the source" in fs[0].message
    fs = serious(CodeMixing, "Doceniono jego obrotność w interesach.", "His obrotność in business was appreciated.",
                 "pl", "en")
    assert fs[0].severity == Severity.WARNING and "language identification: Polish" in fs[0].message


@pytest.mark.parametrize("sl,source,target", [
    # English derivations of a cognate are not forms of the source word
    ("de", "Die persische Sprache hat eine relativ einfache Grammatik.", "Persian has a relatively simple grammar."),
    ("fr", "Le vaccin protège chaque individu contre le virus.", "The vaccine protects every individual against the virus."),
    ("fr", "L'univers est immense.", "The universe is immense."),
    # a genitive name, lone Greek letters used as symbols, an elided article inside a name
    ("de", "Merkels Regierung und Söders Kabinett stritten.", "Merkel's government and Söder's cabinet argued."),
    ("de", "Die Strahlung besteht aus α- und β-Teilchen; α ist positiv geladen.",
     "The radiation consists of alpha and beta particles; α is positively charged."),
    ("fr", "Le Musée de l'Homme a rouvert ses portes.", "The Musée de l'Homme has reopened its doors."),
    # a quoted source term followed by its translation in brackets is a gloss
    ("ru", "Они называют это «дача» (загородный дом).", "They call it «дача» (a country house)."),
    # names in languages the rule has no special knowledge of
    ("es", "Pedro Sánchez se reunió con Isabel Díaz Ayuso en Madrid.", "Pedro Sánchez met Isabel Díaz Ayuso in Madrid."),
    ("cs", "Premiér Andrej Babiš navštívil Brno a Ostravu.", "Prime Minister Andrej Babiš visited Brno and Ostrava."),
])
def test_cognates_names_symbols_and_glosses_stay_silent(sl, source, target):
    assert serious(CodeMixing, source, target, sl, "en") == []


def test_code_mixing_is_not_repeated_for_an_untranslated_sentence():
    s = "Дипломатические отношения с Катаром разорвали три года назад."
    ctx = make_ctx(s, s, "ru", "en")
    assert [f.code for f in UntranslatedSentence().check(ctx)] == ["UNT101"]
    assert list(CodeMixing().check(ctx)) == []


# ------------------------------------------------------------------------------- UNT103

@pytest.mark.parametrize("target", [".", "", "  \n", "。"])
def test_empty_translation(target):
    fs = list(EmptyTranslation().check(make_ctx("Sąd ogłosił upadłość trzech spółek.", target, "pl", "en")))
    assert len(fs) == 1 and fs[0].category == "omission" and fs[0].severity == Severity.ERROR
    assert "the translation is" in fs[0].message
    if target.strip():
        assert fs[0].target.text == target.strip()


def test_punctuation_only_sentence_inside_a_document():
    src = "Le ministre est arrivé.\nIl a parlé aux journalistes."
    tgt = "The minister arrived.\n..."
    fs = list(EmptyTranslation().check(make_ctx(src, tgt, "fr", "en")))
    assert len(fs) == 1 and fs[0].target.text == "..." and "journalistes" in fs[0].source.text


def test_real_translation_is_not_empty():
    assert list(EmptyTranslation().check(make_ctx("Il pleut.", "It rains.", "fr", "en"))) == []


def test_findings_inside_an_untranslated_sentence_are_kept_at_info():
    from checker.pipeline import check_pair
    r = check_pair("The ministers met in Moscow on Wednesday.", "The ministers met in Moscow on Wednesday.",
                   source_lang="en", target_lang="de")
    codes = {f.code: f for f in r.findings}
    assert codes["UNT101"].severity == Severity.ERROR
    # the weekday is "missing" only because the sentence was never translated
    assert codes["DATE106"].severity == Severity.INFO
    assert "left untranslated" in codes["DATE106"].message
