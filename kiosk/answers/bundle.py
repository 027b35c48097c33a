"""The published common questions as a kiosk receives them (docs/answers.md §The published bundle).

Pure: bytes in, a frozen :class:`Bundle` out, or :class:`BundleError` naming what is wrong. A bundle
is taken whole or not at all: one bad question rejects it, and the kiosk keeps the version it had
(a resident never sees half an update, nor markup a server should have refused).
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from signaling.errors import KiosklinkError

MAX_BUNDLE_BYTES = 4 * 1024 * 1024
MAX_AUDIO_BYTES = 5 * 1024 * 1024
AUDIO_TYPES = frozenset({"audio/ogg", "audio/opus", "audio/mpeg", "audio/wav", "audio/x-wav"})
ORIGINAL = "sv"  # the language every other text is translated from
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>|javascript:", re.IGNORECASE)

Tag = Annotated[str, Field(min_length=1, max_length=35, pattern=r"^[A-Za-z0-9_.-]+$")]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class BundleError(KiosklinkError, ValueError):
    """The bundle cannot be used; the message says why (for the kiosk's log, not the resident)."""


class _Frozen(BaseModel):
    # Fields a newer server adds are ignored: an older kiosk still shows what it understands.
    model_config = ConfigDict(frozen=True, extra="ignore")


def _plain(text: str) -> str:
    if _MARKUP.search(text):
        raise ValueError("markup is not allowed in an answer")
    return text


class Text(_Frozen):
    title: Annotated[str, Field(min_length=1, max_length=300)]
    body: Annotated[str, Field(min_length=1, max_length=10_000)]
    hours: Annotated[str, Field(max_length=300)] = ""
    current: bool = True  # made from the Swedish original's current revision

    _no_markup = field_validator("title", "body", "hours")(_plain)


class Link(_Frozen):
    url: Annotated[str, Field(max_length=2000)]
    labels: dict[Tag, Annotated[str, Field(max_length=200)]] = Field(default_factory=dict)

    @field_validator("url")
    @classmethod
    def _safe(cls, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise ValueError(f"links must be https:// with a host, not {url!r}")
        return url

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""


class Audio(_Frozen):
    sha256: Sha256
    bytes: Annotated[int, Field(gt=0, le=MAX_AUDIO_BYTES)]
    mime: str

    @field_validator("mime")
    @classmethod
    def _known(cls, mime: str) -> str:
        if mime not in AUDIO_TYPES:
            raise ValueError(f"recording type {mime!r} is not one the kiosk plays")
        return mime


class Topic(_Frozen):
    id: Tag
    titles: dict[Tag, Annotated[str, Field(min_length=1, max_length=200)]]


class Question(_Frozen):
    id: Tag
    topic: Tag
    route_topic: Tag | None = None  # the `join` topic of "talk to an adviser"
    phone: Annotated[str, Field(max_length=40, pattern=r"^[0-9+ ()-]*$")] | None = None
    links: tuple[Link, ...] = ()
    texts: dict[Tag, Text]
    audio: dict[Tag, Audio] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _original_or_english(self) -> Question:
        # The fallback must always find something: never a blank answer (docs/answers.md).
        if ORIGINAL not in self.texts and "en" not in self.texts:
            raise ValueError(f"question {self.id} has neither a Swedish nor an English text")
        return self


class Bundle(_Frozen):
    version: Annotated[int, Field(ge=1)]
    published_at: float = 0.0
    topics: tuple[Topic, ...]
    questions: tuple[Question, ...]

    @model_validator(mode="after")
    def _consistent(self) -> Bundle:
        topic_ids = [t.id for t in self.topics]
        question_ids = [q.id for q in self.questions]
        for kind, ids in (("topic", topic_ids), ("question", question_ids)):
            if len(set(ids)) != len(ids):
                raise ValueError(f"a {kind} id appears twice")
        for question in self.questions:
            if question.topic not in topic_ids:
                raise ValueError(f"question {question.id} names an unknown topic {question.topic}")
        return self

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def in_topic(self, topic_id: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.topic == topic_id)

    def languages(self) -> tuple[str, ...]:
        """Every language some question has a text in, in first-seen order."""
        seen: dict[str, None] = {}
        for question in self.questions:
            seen.update(dict.fromkeys(question.texts))
        return tuple(seen)

    def recordings(self) -> tuple[Audio, ...]:
        """Every recording the bundle refers to, once each, in bundle order."""
        found: dict[str, Audio] = {}
        for question in self.questions:
            for audio in question.audio.values():
                found.setdefault(audio.sha256, audio)
        return tuple(found.values())


def parse_bundle(data: bytes | str) -> Bundle:
    """The bundle in ``data`` (JSON), validated whole; raises :class:`BundleError`."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleError(f"the bundle is larger than {MAX_BUNDLE_BYTES} bytes")
    try:
        return Bundle.model_validate_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "bundle"
        raise BundleError(f"{where}: {first['msg']}") from None
