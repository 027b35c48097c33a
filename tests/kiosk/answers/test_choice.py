"""kiosk.answers.choice: the resident's language, then English, then Swedish; never a blank."""

from __future__ import annotations

from kiosk.answers.bundle import parse_bundle
from kiosk.answers.choice import Note, link_label, reading_order, recording, shown_text, topic_title
from tests.kiosk.answers.sample import RECORDING_SHA, bundle_bytes

BUNDLE = parse_bundle(bundle_bytes())


def _q(question_id: str):  # type: ignore[no-untyped-def]
    question = BUNDLE.question(question_id)
    assert question is not None
    return question


def test_the_resident_s_own_current_translation_comes_without_a_note() -> None:
    shown = shown_text(_q("housing-queue"), "ti")
    assert (shown.language, shown.note) == ("ti", Note.NONE)
    assert shown.text.title == "ኣብ መስርዕ ገዛ ከመይ እምዝገብ?"


def test_a_missing_translation_falls_back_to_english_with_a_note() -> None:
    shown = shown_text(_q("bankid"), "so")
    assert (shown.language, shown.note, shown.text.title) == (
        "en",
        Note.MISSING,
        "BankID and e-services",
    )


def test_without_english_the_swedish_original_is_shown() -> None:
    data = parse_bundle(
        bundle_bytes().replace(b'"en": {"title": "BankID', b'"xx": {"title": "BankID')
    )
    question = data.question("bankid")
    assert question is not None
    shown = shown_text(question, "ar")
    assert (shown.language, shown.note) == ("sv", Note.MISSING)


def test_an_outdated_translation_is_shown_with_its_note() -> None:
    shown = shown_text(_q("housing-allowance"), "ar")
    assert (shown.language, shown.note) == ("ar", Note.OUTDATED)


def test_the_swedish_original_is_never_outdated_and_english_readers_get_english() -> None:
    assert shown_text(_q("housing-allowance"), "sv").note is Note.NONE
    assert shown_text(_q("housing-allowance"), "en").language == "en"
    assert reading_order("en") == ("en", "sv")
    assert reading_order("ar") == ("ar", "en", "sv")


def test_topic_titles_and_link_labels_follow_the_same_order() -> None:
    assert topic_title(BUNDLE.topics[0], "ar") == "السكن"
    assert topic_title(BUNDLE.topics[1], "ti") == "Money"
    link = _q("housing-queue").links[0]
    assert link_label(link, "ar") == "Bostadsförmedlingen"  # only the Swedish label exists
    assert link_label(_q("bankid").links[0], "ar") == "www.bankid.com"  # no label: the host


def test_read_aloud_only_in_the_language_of_the_text_shown() -> None:
    question = _q("housing-queue")
    audio = recording(question, shown_text(question, "ar"))
    assert audio is not None and audio.sha256 == RECORDING_SHA
    assert recording(question, shown_text(question, "ti")) is None
    assert recording(_q("bankid"), shown_text(_q("bankid"), "ar")) is None
