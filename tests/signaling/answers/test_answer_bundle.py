"""signaling.answers.bundle: the published JSON document has the shape docs/answers.md shows and
carries nothing about the staff who wrote it."""

from __future__ import annotations

import json

from signaling.answers import edit
from signaling.answers.bundle import (
    AudioRef,
    audio_digests,
    build_bundle,
    encode_bundle,
    restamp,
)
from tests.signaling.answers.answer_samples import BOSTAD, sample_draft

AUDIO = {("housing-queue", "ar"): AudioRef("ab" * 32, 81234, "audio/ogg")}


def test_the_bundle_has_the_documented_shape() -> None:
    bundle = build_bundle(sample_draft(), version=7, published_at=1764400000.0, audio=AUDIO)
    assert set(bundle) == {"version", "published_at", "topics", "questions"}
    assert (bundle["version"], bundle["published_at"]) == (7, 1764400000.0)
    assert bundle["topics"] == [
        {"id": "housing", "titles": {"en": "Housing", "sv": "Bostad"}},
        {"id": "registration", "titles": {"sv": "Folkbokföring"}},
    ]
    queue, moving = bundle["questions"]
    assert set(queue) == {"id", "topic", "route_topic", "phone", "links", "texts", "audio"}
    assert (queue["id"], queue["topic"], queue["route_topic"]) == (
        "housing-queue",
        "housing",
        "housing",
    )
    assert queue["phone"] == "08-508 00 000"
    assert queue["links"] == [
        {"url": BOSTAD, "labels": {"en": "Housing agency", "sv": "Bostadsförmedlingen"}}
    ]
    assert queue["texts"]["sv"] == {
        "title": "Bostadskö",
        "body": "Ställ dig i kön tidigt.",
        "hours": "Mån–fre 9–12",
        "current": True,
    }
    assert queue["texts"]["ar"]["hours"] == ""
    assert queue["audio"] == {"ar": {"sha256": "ab" * 32, "bytes": 81234, "mime": "audio/ogg"}}
    assert (moving["route_topic"], moving["phone"], moving["audio"]) == (None, None, {})


def test_an_outdated_translation_is_published_with_current_false() -> None:
    draft = sample_draft()
    words = edit.Words("Bostadskö", "Ny text.", "Mån–fre 9–12", ("Bostadsförmedlingen",))
    draft = edit.save_text(draft, "housing-queue", "sv", words, reviewed_by="Eva", now=1.0)
    bundle = build_bundle(draft, version=2, published_at=2.0, audio={})
    texts = bundle["questions"][0]["texts"]
    assert {lang: t["current"] for lang, t in texts.items()} == {
        "ar": False,
        "en": False,
        "sv": True,
    }


def test_the_encoded_bundle_is_utf8_json_without_staff_names() -> None:
    data = encode_bundle(build_bundle(sample_draft(), version=1, published_at=5.0, audio=AUDIO))
    text = data.decode("utf-8")
    assert "طابور السكن" in text  # the script as it is, not \\u escapes
    for reviewer in ("Eva", "Tom", "Amal", "reviewed"):
        assert reviewer not in text
    assert audio_digests(data) == {"ab" * 32}


def test_restamping_changes_only_the_version_and_time() -> None:
    data = encode_bundle(build_bundle(sample_draft(), version=1, published_at=5.0, audio=AUDIO))
    again = json.loads(restamp(data, version=4, published_at=9.0))
    first = json.loads(data)
    assert (again["version"], again["published_at"]) == (4, 9.0)
    assert {**again, "version": 1, "published_at": 5.0} == first
