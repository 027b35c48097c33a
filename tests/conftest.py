"""Fixtures shared by every test package: a real server on 127.0.0.1 with a fresh SQLite file;
the store's databases, SQLite and a real PostgreSQL (``database``, ``postgres``)."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

# Qt tests run without a display; set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from signaling.config import Settings
    from signaling.embedded import EmbeddedServer
    from tests.postgres import PostgresServer


def make_settings(tmp_path: Path, **sections: dict[str, Any]) -> Settings:
    """Settings for tests: a database in tmp_path, short timers; override any section's fields."""
    from signaling.config import Settings

    data: dict[str, Any] = {
        "server": {"port": 0, "hello_timeout_s": 5.0},
        "database": {"path": str(tmp_path / "kiosklink.sqlite3")},
        "routing": {"ring_timeout_s": 20.0, "wrap_up_s": 60.0},
    }
    for name, fields in sections.items():
        data[name] = {**data.get(name, {}), **fields}
    return Settings.model_validate(data)


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread() -> Iterator[None]:
    """Run the cycle collector only here, on the main thread, between tests.

    Servers, asyncio loops and aiortc run on other threads in these tests; left automatic, the
    collector runs on whichever thread happens to allocate, and freeing a Qt object's cycle from a
    non-GUI thread crashed the process (seen once as a segfault in the console tests).
    """
    gc.disable()
    yield
    # The young generations after every test; everything every 25 tests (a full pass over the
    # Qt + aiortc heap costs ~0.1 s, which would add up to most of a minute per run).
    _tests_run[0] += 1
    gc.collect(2 if _tests_run[0] % 25 == 0 else 1)


_tests_run = [0]


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[Callable[..., EmbeddedServer]]:
    """Start real servers with per-test settings, e.g. ``server_factory(routing={...})``."""
    from signaling.embedded import EmbeddedServer

    started: list[EmbeddedServer] = []

    def start(**sections: dict[str, Any]) -> EmbeddedServer:
        server = EmbeddedServer(make_settings(tmp_path, **sections)).start()
        started.append(server)
        return server

    yield start
    for server in reversed(started):
        server.stop()


@pytest.fixture
def running_server(server_factory: Callable[..., EmbeddedServer]) -> EmbeddedServer:
    # Imported lazily: a test package that does not need a server must not need its modules.
    return server_factory()


# -- the store's two databases (signaling/store.py) ------------------------------------------------


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One real PostgreSQL server for the session (tests/postgres.py), on a unix socket only."""
    from tests import postgres as pg

    found = pg.binaries()
    if found is None:
        pytest.skip(
            "PostgreSQL is not installed (scripts/setup.sh installs the postgresql package)"
        )
    server = pg.start(found)
    yield server
    server.stop()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that takes ``database`` runs on SQLite and on PostgreSQL; one that also takes
    ``db_path`` reads the SQLite file itself, so it runs on SQLite only."""
    if "database" in metafunc.fixturenames:
        kinds = ["sqlite"] if "db_path" in metafunc.fixturenames else ["sqlite", "postgresql"]
        metafunc.parametrize("database", kinds, indirect=True)


@pytest.fixture
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """What ``Store.open`` takes: a new SQLite file's path, or an empty PostgreSQL database's URL
    (one shared database, emptied for each test)."""
    if request.param == "postgresql":
        server: PostgresServer = request.getfixturevalue("postgres")
        return server.emptied_database()
    return tmp_path / "data" / "kiosklink.sqlite3"
