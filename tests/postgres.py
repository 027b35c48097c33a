"""A real PostgreSQL server for tests, from the Debian package's binaries (scripts/setup.sh).

:func:`start` runs ``initdb`` into a fresh temporary folder and ``pg_ctl start`` with no TCP at
all: the server listens on a unix socket in that folder only, so parallel test runs never meet.
PostgreSQL refuses to run as root; as root (CI) the server runs as ``nobody``, who owns the
folder. :meth:`PostgresServer.new_database` gives a test a database of its own;
:meth:`PostgresServer.emptied_database` the shared one, emptied.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "kiosklink"
_ROOTS = ("/usr/lib/postgresql",)


# Every table but alembic_version, emptied in one statement. A store a failed test left open
# could hold a lock: fail after 10 s instead of waiting for the test timeout.
_EMPTY_TABLES = """
SET lock_timeout = '10s';
DO $$ DECLARE names text; BEGIN
  SELECT string_agg(format('%I', tablename), ', ') INTO names
    FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version';
  IF names IS NOT NULL THEN EXECUTE 'TRUNCATE ' || names || ' RESTART IDENTITY CASCADE'; END IF;
END $$;
"""


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder, or None when none is installed."""
    found = [
        Path(root, version, "bin")
        for root in _ROOTS
        if Path(root).is_dir()
        for version in os.listdir(root)
        if Path(root, version, "bin", "pg_ctl").exists()
    ]
    return max(found, key=lambda p: int(p.parent.name), default=None) if found else None


@dataclass
class PostgresServer:
    bin: Path
    folder: Path  # the socket's folder; the cluster is in folder / "data"
    _made: int = field(default=0)
    _shared: str | None = field(default=None)

    def url(self, database: str) -> str:
        return f"postgresql+asyncpg://{SUPERUSER}@/{database}?host={self.folder}"

    def new_database(self) -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        return self.url(self._create())

    def _create(self) -> str:
        self._made += 1
        name = f"test_{self._made}"
        self.run("createdb", "-h", str(self.folder), "-U", SUPERUSER, name)
        return name

    def emptied_database(self) -> str:
        """The one shared database with every row deleted (its tables and revision kept): much
        cheaper than a new database per test, which Store.open would migrate again."""
        if self._shared is None:
            self._shared = self._create()
        else:
            self.psql(self._shared, _EMPTY_TABLES)
        return self.url(self._shared)

    def psql(self, database: str, sql: str) -> str:
        done = self.run("psql", "-h", str(self.folder), "-U", SUPERUSER, "-d", database,
                        "-v", "ON_ERROR_STOP=1", "-At", "-c", sql)  # fmt: skip
        return done.stdout

    def run(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        owner = _owner()
        return subprocess.run(
            [str(self.bin / tool), *args],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
            user=None if owner is None else owner.pw_uid,
            group=None if owner is None else owner.pw_gid,
            extra_groups=None if owner is None else [],
        )

    def stop(self) -> None:
        try:
            self.run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start(bin_folder: Path) -> PostgresServer:
    """Initialise and start a server in a new temporary folder (about 3 s)."""
    folder = Path(tempfile.mkdtemp(prefix="kiosklink-pg-"))
    owner = _owner()
    if owner is not None:
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    server = PostgresServer(bin_folder, folder)
    data = str(folder / "data")
    try:
        server.run("initdb", "-D", data, "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                   "--locale=C.UTF-8", "--no-sync")  # fmt: skip
        # fsync off: a test cluster is thrown away, durability would only cost time.
        options = f"-c listen_addresses='' -c unix_socket_directories={folder} -c fsync=off"
        server.run("pg_ctl", "-D", data, "-l", str(folder / "log"), "-w", "-o", options, "start")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return server


def _owner() -> pwd.struct_passwd | None:
    """Whom the server's tools run as: ``nobody`` when we are root, else ourselves (None)."""
    return pwd.getpwnam("nobody") if os.geteuid() == 0 else None
