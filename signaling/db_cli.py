"""``kiosklink admin db upgrade|current|history``: the store's schema migrations by hand
(signaling/store_migrations.py). The server migrates by itself when it starts; these are for an
operator who wants to see the revision, or to upgrade before starting a new release.

They work on the engine alone, never through :meth:`signaling.store.Store.open`, which would
upgrade first: ``current`` must tell what the database is at, not what it was brought to.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TextIO

from signaling import store_migrations
from signaling.config import Settings
from signaling.store import is_url, make_engine

_NONE = "none (a new database, or one made before migrations)"
_Command = Callable[[str | Path, TextIO], Coroutine[Any, Any, int]]


def add_db_commands(db: argparse.ArgumentParser) -> None:
    sub = db.add_subparsers(dest="db_command", required=True)
    cmd = sub.add_parser("upgrade", help="bring the schema to the newest revision")
    cmd.set_defaults(db_run=_upgrade)
    cmd = sub.add_parser("current", help="the database's revision and the newest one")
    cmd.set_defaults(db_run=_current)
    cmd = sub.add_parser("history", help="every revision, oldest first")
    cmd.set_defaults(db_run=_history)


def run_db(args: argparse.Namespace, settings: Settings, stdout: TextIO) -> int:
    """Run a parsed ``db`` command against the configured database; returns the exit code."""
    command: _Command = args.db_run
    return asyncio.run(command(settings.database.target, stdout))


async def _upgrade(target: str | Path, stdout: TextIO) -> int:
    engine = make_engine(target)
    try:
        before = await store_migrations.current(engine)
        await store_migrations.upgrade(engine)
        after = await store_migrations.current(engine)
    finally:
        await engine.dispose()
    print(f"{_where(target)}: {before or 'none'} -> {after}", file=stdout)
    return 0


async def _current(target: str | Path, stdout: TextIO) -> int:
    engine = make_engine(target)
    try:
        revision = await store_migrations.current(engine)
    finally:
        await engine.dispose()
    head = store_migrations.head()
    state = "up to date" if revision == head else f"behind {head}: run kiosklink admin db upgrade"
    print(f"{_where(target)}: {revision or _NONE}, {state}", file=stdout)
    return 0


async def _history(_target: str | Path, stdout: TextIO) -> int:
    head = store_migrations.head()
    for found in store_migrations.history():
        mark = " (head)" if found.revision == head else ""
        print(f"{found.revision}{mark}  {found.doc}", file=stdout)
    return 0


def _where(target: str | Path) -> str:
    # A URL may hold a password: name the kind of database only.
    return "PostgreSQL" if is_url(target) else str(target)
