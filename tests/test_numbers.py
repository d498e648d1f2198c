"""Number extraction: values, offsets and flags a user relies on when NUM1xx reports."""
import pytest

from checker.anchors.numbers import extract
from checker.model import Bead, Document, Sentence, Severity
from checker.rules import REGISTRY, Context  # importing the package registers NUM1xx


def values(text, lang, flag=None):
    return [a.value for a in extract(text, lang) if flag is None or flag in a.extra]


def test_offsets_point_at_the_surface():
    text = "Le conflit de onze ans a fait 2,5 millions de réfugiés."
    for a in extract(text, "fr"):
        assert text[a.start:a.end] == a.text
    assert [a.text for a in extract(text, "fr")] == ["onze", "2,5 millions"]


@pytest.mark.parametrize("text,lang,expected", [
    ("1.000 Menschen", "de", [1000.0]),
    ("1,000 people", "en", [1000.0]),
    ("1.000 people", "en", [1.0]),
    ("1,000 personnes", "fr", [1.0]),
    ("1 000 personnes", "fr", [1000.0]),
    ("1\u202f000 personnes", "fr", [1000.0]),
    ("1'000 Leute", "de", [1000.0]),
    ("1.000.000,5 Euro", "de", [1000000.5]),
    ("2,5 Prozent", "de", [2.5]),
    ("3.5 Prozent", "de", [3.5]),
    ("1 000 человек", "ru", [1000.0]),
    ("٢٫٥ مليون", "ar", [2500000.0]),
])
def test_separators_follow_the_language(text, lang, expected):
    assert values(text, lang) == expected


@pytest.mark.parametrize("text,lang", [
    ("2,5 millions", "fr"), ("2.5 million", "en"), ("250万", "zh"), ("250万", "ja"),
    ("two and a half million", "en"), ("deux millions et demi", "fr"), ("2,5 Millionen", "de"),
    ("2,5 миллиона", "ru"), ("2,5 mln", "pl"), ("2,5 milyon", "tr"), ("250만", "ko"),
    ("2.5 مليون", "ar"), ("2,5 milioni", "it"),
])
def test_scale_words_give_one_value(text, lang):
    assert values(text, lang) == [2500000.0]


@pytest.mark.parametrize("text,lang,value", [
    ("٢٠١١", "ar", 2011.0), ("۲۰۱۱", "fa", 2011.0), ("२०११", "hi", 2011.0),
    ("２０１１", "ja", 2011.0), ("2011", "en", 2011.0),
])
def test_digits_of_every_script_are_years(text, lang, value):
    (a,) = extract(text, lang)
    assert a.value == value and "year" in a.extra and a.text == text


@pytest.mark.parametrize("text,lang,value", [
    ("十一", "zh", 11.0), ("两千", "zh", 2000.0), ("三百五十", "zh", 350.0), ("2千", "zh", 2000.0),
    ("十亿", "zh", 1e9), ("1.5億", "ja", 1.5e8), ("3万5千", "zh", 35000.0),
])
def test_cjk_numerals(text, lang, value):
    assert values(text + "人", lang) == [value]


def test_cjk_idioms_are_not_numbers():
    assert values("千万不要忘记，万一下雨，一起去。", "zh") == []
    # 千瓦 (kilowatt) after 万 is a unit, not part of the number
    assert values("装机容量超1000万千瓦", "zh") == [1e7]


@pytest.mark.parametrize("text,lang", [
    ("the 11-year conflict", "en"), ("le conflit de onze ans", "fr"), ("des 11-jährigen Konflikts", "de"),
    ("eleven years", "en"), ("once años", "es"), ("undici anni", "it"), ("onze anos", "pt"),
    ("elf jaar", "nl"), ("одиннадцать лет", "ru"), ("jedenaście lat", "pl"), ("十一年", "zh"),
])
def test_eleven_years_in_every_language(text, lang):
    assert values(text, lang) == [11.0]


@pytest.mark.parametrize("text,lang,value", [
    ("50 %", "fr", 50.0), ("50 pour cent", "fr", 50.0), ("50 Prozent", "de", 50.0),
    ("50 процентов", "ru", 50.0), ("yüzde 50", "tr", 50.0), ("%50", "tr", 50.0), ("٥٠٪", "ar", 50.0),
    ("百分之五十", "zh", 50.0), ("50 percent", "en", 50.0),
])
def test_percentages_are_flagged(text, lang, value):
    assert values(text, lang, "percent") == [value]


@pytest.mark.parametrize("text,lang,value", [
    ("the 1st round", "en", 1.0), ("le 1er janvier", "fr", 1.0), ("am 3. Mai", "de", 3.0),
    ("1-й тур", "ru", 1.0), ("第十次", "zh", 10.0), ("the first round", "en", 1.0),
])
def test_ordinals_are_flagged(text, lang, value):
    assert values(text, lang, "ordinal") == [value]


def test_ranges_give_two_numbers():
    assert values("10-15 people", "en") == [10.0, 15.0]
    assert values("de 10 à 15 personnes", "fr") == [10.0, 15.0]


def test_articles_are_not_numbers():
    assert values("one man met a woman", "en") == []
    assert values("un homme et une femme", "fr") == []
    assert values("one million people", "en") == [1e6]


def test_times_agree_across_clocks():
    assert values("à 14h30", "fr") == values("at 2:30 pm", "en") == values("um 14.30 Uhr", "de")
    assert values("15时50分", "zh") == values("at 15:50", "en")


def test_currency_and_identifier_flags():
    (usd,) = extract("$5bn", "en")
    assert usd.value == 5e9 and "currency:USD" in usd.extra
    (covid,) = extract("COVID-19", "en")
    assert covid.value == 19.0 and "code" in covid.extra


def test_numeric_dates_keep_day_and_year_but_not_month():
    assert values("am 14.12.2022", "de") == [14.0, 2022.0]
    assert values("on 12/14/2022", "en") == [14.0, 2022.0]
    assert values("2022年12月14日", "zh") == [2022.0, 14.0]


# --- the rules, on one hand-built bead --------------------------------------------------------

def findings(src, tgt, sl, tl):
    from checker.anchors import sentence_anchors
    S = Document(src, sl, (Sentence(0, 0, len(src), src),))
    T = Document(tgt, tl, (Sentence(0, 0, len(tgt), tgt),))
    ctx = Context(S, T, (Bead((0,), (0,), 1.0),), sentence_anchors(S), sentence_anchors(T))
    return [f for code in ("NUM101", "NUM102", "NUM103") for f in REGISTRY[code]().check(ctx)
            if f.severity >= Severity.WARNING]


def test_changed_number_reports_both_spans():
    (f,) = findings("un conflit de onze ans", "a 12-year conflict", "fr", "en")
    assert f.code == "NUM101" and f.severity == Severity.ERROR
    assert f.source.text == "onze" and f.target.text == "12"
    assert "11" in f.message and "12" in f.message


def test_same_numbers_in_other_forms_are_silent():
    assert findings("2,5 millions de réfugiés, 50 %", "2.5 million refugees, 50 percent", "fr", "en") == []
    assert findings("有两千名学生", "there are 2,000 students", "zh", "en") == []
    assert findings("Bisher 272.000 Infektionen", "So far 272.000 infections", "de", "en") == []


def test_missing_and_added_numbers():
    (f,) = findings("El terremoto dejó 120 muertos.", "The earthquake left many dead.", "es", "en")
    assert f.code == "NUM102" and f.source.text == "120"
    (g,) = findings("Il terremoto ha causato molti morti.", "The earthquake killed 120 people.", "it", "en")
    assert g.code == "NUM103" and g.target.text == "120"


@pytest.mark.parametrize("text,lang,value", [
    ("इस कोष में 15,00,000 डॉलर हैं।", "hi", 1_500_000),
    ("It costs Rs 1,25,00,000 in total.", "en", 12_500_000),
    ("Rs 2,50,000.50 only", "en", 250_000.5),
])
def test_indian_grouping(text, lang, value):
    assert [a.value for a in extract(text, lang)] == [value]


def test_unit_conversions_allow_rounding_but_not_another_value():
    from checker.anchors.units import converts
    assert converts(20, "length-mile", 32, "length-kilometer")          # 32.19 km
    assert converts(10, "mass-pound", 4.5, "mass-kilogram")             # 4.54 kg
    assert converts(90, "temperature-generic", 32, "temperature-celsius")  # "90 degrees" in the US
    assert not converts(20, "length-mile", 23, "length-kilometer")
    assert not converts(90, "temperature-fahrenheit", 35, "temperature-celsius")  # 32.2 °C
    assert not converts(20, "length-mile", 32, "mass-kilogram")         # not the same kind


def test_units_are_read_from_cldr_names_in_each_language():
    from checker.anchors.units import unit_at
    assert unit_at("a 300-mile trip", 2, 5, "en") == "length-mile"
    assert unit_at("в 32 километрах от", 2, 4, "ru") == "length-kilometer"   # declined
    assert unit_at("気温は華氏 90 度だった", 6, 8, "ja") == "temperature-fahrenheit"
    assert unit_at("at 5 in the morning", 3, 4, "en") is None                # "in" is a word
    assert unit_at("5 kilometres", 0, 1, "en") == "length-kilometer"        # British spelling


def test_currency_sets_from_symbols_and_names():
    """A currency is the set of codes its symbol or name may stand for."""
    def codes(text, lang):
        (a,) = extract(text, lang)
        return {f[9:] for f in a.extra if f.startswith("currency:")}
    assert codes("5 millions d'euros", "fr") == {"EUR"}
    assert {"USD", "CAD", "AUD"} <= codes("5 millions de dollars", "fr")
    assert "EUR" not in codes("5 millions de dollars", "fr")
    assert {"USD", "MXN", "CAD"} <= codes("$40", "en")  # "$" writes pesos too
    assert codes("40 zł", "pl") == {"PLN"}
    assert codes("500万美元", "zh") >= {"USD"}
    assert codes("5 млн рублей", "ru") >= {"RUB"}
    assert codes("40 km", "en") == set()
