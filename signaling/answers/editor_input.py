"""What an editor sends from the admin web, checked field by field (docs/answers.md §Editing in
the admin web).

Each request body is read into a typed request (:class:`TopicRequest`, :class:`QuestionRequest`,
:class:`TextRequest`) or refused with :class:`FieldError`, which names the field the page should
point at ("body", "links.1", "titles.sv"). The words themselves are checked with the same rules
(:mod:`signaling.answers.validation`) the store's edits apply again, so a refusal here and one
there say the same thing; checking here first is what lets the answer name the field.

The ``apply_*`` functions are the draft changes the store runs in its transaction
(``store.answers.change``): they refuse what only the draft can tell (an unknown topic) with a
field too, and otherwise hand over to :mod:`signaling.answers.edit`. Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Annotated, ParamSpec, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError

from signaling.answers import edit
from signaling.answers import validation as v
from signaling.answers.model import ORIGINAL, Draft
from signaling.answers.validation import InvalidAnswer

MAX_ORDER = 10_000
T = TypeVar("T")
P = ParamSpec("P")
B = TypeVar("B", bound="_Body")


class FieldError(InvalidAnswer):
    """A refused request; ``field`` names the part of the body that is wrong ("" for the whole)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field


class _Body(BaseModel):
    # A field the page does not know is a mistake worth hearing about, not something to drop.
    model_config = ConfigDict(extra="forbid", frozen=True)


Order = Annotated[StrictInt, Field(ge=0, le=MAX_ORDER)]


class _WordsBody(_Body):
    title: StrictStr
    body: StrictStr
    hours: StrictStr = ""
    link_labels: list[StrictStr] = Field(default_factory=list, max_length=v.MAX_LINKS)


class _TopicBody(_Body):
    titles: dict[StrictStr, StrictStr]
    order: Order | None = None


class _QuestionBody(_WordsBody):
    topic: StrictStr
    order: Order = 0
    route_topic: StrictStr | None = None
    links: list[StrictStr] = Field(default_factory=list, max_length=v.MAX_LINKS)
    phone: StrictStr | None = None


@dataclass(frozen=True)
class TopicRequest:
    id: str
    titles: dict[str, str]
    order: int | None


@dataclass(frozen=True)
class TextRequest:
    question: str
    language: str
    words: edit.Words


@dataclass(frozen=True)
class QuestionRequest:
    """A question's data and its Swedish original, saved together or not at all."""

    data: edit.QuestionData
    original: edit.Words


def topic_request(topic_id: str, body: object, *, languages: Collection[str]) -> TopicRequest:
    checked = _parse(_TopicBody, body)
    _checked("id", v.check_id, topic_id, "topic")
    titles = {}
    for language, title in checked.titles.items():
        where = f"titles.{language}"
        _checked(where, v.check_language, language, languages)
        titles[language] = _checked(
            where, v.check_plain_text, title, "title", max_chars=v.MAX_TITLE_CHARS
        )
    if ORIGINAL not in titles:
        raise FieldError(f"titles.{ORIGINAL}", "a topic needs a Swedish title")
    return TopicRequest(topic_id, titles, checked.order)


def question_request(question_id: str, body: object) -> QuestionRequest:
    checked = _parse(_QuestionBody, body)
    _checked("id", v.check_id, question_id, "question")
    data = edit.QuestionData(
        id=question_id,
        topic=_checked("topic", v.check_id, checked.topic, "topic"),
        order=checked.order,
        route_topic=_optional(
            checked.route_topic, lambda t: v.check_id(t, "routing topic"), "route_topic"
        ),
        links=tuple(
            _checked(f"links.{i}", v.check_link, url) for i, url in enumerate(checked.links)
        ),
        phone=_optional(checked.phone, v.check_phone, "phone"),
    )
    return QuestionRequest(data, _words(checked, links=len(data.links)))


def text_request(
    question_id: str, language: str, body: object, *, links: int, languages: Collection[str]
) -> TextRequest:
    """A translation (or the original) of a question that has ``links`` links."""
    checked_language(language, languages)
    return TextRequest(question_id, language, _words(_parse(_WordsBody, body), links=links))


def checked_language(code: str, languages: Collection[str]) -> str:
    return _checked("language", v.check_language, code, languages)


def apply_topic(draft: Draft, request: TopicRequest, *, languages: Collection[str]) -> Draft:
    return edit.save_topic(
        draft, request.id, request.titles, order=request.order, languages=languages
    )


def apply_question(draft: Draft, request: QuestionRequest, *, by: str, now: float) -> Draft:
    if draft.topic(request.data.topic) is None:
        raise FieldError("topic", f"there is no topic {request.data.topic!r}")
    return edit.save_question(
        draft, request.data, original=request.original, reviewed_by=by, now=now
    )


def apply_text(
    draft: Draft, request: TextRequest, *, by: str, now: float, languages: Collection[str]
) -> Draft:
    question = draft.question(request.question)
    if question is None:
        raise FieldError("", f"there is no question {request.question!r}")
    if request.language != ORIGINAL and ORIGINAL not in question.texts:
        raise FieldError("language", "write the Swedish original before translating it")
    return edit.save_text(
        draft,
        request.question,
        request.language,
        request.words,
        reviewed_by=by,
        now=now,
        languages=languages,
    )


def _words(body: _WordsBody, *, links: int) -> edit.Words:
    if len(body.link_labels) > links:
        raise FieldError("link_labels", f"{len(body.link_labels)} labels for {links} links")
    return edit.Words(
        title=_text(body.title, "title", v.MAX_TITLE_CHARS),
        body=_text(body.body, "body", v.MAX_BODY_CHARS),
        hours=_text(body.hours, "hours", v.MAX_HOURS_CHARS, required=False),
        link_labels=tuple(
            _text(label, f"link_labels.{i}", v.MAX_LABEL_CHARS, required=False)
            for i, label in enumerate(body.link_labels)
        ),
    )


def _text(value: str, field: str, max_chars: int, *, required: bool = True) -> str:
    # The reason names the field as the page labels it: "body holds an HTML tag ('<script>')".
    return _checked(field, v.check_plain_text, value, field, max_chars=max_chars, required=required)


def _optional(value: str | None, check: Callable[[str], str], field: str) -> str | None:
    # An empty box on the page means "none", as None does.
    return None if not value else _checked(field, check, value)


def _checked(field: str, check: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    try:
        return check(*args, **kwargs)
    except InvalidAnswer as exc:
        raise FieldError(field, exc.reason) from None


def _parse(model: type[B], body: object) -> B:
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise FieldError(field, f"{field or 'the request'}: {first['msg']}") from None
