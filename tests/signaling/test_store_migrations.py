"""Schema migrations (signaling/store_migrations.py) on real SQLite files and a real PostgreSQL:
the migrated schema is the models' schema on both (a model changed without a migration fails
here), revision 0001 is the previous release's schema, and a database that release made
(tests/fixtures/previous_release.sqlite3) keeps every row through the upgrade and serves calls.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any, TypeVar

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, Connection, Integer, MetaData, inspect
from sqlalchemy.ext.asyncio import AsyncEngine

from signaling import messages as m
from signaling import store_migrations
from signaling.admin_cli import add_admin_commands, run_admin
from signaling.embedded import EmbeddedServer
from signaling.store import Store, make_engine
from signaling.store_migrations import UnknownRevision
from signaling.store_tables import Base
from tests.conftest import make_settings
from tests.postgres import PostgresServer
from tests.signaling.test_server import call_row
from tests.signaling.test_store import FAST
from tests.signaling.wire import WireClient, adviser, eventually, kiosk

M = TypeVar("M", bound=m.Message)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PREVIOUS = FIXTURES / "previous_release.sqlite3"
RUFF = Path(sys.executable).with_name("ruff")
CREDENTIALS = json.loads((FIXTURES / "previous_release.json").read_text())


@pytest.fixture(params=["sqlite", "postgresql"])
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """A database nothing has touched yet, of each kind."""
    if request.param == "postgresql":
        server: PostgresServer = request.getfixturevalue("postgres")
        return server.new_database()
    return tmp_path / "new.sqlite3"


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """A copy of the database the previous release made (the fixture itself stays as it is)."""
    copy = tmp_path / "kiosklink.sqlite3"
    shutil.copyfile(PREVIOUS, copy)
    return copy


async def on_engine(target: str | Path, work: Any) -> Any:
    engine: AsyncEngine = make_engine(target)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(work)
    finally:
        await engine.dispose()


def changed_models() -> MetaData:
    """The models with one column more, as a developer might change them."""
    changed = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["kiosks"].append_column(Column("floor", Integer, nullable=True))
    return changed


def differences(conn: Connection, metadata: MetaData = Base.metadata) -> list[Any]:
    context = MigrationContext.configure(conn, opts={"compare_type": True})
    return list(compare_metadata(context, metadata))


def rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but Alembic's, read with sqlite3 itself."""
    with sqlite3.connect(path) as db:
        names = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            name: sorted(db.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
            if name != "alembic_version"
        }


def schema(conn: Connection) -> dict[str, dict[str, Any]]:
    """What SQLite says of each table: columns, keys, indexes, unique constraints."""
    found = inspect(conn)
    return {
        table: {
            "columns": [
                (c["name"], str(c["type"]), c["nullable"]) for c in found.get_columns(table)
            ],
            "primary": found.get_pk_constraint(table)["constrained_columns"],
            "foreign": sorted(repr(fk) for fk in found.get_foreign_keys(table)),
            "indexes": sorted(
                (i["name"], i["column_names"], i["unique"], _where(i))
                for i in found.get_indexes(table)
            ),
            "unique": sorted(repr(u) for u in found.get_unique_constraints(table)),
        }
        for table in found.get_table_names()
        if table != "alembic_version"
    }


def _where(index: Any) -> str:
    """A partial index's condition as text (reflection gives a clause object)."""
    return str(index.get("dialect_options", {}).get("sqlite_where", ""))


# -- the schema is the models' schema --------------------------------------------------------------


async def test_a_new_database_is_migrated_to_exactly_the_models(new_database: str | Path) -> None:
    store = await Store.open(new_database, hasher=FAST)
    await store.close()
    assert await on_engine(new_database, differences) == []
    engine = make_engine(new_database)
    try:
        assert await store_migrations.current(engine) == store_migrations.head()
    finally:
        await engine.dispose()


async def test_a_model_change_without_a_migration_is_found(tmp_path: Path) -> None:
    """The comparison above can fail: a column the models gained and no revision made."""
    database = tmp_path / "k.sqlite3"
    await (await Store.open(database, hasher=FAST)).close()
    found = await on_engine(database, lambda conn: differences(conn, changed_models()))
    assert [(d[0], d[2], d[3].name) for d in found] == [("add_column", "kiosks", "floor")]


def test_a_new_revision_is_written_from_a_model_change(tmp_path: Path) -> None:
    """The developers' tool (python -m signaling.store_migrations "..."), into a scratch folder."""
    written = store_migrations.new_revision("kiosk floor", changed_models(), folder=tmp_path)
    assert written.name == f"{int(store_migrations.head()) + 1:04d}_kiosk_floor.py"
    # Formatted as the project formats, it passes the project's lint as it is.
    subprocess.run([RUFF, "format", "-q", str(written)], check=True, timeout=60)
    lint = subprocess.run([RUFF, "check", str(written)], capture_output=True, text=True, timeout=60)
    assert lint.returncode == 0, lint.stdout
    text = written.read_text()
    assert f'down_revision: str | Sequence[str] | None = "{store_migrations.head()}"' in text
    assert 'batch_alter_table("kiosks"' in text and 'sa.Column("floor", sa.Integer()' in text


async def test_revision_0001_is_the_schema_the_previous_release_made(tmp_path: Path) -> None:
    database = tmp_path / "k.sqlite3"
    engine = make_engine(database)
    try:
        await store_migrations.upgrade(engine, store_migrations.FIRST_REVISION)
    finally:
        await engine.dispose()
    assert await on_engine(database, schema) == await on_engine(PREVIOUS, schema)


async def test_two_processes_opening_one_new_database_migrate_it_once(
    new_database: str | Path,
) -> None:
    """The server and the CLI (or two servers) starting together: the migration lock makes one
    wait for the other, which then finds the schema up to date."""
    first, second = await asyncio.gather(
        Store.open(new_database, hasher=FAST), Store.open(new_database, hasher=FAST)
    )
    kiosk_record, token = await first.add_kiosk("Kiosk 1", "Library")
    assert await second.kiosk_by_token(token) == kiosk_record
    await first.close()
    await second.close()
    assert await on_engine(new_database, differences) == []


# -- a database the previous release made ----------------------------------------------------------


async def test_every_row_of_the_previous_release_survives_the_upgrade(previous: Path) -> None:
    before = rows(previous)
    assert all(before.values()), "the fixture has rows in every table"
    store = await Store.open(previous, hasher=FAST)
    await store.close()
    after = rows(previous)
    # Revision 0002 adds the interpreters' table, empty; every earlier row is as it was.
    assert after.pop("call_interpretations") == []
    assert after == before
    with sqlite3.connect(previous) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (store_migrations.head(),)
        ]
    assert await on_engine(previous, differences) == []


async def test_the_previous_release_records_read_back_through_the_store(previous: Path) -> None:
    store = await Store.open(previous, hasher=FAST)
    try:
        kiosk_record = await store.kiosk_by_token(CREDENTIALS["kiosk_token"])
        assert kiosk_record is not None and kiosk_record.app_version == "1.4.2"
        amira = await store.verify_password(CREDENTIALS["adviser"], CREDENTIALS["password"])
        assert amira is not None and amira.languages == {"ar": "native", "sv": "fluent"}
        bo = await store.adviser_by_username("bo")
        assert bo is not None
        assert await store.answers.roles_of(bo.id) == {"editor", "manager"}
        assert await store.interpreting.languages() == set()  # that release had no interpreters
        calls = await store.list_calls()
        assert [c.id for c in calls] == ["c_prev0", "c_prev1", "c_prev2", "c_prev3", "w_prev1"]
        assert calls[0].rating == 5 and calls[0].wrap_up_note == "explained the rent rules"
        assert calls[0].kiosk_quality == m.Quality(rtt_ms=35.0, fps=24.0, width=640)
        # The table revision 0002 added takes records at once.
        await store.interpreting.record(
            "c_prev2", language="ti", asked_at=1.0, joined_at=2.0, left_at=3.0, outcome="completed"
        )
        assert [
            i.language for i in (await store.interpreting.of_calls(["c_prev2"]))["c_prev2"]
        ] == ["ti"]
        assert await store.bookings.booking_by_code("c" * 64) is not None
        assert await store.bookings.ticket_by_code("d" * 64) is not None
        assert [v.version for v in await store.answers.versions()] == [2, 1]
        assert len(await store.answers.audio_index()) == 1
        [waiting] = await store.load_waiting()
        assert waiting.fallbacks == ("sv", "en")
        latest = await store.latest_health(kiosk_record.id)
        assert latest is not None and latest.report.disk_free_bytes == 12_345_678_901
        assert [a.action for a in await store.audit_log()] == ["grant_role", "add_kiosk"]
    finally:
        await store.close()


def test_the_server_works_on_an_upgraded_database(previous: Path) -> None:
    """Sign in with the previous release's kiosk token and adviser password, a call, its record."""
    server = EmbeddedServer(make_settings(previous.parent)).start()
    try:
        server.run(_a_call(server, previous), timeout_s=60)
    finally:
        server.stop()


async def _a_call(server: EmbeddedServer, previous: Path) -> None:
    assert Path(server.settings.database.path) == previous
    k = await kiosk(server, CREDENTIALS["kiosk_token"])
    a = await adviser(server, CREDENTIALS["adviser"], CREDENTIALS["password"])
    await k.send(m.Join(language="ar", topic="housing"))
    offer = await until(a, m.Offer)
    await a.send(m.Accept(call_id=offer.call_id))
    await until(k, m.CallStarted)
    await a.send(m.Hangup(call_id=offer.call_id))
    await until(k, m.CallEnded)
    row = await eventually(lambda: call_row(server, offer.call_id, having="ended_at"))
    assert row is not None and row["site"] == "Rinkeby" and row["outcome"] == "completed"
    await k.close()
    await a.close()


async def until(client: WireClient, kind: type[M]) -> M:
    """The next message of ``kind``, reading past positions, statuses and the like."""
    for _ in range(20):
        message = await client.recv()
        if isinstance(message, kind):
            return message
    raise AssertionError(f"{client.role}: no {kind.__name__} in 20 messages")


# -- kiosklink admin db ----------------------------------------------------------------------------


def admin(database: Path, *argv: str) -> str:
    """``kiosklink admin ...`` in-process, wired as kiosklink/cli.py wires it."""
    parser = argparse.ArgumentParser(prog="kiosklink admin")
    add_admin_commands(parser.add_subparsers(dest="admin_command", required=True))
    out = io.StringIO()
    settings = make_settings(database.parent, database={"path": str(database)})
    assert run_admin(parser.parse_args(argv), settings, stdout=out) == 0
    return out.getvalue()


def test_admin_db_current_upgrade_and_history(previous: Path) -> None:
    head = store_migrations.head()
    assert "none" in admin(previous, "db", "current")  # not upgraded by asking
    assert admin(previous, "db", "upgrade").strip() == f"{previous}: none -> {head}"
    assert admin(previous, "db", "current").strip() == f"{previous}: {head}, up to date"
    history = admin(previous, "db", "history").splitlines()
    assert history[0].startswith("0001 ") and history[-1].startswith(f"{head} (head)")


async def test_a_database_a_newer_release_migrated_is_refused_with_a_clear_error(
    previous: Path,
) -> None:
    with sqlite3.connect(previous) as db:
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        db.execute("INSERT INTO alembic_version VALUES ('9999')")
    before = rows(previous)
    with pytest.raises(UnknownRevision, match="revision '9999', which this release does not know"):
        await Store.open(previous, hasher=FAST)
    assert rows(previous) == before
