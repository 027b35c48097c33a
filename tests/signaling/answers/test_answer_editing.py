"""The editor's pure parts: requests checked field by field (signaling.answers.editor_input), the
preview (signaling.answers.preview, held to the kiosk's own rule in kiosk.answers.choice), the
comparison of two versions (signaling.answers.compare) and the list (signaling.answers.editor_view).
No server, no clock: times are arguments."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kiosk.answers.bundle import parse_bundle
from kiosk.answers.choice import shown_text
from signaling.answers import edit
from signaling.answers import editor_input as ei
from signaling.answers.bundle import AudioRef, build_bundle
from signaling.answers.compare import compare
from signaling.answers.editor_view import languages_of, overview_json
from signaling.answers.preview import direction, preview
from tests.signaling.answers.answer_samples import BOSTAD, sample_draft

QUEUE: dict[str, Any] = {
    "topic": "housing",
    "links": [BOSTAD],
    "title": "Bostadskö",
    "body": "Ställ dig i kön tidigt.",
    "link_labels": ["Bostadsförmedlingen"],
}
LANGUAGES = ("sv", "en", "ar", "so")


# --- requests --------------------------------------------------------------------------------


def test_a_question_request_carries_the_data_and_the_swedish_words() -> None:
    asked = ei.question_request("housing-queue", {**QUEUE, "phone": "", "route_topic": ""})
    assert asked.data == edit.QuestionData("housing-queue", "housing", 0, None, (BOSTAD,), None)
    assert asked.original == edit.Words(
        "Bostadskö", "Ställ dig i kön tidigt.", "", ("Bostadsförmedlingen",)
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**QUEUE, "hours": "<i>8-16</i>"}, "hours"),
        ({**QUEUE, "link_labels": ["ok", "two"]}, "link_labels"),
        ({**QUEUE, "link_labels": ["[a](https://x.se)"]}, "link_labels.0"),
        ({**QUEUE, "links": ["https://a.se/", "javascript:alert(1)"]}, "links.1"),
        ({**QUEUE, "links": ["https://a.se/"] * 6}, "links"),
        ({**QUEUE, "route_topic": "Housing!"}, "route_topic"),
        ({**QUEUE, "order": -1}, "order"),
        ({**QUEUE, "order": "1"}, "order"),
        ({k: v for k, v in QUEUE.items() if k != "title"}, "title"),
        ([QUEUE], ""),
    ],
)
def test_a_refused_request_names_its_field(body: object, field: str) -> None:
    with pytest.raises(ei.FieldError) as refused:
        ei.question_request("housing-queue", body)
    assert refused.value.field == field


def test_applying_a_question_to_an_unknown_topic_names_the_topic() -> None:
    asked = ei.question_request("new-one", {**QUEUE, "topic": "weather"})
    with pytest.raises(ei.FieldError) as refused:
        ei.apply_question(sample_draft(), asked, by="Eva", now=1.0)
    assert refused.value.field == "topic"


def test_a_translation_needs_a_known_language_and_fits_the_question_s_links() -> None:
    words = {"title": "Safka", "body": "Is diiwaangeli.", "link_labels": ["Xafiiska"]}
    asked = ei.text_request("housing-queue", "so", words, links=1, languages=LANGUAGES)
    draft = ei.apply_text(sample_draft(), asked, by="Ayaan", now=5.0, languages=LANGUAGES)
    text = draft.question("housing-queue").texts["so"]  # type: ignore[union-attr]
    assert (text.reviewed_by, text.reviewed_at, text.link_labels) == ("Ayaan", 5.0, ("Xafiiska",))
    with pytest.raises(ei.FieldError) as refused:
        ei.text_request("housing-queue", "xx", words, links=1, languages=LANGUAGES)
    assert refused.value.field == "language"
    with pytest.raises(ei.FieldError) as refused:
        ei.text_request("housing-queue", "so", words, links=0, languages=LANGUAGES)
    assert refused.value.field == "link_labels"


def test_a_topic_request_needs_a_swedish_title_and_names_a_bad_one_by_language() -> None:
    assert ei.topic_request("work", {"titles": {"sv": "Arbete"}}, languages=()).titles == {
        "sv": "Arbete"
    }
    for titles, field in (({"en": "Work"}, "titles.sv"), ({"sv": "A", "ar": "<b>"}, "titles.ar")):
        with pytest.raises(ei.FieldError) as refused:
            ei.topic_request("work", {"titles": titles}, languages=())
        assert refused.value.field == field


# --- the preview -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "way"),
    [("ar", "rtl"), ("fa", "rtl"), ("prs", "rtl"), ("ckb", "rtl"), ("sv", "ltr"),
     ("ti", "ltr"), ("kmr", "ltr"), ("xx", "ltr")],
)  # fmt: skip
def test_each_language_is_written_its_own_way(code: str, way: str) -> None:
    assert direction(code) == way


def test_the_preview_picks_the_text_the_kiosk_would_and_says_why() -> None:
    draft = edit.save_question(
        sample_draft(),
        edit.QuestionData("housing-queue", "housing", 1, "housing", (BOSTAD,), "08-508 00 000"),
        original=edit.Words("Bostadskö", "Ny text.", "Mån–fre 9–12", ("Bostadsförmedlingen",)),
        reviewed_by="Eva",
        now=200.0,
    )  # en and ar are outdated now
    audio = {("housing-queue", "ar"): AudioRef("a" * 64, 1000, "audio/ogg")}
    bundle = build_bundle(draft, version=1, published_at=0.0, audio=audio)
    kiosk_bundle = parse_bundle(json.dumps(bundle))
    for language in ("ar", "so", "en", "sv", "fa"):
        shown = preview(draft, "housing-queue", language, audio=audio)
        assert shown is not None
        kiosk_choice = shown_text(kiosk_bundle.question("housing-queue"), language)  # type: ignore[arg-type]
        assert (shown["language"], shown["note"]) == (kiosk_choice.language, kiosk_choice.note)
        assert shown["title"] == kiosk_choice.text.title
    shown = preview(draft, "housing-queue", "ar", audio=audio)
    assert shown is not None
    assert (shown["note"], shown["direction"], shown["audio"]) == ("outdated", "rtl", True)
    assert shown["links"] == [{"url": BOSTAD, "host": "bostad.stockholm.se",
                               "label": "Housing agency"}]  # fmt: skip
    assert preview(draft, "nothing", "ar", audio={}) is None


# --- comparing versions ----------------------------------------------------------------------


def bundle_of(draft: Any, audio: Any = None) -> dict[str, Any]:
    return build_bundle(draft, version=1, published_at=0.0, audio=audio or {})


def test_two_versions_compare_by_topic_question_and_language() -> None:
    old = sample_draft()
    new = edit.save_text(
        old, "housing-queue", "ar", edit.Words("طابور", "نص جديد."), reviewed_by="A", now=1.0
    )
    new = edit.remove_question(new, "moving")
    new = edit.save_topic(new, "work", {"sv": "Arbete"})
    new = edit.save_question(
        new,
        edit.QuestionData("job", "work"),
        original=edit.Words("Jobb", "Skriv in dig."),
        reviewed_by="E",
        now=2.0,
    )
    audio = {("housing-queue", "en"): AudioRef("b" * 64, 10, "audio/wav")}
    result = compare(bundle_of(old), bundle_of(new, audio)).json()
    assert result == {
        "topics": [{"id": "work", "change": "added"}],
        "questions": [
            {"id": "housing-queue", "change": "changed", "languages": ["ar", "en"], "data": False},
            {"id": "job", "change": "added", "languages": [], "data": False},
            {"id": "moving", "change": "removed", "languages": [], "data": False},
        ],
    }
    assert compare(bundle_of(new, audio), bundle_of(new, audio)).json() == {
        "topics": [],
        "questions": [],
    }


def test_a_changed_link_or_phone_is_data_and_a_changed_original_outdates_its_translations() -> None:
    old = sample_draft()
    new = edit.save_question(
        old,
        edit.QuestionData("housing-queue", "housing", 1, "housing", (BOSTAD,), "08-1"),
        original=edit.Words("Bostadskö", "Annan text.", "Mån–fre 9–12", ("Bostadsförmedlingen",)),
        reviewed_by="E",
        now=3.0,
    )
    (change,) = compare(bundle_of(old), bundle_of(new)).questions
    assert change.data is True
    assert change.languages == ("ar", "en", "sv")  # sv's words; ar and en turned outdated


# --- the list --------------------------------------------------------------------------------


def test_the_list_shows_every_staffed_language_and_any_other_written() -> None:
    draft = sample_draft()
    assert languages_of(draft, ("en", "so", "sv")) == ["sv", "en", "so", "ar"]
    overview = overview_json(draft, configured=("en", "so"), audio={}, latest_version=4)
    queue = next(q for q in overview["questions"] if q["id"] == "housing-queue")
    assert queue["status"] == {"sv": "current", "en": "current", "so": "missing", "ar": "current"}
    arabic = next(lang for lang in overview["languages"] if lang["code"] == "ar")
    assert (arabic["direction"], arabic["endonym"], arabic["swedish"]) == (
        "rtl", "العربية", "Arabiska",
    )  # fmt: skip
    assert [q["id"] for q in overview["questions"]] == ["housing-queue", "moving"]
