"""The resident's intents on the common questions (docs/answers.md), part of
:class:`kiosk.flow.KioskFlow`; the pages themselves are kiosk/answers/browse.py.

Pure, like the flow: no Qt, no asyncio, no clock. The rules are in kiosk/flow.py's docstring. This
part needs from the flow only what :class:`AnswersIntents` declares (its state, going to a
screen, forgetting the resident, entering the line).
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace

from kiosk import languages
from kiosk.answers import browse as pages
from kiosk.answers.browse import Browse, Feedback, Page
from kiosk.state import Alert, AnswersLoaded, Effect, KioskState, Screen, Send
from signaling import messages as m
from signaling.errors import IllegalTransition

_ANSWERS_FROM = frozenset({Screen.WELCOME, Screen.LANGUAGE, Screen.CONFIRM, Screen.WAITING})
MAX_UNSENT_EVENTS = 200


class AnswersIntents:
    """The common questions' intents; :class:`kiosk.flow.KioskFlow` provides the rest."""

    state: KioskState
    _default_ui: str
    _unsent: deque[m.AnswerEvent]

    def touch(self, now: float) -> list[Effect]:
        raise NotImplementedError

    def _go(self, now: float, state: KioskState) -> None:
        raise NotImplementedError

    def _reset(self, now: float) -> list[Effect]:
        raise NotImplementedError

    def _enter_line(self, now: float) -> list[Effect]:
        raise NotImplementedError

    def _system_alerts(self) -> tuple[Alert, ...]:
        raise NotImplementedError

    def open_answers(self, now: float) -> list[Effect]:
        """Common questions, in the chosen language if there is one (else asked first)."""
        s = self.state
        if s.screen not in _ANSWERS_FROM:
            raise IllegalTransition("kiosk", s.screen, "open_answers")
        self._go(
            now,
            replace(
                s,
                screen=Screen.ANSWERS,
                answers_from=s.screen,
                browse=pages.begin(s.language),
                alerts=s.alerts if s.in_line else self._system_alerts(),
            ),
        )
        return []

    def answers_language(self, code: str, now: float) -> list[Effect]:
        browse = self._browse(Page.LANGUAGE, "answers_language")
        ui = languages.ui_language_for(code)
        self._browse_to(now, pages.choose_language(browse, code), ui_language=ui)
        return []

    def answers_topic(self, topic: str, now: float) -> list[Effect]:
        browse = self._browse(Page.TOPICS, "answers_topic")
        if self.state.answers is None or self.state.answers.topic(topic) is None:
            return []
        self._browse_to(now, pages.open_topic(browse, topic))
        return []

    def answers_query(self, query: str, now: float) -> list[Effect]:
        """The search field's text as typed; it stays on the kiosk."""
        browse = self._browse(Page.TOPICS, "answers_query")
        self._browse_to(now, pages.type_query(browse, self.state.answers, query))
        return []

    def answers_search_done(self, now: float) -> list[Effect]:
        """The resident finished a search (Enter): count it if it found nothing."""
        browse = self._browse(Page.TOPICS, "answers_search_done")
        self.touch(now)
        if browse.query.strip() and not browse.results:
            return self._answer_event("no_result", None)
        return []

    def answers_question(self, question: str, now: float) -> list[Effect]:
        browse = self._browse(None, "answers_question")
        if browse.page not in (Page.TOPICS, Page.QUESTIONS):
            raise IllegalTransition("kiosk", self.state.screen, "answers_question")
        if self.state.answers is None or self.state.answers.question(question) is None:
            return []
        self._browse_to(now, pages.open_question(browse, question))
        return self._answer_event("viewed", question)

    def answers_read_aloud(self, now: float) -> list[Effect]:
        """Read the answer aloud, or stop (the speaker follows ``state.reading``)."""
        browse = self._browse(Page.ANSWER, "answers_read_aloud")
        self._browse_to(now, pages.toggle_reading(browse, self.state.answers))
        return []

    def answers_feedback(self, helped: bool, now: float) -> list[Effect]:
        browse = self._browse(Page.ANSWER, "answers_feedback")
        if browse.feedback is not None or browse.question is None:
            return []  # once per question shown
        feedback = Feedback.HELPED if helped else Feedback.NOT_HELPED
        self._browse_to(now, replace(browse, feedback=feedback))
        return self._answer_event(feedback.value, browse.question)

    def answers_to_adviser(self, now: float) -> list[Effect]:
        """Talk to an adviser about the answer shown: into the line with its routing topic, or
        back to the line the resident is already in."""
        browse = self._browse(Page.ANSWER, "answers_to_adviser")
        s = self.state
        if not s.can_ask_adviser or browse.question is None or browse.language is None:
            return []
        effects = self._answer_event("to_adviser", browse.question)
        if s.in_line:
            return effects + self.answers_leave(now)
        question = s.answers.question(browse.question) if s.answers else None
        route = question.route_topic if question else None
        self.state = replace(
            s,
            language=browse.language,
            ui_language=languages.ui_language_for(browse.language),
            fallbacks=s.fallbacks if browse.language == s.language else (),
            topic=route if route in s.topics else None,
        )
        return effects + self._enter_line(now)

    def answers_back(self, now: float) -> list[Effect]:
        browse = self._browse(None, "answers_back")
        previous = pages.back(browse)
        if previous is None:
            return self.answers_leave(now)
        ui = self.state.ui_language if previous.language else self._screen_ui_language()
        self._browse_to(now, previous, ui_language=ui)
        return []

    def answers_leave(self, now: float) -> list[Effect]:
        """Back where the resident came from (the waiting screen keeps its place in line)."""
        self._browse(None, "answers_leave")
        s = self.state
        came_from = s.answers_from or Screen.WELCOME
        if came_from is Screen.WELCOME:
            return self._reset(now)
        if came_from is Screen.LANGUAGE:
            state = replace(s, screen=Screen.LANGUAGE, ui_language=self._default_ui, language=None)
        else:
            state = replace(s, screen=came_from, ui_language=self._screen_ui_language())
        self._go(now, state)
        return []

    def _screen_ui_language(self) -> str:
        """The UI language of the screens outside the answers: the chosen call language's."""
        code = self.state.language
        return languages.ui_language_for(code) if code else self._default_ui

    def _browse(self, page: Page | None, event: str) -> Browse:
        browse = self.state.browse
        if self.state.screen is not Screen.ANSWERS or browse is None:
            raise IllegalTransition("kiosk", self.state.screen, event)
        if page is not None and browse.page is not page:
            raise IllegalTransition("kiosk", f"{self.state.screen}/{browse.page}", event)
        return browse

    def _browse_to(self, now: float, browse: Browse, **changes: object) -> None:
        self.touch(now)
        self.state = replace(self.state, browse=browse, **changes)  # type: ignore[arg-type]

    def _answers_loaded(self, event: AnswersLoaded) -> list[Effect]:
        browse = self.state.browse
        if browse is not None:
            browse = pages.refresh(browse, event.bundle)
        self.state = replace(self.state, answers=event.bundle, browse=browse)
        return []

    def _answer_event(self, kind: m.AnswerEventKind, question: str | None) -> list[Effect]:
        browse = self.state.browse
        assert browse is not None and browse.language is not None
        event = m.AnswerEvent(language=browse.language, event=kind, question=question)
        if self.state.online:
            return [Send(event)]
        self._unsent.append(event)  # the oldest drop off past MAX_UNSENT_EVENTS
        return []
