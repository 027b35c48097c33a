"""deploy/README.md §7b's PostgreSQL backup, done as written: ``pg_dump --format=custom`` of a
database the server's store filled, ``pg_restore --no-owner`` into a new database, and the store
opened on the restored one finds every record and writes on."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import make_url

from signaling.messages import Quality
from signaling.store import Store
from tests.postgres import SUPERUSER, PostgresServer
from tests.signaling.test_store import FAST, PASSWORD

README = Path(__file__).resolve().parents[2] / "deploy" / "README.md"


def test_the_readme_backs_up_with_pg_dump_and_restores_with_pg_restore() -> None:
    text = README.read_text()
    assert "pg_dump --format=custom" in text
    assert "pg_restore --dbname=kiosklink --no-owner" in text


async def test_a_pg_dump_restores_every_record(postgres: PostgresServer) -> None:
    original = postgres.new_database()
    store = await Store.open(original, hasher=FAST)
    try:
        kiosk, token = await store.add_kiosk("Kiosk 1", "Library", now=1.0)
        await store.add_adviser("anna", "Anna", PASSWORD, {"ar": "native"}, now=2.0)
        await store.open_call(
            "c1", kiosk_id=kiosk.id, site="Library", language="ar", topic=None, joined_at=3.0
        )
        await store.add_quality("c1", side="kiosk", quality=Quality(rtt_ms=9.0), at=4.0)
        await store.audit("cli", "add_kiosk", kiosk.id, 5.0)
        calls = await store.list_calls()
    finally:
        await store.close()

    dump = postgres.folder / "kiosklink.dump"  # in the server's folder: its tools run as its owner
    name = make_url(original).database
    assert name is not None
    postgres.run("pg_dump", "-h", str(postgres.folder), "-U", SUPERUSER, "--format=custom",
                 f"--file={dump}", name)  # fmt: skip
    restored = postgres.new_database()
    restored_name = make_url(restored).database
    postgres.run("pg_restore", "-h", str(postgres.folder), "-U", SUPERUSER,
                 f"--dbname={restored_name}", "--no-owner", str(dump))  # fmt: skip

    store = await Store.open(restored, hasher=FAST)
    try:
        assert await store.kiosk_by_token(token) == kiosk
        assert await store.verify_password("anna", PASSWORD) is not None
        assert await store.list_calls() == calls
        assert [a.target for a in await store.audit_log()] == [kiosk.id]
        # The sequences came along: new rows get new ids, not ones the restored rows hold.
        await store.audit("cli", "revoke_kiosk", kiosk.id, 6.0)
        assert len({a.id for a in await store.audit_log()}) == 2
    finally:
        await store.close()
