"""A PO file applied to the draft (docs/answers.md §Import and export): all of it or nothing.

:func:`apply_po` returns the changed draft or raises :class:`InvalidAnswer` naming the line and
the reason; the store writes the draft only when it returns, so a refused import changes nothing.

A **Swedish** file (``Language: sv``) writes originals: each text is the entry's ``msgstr``, or
its ``msgid`` when ``msgstr`` is empty (a hand-written file may fill in only ``msgid``). A
``msgctxt`` naming a new question creates it; its title entry's ``#.`` lines must then give at least
``topic=``. For a question that exists, ``#.`` lines replace its data when there are any, and leave
it as it is when there are none (a tool that drops comments cannot wipe links). A new topic needs a
``topic:<id>`` entry in the same file. Questions not in the file stay as they are.

A **translation** writes that language's texts. Empty ``msgstr`` means "not translated": a
question whose entries are all empty is left alone, and one with a title but no body (or the
reverse) is refused. A translation is current when none of its entries is fuzzy and each
``msgid`` is today's Swedish text; otherwise it is saved as outdated. Every ``msgctxt`` must name a
topic, question or part the draft has.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from signaling.answers import edit
from signaling.answers.model import ORIGINAL, UNKNOWN_REVISION, Draft, Question
from signaling.answers.po import PoEntry, PoFile
from signaling.answers.validation import (
    MAX_BODY_CHARS,
    MAX_HOURS_CHARS,
    MAX_LABEL_CHARS,
    MAX_LINKS,
    MAX_TITLE_CHARS,
    InvalidAnswer,
    check_plain_text,
)

_CONTEXT = re.compile(
    r"^(?:topic:(?P<topic>[^:]+)|(?P<question>[^:]+):(?P<part>title|body|hours|link:\d+))$"
)


# The longest text each part may hold ("title" of "moving:title"); a topic's is a title too.
_LIMITS = {"title": MAX_TITLE_CHARS, "body": MAX_BODY_CHARS, "hours": MAX_HOURS_CHARS}


@dataclass
class _Group:
    """A question's entries in the file, by part ("title", "body", "hours", "link:0")."""

    question: str
    parts: dict[str, PoEntry] = field(default_factory=dict)

    @property
    def line(self) -> int:
        return min(entry.line for entry in self.parts.values())


def apply_po(
    draft: Draft, po: PoFile, *, reviewed_by: str, now: float, languages: Collection[str] = ()
) -> Draft:
    """The draft with the file's texts in it. See the module docstring for the rules."""
    for entry in po.entries:
        _check_entry_text(entry)
    topics, groups = _sort_entries(po.entries)
    for entry in topics:
        draft = _at(entry.line, _topic_step(entry, po.language, languages), draft)
    for group in groups:
        if po.language == ORIGINAL:
            step = _original_step(group, reviewed_by=reviewed_by, now=now)
        else:
            step = _translation_step(
                group, po.language, reviewed_by=reviewed_by, now=now, languages=languages
            )
        draft = _at(group.line, step, draft)
    return draft


def summary(before: Draft, after: Draft, language: str) -> str:
    """What an import changed, for the CLI and the audit log: "3 new, 11 changed (en)" (changed:
    other words; a translation reviewed again with the same words is not counted)."""
    old = {q.id: q for q in before.questions}
    new = sum(1 for q in after.questions if q.id not in old)
    changed = sum(
        1
        for q in after.questions
        if q.id in old and _words_of(old[q.id], language) != _words_of(q, language)
    )
    return f"{new} new, {changed} changed ({language})"


def _words_of(question: Question, language: str) -> tuple[object, ...] | None:
    text = question.texts.get(language)
    return None if text is None else text.words()


def _check_entry_text(entry: PoEntry) -> None:
    """Each text on its own line first, so a refusal points at the entry that holds it."""
    kind, _, part = entry.context.partition(":")
    limit = MAX_TITLE_CHARS if kind == "topic" else _LIMITS.get(part, MAX_LABEL_CHARS)
    for text in (entry.msgid, entry.msgstr):
        try:
            check_plain_text(text, entry.context, max_chars=limit, required=False)
        except InvalidAnswer as exc:
            raise InvalidAnswer(exc.reason, line=entry.line) from None


def _sort_entries(entries: Iterable[PoEntry]) -> tuple[list[PoEntry], list[_Group]]:
    topics: list[PoEntry] = []
    groups: dict[str, _Group] = {}
    for entry in entries:
        found = _CONTEXT.match(entry.context)
        if found is None:
            raise InvalidAnswer(f"unknown msgctxt {entry.context!r}", line=entry.line)
        if found["topic"]:
            topics.append(entry)
        else:
            group = groups.setdefault(found["question"], _Group(found["question"]))
            group.parts[found["part"]] = entry
    return topics, list(groups.values())


def _at(line: int, step: Callable[[Draft], Draft], draft: Draft) -> Draft:
    """Run one step; a refusal without a line gets the line of the entries it came from."""
    try:
        return step(draft)
    except InvalidAnswer as exc:
        if exc.line is not None:
            raise
        raise InvalidAnswer(exc.reason, line=line) from None


def _topic_step(
    entry: PoEntry, language: str, languages: Collection[str]
) -> Callable[[Draft], Draft]:
    return lambda draft: _apply_topic(draft, entry, language, languages)


def _apply_topic(draft: Draft, entry: PoEntry, language: str, languages: Collection[str]) -> Draft:
    topic_id = entry.context.removeprefix("topic:")
    if language == ORIGINAL:
        order = _int(entry.data["order"], "order") if "order" in entry.data else None
        title = entry.msgstr or entry.msgid
        return edit.save_topic(draft, topic_id, {ORIGINAL: title}, order=order)
    if draft.topic(topic_id) is None:
        raise InvalidAnswer(f"unknown msgctxt {entry.context!r}: no such topic")
    if not entry.msgstr:
        return draft
    return edit.save_topic(draft, topic_id, {language: entry.msgstr}, languages=languages)


def _original_step(group: _Group, *, reviewed_by: str, now: float) -> Callable[[Draft], Draft]:
    def step(draft: Draft) -> Draft:
        words = _words(group, lambda e: e.msgstr or e.msgid)
        existing = draft.question(group.question)
        title = group.parts.get("title")
        data = title.data if title is not None else {}
        if existing is not None and not data:
            return edit.save_text(
                draft, group.question, ORIGINAL, words, reviewed_by=reviewed_by, now=now
            )
        return edit.save_question(
            draft,
            _question_data(group.question, data, draft),
            original=words,
            reviewed_by=reviewed_by,
            now=now,
        )

    return step


def _translation_step(
    group: _Group, language: str, *, reviewed_by: str, now: float, languages: Collection[str]
) -> Callable[[Draft], Draft]:
    def step(draft: Draft) -> Draft:
        question = draft.question(group.question)
        if question is None:
            raise InvalidAnswer(f"unknown msgctxt {group.question!r}: no such question")
        _check_parts(group, question)
        if not any(entry.msgstr for entry in group.parts.values()):
            return draft
        words = _words(group, lambda e: e.msgstr)
        made_from = question.revision if _is_current(group, question) else UNKNOWN_REVISION
        return edit.save_text(
            draft,
            question.id,
            language,
            words,
            reviewed_by=reviewed_by,
            now=now,
            languages=languages,
            made_from=made_from,
        )

    return step


def _words(group: _Group, text_of: Callable[[PoEntry], str]) -> edit.Words:
    def part(name: str) -> str:
        entry = group.parts.get(name)
        return "" if entry is None else text_of(entry)

    links = [int(name.split(":")[1]) for name in group.parts if name.startswith("link:")]
    labels = tuple(part(f"link:{i}") for i in range(max(links, default=-1) + 1))
    if not part("title") or not part("body"):
        raise InvalidAnswer(f"question {group.question} needs both a title and a body")
    return edit.Words(part("title"), part("body"), part("hours"), labels)


def _check_parts(group: _Group, question: Question) -> None:
    """Every part a translation names must be one the original has."""
    original = question.original
    for name, entry in group.parts.items():
        known = name in ("title", "body") or (name == "hours" and bool(original.hours))
        if name.startswith("link:"):
            index = int(name.split(":")[1])
            known = index < len(original.link_labels) and bool(original.link_labels[index])
        if not known:
            raise InvalidAnswer(
                f"unknown msgctxt {entry.context!r}: the original has no such part", line=entry.line
            )


def _is_current(group: _Group, question: Question) -> bool:
    original = question.original
    expected = {"title": original.title, "body": original.body, "hours": original.hours}
    expected |= {f"link:{i}": label for i, label in enumerate(original.link_labels)}
    return all(
        not entry.fuzzy and entry.msgid.strip() == expected.get(name, "")
        for name, entry in group.parts.items()
    )


def _question_data(question_id: str, data: dict[str, str], draft: Draft) -> edit.QuestionData:
    existing = draft.question(question_id)
    if "topic" not in data:
        raise InvalidAnswer(f"question {question_id} needs a '#. topic=' line on its title entry")
    links = []
    for i in range(MAX_LINKS + 1):  # one more, so that too many links is refused, not cut off
        url = data.get(f"link.{i}")
        if url is None:
            break
        links.append(url)
    unknown = (
        set(data)
        - {"topic", "order", "route_topic", "phone"}
        - {f"link.{i}" for i in range(len(links))}
    )
    if unknown:
        raise InvalidAnswer(f"question {question_id}: unknown data {', '.join(sorted(unknown))}")
    default_order = existing.order if existing is not None else len(draft.questions)
    return edit.QuestionData(
        question_id,
        data["topic"],
        _int(data["order"], "order") if "order" in data else default_order,
        data.get("route_topic") or None,
        tuple(links),
        data.get("phone") or None,
    )


def _int(text: str, what: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise InvalidAnswer(f"{what} {text!r} is not a whole number") from None
