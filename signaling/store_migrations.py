"""The store's schema migrations: Alembic, run from :meth:`signaling.store.Store.open` and from
``kiosklink admin db upgrade|current|history``. No ``alembic.ini``: the scripts are package data
(``signaling/migrations/``).

Three kinds of database reach :func:`upgrade`:

* a new, empty one: every revision runs from nothing;
* one made by the release before migrations (its tables, no ``alembic_version``): stamped at
  :data:`FIRST_REVISION`, which is that release's schema, then upgraded;
* one already under migrations: the revisions it lacks run.

Each upgrade is one transaction that holds a lock first, so two processes starting at once (the
server and the CLI, or two servers on one PostgreSQL) migrate one after the other: SQLite's
``BEGIN IMMEDIATE`` (its write lock, which also makes SQLite's DDL transactional here) and
PostgreSQL's transaction-scoped advisory lock.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, MetaData, create_engine, inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import StaticPool

from signaling.store_records import StoreError

SCRIPTS: Final = "signaling:migrations"
_VERSIONS: Final = Path(__file__).parent / "migrations" / "versions"
FIRST_REVISION: Final = "0001"
# A table the release before migrations always created: its presence without alembic_version
# means "made by that release".
_PREVIOUS_RELEASE_TABLE: Final = "kiosks"
# Any fixed 64-bit number, the same in every process: PostgreSQL advisory locks are named so.
_MIGRATION_LOCK: Final = 0x6B696F736B6C6E6B  # "kiosklnk"


class UnknownRevision(StoreError):
    """The database's schema is newer than this release's migrations."""


@dataclass(frozen=True)
class Revision:
    revision: str
    down_revision: str | None
    doc: str  # the first line of the revision's docstring


def config(metadata: MetaData | None = None) -> Config:
    """Alembic's configuration without a file; ``metadata`` only for comparing (tests, checks)."""
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPTS)
    cfg.attributes["metadata"] = metadata
    return cfg


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (see the module docstring), in one locked transaction."""
    _quiet_alembic()
    if revision == "head" and await current(engine) == head():
        return  # the common case: no lock, so opening an up-to-date database never waits
    async with engine.connect() as conn:
        await conn.run_sync(_upgrade, revision)
        await conn.commit()


async def current(engine: AsyncEngine) -> str | None:
    """The database's revision; None when it has none (new, or made before migrations)."""
    _quiet_alembic()
    async with engine.connect() as conn:
        return await conn.run_sync(_current)


def history() -> list[Revision]:
    """Every revision, oldest first."""
    scripts = ScriptDirectory.from_config(config())
    found = [
        Revision(s.revision, _single(s.down_revision), (s.doc or "").splitlines()[0])
        for s in scripts.walk_revisions()
    ]
    return found[::-1]


def head() -> str:
    """The newest revision: what :func:`upgrade` brings a database to."""
    found = ScriptDirectory.from_config(config()).get_current_head()
    assert found is not None, "signaling/migrations/versions has no revision"
    return found


def new_revision(message: str, metadata: MetaData, *, folder: Path | None = None) -> Path:
    """Write the next revision file (into ``versions/``, or ``folder``): what ``metadata`` has
    that the migrated schema lacks, found on a scratch SQLite database brought to head. For
    developers after a model change (``python -m signaling.store_migrations "what changed"``);
    review what it wrote: SQLite hides some things PostgreSQL needs (a partial index's
    ``postgresql_where``), and a renamed column reads as one dropped and one added."""
    number = f"{int(head()) + 1:04d}"
    into = folder or _VERSIONS
    cfg = config(metadata)
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("version_locations", os.pathsep.join(sorted({str(_VERSIONS), str(into)})))
    scratch = create_engine("sqlite://", poolclass=StaticPool)
    try:
        with scratch.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            command.revision(cfg, message, autogenerate=True, rev_id=number, version_path=into)
    finally:
        scratch.dispose()
    return next(into.glob(f"{number}_*.py"))


def _upgrade(conn: Connection, revision: str) -> None:
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        # SQLite alters a table by copying it and dropping the old one, and with foreign keys on
        # that drop would cascade into every referring row. The pragma only changes outside a
        # transaction; the check below stands in for it before commit.
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
    try:
        _lock(conn)
        cfg = config()
        cfg.attributes["connection"] = conn
        tables = set(inspect(conn).get_table_names())
        if "alembic_version" not in tables and _PREVIOUS_RELEASE_TABLE in tables:
            command.stamp(cfg, FIRST_REVISION)
        _refuse_unknown(conn, cfg)
        command.upgrade(cfg, revision)
        if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
            raise RuntimeError("the migration left rows whose foreign key points nowhere")
    except BaseException:
        conn.rollback()
        raise
    finally:
        if sqlite:
            conn.commit()  # ends the transaction (a no-op after rollback) so the pragma can change
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")


def _refuse_unknown(conn: Connection, cfg: Config) -> None:
    """A revision this release lacks means a newer release migrated the database: say so, rather
    than Alembic's "Can't locate revision"."""
    found = _current(conn)
    if found is None:
        return
    try:
        ScriptDirectory.from_config(cfg).get_revision(found)
    except CommandError:
        raise UnknownRevision(
            f"the database is at schema revision {found!r}, which this release does not know "
            "(a newer release migrated it): install that release, or restore a backup made "
            "before its upgrade"
        ) from None


def _quiet_alembic() -> None:
    """Keep Alembic's "Running upgrade 0001 -> 0002" lines, drop the two it logs on every open
    (its engine's name, and a note on DDL transactions that ours contradicts)."""
    log = logging.getLogger("alembic.runtime.migration")
    if not any(isinstance(f, _OnlyUpgrades) for f in log.filters):
        log.addFilter(_OnlyUpgrades())


class _OnlyUpgrades(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return str(record.msg).startswith("Running")


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
    elif conn.dialect.name == "sqlite":
        # pysqlite leaves DDL outside transactions unless one is begun explicitly; IMMEDIATE
        # takes the write lock now, so a second process waits (busy_timeout) instead of racing.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _current(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def _single(down: str | Sequence[str] | None) -> str | None:
    if down is not None and not isinstance(down, str):  # a merge: name its parents together
        return ",".join(down)
    return down


if __name__ == "__main__":
    import sys

    import signaling.store  # noqa: F401  (imports every table module onto Base)
    from signaling.store_tables import Base

    print(new_revision(" ".join(sys.argv[1:]) or "schema change", Base.metadata))
