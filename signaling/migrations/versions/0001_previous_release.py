"""The schema as the release before migrations made it (Base.metadata.create_all at 1084b98,
the last release before migrations; it had no interpreters).

A database that release made has these tables and no ``alembic_version``: the store stamps it at
this revision instead of running it (:func:`signaling.store_migrations.upgrade`). A new database
runs it. Written out in full, never derived from the models: later revisions change the models,
this must stay what that release created.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

# One live booking per slot (docs/booking.md): a partial unique index on both databases.
LIVE = sa.text("state IN ('booked', 'checked_in')")


def upgrade() -> None:
    op.create_table(
        "advisers",
        sa.Column("id", sa.String(length=35), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=True),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    op.create_table(
        "answer_event_counts",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("question", sa.String(length=35), nullable=False),
        sa.Column("event", sa.String(length=12), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "site", "language", "question", "event"),
    )
    op.create_table(
        "answer_questions",
        sa.Column("id", sa.String(length=35), nullable=False),
        sa.Column("topic", sa.String(length=35), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("route_topic", sa.String(length=35), nullable=True),
        sa.Column("links", sa.JSON(), nullable=False),
        sa.Column("phone", sa.String(length=35), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "answer_recordings",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("mime", sa.String(length=35), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "answer_topics",
        sa.Column("id", sa.String(length=35), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("titles", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "answer_versions",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("published_at", sa.Float(), nullable=False),
        sa.Column("published_by", sa.String(length=100), nullable=False),
        sa.Column("bundle", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("version"),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=100), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_audit_at"), "audit", ["at"], unique=False)
    op.create_table(
        "booking_secret",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("secret", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "booking_slots",
        sa.Column("id", sa.String(length=35), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("topic", sa.String(length=35), nullable=True),
        sa.Column("adviser_id", sa.String(length=35), nullable=True),
        sa.Column("starts_at", sa.Float(), nullable=False),
        sa.Column("duration_s", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_booking_slots_adviser_start", "booking_slots", ["adviser_id", "starts_at"], unique=False
    )
    op.create_index(
        op.f("ix_booking_slots_starts_at"), "booking_slots", ["starts_at"], unique=False
    )
    op.create_table(
        "booking_tickets",
        sa.Column("id", sa.String(length=35), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("topic", sa.String(length=35), nullable=True),
        sa.Column("fallbacks", sa.JSON(), nullable=False),
        sa.Column("joined_at", sa.Float(), nullable=False),
        sa.Column("valid_until", sa.Float(), nullable=False),
        sa.Column("kiosk_id", sa.String(length=35), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("used_at", sa.Float(), nullable=True),
        sa.Column("used_kiosk", sa.String(length=35), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code_hash"),
    )
    op.create_index(
        op.f("ix_booking_tickets_valid_until"), "booking_tickets", ["valid_until"], unique=False
    )
    op.create_table(
        "calls",
        sa.Column("id", sa.String(length=35), nullable=False),
        sa.Column("kiosk_id", sa.String(length=35), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("topic", sa.String(length=35), nullable=True),
        sa.Column("joined_at", sa.Float(), nullable=False),
        sa.Column("answered_at", sa.Float(), nullable=True),
        sa.Column("adviser_id", sa.String(length=35), nullable=True),
        sa.Column("ended_at", sa.Float(), nullable=True),
        sa.Column("outcome", sa.String(length=35), nullable=True),
        sa.Column("wrap_up_category", sa.String(length=35), nullable=True),
        sa.Column("wrap_up_note", sa.Text(), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_calls_joined_at"), "calls", ["joined_at"], unique=False)
    op.create_index(op.f("ix_calls_kiosk_id"), "calls", ["kiosk_id"], unique=False)
    op.create_table(
        "health",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kiosk_id", sa.String(length=35), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_health_at"), "health", ["at"], unique=False)
    op.create_index("ix_health_kiosk_at", "health", ["kiosk_id", "at"], unique=False)
    op.create_table(
        "kiosks",
        sa.Column("id", sa.String(length=35), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("last_seen", sa.Float(), nullable=True),
        sa.Column("app_version", sa.String(length=35), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_table(
        "report_days",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("layout", sa.Integer(), nullable=False),
        sa.Column("calls", sa.Integer(), nullable=False),
        sa.Column("built_at", sa.Float(), nullable=False),
        sa.Column("block", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("day", "timezone"),
    )
    op.create_table(
        "waiting",
        sa.Column("caller_id", sa.String(length=35), nullable=False),
        sa.Column("kiosk_id", sa.String(length=35), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("topic", sa.String(length=35), nullable=True),
        sa.Column("fallbacks", sa.JSON(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("joined_at", sa.Float(), nullable=False),
        sa.Column("resume_token_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("caller_id"),
    )
    op.create_table(
        "account_roles",
        sa.Column("adviser_id", sa.String(length=35), nullable=False),
        sa.Column("role", sa.String(length=35), nullable=False),
        sa.ForeignKeyConstraint(["adviser_id"], ["advisers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("adviser_id", "role"),
    )
    op.create_table(
        "answer_audio",
        sa.Column("question_id", sa.String(length=35), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["question_id"], ["answer_questions.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["answer_recordings.sha256"],
        ),
        sa.PrimaryKeyConstraint("question_id", "language"),
    )
    op.create_table(
        "answer_texts",
        sa.Column("question_id", sa.String(length=35), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("hours", sa.Text(), nullable=False),
        sa.Column("link_labels", sa.JSON(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("reviewed_by", sa.String(length=100), nullable=False),
        sa.Column("reviewed_at", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["question_id"], ["answer_questions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("question_id", "language"),
    )
    op.create_table(
        "bookings",
        sa.Column("id", sa.String(length=35), nullable=False),
        sa.Column("slot_id", sa.String(length=35), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("kiosk_id", sa.String(length=35), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("checked_in_at", sa.Float(), nullable=True),
        sa.Column("checked_in_kiosk", sa.String(length=35), nullable=True),
        sa.Column("no_show_at", sa.Float(), nullable=True),
        sa.Column("cancelled_at", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["slot_id"],
            ["booking_slots.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code_hash"),
    )
    op.create_index(op.f("ix_bookings_state"), "bookings", ["state"], unique=False)
    op.create_index(
        "ux_bookings_live_slot",
        "bookings",
        ["slot_id"],
        unique=True,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )
    op.create_table(
        "call_quality",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("call_id", sa.String(length=35), nullable=False),
        sa.Column("side", sa.String(length=10), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_call_quality_call_side_at", "call_quality", ["call_id", "side", "at"], unique=False
    )
    op.create_table(
        "call_quality_tally",
        sa.Column("call_id", sa.String(length=35), nullable=False),
        sa.Column("samples", sa.Integer(), nullable=False),
        sa.Column("poor_samples", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("call_id"),
    )
    op.create_table(
        "call_transfers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("call_id", sa.String(length=35), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_call_transfers_call_id"), "call_transfers", ["call_id"], unique=False)
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("adviser_id", sa.String(length=35), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.Column("admin", sa.Boolean(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["adviser_id"], ["advisers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )


def downgrade() -> None:
    op.drop_table("sessions")
    op.drop_table("call_transfers")
    op.drop_table("call_quality_tally")
    op.drop_table("call_quality")
    op.drop_table("bookings")
    op.drop_table("answer_texts")
    op.drop_table("answer_audio")
    op.drop_table("account_roles")
    op.drop_table("waiting")
    op.drop_table("report_days")
    op.drop_table("kiosks")
    op.drop_table("health")
    op.drop_table("calls")
    op.drop_table("booking_tickets")
    op.drop_table("booking_slots")
    op.drop_table("booking_secret")
    op.drop_table("audit")
    op.drop_table("answer_versions")
    op.drop_table("answer_topics")
    op.drop_table("answer_recordings")
    op.drop_table("answer_questions")
    op.drop_table("answer_event_counts")
    op.drop_table("advisers")
