"""Common questions on the line (pure): who hears of a publish, and which ``answer_event`` counts.

Rules (docs/protocol.md §Common questions, docs/answers.md §Signaling):

1. The exchange knows one :class:`AnswerCatalogue`: the latest published version, the ids of its
   questions and the languages it is written in. Every kiosk's ``welcome`` carries that version
   (0 while nothing is published).
2. A catalogue with another version than the one known, above 0, is announced to every connected
   kiosk once, in kiosk id order, as ``answers_published``. The same version arriving twice (the
   admin web's hook, then the adapter's periodic look at the store) is announced once. Versions
   only grow in practice; a lower one (a database restored from a backup) is announced too, since
   a kiosk fetches whenever its version differs.
3. An ``answer_event`` counts when its question is in the latest version or in the one before it:
   a kiosk shows the older version until it holds the newer one in full, so a resident may view a
   question that was removed a moment ago. Any other question is refused with
   :class:`~signaling.errors.UnknownQuestion` (``not_found``), as is every event while nothing is
   published. ``no_result`` has no question (the message model sees to that).
4. Its language must be one the service offers or one the bundle is written in, so a kiosk
   cannot grow the statistics (and the metric's label values) with made-up codes.
5. Counted per local day (the service's time zone), site, language, question and event: the
   kiosk's site, never the kiosk, the visit or the search words (docs/privacy.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from signaling import messages as m
from signaling.errors import OutOfRole, UnknownQuestion
from signaling.exchange.actions import Action, CountAnswerEvent, Post
from signaling.links import KioskLink
from signaling.store_records import KioskRecord


@dataclass(frozen=True)
class AnswerCatalogue:
    """What the exchange needs to know of one published version (not its texts)."""

    version: int
    questions: frozenset[str]
    languages: frozenset[str]

    @classmethod
    def from_bundle(cls, version: int, bundle: bytes) -> AnswerCatalogue:
        """The question ids and the languages of a published bundle (docs/answers.md §The
        published bundle): the languages of the questions' texts and of the topics' titles.
        Raises ValueError for a document that is not such a bundle."""
        try:
            document = json.loads(bundle)
            questions = document["questions"]
            ids = frozenset(str(q["id"]) for q in questions)
            languages = {str(code) for q in questions for code in q["texts"]}
            languages |= {str(code) for t in document["topics"] for code in t["titles"]}
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"version {version} is not a published bundle: {exc!r}") from None
        return cls(version, ids, frozenset(languages))


NOTHING_PUBLISHED = AnswerCatalogue(0, frozenset(), frozenset())


class AnswerDesk:
    """The published version the kiosks are told of, and the check of what they report."""

    def __init__(self, *, zone: ZoneInfo, offered: Iterable[str]) -> None:
        self._zone = zone
        self._offered = frozenset(offered)
        self.catalogue = NOTHING_PUBLISHED
        self._previous_questions: frozenset[str] = frozenset()

    @property
    def version(self) -> int:
        return self.catalogue.version

    def publish(self, catalogue: AnswerCatalogue, kiosks: Iterable[KioskLink]) -> list[Action]:
        """Take ``catalogue`` as the latest; the announcements to make (rule 2)."""
        if catalogue.version == self.catalogue.version:
            return []
        self._previous_questions = self.catalogue.questions
        self.catalogue = catalogue
        if catalogue.version == 0:
            return []  # nothing published any more: nothing to fetch
        told = m.AnswersPublished(version=catalogue.version)
        return [Post(k.conn, told) for k in sorted(kiosks, key=lambda k: k.kiosk.id)]

    def count(self, kiosk: KioskRecord, event: m.AnswerEvent, now: float) -> CountAnswerEvent:
        """The store command counting ``event``; raises when it names nothing published."""
        if self.catalogue.version == 0:
            raise UnknownQuestion("no common questions are published")
        if event.question is not None and not self._known(event.question):
            raise UnknownQuestion(
                f"question {event.question!r} is not in the published common questions"
                f" (version {self.catalogue.version})"
            )
        if event.language not in self._offered and event.language not in self.catalogue.languages:
            raise OutOfRole(f"language {event.language!r} is neither offered nor written here")
        day = datetime.fromtimestamp(now, self._zone).date().isoformat()
        return CountAnswerEvent(day, kiosk.site, event.language, event.question, event.event)

    def _known(self, question: str) -> bool:
        return question in self.catalogue.questions or question in self._previous_questions
