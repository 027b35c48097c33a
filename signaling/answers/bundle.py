"""The published bundle: the one JSON document a kiosk downloads (docs/answers.md §The published
bundle). Built from the draft at publish time and stored as bytes, so a version never changes.

It holds what a kiosk shows and nothing more: no reviewer names, no review times (staff data the
kiosk has no use for), no drafts. Pure: ``published_at`` is passed in.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from signaling.answers.model import Draft, Question, status


@dataclass(frozen=True)
class AudioRef:
    """A recording as the bundle names it; the bytes are fetched by ``sha256``."""

    sha256: str
    size: int
    mime: str


AudioIndex = Mapping[tuple[str, str], AudioRef]  # (question id, language) -> recording


def build_bundle(
    draft: Draft, *, version: int, published_at: float, audio: AudioIndex
) -> dict[str, Any]:
    """The bundle as a JSON-ready dict: topics and questions in the kiosk's order."""
    return {
        "version": version,
        "published_at": published_at,
        "topics": [
            {"id": t.id, "titles": dict(sorted(t.titles.items()))} for t in draft.sorted_topics()
        ],
        "questions": [_question(q, audio) for q in draft.sorted_questions()],
    }


def encode_bundle(bundle: Mapping[str, Any]) -> bytes:
    """UTF-8 JSON, compact and with the scripts as they are (no \\u escapes for Arabic)."""
    return json.dumps(bundle, ensure_ascii=False, separators=(",", ":")).encode()


def restamp(bundle: bytes, *, version: int, published_at: float) -> bytes:
    """An old version's bundle published again under a new number and time."""
    document = json.loads(bundle)
    document["version"] = version
    document["published_at"] = published_at
    return encode_bundle(document)


def audio_digests(bundle: bytes) -> set[str]:
    """Every recording a bundle names (to keep them while any version names them)."""
    questions = json.loads(bundle)["questions"]
    return {entry["sha256"] for q in questions for entry in q["audio"].values()}


def _question(question: Question, audio: AudioIndex) -> dict[str, Any]:
    languages = sorted(question.texts)
    return {
        "id": question.id,
        "topic": question.topic,
        "route_topic": question.route_topic,
        "phone": question.phone,
        "links": [
            {"url": url, "labels": _labels(question, i, languages)}
            for i, url in enumerate(question.links)
        ],
        "texts": {
            language: {
                "title": text.title,
                "body": text.body,
                "hours": text.hours,
                "current": status(question, language) == "current",
            }
            for language in languages
            for text in (question.texts[language],)
        },
        "audio": {
            language: {"sha256": ref.sha256, "bytes": ref.size, "mime": ref.mime}
            for (question_id, language), ref in sorted(audio.items())
            if question_id == question.id
        },
    }


def _labels(question: Question, index: int, languages: list[str]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for language in languages:
        text = question.texts[language]
        if index < len(text.link_labels) and text.link_labels[index]:
            labels[language] = text.link_labels[index]
    return labels
