"""The common questions in the resident's path (kiosk/flow.py, kiosk/answers/browse.py): pure, no
Qt, a hand-driven clock, a real published bundle."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from kiosk.answers.browse import Browse, Feedback, Page
from kiosk.answers.bundle import parse_bundle
from kiosk.flow import KioskFlow
from kiosk.flow_answers import MAX_UNSENT_EVENTS
from kiosk.state import (
    AnswersLoaded,
    CloseMedia,
    ForgetPlace,
    OpenMedia,
    ReadingDone,
    Screen,
    Send,
    ServerDown,
    ServerUp,
    StartCall,
)
from signaling import messages as m
from signaling.errors import IllegalTransition
from tests.kiosk.answers.sample import RECORDING_SHA, bundle_bytes
from tests.kiosk.test_flow import queued, started, welcome

BUNDLE = parse_bundle(bundle_bytes(1))


def flow_online() -> KioskFlow:
    flow = KioskFlow(now=0.0)
    flow.feed(ServerUp(welcome()), 0.0)
    flow.feed(AnswersLoaded(BUNDLE), 0.0)
    return flow


def browse(flow: KioskFlow) -> Browse:
    assert flow.state.browse is not None
    return flow.state.browse


def sent(effects: Sequence[object]) -> list[m.Message]:
    return [e.message for e in effects if isinstance(e, Send)]


def events(effects: Sequence[object]) -> list[tuple[str, str | None, str]]:
    return [
        (x.event, x.question, x.language) for x in sent(effects) if isinstance(x, m.AnswerEvent)
    ]


def in_line(flow: KioskFlow) -> None:
    flow.start(1.0)
    flow.choose_language("ar", 2.0)
    flow.request_call(3.0)
    flow.feed(queued(3), 4.0)


def test_from_the_welcome_screen_the_language_is_asked_first() -> None:
    flow = flow_online()
    flow.open_answers(1.0)
    s = flow.state
    assert s.screen is Screen.ANSWERS and s.browse is not None and s.browse.page is Page.LANGUAGE
    flow.answers_language("ar", 2.0)
    assert browse(flow).page is Page.TOPICS
    assert flow.state.ui_language == "ar" and flow.state.language is None  # reading, not calling
    flow.answers_back(3.0)
    assert browse(flow).page is Page.LANGUAGE
    assert flow.answers_back(4.0) == [ForgetPlace()]  # out: the welcome screen, all forgotten
    assert flow.state.screen is Screen.WELCOME and flow.state.answers == BUNDLE


def test_after_choosing_a_language_the_topics_come_at_once_in_it() -> None:
    flow = flow_online()
    flow.start(1.0)
    flow.choose_language("ti", 2.0)
    flow.open_answers(3.0)
    assert flow.state.browse is not None
    assert (browse(flow).page, browse(flow).language) == (Page.TOPICS, "ti")
    flow.answers_back(4.0)
    assert (flow.state.screen, flow.state.language) == (Screen.CONFIRM, "ti")


def test_topic_question_answer_and_back_with_a_viewed_event() -> None:
    flow = flow_online()
    flow.start(1.0)
    flow.choose_language("ar", 2.0)
    flow.open_answers(3.0)
    flow.answers_topic("housing", 4.0)
    assert browse(flow).page is Page.QUESTIONS
    effects = flow.answers_question("housing-allowance", 5.0)
    assert events(effects) == [("viewed", "housing-allowance", "ar")]
    assert browse(flow).page is Page.ANSWER
    flow.answers_back(6.0)
    assert browse(flow).page is Page.QUESTIONS
    flow.answers_back(7.0)
    assert browse(flow).page is Page.TOPICS


def test_unknown_topics_and_questions_change_nothing() -> None:
    flow = flow_online()
    flow.open_answers(1.0)
    flow.answers_language("so", 1.0)
    before = flow.state
    assert flow.answers_topic("nowhere", 2.0) == []
    assert flow.answers_question("nothing", 2.0) == []
    assert flow.state.browse == before.browse
    with pytest.raises(IllegalTransition):
        flow.answers_feedback(True, 2.0)  # no answer shown


def test_search_results_follow_typing_and_only_a_fruitless_search_is_counted() -> None:
    flow = flow_online()
    flow.open_answers(1.0)
    flow.answers_language("ar", 1.0)
    assert flow.answers_query("سكن", 2.0) == []  # typing sends nothing
    assert browse(flow).results[:2] == ("housing-queue", "housing-allowance")
    assert flow.answers_search_done(3.0) == []  # it found something
    flow.answers_query("12345 Anna Andersson", 4.0)
    effects = flow.answers_search_done(5.0)
    assert events(effects) == [("no_result", None, "ar")]
    assert "Anna" not in repr(sent(effects))  # the words never leave the kiosk
    flow.answers_back(6.0)  # Back first clears the search
    assert browse(flow).query == "" and browse(flow).page is Page.TOPICS


def test_feedback_once_per_answer_and_talk_to_an_adviser_joins_with_the_route_topic() -> None:
    flow = flow_online()
    flow.open_answers(1.0)
    flow.answers_language("ar", 1.0)
    flow.answers_topic("housing", 2.0)
    flow.answers_question("housing-queue", 3.0)
    assert events(flow.answers_feedback(False, 4.0)) == [("not_helped", "housing-queue", "ar")]
    assert flow.answers_feedback(True, 4.5) == []
    assert browse(flow).feedback is Feedback.NOT_HELPED
    effects = flow.answers_to_adviser(5.0)
    assert events(effects) == [("to_adviser", "housing-queue", "ar")]
    assert OpenMedia() in effects
    joins = [x for x in sent(effects) if isinstance(x, m.Join)]
    assert joins == [m.Join(language="ar", topic="housing", fallback_languages=[])]
    assert flow.state.screen is Screen.WAITING and flow.state.media_live


def test_talk_to_an_adviser_is_not_offered_when_nobody_can_take_the_language() -> None:
    flow = flow_online()
    flow.open_answers(1.0)
    flow.answers_language("so", 1.0)  # closed now (welcome(): so is closed)
    flow.answers_topic("money", 2.0)
    flow.answers_question("bankid", 3.0)
    assert not flow.state.can_ask_adviser
    assert flow.answers_to_adviser(4.0) == []
    assert flow.state.screen is Screen.ANSWERS


def test_from_the_line_the_place_keeps_updating_and_the_call_still_comes() -> None:
    flow = flow_online()
    in_line(flow)
    flow.open_answers(5.0)
    assert flow.state.in_line and browse(flow).language == "ar"
    flow.answers_topic("housing", 6.0)
    flow.feed(queued(1), 7.0)
    assert flow.state.position == 1  # still shown in the strip
    flow.answers_question("housing-queue", 8.0)
    flow.answers_read_aloud(9.0)
    assert flow.state.reading == RECORDING_SHA
    effects = flow.feed(started(), 10.0)
    assert any(isinstance(e, StartCall) for e in effects)
    assert flow.state.screen is Screen.CALL and flow.state.browse is None
    assert flow.state.reading is None  # the speaker stops with the answer screen


def test_talk_to_an_adviser_from_the_line_returns_to_it_without_a_second_join() -> None:
    flow = flow_online()
    in_line(flow)
    flow.open_answers(5.0)
    flow.answers_topic("housing", 6.0)
    flow.answers_question("housing-queue", 7.0)
    effects = flow.answers_to_adviser(8.0)
    assert [type(x).__name__ for x in sent(effects)] == ["AnswerEvent"]
    assert flow.state.screen is Screen.WAITING and flow.state.position == 3


def test_leaving_the_line_while_reading_cancels_it_on_idle() -> None:
    flow = KioskFlow(now=0.0, waiting_idle_timeout_s=300.0, idle_timeout_s=90.0)
    flow.feed(ServerUp(welcome()), 0.0)
    flow.feed(AnswersLoaded(BUNDLE), 0.0)
    in_line(flow)
    flow.open_answers(5.0)
    assert flow.next_deadline() == pytest.approx(5.0 + 300.0 - 30.0)  # the waiting timeout
    effects = flow.tick(5.0 + 300.0)
    assert Send(m.Cancel()) in effects and CloseMedia() in effects
    assert flow.state.screen is Screen.WELCOME and flow.state.browse is None


def test_idle_on_the_answers_forgets_everything_but_the_bundle() -> None:
    flow = flow_online()
    flow.open_answers(1.0)
    flow.answers_language("ar", 1.0)
    flow.answers_query("سكن", 2.0)
    assert flow.next_deadline() == pytest.approx(2.0 + 90.0 - 30.0)
    flow.tick(2.0 + 90.0)
    s = flow.state
    assert (s.screen, s.browse, s.ui_language, s.answers) == (Screen.WELCOME, None, "sv", BUNDLE)


def test_read_aloud_only_with_a_recording_in_the_shown_language() -> None:
    flow = flow_online()
    flow.open_answers(1.0)
    flow.answers_language("ti", 1.0)
    flow.answers_topic("housing", 2.0)
    flow.answers_question("housing-queue", 3.0)
    flow.answers_read_aloud(4.0)
    assert flow.state.reading is None  # no Tigrinya recording
    flow.answers_back(5.0)
    flow.answers_back(5.0)
    flow.answers_back(5.0)
    flow.answers_language("ar", 6.0)
    flow.answers_topic("housing", 6.0)
    flow.answers_question("housing-queue", 7.0)
    flow.answers_read_aloud(8.0)
    assert flow.state.reading == RECORDING_SHA
    flow.feed(ReadingDone(RECORDING_SHA), 9.0)
    assert flow.state.reading is None
    flow.answers_read_aloud(10.0)
    flow.answers_back(11.0)
    assert flow.state.reading is None


def test_offline_events_wait_bounded_and_go_out_on_reconnect() -> None:
    flow = flow_online()
    flow.feed(ServerDown(retry_in_s=5.0), 1.0)
    flow.open_answers(1.0)
    flow.answers_language("ar", 1.0)
    flow.answers_topic("housing", 2.0)
    assert flow.answers_question("housing-queue", 3.0) == []
    for i in range(MAX_UNSENT_EVENTS + 5):
        flow.answers_back(4.0)
        flow.answers_question("housing-allowance", 4.0 + i / 1000)
    effects = flow.feed(ServerUp(welcome()), 10.0)
    got = events(effects)
    assert len(got) == MAX_UNSENT_EVENTS  # the oldest dropped, the bound held
    assert set(got) == {("viewed", "housing-allowance", "ar")}
    assert events(flow.feed(ServerUp(welcome()), 11.0)) == []  # sent once


def test_a_new_version_keeps_the_resident_where_they_are_unless_it_is_gone() -> None:
    flow = flow_online()
    flow.open_answers(1.0)
    flow.answers_language("ar", 1.0)
    flow.answers_topic("housing", 2.0)
    flow.answers_question("housing-queue", 3.0)
    flow.feed(AnswersLoaded(parse_bundle(bundle_bytes(2, housing_title_sv="Ny"))), 4.0)
    assert (
        browse(flow).question == "housing-queue"
        and flow.state.answers is not None
        and flow.state.answers.version == 2
    )
    data = bundle_bytes(3).replace(b'"housing-queue"', b'"housing-queue-2"')
    flow.feed(AnswersLoaded(parse_bundle(data)), 5.0)
    assert browse(flow).page is Page.TOPICS and browse(flow).question is None


def test_an_error_about_an_answer_event_never_touches_the_line() -> None:
    flow = flow_online()
    flow.start(1.0)
    flow.choose_language("ar", 2.0)
    flow.request_call(3.0)  # joining: no position yet
    error = m.Error(code="not_found", message="unknown question", ref_type="answer_event")
    assert flow.feed(error, 4.0) == []
    assert flow.state.screen is Screen.WAITING


def test_nobody_answers_offers_the_questions_first() -> None:
    flow = flow_online()
    assert not flow.state.nobody_answers
    flow.start(1.0)
    flow.choose_language("ti", 2.0)  # open, nobody signed in (no estimate)
    assert flow.state.nobody_answers
    flow.feed(ServerDown(retry_in_s=5.0), 3.0)
    assert flow.state.nobody_answers


def test_the_questions_cannot_be_opened_from_a_call() -> None:
    flow = flow_online()
    in_line(flow)
    flow.feed(started(), 5.0)
    with pytest.raises(IllegalTransition):
        flow.open_answers(6.0)
