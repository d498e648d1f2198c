"""Dictionaries of word forms (simplemma) and typo detection, used to tell names from words."""
import numpy as np

from checker.anchors import entities as ent
from checker.text import lexicon


def test_inflected_forms_are_known_and_names_are_not():
    assert lexicon.known("Imbisses", "de")  # genitive of Imbiss
    assert lexicon.known("KRANKENHAUSES", "de")  # any case
    assert lexicon.known("Москвы", "ru")
    assert lexicon.known("Amprion", "de") is False
    assert lexicon.known("Гринбергер", "ru") is False


def test_no_dictionary_is_no_verdict():
    assert lexicon.known("Sergei", "xx") is None
    assert not ent.unlisted("Sergei", "xx")


def test_a_misspelling_of_a_frequent_word_is_a_typo_not_a_name():
    assert lexicon.typo_of("Jahrunderts", "de") == "jahrhunderts"
    assert not ent.unlisted("Jahrunderts", "de")
    # short words have frequent neighbours one edit away: never called typos
    assert lexicon.typo_of("Söder", "de") is None
    assert ent.unlisted("Amprion", "de")


def test_a_word_in_two_scripts_is_no_name():
    assert lexicon.known("Meжду", "ru") is False
    assert not ent.unlisted("Meжду", "ru")


def test_chinese_foreign_names_are_transliterations_jieba_does_not_hold_as_words():
    assert ent.foreign_name("马托雷利", "zh")  # Martorelli, spelt out
    assert not ent.foreign_name("冷杉", "zh")  # "fir": transliteration characters, but a word
    assert not ent.foreign_name("德国联邦", "zh")  # "German federal": two words
    assert not ent.foreign_name("马托雷利", "ja")


def test_proper_nouns_are_listed_capitalised_only():
    assert lexicon.capitalised_only("Morawiecki", "pl")
    assert not lexicon.capitalised_only("Teraz", "pl")  # "teraz" (now) is listed in lower case
    assert not lexicon.capitalised_only("Amprion", "de")  # not listed at all


def test_compounds_of_listed_words_are_no_names():
    assert lexicon.compound_of_listed("Hochbiwak", "de")  # Hoch + Biwak
    assert lexicon.compound_of_listed("Turniervorbereitung", "de")
    assert not lexicon.compound_of_listed("Amprion", "de")  # "Amp" + "r" + "ion": no linking "r"
    assert not ent.unlisted("Hochbiwak", "de")
    assert ent.unlisted("Amprion", "de")


def test_german_compounds_are_split_by_the_dictionary():
    from checker.anchors.entities import extract
    # a town is no compound of German words ("Bel" + "lingen" was one by frequencies alone)
    assert "Bellingen" in [a.text for a in extract("Sie fuhr am Montag von Bellingen nach Ulm.", "de")]
    # a compound the frequency lists missed (Obszönität-s-initiative) is a noun
    assert extract("Er sprach über die Obszönitätsinitiative im Parlament.", "de") == []


def test_the_public_dictionary_api_gives_the_same_forms():
    # the stream reader uses simplemma internals; should they move, its public API takes over
    streamed = lexicon._table("fr")
    count, records = lexicon._public_records("fr")
    public = np.sort(np.fromiter((hash(k) for k, _ in records), dtype=np.int64, count=count))
    assert len(public) == len(streamed) and (public == streamed).all()
