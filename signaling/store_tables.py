"""The SQLite schema behind :mod:`signaling.store`, as SQLAlchemy 2 ORM tables.

Private to the store: nothing else imports these classes, and no ORM object leaves the store (it
returns frozen dataclasses). What is *not* here matters as much as what is: no resident's name,
no call media (the only recordings are staff's readings of the common questions), no free text
from kiosks. Call rows hold codes, times, figures and an adviser id.

Times are UNIX seconds as floats (the server's clock), so the pure core and the store agree without
time-zone conversions; the CLI renders them in local time.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class KioskRow(Base):
    __tablename__ = "kiosks"

    id: Mapped[str] = mapped_column(String(35), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    site: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[float] = mapped_column(Float)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    last_seen: Mapped[float | None] = mapped_column(Float, nullable=True)
    app_version: Mapped[str | None] = mapped_column(String(35), nullable=True)


class AdviserRow(Base):
    __tablename__ = "advisers"

    id: Mapped[str] = mapped_column(String(35), primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    languages: Mapped[dict[str, str]] = mapped_column(JSON)
    topics: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[float] = mapped_column(Float)


class SessionRow(Base):
    __tablename__ = "sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    adviser_id: Mapped[str] = mapped_column(ForeignKey("advisers.id", ondelete="CASCADE"))
    created_at: Mapped[float] = mapped_column(Float)
    expires_at: Mapped[float] = mapped_column(Float)
    admin: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class CallRow(Base):
    __tablename__ = "calls"

    id: Mapped[str] = mapped_column(String(35), primary_key=True)
    kiosk_id: Mapped[str] = mapped_column(String(35), index=True)
    site: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(35))
    topic: Mapped[str | None] = mapped_column(String(35), nullable=True)
    joined_at: Mapped[float] = mapped_column(Float, index=True)
    answered_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    adviser_id: Mapped[str | None] = mapped_column(String(35), nullable=True)
    ended_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(35), nullable=True)
    wrap_up_category: Mapped[str | None] = mapped_column(String(35), nullable=True)
    wrap_up_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)


class QualityRow(Base):
    __tablename__ = "call_quality"
    __table_args__ = (Index("ix_call_quality_call_side_at", "call_id", "side", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"))
    side: Mapped[str] = mapped_column(String(10))
    at: Mapped[float] = mapped_column(Float)
    figures: Mapped[dict[str, Any]] = mapped_column(JSON)


class WaitingRow(Base):
    __tablename__ = "waiting"

    caller_id: Mapped[str] = mapped_column(String(35), primary_key=True)
    kiosk_id: Mapped[str] = mapped_column(String(35))
    language: Mapped[str] = mapped_column(String(35))
    topic: Mapped[str | None] = mapped_column(String(35), nullable=True)
    fallbacks: Mapped[list[str]] = mapped_column(JSON)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    joined_at: Mapped[float] = mapped_column(Float)
    resume_token_hash: Mapped[str] = mapped_column(String(64))


class HealthRow(Base):
    __tablename__ = "health"
    __table_args__ = (Index("ix_health_kiosk_at", "kiosk_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kiosk_id: Mapped[str] = mapped_column(String(35))
    at: Mapped[float] = mapped_column(Float, index=True)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)


class AuditRow(Base):
    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(100))
    target: Mapped[str] = mapped_column(String(200))
    at: Mapped[float] = mapped_column(Float, index=True)
    detail: Mapped[str] = mapped_column(Text, default="")


class AnswerEventCountRow(Base):
    """How often residents did something with a common question (signaling.store_answer_stats).

    Counts only, per local day, site, language, question and event: no time of day, no kiosk, no
    visit, no search words (docs/answers.md). ``question`` is "" for ``no_result``, which has none
    (a primary key column cannot hold NULL in a way SQLite compares).
    """

    __tablename__ = "answer_event_counts"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # YYYY-MM-DD
    site: Mapped[str] = mapped_column(String(200), primary_key=True)
    language: Mapped[str] = mapped_column(String(35), primary_key=True)
    question: Mapped[str] = mapped_column(String(35), primary_key=True)
    event: Mapped[str] = mapped_column(String(12), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


# -- common questions (signaling.store_answers; docs/answers.md) -----------------------------------
# The draft (topics, questions, texts, audio) changes; published versions never do. Staff names
# appear only as reviewers and publishers; nothing here is about a resident.


class AnswerTopicRow(Base):
    __tablename__ = "answer_topics"

    id: Mapped[str] = mapped_column(String(35), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    titles: Mapped[dict[str, str]] = mapped_column(JSON)  # language -> title


class AnswerQuestionRow(Base):
    __tablename__ = "answer_questions"

    id: Mapped[str] = mapped_column(String(35), primary_key=True)
    topic: Mapped[str] = mapped_column(String(35))
    position: Mapped[int] = mapped_column(Integer)
    route_topic: Mapped[str | None] = mapped_column(String(35), nullable=True)
    links: Mapped[list[str]] = mapped_column(JSON)
    phone: Mapped[str | None] = mapped_column(String(35), nullable=True)
    revision: Mapped[int] = mapped_column(Integer)  # the Swedish original's


class AnswerTextRow(Base):
    __tablename__ = "answer_texts"

    question_id: Mapped[str] = mapped_column(
        ForeignKey("answer_questions.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(35), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    hours: Mapped[str] = mapped_column(Text, default="")
    link_labels: Mapped[list[str]] = mapped_column(JSON)
    revision: Mapped[int] = mapped_column(Integer)  # the original's it was made from
    reviewed_by: Mapped[str] = mapped_column(String(100), default="")
    reviewed_at: Mapped[float | None] = mapped_column(Float, nullable=True)


class AnswerRecordingRow(Base):
    """A recording's bytes, by digest: kept while the draft or any published version names it."""

    __tablename__ = "answer_recordings"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    mime: Mapped[str] = mapped_column(String(35))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    published: Mapped[bool] = mapped_column(Boolean, default=False)


class AnswerAudioRow(Base):
    """Which recording the draft plays for a question in a language."""

    __tablename__ = "answer_audio"

    question_id: Mapped[str] = mapped_column(
        ForeignKey("answer_questions.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(35), primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("answer_recordings.sha256"))


class AnswerVersionRow(Base):
    """A published version: written once, never updated (docs/answers.md)."""

    __tablename__ = "answer_versions"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    published_at: Mapped[float] = mapped_column(Float)
    published_by: Mapped[str] = mapped_column(String(100))
    bundle: Mapped[bytes] = mapped_column(LargeBinary)


class AccountRoleRow(Base):
    """Roles beyond adviser and admin: "editor" (common questions); later issues add more."""

    __tablename__ = "account_roles"

    adviser_id: Mapped[str] = mapped_column(
        ForeignKey("advisers.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(35), primary_key=True)


class CallInterpretationRow(Base):
    """An interpreter asked for in a call (docs/protocol.md §Interpreter): the language, when it
    was asked for, joined and left, and how it ended. Never who interpreted: interpreter minutes
    per language, nobody's name (docs/privacy.md)."""

    __tablename__ = "call_interpretations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(35))
    asked_at: Mapped[float] = mapped_column(Float)
    joined_at: Mapped[float | None] = mapped_column(Float, nullable=True)  # None: nobody joined
    left_at: Mapped[float] = mapped_column(Float)
    outcome: Mapped[str] = mapped_column(String(35))


# -- reports (signaling.store_reports; docs/reports.md) -----------------------------------------
# Figures for reports only: codes, counts and times, never a person.


class CallTransferRow(Base):
    """A transfer made during a call: to another language's queue or to a named colleague (the
    colleague is not kept: reports never go per person)."""

    __tablename__ = "call_transfers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    at: Mapped[float] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(String(10))  # "language" or "adviser"


class CallQualityTallyRow(Base):
    """How many quality samples a call had, and how many were poor (signaling.reports.quality):
    kept as samples arrive, so a report never reads the samples themselves."""

    __tablename__ = "call_quality_tally"

    call_id: Mapped[str] = mapped_column(
        ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True
    )
    samples: Mapped[int] = mapped_column(Integer, default=0)
    poor_samples: Mapped[int] = mapped_column(Integer, default=0)


class ReportDayRow(Base):
    """A settled local day's call facts packed for reports (signaling.reports.facts), per time
    zone and layout; ``calls`` is how many call records the day had when it was packed."""

    __tablename__ = "report_days"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # YYYY-MM-DD
    timezone: Mapped[str] = mapped_column(String(64), primary_key=True)
    layout: Mapped[int] = mapped_column(Integer)
    calls: Mapped[int] = mapped_column(Integer)
    built_at: Mapped[float] = mapped_column(Float)
    block: Mapped[bytes] = mapped_column(LargeBinary)
