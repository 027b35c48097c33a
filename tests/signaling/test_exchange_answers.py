"""The exchange's rules for the common questions (signaling/exchange/answers.py), without I/O.

Who hears of a publish and when, what each welcome says, and which ``answer_event`` counts as
what: plain lists of actions, the clock an argument.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from signaling import exchange as x
from signaling import messages as m
from signaling.errors import OutOfRole, UnknownQuestion
from signaling.links import ConnId
from tests.conftest import make_settings
from tests.signaling.test_exchange import (
    AMAL,
    AMAL_REC,
    Counter,
    connect_adviser,
    hello,
    kiosk_record,
    posts,
)

K1, K2, K3 = ConnId(11), ConnId(12), ConnId(13)
# 23:30 UTC on 29 November is 00:30 on 30 November in Stockholm (UTC+1 in winter).
LATE = datetime(2026, 11, 29, 23, 30, tzinfo=UTC).timestamp()


def catalogue(
    version: int, *questions: str, languages: tuple[str, ...] = ("sv", "en")
) -> x.AnswerCatalogue:
    return x.AnswerCatalogue(version, frozenset(questions), frozenset(languages))


def make_exchange(tmp_path: Path, languages: tuple[str, ...] = ("sv", "en", "ar")) -> x.Exchange:
    settings = make_settings(tmp_path, service={"languages": list(languages)})
    return x.Exchange(settings, new_ids=Counter())


def welcome_of(ex: x.Exchange, conn: ConnId, kiosk_id: str, now: float = 1.0) -> m.KioskWelcome:
    actions = ex.kiosk_connected(conn, kiosk_record(kiosk_id), hello(), now)
    (welcome,) = posts(actions, conn)
    assert isinstance(welcome, m.KioskWelcome)
    return welcome


def event(event: m.AnswerEventKind, question: str | None, language: str = "ar") -> m.AnswerEvent:
    return m.AnswerEvent(language=language, event=event, question=question)


# --- publishing ----------------------------------------------------------------------------------


def test_the_welcome_carries_the_published_version(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    assert welcome_of(ex, K1, "k1").answers_version == 0
    ex.answers_published(catalogue(3, "housing-queue"), 2.0)
    assert welcome_of(ex, K2, "k2", 3.0).answers_version == 3


def test_a_new_version_is_told_to_every_kiosk_once_in_kiosk_order_and_to_no_adviser(
    tmp_path: Path,
) -> None:
    ex = make_exchange(tmp_path)
    welcome_of(ex, K2, "k2")
    welcome_of(ex, K1, "k1")
    connect_adviser(ex, AMAL, AMAL_REC, 1.0)
    actions = ex.answers_published(catalogue(1, "housing-queue"), 2.0)
    told = [(a.conn, a.message) for a in actions if isinstance(a, x.Post)]
    assert told == [(K1, m.AnswersPublished(version=1)), (K2, m.AnswersPublished(version=1))]
    # The admin web's hook and the periodic look at the store both report version 1.
    assert ex.answers_published(catalogue(1, "housing-queue"), 3.0) == []
    actions = ex.answers_published(catalogue(2, "housing-queue", "bankid"), 4.0)
    assert posts(actions) == [m.AnswersPublished(version=2)] * 2


def test_a_kiosk_that_connects_after_a_publish_learns_it_from_its_welcome_only(
    tmp_path: Path,
) -> None:
    ex = make_exchange(tmp_path)
    ex.answers_published(catalogue(5, "housing-queue"), 1.0)
    actions = ex.kiosk_connected(K3, kiosk_record("k3"), hello(), 2.0)
    assert [type(msg).__name__ for msg in posts(actions, K3)] == ["KioskWelcome"]


def test_nothing_published_any_more_is_not_announced(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    ex.answers_published(catalogue(2, "housing-queue"), 1.0)
    welcome_of(ex, K1, "k1", 2.0)
    assert ex.answers_published(x.NOTHING_PUBLISHED, 3.0) == []
    assert welcome_of(ex, K2, "k2", 4.0).answers_version == 0


# --- answer events -------------------------------------------------------------------------------


def test_an_event_is_counted_per_local_day_site_language_question_and_event(
    tmp_path: Path,
) -> None:
    ex = make_exchange(tmp_path)
    ex.answers_published(catalogue(1, "housing-queue"), 1.0)
    welcome_of(ex, K1, "k1")
    link = ex.kiosks["k1"]
    actions = ex.kiosk_message(link, event("helped", "housing-queue"), LATE)
    counted = [a for a in actions if isinstance(a, x.CountAnswerEvent)]
    site = kiosk_record().site
    assert counted == [x.CountAnswerEvent("2026-11-30", site, "ar", "housing-queue", "helped")]
    assert posts(actions) == []  # nothing answered: counting is silent
    # A search that found nothing names no question, and its words are never in the message.
    actions = ex.kiosk_message(link, event("no_result", None, "sv"), LATE)
    counted = [a for a in actions if isinstance(a, x.CountAnswerEvent)]
    assert counted == [x.CountAnswerEvent("2026-11-30", site, "sv", None, "no_result")]


def test_an_unknown_question_is_refused_and_not_counted(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    welcome_of(ex, K1, "k1")
    link = ex.kiosks["k1"]
    with pytest.raises(UnknownQuestion, match="no common questions are published"):
        ex.kiosk_message(link, event("viewed", "housing-queue"), 2.0)
    with pytest.raises(UnknownQuestion, match="no common questions are published"):
        ex.kiosk_message(link, event("no_result", None), 2.0)
    ex.answers_published(catalogue(4, "housing-queue"), 3.0)
    with pytest.raises(UnknownQuestion, match=r"'bankid' is not in .* \(version 4\)"):
        ex.kiosk_message(link, event("viewed", "bankid"), 4.0)
    after = ex.after_refusal(4.0)
    assert not any(isinstance(a, x.CountAnswerEvent | x.KioskSaid) for a in after)


def test_a_question_of_the_version_before_still_counts_but_not_older(tmp_path: Path) -> None:
    """The kiosk shows the older version until it holds the newer one in full."""
    ex = make_exchange(tmp_path)
    welcome_of(ex, K1, "k1")
    link = ex.kiosks["k1"]
    ex.answers_published(catalogue(1, "moving", "bankid"), 1.0)
    ex.answers_published(catalogue(2, "bankid"), 2.0)
    actions = ex.kiosk_message(link, event("viewed", "moving"), 3.0)
    assert [a.question for a in actions if isinstance(a, x.CountAnswerEvent)] == ["moving"]
    ex.answers_published(catalogue(3, "bankid", "appeal"), 4.0)
    with pytest.raises(UnknownQuestion):
        ex.kiosk_message(link, event("viewed", "moving"), 5.0)


def test_the_language_must_be_offered_or_written_in_the_bundle(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path, languages=("sv", "ar"))
    welcome_of(ex, K1, "k1")
    link = ex.kiosks["k1"]
    ex.answers_published(catalogue(1, "moving", languages=("sv", "en", "so")), 1.0)
    for language in ("ar", "so", "en"):  # offered; written; written
        actions = ex.kiosk_message(link, event("viewed", "moving", language), 2.0)
        assert [a.language for a in actions if isinstance(a, x.CountAnswerEvent)] == [language]
    with pytest.raises(OutOfRole, match="'xx' is neither offered nor written here"):
        ex.kiosk_message(link, event("viewed", "moving", "xx"), 3.0)


# --- the catalogue of a bundle -------------------------------------------------------------------


def test_the_catalogue_of_a_bundle_names_its_questions_and_languages() -> None:
    bundle = {
        "version": 3,
        "published_at": 1.0,
        "topics": [{"id": "housing", "titles": {"sv": "Bostad", "en": "Housing"}}],
        "questions": [
            {"id": "moving", "topic": "housing", "texts": {"sv": {}, "so": {}}},
            {"id": "housing-queue", "topic": "housing", "texts": {"sv": {}, "ar": {}}},
        ],
    }
    found = x.AnswerCatalogue.from_bundle(3, json.dumps(bundle).encode())
    assert found == catalogue(3, "moving", "housing-queue", languages=("sv", "en", "so", "ar"))
    for broken in (b"{", b"[]", b'{"questions": [{"id": "x"}], "topics": []}'):
        with pytest.raises(ValueError, match="version 3 is not a published bundle"):
            x.AnswerCatalogue.from_bundle(3, broken)
