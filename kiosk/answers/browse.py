"""Where a resident is in the common questions, and how each tap moves them (pure).

Pages: LANGUAGE (asked first when no language is chosen yet: the welcome screen's turn language is
whichever happened to show when they tapped, and a resident who cannot read it would be stuck)
→ TOPICS (with the search field; a query shows its results instead of the topics) → QUESTIONS of
one topic → one ANSWER. Back walks that path in reverse and leaves at the page the resident came
in on. :class:`kiosk.flow.KioskFlow` owns the screen around it, the place in line, and what is
sent; nothing here is ever sent, and the query never leaves the kiosk (docs/answers.md §Signaling).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from kiosk.answers.bundle import Bundle
from kiosk.answers.choice import recording, shown_text
from kiosk.answers.search import MAX_QUERY_CHARS, search


class Page(StrEnum):
    LANGUAGE = "language"
    TOPICS = "topics"
    QUESTIONS = "questions"
    ANSWER = "answer"


class Feedback(StrEnum):
    HELPED = "helped"
    NOT_HELPED = "not_helped"


@dataclass(frozen=True)
class Browse:
    page: Page
    language: str | None = None  # the reading language; None only on the LANGUAGE page
    asked_language: bool = False  # chosen on the LANGUAGE page: Back from TOPICS returns there
    topic: str | None = None
    question: str | None = None
    query: str = ""
    results: tuple[str, ...] = ()
    feedback: Feedback | None = None  # for the question shown
    reading: str | None = None  # the sha256 of the recording being read aloud


def begin(language: str | None) -> Browse:
    if language is None:
        return Browse(page=Page.LANGUAGE)
    return Browse(page=Page.TOPICS, language=language)


def choose_language(browse: Browse, code: str) -> Browse:
    return Browse(page=Page.TOPICS, language=code, asked_language=True)


def open_topic(browse: Browse, topic: str) -> Browse:
    return replace(browse, page=Page.QUESTIONS, topic=topic, question=None, reading=None)


def type_query(browse: Browse, bundle: Bundle | None, query: str) -> Browse:
    """The search field's text as it stands; results follow each keystroke."""
    query = query[:MAX_QUERY_CHARS]
    found = search(bundle, browse.language or "en", query) if bundle is not None else ()
    return replace(browse, page=Page.TOPICS, topic=None, query=query, results=found)


def open_question(browse: Browse, question: str) -> Browse:
    return replace(browse, page=Page.ANSWER, question=question, feedback=None, reading=None)


def toggle_reading(browse: Browse, bundle: Bundle | None) -> Browse:
    """Start reading the shown answer aloud, or stop; only a recording in the shown language."""
    if browse.reading is not None:
        return replace(browse, reading=None)
    question = bundle.question(browse.question) if bundle and browse.question else None
    if question is None or browse.language is None:
        return browse
    audio = recording(question, shown_text(question, browse.language))
    return replace(browse, reading=audio.sha256 if audio else None)


def back(browse: Browse) -> Browse | None:
    """One step back; None when the resident leaves the common questions."""
    match browse.page:
        case Page.ANSWER:
            page = Page.QUESTIONS if browse.topic is not None else Page.TOPICS
            return replace(browse, page=page, question=None, feedback=None, reading=None)
        case Page.QUESTIONS:
            return replace(browse, page=Page.TOPICS, topic=None)
        case Page.TOPICS if browse.query:
            return replace(browse, query="", results=())
        case Page.TOPICS if browse.asked_language:
            return Browse(page=Page.LANGUAGE)
    return None


def refresh(browse: Browse, bundle: Bundle) -> Browse:
    """The same place in a newly published version; a topic or question it no longer has sends
    the resident back to the topics (never an empty page)."""
    if browse.language is None:
        return browse
    gone = (browse.topic is not None and bundle.topic(browse.topic) is None) or (
        browse.question is not None and bundle.question(browse.question) is None
    )
    if gone:
        return Browse(
            page=Page.TOPICS, language=browse.language, asked_language=browse.asked_language
        )
    if not browse.query:
        return browse
    return replace(browse, results=search(bundle, browse.language, browse.query))
