"""What changed between two versions of the common questions (the admin web's history).

Both sides are published bundles as JSON-ready dicts (or the draft built into one), so any two
versions, or a version and the draft, compare the same way. The answer says which topics and
questions were added, removed or changed, and for a changed question which of its languages
(title, body, hours, link labels, recording) and whether its shared data (topic, routing topic,
links, phone) changed. A question that only moved in the list is not a change: one added before it
would otherwise mark every later one. It never holds the words. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Change = Literal["added", "removed", "changed"]
_SHARED = ("topic", "route_topic", "phone")


@dataclass(frozen=True)
class QuestionChange:
    id: str
    change: Change
    languages: tuple[str, ...] = ()  # whose words or recording differ
    data: bool = False  # topic, routing topic, links or phone


@dataclass(frozen=True)
class TopicChange:
    id: str
    change: Change


@dataclass(frozen=True)
class Comparison:
    topics: tuple[TopicChange, ...]
    questions: tuple[QuestionChange, ...]

    def json(self) -> dict[str, Any]:
        return {
            "topics": [{"id": t.id, "change": t.change} for t in self.topics],
            "questions": [
                {"id": q.id, "change": q.change, "languages": list(q.languages), "data": q.data}
                for q in self.questions
            ],
        }


def compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> Comparison:
    """What turns bundle ``old`` into bundle ``new``, sorted by id."""
    return Comparison(
        topics=tuple(
            TopicChange(id, change)
            for id, change in _changes(_by_id(old["topics"]), _by_id(new["topics"]))
        ),
        questions=_question_changes(old["questions"], new["questions"]),
    )


def _question_changes(
    old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]]
) -> tuple[QuestionChange, ...]:
    before, after = _by_id(old), _by_id(new)
    changes = []
    for id, change in _changes(before, after):
        if change != "changed":
            changes.append(QuestionChange(id, change))
            continue
        a, b = before[id], after[id]
        data = [link["url"] for link in a["links"]] != [link["url"] for link in b["links"]]
        data = data or any(a[k] != b[k] for k in _SHARED)
        changes.append(QuestionChange(id, "changed", _languages_changed(a, b), data))
    return tuple(changes)


def _languages_changed(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[str, ...]:
    """Languages whose text (with its link labels) or recording differs; a translation that
    only turned outdated counts as changed too, since residents see a note then."""
    codes = set(a["texts"]) | set(b["texts"]) | set(a["audio"]) | set(b["audio"])
    return tuple(
        code
        for code in sorted(codes)
        if a["texts"].get(code) != b["texts"].get(code)
        or a["audio"].get(code) != b["audio"].get(code)
        or _labels(a, code) != _labels(b, code)
    )


def _labels(question: Mapping[str, Any], code: str) -> list[str | None]:
    labels: list[str | None] = [link["labels"].get(code) for link in question["links"]]
    return labels


def _changes(
    before: Mapping[str, Mapping[str, Any]], after: Mapping[str, Mapping[str, Any]]
) -> list[tuple[str, Change]]:
    found: list[tuple[str, Change]] = []
    for id in sorted(before.keys() | after.keys()):
        if id not in before:
            found.append((id, "added"))
        elif id not in after:
            found.append((id, "removed"))
        elif before[id] != after[id]:
            found.append((id, "changed"))
    return found


def _by_id(items: Sequence[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    return {item["id"]: item for item in items}
