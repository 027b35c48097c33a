"""The draft as the admin web's editor reads it: the list with each language's status, and one
question with every text (docs/answers.md §Editing in the admin web).

Unlike the published bundle this is for staff: it names who reviewed each text and when. The
languages listed are the service's (``service.languages``), Swedish first, then any other a text
is written in, so a missing translation shows as missing rather than not at all. Pure.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from signaling.admin.language_names import language_name
from signaling.answers.bundle import AudioIndex
from signaling.answers.model import ORIGINAL, Draft, Question, status
from signaling.answers.preview import direction


def languages_of(draft: Draft, configured: Collection[str]) -> list[str]:
    """Swedish, then the configured languages in their order, then any other one written."""
    written = sorted({lang for q in draft.questions for lang in q.texts} - set(configured))
    return list(dict.fromkeys((ORIGINAL, *configured, *written)))


def overview_json(
    draft: Draft, *, configured: Collection[str], audio: AudioIndex, latest_version: int
) -> dict[str, Any]:
    languages = languages_of(draft, configured)
    return {
        "languages": [_language_json(code) for code in languages],
        "latest_version": latest_version,
        "topics": [
            {"id": t.id, "order": t.order, "titles": dict(t.titles)} for t in draft.sorted_topics()
        ],
        "questions": [
            {
                "id": q.id,
                "topic": q.topic,
                "order": q.order,
                "title": q.original.title if ORIGINAL in q.texts else q.id,
                "status": {code: status(q, code) for code in languages},
                "audio": sorted(lang for (qid, lang) in audio if qid == q.id),
            }
            for q in draft.sorted_questions()
        ],
    }


def _language_json(code: str) -> dict[str, str]:
    name = language_name(code)
    return {
        "code": code,
        "direction": direction(code),
        "endonym": name.endonym,
        "swedish": name.swedish,
    }


def question_json(question: Question, *, audio: AudioIndex) -> dict[str, Any]:
    """Everything an editor may change about one question, with each text's review."""
    return {
        "id": question.id,
        "topic": question.topic,
        "order": question.order,
        "route_topic": question.route_topic,
        "links": list(question.links),
        "phone": question.phone,
        "revision": question.revision,
        "texts": {
            language: {
                "title": text.title,
                "body": text.body,
                "hours": text.hours,
                "link_labels": list(text.link_labels),
                "status": status(question, language),
                "made_from": text.revision,
                "reviewed_by": text.reviewed_by,
                "reviewed_at": text.reviewed_at,
                "direction": direction(language),
            }
            for language, text in sorted(question.texts.items())
        },
        "audio": {
            language: {"sha256": ref.sha256, "bytes": ref.size, "mime": ref.mime}
            for (qid, language), ref in sorted(audio.items())
            if qid == question.id
        },
    }
