"""kiosk.answers.search: folding (case, diacritics, Arabic-script variants, Ethiopic as is) and
ranking (title before body, bundle order), over the resident's language and its fallback."""

from __future__ import annotations

import pytest

from kiosk.answers.bundle import parse_bundle
from kiosk.answers.search import fold, search
from tests.kiosk.answers.sample import bundle_bytes

BUNDLE = parse_bundle(bundle_bytes())


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("BOSTADSKÖ", "bostadsko"),
        ("Försäkringskassan", "forsakringskassan"),
        ("café", "cafe"),
        ("أحمد", "احمد"),
        ("إسلام", "اسلام"),
        ("آمن", "امن"),
        ("ٱلله", "الله"),
        ("مستشفى", "مستشفي"),
        ("مدرسة", "مدرسه"),
        ("کتاب", "كتاب"),  # Persian keheh -> Arabic kaf
        ("ایران", "ايران"),  # Persian yeh -> Arabic yeh
        ("مــدرسة", "مدرسه"),  # tatweel
        ("مَدْرَسَةٌ", "مدرسه"),  # harakat
        ("ትግርኛ", "ትግርኛ"),  # Ethiopic syllables stay as typed
    ],
)
def test_folding(typed: str, stored: str) -> None:
    assert fold(typed) == fold(stored) == stored


def test_arabic_finds_with_or_without_harakat_and_with_the_article() -> None:
    # The body says السَّكَن (with harakat); a resident types سكن, without.
    assert search(BUNDLE, "ar", "سكن")[:2] == ("housing-queue", "housing-allowance")
    assert search(BUNDLE, "ar", "طابور") == ("housing-queue",)


def test_persian_letter_variants_find_arabic_text() -> None:
    # The Arabic body says التأمينات (Arabic yeh, hamza on alef); typed on a Persian keyboard it
    # comes with Persian yeh (ی) and no hamza.
    assert search(BUNDLE, "ar", "تامینات") == ("housing-allowance",)
    assert search(BUNDLE, "ar", "اعانة") == ("housing-allowance",)


def test_ethiopic_finds_as_typed() -> None:
    assert search(BUNDLE, "ti", "መስርዕ") == ("housing-queue",)
    assert search(BUNDLE, "ti", "ተመዝገብ") == ("housing-queue",)  # in the body


def test_title_hits_rank_before_body_hits_then_bundle_order() -> None:
    # "bostad" is in both housing titles' Swedish words and only in bankid's body.
    assert search(BUNDLE, "sv", "bostad") == ("housing-queue", "housing-allowance", "bankid")
    assert search(BUNDLE, "sv", "BANKID") == ("bankid",)


def test_every_word_must_occur_and_case_and_diacritics_never_matter() -> None:
    assert search(BUNDLE, "sv", "bostadsko webben") == ("housing-queue",)
    assert search(BUNDLE, "sv", "bostadskö bankid") == ()


def test_the_fallback_language_is_searched_too() -> None:
    # A Somali reader sees English (no Somali text): English words find.
    assert search(BUNDLE, "so", "allowance") == ("housing-allowance",)
    # An Arabic reader also finds by the English fallback of every question.
    assert search(BUNDLE, "ar", "BankID") == ("bankid",)


def test_no_words_no_results() -> None:
    assert search(BUNDLE, "sv", "") == ()
    assert search(BUNDLE, "sv", " ?! ") == ()
    assert search(BUNDLE, "sv", "zebra") == ()
