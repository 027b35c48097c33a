"""Interpreters in a call (issue #16, docs/protocol.md §Interpreter): call_interpretations.

The language, when an interpreter was asked for, joined and left, and how it ended; never who
(docs/privacy.md). The interpreter role itself needs no schema: it is a row in account_roles.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "call_interpretations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("call_id", sa.String(length=35), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("asked_at", sa.Float(), nullable=False),
        sa.Column("joined_at", sa.Float(), nullable=True),
        sa.Column("left_at", sa.Float(), nullable=False),
        sa.Column("outcome", sa.String(length=35), nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_call_interpretations_call_id"), "call_interpretations", ["call_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_call_interpretations_call_id"), table_name="call_interpretations")
    op.drop_table("call_interpretations")
