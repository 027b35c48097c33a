"""Which text a resident sees, and what the screen must say about it (docs/answers.md §Fallback).

Pure. The order is the resident's language, then English, then Swedish (the original): more
residents read English than Swedish. A text from further down that order carries
:attr:`Note.MISSING`; the resident's own text made from an older Swedish revision carries
:attr:`Note.OUTDATED`. Never a blank: a bundle always holds Swedish or English
(kiosk.answers.bundle).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.answers.bundle import ORIGINAL, Audio, Link, Question, Text, Topic

FALLBACK_ORDER = ("en", ORIGINAL)


class Note(StrEnum):
    NONE = "none"
    MISSING = "missing"  # no translation: the English or Swedish text is shown instead
    OUTDATED = "outdated"  # the Swedish original has changed since this translation


@dataclass(frozen=True)
class Shown:
    """A question's text as shown to a resident reading ``asked``."""

    text: Text
    language: str  # the language of ``text``: ``asked``, else a fallback
    note: Note


def reading_order(language: str) -> tuple[str, ...]:
    """The languages to look in, best first, each once."""
    return tuple(dict.fromkeys((language, *FALLBACK_ORDER)))


def shown_text(question: Question, language: str) -> Shown:
    for code in reading_order(language):
        text = question.texts.get(code)
        if text is None:
            continue
        if code != language:
            return Shown(text, code, Note.MISSING)
        outdated = code != ORIGINAL and not text.current
        return Shown(text, code, Note.OUTDATED if outdated else Note.NONE)
    raise AssertionError(f"question {question.id} has no text (the bundle check lets none in)")


def topic_title(topic: Topic, language: str) -> str:
    """The topic's title in the first language of the reading order that has one, else its id."""
    return next((topic.titles[c] for c in reading_order(language) if c in topic.titles), topic.id)


def link_label(link: Link, language: str) -> str:
    """A link's label in the reading order, else its host name (a label is optional)."""
    return next((link.labels[c] for c in reading_order(language) if c in link.labels), link.host)


def recording(question: Question, shown: Shown) -> Audio | None:
    """The recording to read the shown text aloud: only one in the language of that text."""
    return question.audio.get(shown.language)
