"""The store on a real SQLite file in tmp_path and on a real PostgreSQL database (the ``database``
fixture, tests/conftest.py): records, auth look-ups, and surviving a restart. Tests that read the
SQLite file itself take ``db_path`` and run on SQLite only."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from signaling.messages import DeviceHealth, HealthReport, Quality
from signaling.store import Conflict, NotFound, Store

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PASSWORD = "long enough password"


@pytest.fixture
def db_path(database: str | Path) -> Path:
    assert isinstance(database, Path)  # tests/conftest.py gives a db_path test SQLite only
    return database


@pytest.fixture
async def store(database: str | Path) -> AsyncIterator[Store]:
    opened = await Store.open(database, hasher=FAST)
    yield opened
    await opened.close()


async def reopen(store: Store, database: str | Path) -> Store:
    """Close and open again: what a server restart does to the store."""
    await store.close()
    return await Store.open(database, hasher=FAST)


def report(version: str = "1.0", cpu: float = 0.2) -> HealthReport:
    device = DeviceHealth(present=True, working=True)
    return HealthReport(
        app_version=version,
        uptime_s=10,
        camera=device,
        microphone=device,
        speaker=device,
        cpu_ratio=cpu,
        memory_ratio=0.5,
        disk_free_bytes=10**9,
    )


def raw_text(db_path: Path) -> str:
    return b"".join(p.read_bytes() for p in db_path.parent.glob("*.sqlite3*")).decode("latin-1")


def sql(db_path: Path, query: str) -> list[tuple[object, ...]]:
    """Read the file with the plain sqlite3 module, as an auditor (or an attacker) would."""
    with sqlite3.connect(db_path) as conn:
        return conn.execute(query).fetchall()


# -- opening ---------------------------------------------------------------------------------------


async def test_open_creates_the_file_in_wal_mode(store: Store, db_path: Path) -> None:
    assert await store.ping()
    assert sql(db_path, "PRAGMA journal_mode") == [("wal",)]


async def test_a_memory_database_keeps_its_data_across_calls() -> None:
    store = await Store.open(":memory:", hasher=FAST)
    try:
        kiosk, token = await store.add_kiosk("Kiosk 1", "Library")
        assert await store.kiosk_by_token(token) == kiosk
    finally:
        await store.close()


async def test_a_second_store_on_the_same_file_sees_the_writes(
    store: Store, database: str | Path
) -> None:
    # The admin CLI opens the file while the server has it open.
    other = await Store.open(database, hasher=FAST)
    try:
        kiosk, token = await other.add_kiosk("Kiosk 2", "Town hall")
        assert await store.kiosk_by_token(token) == kiosk
    finally:
        await other.close()


# -- kiosks ----------------------------------------------------------------------------------------


async def test_a_kiosk_token_authenticates_until_revoked(store: Store) -> None:
    kiosk, token = await store.add_kiosk("Kiosk 1", "Library", now=1000.0)
    assert kiosk.created_at == 1000.0
    assert not kiosk.revoked
    assert await store.kiosk_by_token(token) == kiosk
    assert await store.kiosk_by_token(token + "x") is None
    revoked = await store.revoke_kiosk(kiosk.id)
    assert revoked.revoked
    assert await store.kiosk_by_token(token) is None
    assert await store.kiosk(kiosk.id) == revoked  # still listed, for the record


async def test_only_a_digest_of_the_token_is_stored(store: Store, db_path: Path) -> None:
    _, token = await store.add_kiosk("Kiosk 1", "Library")
    assert token not in raw_text(db_path)
    assert token not in repr(sql(db_path, "SELECT * FROM kiosks"))


async def test_touch_records_last_seen_and_version(store: Store) -> None:
    kiosk, _ = await store.add_kiosk("Kiosk 1", "Library")
    await store.touch_kiosk(kiosk.id, at=2000.0, app_version="1.4.2")
    await store.touch_kiosk(kiosk.id, at=2010.0, app_version=None)
    seen = await store.kiosk(kiosk.id)
    assert seen is not None
    assert (seen.last_seen, seen.app_version) == (2010.0, "1.4.2")


async def test_unknown_kiosk_ids(store: Store) -> None:
    assert await store.kiosk("k_nope") is None
    with pytest.raises(NotFound):
        await store.revoke_kiosk("k_nope")
    with pytest.raises(NotFound):
        await store.touch_kiosk("k_nope", at=1.0, app_version="1")


async def test_kiosks_are_listed_oldest_first(store: Store) -> None:
    second, _ = await store.add_kiosk("B", "Library", now=20.0)
    first, _ = await store.add_kiosk("A", "Library", now=10.0)
    assert await store.list_kiosks() == [first, second]


# -- advisers --------------------------------------------------------------------------------------


async def test_right_password_admits_wrong_one_does_not(store: Store) -> None:
    anna = await store.add_adviser(
        "anna", "Anna", PASSWORD, {"ar": "native", "sv": "fluent"}, topics=["housing"]
    )
    assert anna.languages == {"ar": "native", "sv": "fluent"}
    assert anna.topics == ("housing",)
    assert not anna.is_admin
    assert await store.verify_password("anna", PASSWORD) == anna
    assert await store.verify_password("anna", PASSWORD + "!") is None
    assert await store.verify_password("nobody", PASSWORD) is None
    assert await store.adviser(anna.id) == anna
    assert await store.adviser_by_username("anna") == anna


async def test_passwords_are_stored_as_argon2_hashes(store: Store, db_path: Path) -> None:
    await store.add_adviser("anna", "Anna", PASSWORD, {"ar": "native"})
    [(stored,)] = sql(db_path, "SELECT password_hash FROM advisers")
    assert isinstance(stored, str)
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


async def test_a_duplicate_username_is_a_conflict(store: Store) -> None:
    await store.add_adviser("anna", "Anna", PASSWORD, {"ar": "native"})
    with pytest.raises(Conflict, match="anna"):
        await store.add_adviser("anna", "Another Anna", PASSWORD, {"sv": "native"})
    assert len(await store.list_advisers()) == 1


async def test_an_unknown_level_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="level"):
        await store.add_adviser("anna", "Anna", PASSWORD, {"ar": "expert"})  # type: ignore[dict-item]


async def test_set_password_and_languages(store: Store) -> None:
    await store.add_adviser("anna", "Anna", PASSWORD, {"ar": "native"}, topics=["work"])
    await store.set_password("anna", "a new long password")
    assert await store.verify_password("anna", PASSWORD) is None
    assert await store.verify_password("anna", "a new long password") is not None
    changed = await store.set_languages("anna", {"fa": "basic"})
    assert (changed.languages, changed.topics) == ({"fa": "basic"}, None)
    with pytest.raises(NotFound):
        await store.set_password("nobody", PASSWORD)


async def test_advisers_are_listed_by_username(store: Store) -> None:
    await store.add_adviser("omar", "Omar", PASSWORD, {"so": "native"}, is_admin=True)
    await store.add_adviser("anna", "Anna", PASSWORD, {"ar": "native"})
    listed = await store.list_advisers()
    assert [a.username for a in listed] == ["anna", "omar"]
    assert [a.is_admin for a in listed] == [False, True]


async def test_a_weak_old_hash_is_upgraded_on_sign_in(store: Store, db_path: Path) -> None:
    await store.add_adviser("anna", "Anna", PASSWORD, {"ar": "native"})
    await store.close()
    stronger = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    store = await Store.open(db_path, hasher=stronger)
    try:
        assert await store.verify_password("anna", PASSWORD) is not None
        [(stored,)] = sql(db_path, "SELECT password_hash FROM advisers")
        assert not stronger.check_needs_rehash(str(stored))
        assert await store.verify_password("anna", PASSWORD) is not None
    finally:
        await store.close()


# -- sessions --------------------------------------------------------------------------------------


async def test_a_session_lives_until_it_expires(store: Store) -> None:
    anna = await store.add_adviser("anna", "Anna", PASSWORD, {"ar": "native"})
    token = await store.create_session(anna.id, ttl_s=100, now=1000.0)
    assert await store.session(token, now=1000.0) == anna
    assert await store.session(token, now=1099.9) == anna
    assert await store.session(token, now=1100.0) is None
    assert await store.session("made-up", now=1000.0) is None


async def test_a_revoked_session_is_refused(store: Store) -> None:
    anna = await store.add_adviser("anna", "Anna", PASSWORD, {"ar": "native"})
    token = await store.create_session(anna.id, ttl_s=100, now=0.0)
    await store.revoke_session(token)
    await store.revoke_session("made-up")  # harmless
    assert await store.session(token, now=1.0) is None


async def test_admin_sessions_say_so(store: Store) -> None:
    anna = await store.add_adviser("anna", "Anna", PASSWORD, {"ar": "native"}, is_admin=True)
    plain = await store.create_session(anna.id, ttl_s=100, now=0.0)
    admin = await store.create_session(anna.id, ttl_s=10, now=0.0, admin=True)
    plain_info = await store.session_info(plain, now=1.0)
    admin_info = await store.session_info(admin, now=1.0)
    assert plain_info is not None and not plain_info.admin
    assert admin_info is not None and admin_info.admin
    assert admin_info.expires_at == 10.0


async def test_sessions_need_a_real_adviser_and_expired_ones_are_pruned(store: Store) -> None:
    with pytest.raises(NotFound):
        await store.create_session("a_nope", ttl_s=10, now=0.0)
    anna = await store.add_adviser("anna", "Anna", PASSWORD, {"ar": "native"})
    old = await store.create_session(anna.id, ttl_s=10, now=0.0)
    live = await store.create_session(anna.id, ttl_s=1000, now=0.0)
    assert await store.prune_sessions(now=50.0) == 1
    assert await store.session(old, now=5.0) is None  # gone, not just expired
    assert await store.session(live, now=50.0) == anna


# -- call records ----------------------------------------------------------------------------------


async def test_a_call_from_join_to_rating(store: Store) -> None:
    await store.open_call(
        "c1", kiosk_id="k_1", site="Library", language="ti", topic="housing", joined_at=100.0
    )
    await store.answer_call("c1", adviser_id="a_1", at=130.0)
    await store.add_quality("c1", side="kiosk", quality=Quality(rtt_ms=40), at=140.0)
    await store.add_quality("c1", side="kiosk", quality=Quality(rtt_ms=55), at=150.0)
    await store.add_quality("c1", side="adviser", quality=Quality(fps=25), at=145.0)
    await store.close_call("c1", at=400.0, outcome="completed")
    await store.set_wrap_up("c1", category="resolved", note="x" * 600)
    await store.set_rating("c1", 5)
    call = await store.call("c1")
    assert call is not None
    assert (call.joined_at, call.answered_at, call.ended_at) == (100.0, 130.0, 400.0)
    assert (call.adviser_id, call.outcome, call.rating) == ("a_1", "completed", 5)
    assert call.wrap_up_category == "resolved"
    assert call.wrap_up_note == "x" * 500
    assert call.kiosk_quality == Quality(rtt_ms=55)
    assert call.adviser_quality == Quality(fps=25)


async def test_call_record_mistakes(store: Store) -> None:
    await store.open_call("c1", kiosk_id="k", site="S", language="ar", topic=None, joined_at=1.0)
    with pytest.raises(Conflict):
        await store.open_call("c1", kiosk_id="k", site="S", language="ar", topic=None, joined_at=2)
    with pytest.raises(NotFound):
        await store.answer_call("c2", adviser_id="a", at=1.0)
    with pytest.raises(NotFound):
        await store.add_quality("c2", side="kiosk", quality=Quality(), at=1.0)
    with pytest.raises(ValueError):
        await store.set_rating("c1", 6)
    assert await store.call("c2") is None


async def test_list_calls_since_in_join_order(store: Store) -> None:
    for n, joined in enumerate([300.0, 100.0, 200.0, 400.0]):
        await store.open_call(
            f"c{n}", kiosk_id="k", site="S", language="ar", topic=None, joined_at=joined
        )
    await store.add_quality("c2", side="adviser", quality=Quality(jitter_ms=3), at=250.0)
    assert [c.id for c in await store.list_calls()] == ["c1", "c2", "c0", "c3"]
    since = await store.list_calls(since=200.0)
    assert [c.id for c in since] == ["c2", "c0", "c3"]
    assert since[0].adviser_quality == Quality(jitter_ms=3)
    assert [c.id for c in await store.list_calls(limit=2)] == ["c1", "c2"]


# -- the waiting queue -----------------------------------------------------------------------------


async def test_waiting_callers_are_saved_replaced_and_deleted(store: Store) -> None:
    await wait(store, "w2", language="ar", fallbacks=["sv"], joined_at=20.0)
    await wait(store, "w1", language="ti", fallbacks=[], joined_at=10.0)
    await wait(store, "w2", language="fa", fallbacks=[], joined_at=20.0)
    waiting = await store.load_waiting()
    assert [(w.caller_id, w.language) for w in waiting] == [("w1", "ti"), ("w2", "fa")]
    await store.delete_waiting("w1")
    await store.delete_waiting("never-there")
    assert [w.caller_id for w in await store.load_waiting()] == ["w2"]


async def wait(
    store: Store, caller_id: str, *, language: str, fallbacks: list[str], joined_at: float
) -> None:
    await store.save_waiting(
        caller_id,
        kiosk_id="k",
        language=language,
        topic=None,
        fallbacks=fallbacks,
        priority=0,
        joined_at=joined_at,
        resume_token_hash="h",
    )


# -- health and audit ------------------------------------------------------------------------------


async def test_health_history_latest_and_pruning(store: Store) -> None:
    for at, cpu in [(100.0, 0.1), (200.0, 0.2), (300.0, 0.3)]:
        await store.add_health("k_1", at=at, report=report(cpu=cpu))
    await store.add_health("k_2", at=50.0, report=report(cpu=0.9))
    history = await store.health_history("k_1", since=150.0)
    assert [(h.at, h.report.cpu_ratio) for h in history] == [(200.0, 0.2), (300.0, 0.3)]
    latest = await store.latest_health("k_1")
    assert latest is not None and latest.at == 300.0
    assert await store.latest_health("k_3") is None
    assert await store.prune_health(before=200.0) == 2  # k_1 at 100, k_2 at 50
    assert [h.at for h in await store.health_history("k_1", since=0.0)] == [200.0, 300.0]
    assert await store.latest_health("k_2") is None


async def test_an_audit_entry_longer_than_its_columns_is_cut_not_refused(store: Store) -> None:
    # PostgreSQL refuses a value longer than its VARCHAR: a long username behind "admin:" would
    # fail the admin sign-in at its audit entry.
    await store.audit("admin:" + "u" * 120, "a" * 150, "t" * 250, 1.0, "d" * 1000)
    [entry] = await store.audit_log(1)
    assert (len(entry.actor), len(entry.action), len(entry.target)) == (100, 100, 200)
    assert entry.actor.startswith("admin:uuu") and entry.detail == "d" * 1000


async def test_the_audit_log_is_newest_first(store: Store) -> None:
    await store.audit("cli", "add_kiosk", "k_1", 10.0, "site=Library")
    await store.audit("cli", "revoke_kiosk", "k_1", 20.0)
    log = await store.audit_log(10)
    assert [(e.action, e.detail) for e in log] == [
        ("revoke_kiosk", ""),
        ("add_kiosk", "site=Library"),
    ]
    assert len(await store.audit_log(1)) == 1


# -- restart ---------------------------------------------------------------------------------------


async def test_everything_survives_a_restart(store: Store, database: str | Path) -> None:
    kiosk, token = await store.add_kiosk("Kiosk 1", "Library")
    anna = await store.add_adviser("anna", "Anna", PASSWORD, {"ar": "native"})
    session = await store.create_session(anna.id, ttl_s=100, now=0.0)
    await store.open_call("c1", kiosk_id=kiosk.id, site="Library", language="ar", topic=None,
                          joined_at=1.0)  # fmt: skip
    await store.add_quality("c1", side="kiosk", quality=Quality(rtt_ms=9), at=2.0)
    await store.save_waiting(
        "w1",
        kiosk_id=kiosk.id,
        language="ar",
        topic="work",
        fallbacks=["sv"],
        priority=1,
        joined_at=3.0,
        resume_token_hash="h",
    )
    await store.add_health(kiosk.id, at=4.0, report=report())
    await store.audit("cli", "add_kiosk", kiosk.id, 5.0)
    before = await store.call("c1")

    store = await reopen(store, database)
    try:
        assert await store.kiosk_by_token(token) == kiosk
        assert await store.verify_password("anna", PASSWORD) == anna
        assert await store.session(session, now=50.0) == anna
        assert await store.call("c1") == before
        [waiting] = await store.load_waiting()
        assert (waiting.caller_id, waiting.fallbacks, waiting.priority) == ("w1", ("sv",), 1)
        assert (await store.latest_health(kiosk.id)) is not None
        assert [e.target for e in await store.audit_log(5)] == [kiosk.id]
    finally:
        await store.close()
