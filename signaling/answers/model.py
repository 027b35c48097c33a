"""The common questions' content model (docs/answers.md §Content model), as frozen values.

A :class:`Draft` is everything editors can change: topics, and questions with their texts per
language. Swedish (:data:`ORIGINAL`) is the original; each question counts its original's
*revision*, and every other language's :class:`Text` records the revision it was made from, so
:func:`status` can say whether a translation is current, outdated or missing without any clock or
history. Pure: no I/O; times are passed in as ``now``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

ORIGINAL: Final = "sv"  # the language every other text is translated from
FIRST_REVISION: Final = 1
# A translation whose original revision is unknown (a fuzzy PO entry, an old msgid): never current.
UNKNOWN_REVISION: Final = 0

Status = Literal["current", "outdated", "missing"]


@dataclass(frozen=True)
class Topic:
    id: str
    order: int
    titles: Mapping[str, str]  # language -> title


@dataclass(frozen=True)
class Text:
    """A question's words in one language.

    ``link_labels`` pairs with the question's ``links`` by position ("" for no label). For the
    original, ``revision`` is the question's revision; for a translation, the original's revision
    it was made from. ``reviewed_by`` names the staff member who saved or imported it (a member of
    staff, never a resident)."""

    title: str
    body: str
    hours: str = ""
    link_labels: tuple[str, ...] = ()
    revision: int = FIRST_REVISION
    reviewed_by: str = ""
    reviewed_at: float | None = None

    def words(self) -> tuple[str, str, str, tuple[str, ...]]:
        """What a translator translates: a change here in the original outdates translations."""
        return (self.title, self.body, self.hours, self.link_labels)


@dataclass(frozen=True)
class Question:
    id: str
    topic: str
    order: int
    route_topic: str | None = None  # the `join` topic of "talk to an adviser"
    links: tuple[str, ...] = ()  # https URLs, shown as QR codes
    phone: str | None = None
    revision: int = FIRST_REVISION  # the Swedish original's
    texts: Mapping[str, Text] = field(default_factory=dict)

    @property
    def original(self) -> Text:
        return self.texts[ORIGINAL]


@dataclass(frozen=True)
class Draft:
    """What editors change; :func:`signaling.answers.bundle.build_bundle` freezes it on publish."""

    topics: tuple[Topic, ...] = ()
    questions: tuple[Question, ...] = ()

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def sorted_topics(self) -> list[Topic]:
        return sorted(self.topics, key=lambda t: (t.order, t.id))

    def sorted_questions(self) -> list[Question]:
        """Questions in the order a kiosk lists them: by topic, then by their own order."""
        rank = {t.id: i for i, t in enumerate(self.sorted_topics())}
        return sorted(self.questions, key=lambda q: (rank.get(q.topic, len(rank)), q.order, q.id))


def status(question: Question, language: str) -> Status:
    """Whether ``language``'s text of ``question`` is current with the original."""
    text = question.texts.get(language)
    if text is None:
        return "missing"
    if language == ORIGINAL or text.revision == question.revision:
        return "current"
    return "outdated"
