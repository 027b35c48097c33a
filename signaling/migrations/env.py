"""Alembic's entry point, run by :mod:`signaling.store_migrations` with a connection it opened.

The caller has begun the transaction and holds the migration lock, so this only hands Alembic the
connection: Alembic sees an external transaction and neither begins nor commits one (the caller
commits, so an upgrade that fails halfway leaves the database as it was where the database
allows: PostgreSQL always, SQLite inside its ``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
# render_as_batch: SQLite alters a table by copying it; autogenerate then writes batch operations
# that work on both databases.
context.configure(
    connection=connection,
    target_metadata=context.config.attributes.get("metadata"),
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
