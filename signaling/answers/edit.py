"""Changes to the draft: each function takes a :class:`Draft` and returns the changed one.

The store runs one of these inside a transaction and writes the difference, so every change is
validated here, once, whether it comes from the admin web, the CLI or a PO import, and a refused
change (:class:`InvalidAnswer`) leaves the draft as it was. Pure: ``now`` is passed in.

Revisions (docs/answers.md): saving the Swedish original with different words raises the
question's revision, which makes every translation outdated; saving a translation, or marking it
still correct, records the current revision and the reviewer.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from signaling.answers import validation as v
from signaling.answers.model import FIRST_REVISION, ORIGINAL, Draft, Question, Text, Topic
from signaling.answers.validation import InvalidAnswer


@dataclass(frozen=True)
class Words:
    """What someone typed for one question in one language, before validation."""

    title: str
    body: str
    hours: str = ""
    link_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuestionData:
    """A question's data that is the same in every language."""

    id: str
    topic: str
    order: int = 0
    route_topic: str | None = None
    links: tuple[str, ...] = ()
    phone: str | None = None


def save_topic(
    draft: Draft,
    topic_id: str,
    titles: Mapping[str, str],
    *,
    order: int | None = None,
    languages: Collection[str] = (),
) -> Draft:
    """Create or change a topic; ``titles`` are merged into the ones it has."""
    v.check_id(topic_id, "topic")
    old = draft.topic(topic_id)
    merged = dict(old.titles) if old else {}
    for language, title in titles.items():
        v.check_language(language, languages)
        what = f"topic {topic_id} title ({language})"
        merged[language] = v.check_plain_text(title, what, max_chars=v.MAX_TITLE_CHARS)
    if ORIGINAL not in merged:
        raise InvalidAnswer(f"topic {topic_id} needs a Swedish title")
    position = order if order is not None else (old.order if old else len(draft.topics))
    topic = Topic(topic_id, position, dict(sorted(merged.items())))
    others = tuple(t for t in draft.topics if t.id != topic_id)
    return replace(draft, topics=(*others, topic))


def remove_topic(draft: Draft, topic_id: str) -> Draft:
    if draft.topic(topic_id) is None:
        raise InvalidAnswer(f"no topic {topic_id!r}")
    used = [q.id for q in draft.questions if q.topic == topic_id]
    if used:
        raise InvalidAnswer(f"topic {topic_id} still has questions: {', '.join(sorted(used))}")
    return replace(draft, topics=tuple(t for t in draft.topics if t.id != topic_id))


def save_question(
    draft: Draft,
    data: QuestionData,
    *,
    original: Words | None = None,
    now: float = 0.0,
    reviewed_by: str = "",
) -> Draft:
    """Create a question (``original`` is then required) or change its data; with ``original``
    its Swedish text is saved too, as :func:`save_text` would."""
    checked = _checked_data(draft, data)
    old = draft.question(checked.id)
    if old is None:
        if original is None:
            raise InvalidAnswer(f"new question {checked.id} needs its Swedish title and body")
        question = Question(
            checked.id,
            checked.topic,
            checked.order,
            checked.route_topic,
            checked.links,
            checked.phone,
        )
    else:
        question = replace(
            old,
            topic=checked.topic,
            order=checked.order,
            route_topic=checked.route_topic,
            links=checked.links,
            phone=checked.phone,
        )
    # Fewer links than before: labels of the links that went go with them.
    texts = {lang: _fit_labels(t, len(checked.links)) for lang, t in question.texts.items()}
    draft = _put(draft, replace(question, texts=texts))
    if original is not None:
        draft = save_text(draft, checked.id, ORIGINAL, original, reviewed_by=reviewed_by, now=now)
    return draft


def remove_question(draft: Draft, question_id: str) -> Draft:
    _question(draft, question_id)
    return replace(draft, questions=tuple(q for q in draft.questions if q.id != question_id))


def save_text(
    draft: Draft,
    question_id: str,
    language: str,
    words: Words,
    *,
    reviewed_by: str,
    now: float,
    languages: Collection[str] = (),
    made_from: int | None = None,
) -> Draft:
    """Save one language's text. For a translation, ``made_from`` is the original's revision it
    was made from (default: the current one, i.e. the reviewer vouches it matches)."""
    question = _question(draft, question_id)
    v.check_language(language, languages)
    text = _checked_words(question, language, words, reviewed_by=reviewed_by, now=now)
    if language == ORIGINAL:
        old = question.texts.get(ORIGINAL)
        revision = question.revision
        if old is not None and old.words() != text.words():
            revision += 1
        question = replace(question, revision=revision)
        text = replace(text, revision=revision)
    else:
        if ORIGINAL not in question.texts:
            raise InvalidAnswer(f"question {question_id} has no Swedish original to translate")
        text = replace(text, revision=question.revision if made_from is None else made_from)
    return _put(draft, replace(question, texts={**question.texts, language: text}))


def mark_current(
    draft: Draft, question_id: str, language: str, *, reviewed_by: str, now: float
) -> Draft:
    """A reviewer says the translation is still correct for the changed original."""
    question = _question(draft, question_id)
    text = question.texts.get(language)
    if text is None or language == ORIGINAL:
        raise InvalidAnswer(f"question {question_id} has no {language} translation to mark")
    marked = replace(
        text, revision=question.revision, reviewed_by=v.check_reviewer(reviewed_by), reviewed_at=now
    )
    return _put(draft, replace(question, texts={**question.texts, language: marked}))


def remove_text(draft: Draft, question_id: str, language: str) -> Draft:
    question = _question(draft, question_id)
    if language == ORIGINAL:
        raise InvalidAnswer("the Swedish original cannot be removed; remove the question")
    if language not in question.texts:
        raise InvalidAnswer(f"question {question_id} has no {language} text")
    texts = {lang: t for lang, t in question.texts.items() if lang != language}
    return _put(draft, replace(question, texts=texts))


def _checked_data(draft: Draft, data: QuestionData) -> QuestionData:
    v.check_id(data.id, "question")
    if draft.topic(data.topic) is None:
        raise InvalidAnswer(f"question {data.id}: no topic {data.topic!r}")
    if len(data.links) > v.MAX_LINKS:
        raise InvalidAnswer(
            f"question {data.id} has {len(data.links)} links; at most {v.MAX_LINKS}"
        )
    return QuestionData(
        data.id,
        data.topic,
        data.order,
        None if not data.route_topic else v.check_id(data.route_topic, "routing topic"),
        tuple(v.check_link(url) for url in data.links),
        None if not data.phone else v.check_phone(data.phone),
    )


def _checked_words(
    question: Question, language: str, words: Words, *, reviewed_by: str, now: float
) -> Text:
    where = f"question {question.id} ({language})"
    if len(words.link_labels) > len(question.links):
        raise InvalidAnswer(
            f"{where} labels {len(words.link_labels)} links but has {len(question.links)}"
        )
    labels = tuple(
        v.check_plain_text(
            label, f"{where} link label", max_chars=v.MAX_LABEL_CHARS, required=False
        )
        for label in words.link_labels
    )
    return Text(
        title=v.check_plain_text(words.title, f"{where} title", max_chars=v.MAX_TITLE_CHARS),
        body=v.check_plain_text(words.body, f"{where} body", max_chars=v.MAX_BODY_CHARS),
        hours=v.check_plain_text(
            words.hours, f"{where} hours", max_chars=v.MAX_HOURS_CHARS, required=False
        ),
        link_labels=_trimmed(labels),
        revision=FIRST_REVISION,
        reviewed_by=v.check_reviewer(reviewed_by),
        reviewed_at=now,
    )


def _trimmed(labels: Sequence[str]) -> tuple[str, ...]:
    # Trailing empty labels say nothing; dropping them keeps "no labels" equal to "" labels.
    end = len(labels)
    while end and not labels[end - 1]:
        end -= 1
    return tuple(labels[:end])


def _fit_labels(text: Text, links: int) -> Text:
    return replace(text, link_labels=text.link_labels[:links])


def _question(draft: Draft, question_id: str) -> Question:
    question = draft.question(question_id)
    if question is None:
        raise InvalidAnswer(f"no question {question_id!r}")
    return question


def _put(draft: Draft, question: Question) -> Draft:
    others = tuple(q for q in draft.questions if q.id != question.id)
    return replace(draft, questions=(*others, question))
