"""Insert a row or update the one with its key, on SQLite and PostgreSQL alike.

Both databases say ``INSERT ... ON CONFLICT (key) DO UPDATE``, but SQLAlchemy builds it with each
dialect's own ``insert``; this picks the one of the session's database, so the store's counters
and kept reports are written in one statement on either.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase


async def upsert(
    db: AsyncSession,
    table: type[DeclarativeBase],
    values: Mapping[str, Any],
    *,
    key: Sequence[str],
    update: Mapping[str, Any],
) -> None:
    """Insert ``values``; when a row with the same ``key`` columns exists, set ``update`` on it
    instead (expressions may use the table's columns: ``{"count": Row.count + 1}``)."""
    dialect = db.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(table).values(**values).on_conflict_do_update(index_elements=key, set_=update)
    )
    await db.execute(statement)
