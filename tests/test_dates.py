"""Date extraction: weekdays, months, dates from CLDR names in many languages."""
import pytest

from checker.anchors.dates import extract


def kinds(text, lang, kind):
    return [a.value for a in extract(text, lang) if a.kind == kind]


@pytest.mark.parametrize("text,lang", [
    ("Les ministres se sont réunis mercredi.", "fr"),
    ("The ministers met on Wednesday.", "en"),
    ("Die Minister trafen sich am Mittwoch.", "de"),
    ("Los ministros se reunieron el miércoles.", "es"),
    ("I ministri si sono riuniti mercoledì.", "it"),
    ("Os ministros reuniram-se na quarta-feira.", "pt"),
    ("De ministers kwamen woensdag bijeen.", "nl"),
    ("Ministrowie spotkali się w środę.", "pl"),
    ("Ministři se sešli ve středu.", "cs"),
    ("Министры встретились в среду.", "ru"),
    ("Министры встретились до среды.", "ru"),
    ("Міністри зустрілися в середу.", "uk"),
    ("Bakanlar Çarşamba günü bir araya geldi.", "tr"),
    ("اجتمع الوزراء يوم الأربعاء.", "ar"),
    ("وزیران چهارشنبه دیدار کردند.", "fa"),
    ("השרים נפגשו ביום רביעי.", "he"),
    ("मंत्रियों ने बुधवार को मुलाकात की।", "hi"),
    ("部长们星期三会面。", "zh"),
    ("部长们周三会面。", "zh"),
    ("部長們週三會面。", "zh-TW"),
    ("閣僚は水曜日に会談した。", "ja"),
    ("장관들은 수요일에 만났다.", "ko"),
])
def test_wednesday_in_every_language(text, lang):
    assert kinds(text, lang, "weekday") == [2]


@pytest.mark.parametrize("text,lang,day", [
    # the wide name less the word for "day" all wide names open with is the name said alone
    ("גשמים כבדים הרגו מאז שבת לפחות 17 בני אדם.", "he", 5),   # "יום שבת"
    ("Daeth y glaw ddydd Sul.", "cy", 6),                        # "Dydd Sul"
])
def test_weekday_said_without_the_word_for_day(text, lang, day):
    assert kinds(text, lang, "weekday") == [day]


@pytest.mark.parametrize("text,lang,kind,value", [
    # endings no rule of one vowel guesses: the language's dictionary lists the forms
    ("може принести нові сильні дощі до четверга.", "uk", "weekday", 3),   # четвер
    ("Дощі тривають з понеділка.", "uk", "weekday", 0),                   # понеділок
    ("Bouře jsou ve Vietnamu mezi zářím a listopadem běžné.", "cs", "month", 9),
    ("Bouře jsou ve Vietnamu mezi zářím a listopadem běžné.", "cs", "month", 11),
])
def test_declined_names_the_dictionary_lists(text, lang, kind, value):
    assert value in kinds(text, lang, kind)


@pytest.mark.parametrize("text,lang", [
    ("Закон защищает окружающую среду.", "ru"),     # "environment"
    ("Это вопрос окружающей среды.", "ru"),
    ("To myśliwiec piątej generacji.", "pl"),       # "fifth"
    ("Jest to środek chemiczny.", "pl"),            # "agent"
    ("w środku miasta", "pl"),                      # "in the middle"
    ("Plácido Domingo cantó.", "es"),               # a name
    ("He saw the Sun rise.", "en"),                 # short abbreviation without "." or digit
    ("Il est parti en mer.", "fr"),                 # "mer." is Wednesday only with its dot
    ("日本の月曜", "ko"),
])
def test_homographs_are_not_weekdays(text, lang):
    assert kinds(text, lang, "weekday") == []


@pytest.mark.parametrize("text,lang,month", [
    ("le 14 décembre", "fr", 12), ("on December 14", "en", 12), ("14. Dezember", "de", 12),
    ("14 декабря", "ru", 12), ("в декабре", "ru", 12), ("14 grudnia", "pl", 12), ("w lipcu", "pl", 7),
    ("v červenci", "cs", 7), ("14 Aralık", "tr", 12), ("١٤ ديسمبر", "ar", 12),
    ("كانون الثاني", "ar", 1), ("בדצמבר", "he", 12), ("14 दिसंबर", "hi", 12), ("十二月", "zh", 12),
    ("12月14日", "ja", 12), ("12월 14일", "ko", 12), ("14.12.2022", "de", 12), ("Dec. 14", "en", 12),
    ("sẽ được ký vào tháng Ba.", "vi", 3), ("vào tháng mười hai", "vi", 12),  # CLDR "tháng 3"
])
def test_months(text, lang, month):
    assert kinds(text, lang, "month") == [month]


@pytest.mark.parametrize("text,lang", [
    ("La sonde a atteint Mars.", "fr"),   # the planet (capitalised mid-sentence)
    ("après sept jours", "fr"),           # "seven", not "sept." (September)
    ("el mayor problema", "es"),          # "mayor" is not "mayo"
    ("Theresa May said", "en"),           # a name
    ("You may go.", "en"),                # a verb
    ("三个月", "zh"),                      # "three months", a duration
    ("Siły powietrzne mają docelowo 32 myśliwce.", "pl"),  # "they have", which the dictionary files under "maj"
])
def test_homographs_are_not_months(text, lang):
    assert kinds(text, lang, "month") == []


def test_mid_month():
    (m,) = [a for a in extract("in mid-December", "en") if a.kind == "month"]
    assert m.value == 12 and m.extra == ("mid",) and m.text == "mid-December"
    assert [a.extra for a in extract("à la mi-décembre", "fr") if a.kind == "month"] == [("mid",)]


@pytest.mark.parametrize("text,lang,value", [
    ("le 14 décembre 2022", "fr", (2022, 12, 14)),
    ("on December 14, 2022", "en", (2022, 12, 14)),
    ("am 14.12.2022", "de", (2022, 12, 14)),
    ("on 2022-12-14", "en", (2022, 12, 14)),
    ("on 12/14/2022", "en", (2022, 12, 14)),
    ("2022年12月14日", "zh", (2022, 12, 14)),
    ("2022년 12월 14일", "ko", (2022, 12, 14)),
    ("14 de diciembre de 2022", "es", (2022, 12, 14)),
    ("December 14", "en", (None, 12, 14)),
])
def test_absolute_dates(text, lang, value):
    dates = [a for a in extract(text, lang) if a.kind == "date"]
    assert [d.value for d in dates] == [value]
    assert text[dates[0].start:dates[0].end] == dates[0].text


def test_years_and_relative_days():
    assert kinds("Depuis 2011, hier encore", "fr", "year") == [2011]
    assert kinds("Depuis 2011, hier encore", "fr", "relative") == ["yesterday"]
    assert kinds("Der Morgen war kalt, morgen wird es warm.", "de", "relative") == ["tomorrow"]


def test_japanese_bracketed_weekday():
    assert kinds("14日（水）に開催", "ja", "weekday") == [2]
    assert kinds("水を飲む", "ja", "weekday") == []


def test_changed_relative_day_names_both_days(encoder):
    import checker
    report = checker.check("Le président a annoncé hier sa démission.",
                           "The president announced his resignation today.", "fr", "en", encoder=encoder)
    (f,) = [f for f in report.findings if f.code == "DATE104"]
    assert f.message == 'relative day yesterday in the source is today in the translation ("hier" -> "today")'
    assert (f.source.text, f.target.text) == ("hier", "today")


@pytest.mark.parametrize("text,lang,kind,value", [
    ("hit by Tuesday's flood", "en", "weekday", 1),
    ("au début d'avril", "fr", "month", 4),
    ("all'inizio dell'aprile", "it", "month", 4),
    ("15 Ocak'ta Ankara'da", "tr", "month", 1),
])
def test_names_cut_off_by_an_apostrophe(text, lang, kind, value):
    assert (kind, value) in [(a.kind, a.value) for a in extract(text, lang)]
