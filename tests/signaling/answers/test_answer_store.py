"""signaling.store_answers over a real SQLite file and a real PostgreSQL database: the starter
set imports and publishes, a refused change writes nothing, versions never change, recordings
outlive the draft while a version names them, and roles."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator
from importlib import resources
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from signaling.answers import edit
from signaling.answers.model import status
from signaling.answers.validation import InvalidAnswer
from signaling.store import Store
from signaling.store_records import NotFound
from tests.signaling.answers.recordings import ogg_bytes, wav_bytes

STARTER = resources.files("signaling.answers") / "starter"
TABLES = (
    "answer_topics",
    "answer_questions",
    "answer_texts",
    "answer_audio",
    "answer_recordings",
    "answer_versions",
    "account_roles",
)


@pytest.fixture
def db_path(database: str | Path) -> Path:
    assert isinstance(database, Path)  # tests/conftest.py gives a db_path test SQLite only
    return database


@pytest.fixture
async def store(database: str | Path) -> AsyncIterator[Store]:
    opened = await Store.open(
        database, hasher=PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    )
    yield opened
    await opened.close()


async def import_starter(store: Store) -> None:
    for name in ("sv.po", "en.po"):
        data = (STARTER / name).read_bytes()
        await store.answers.import_po(data, reviewed_by="Starter", now=1000.0)


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the common questions' tables, read with sqlite3 itself."""
    with sqlite3.connect(path) as db:
        return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


async def test_nothing_published_yet(store: Store) -> None:
    assert await store.answers.latest_version() == 0
    assert await store.answers.latest_published() is None
    assert await store.answers.versions() == []
    with pytest.raises(InvalidAnswer, match="nothing to publish"):
        await store.answers.publish(by="eva", now=1.0)


async def test_the_starter_set_imports_and_publishes_as_the_documented_bundle(
    store: Store,
) -> None:
    await import_starter(store)
    draft = await store.answers.draft()
    assert len(draft.questions) == 14
    assert all(status(q, "sv") == status(q, "en") == "current" for q in draft.questions)
    assert all(status(q, "ar") == "missing" for q in draft.questions)

    version = await store.answers.publish(by="eva", now=2000.0)
    published = await store.answers.latest_published()
    assert version == 1 == await store.answers.latest_version()
    assert published is not None
    assert (published.version, published.published_at, published.published_by) == (1, 2000.0, "eva")
    bundle = json.loads(published.bundle)
    assert (bundle["version"], bundle["published_at"]) == (1, 2000.0)
    assert len(bundle["questions"]) == 14
    assert {t["id"] for t in bundle["topics"]} == {q["topic"] for q in bundle["questions"]}
    for topic in bundle["topics"]:
        assert set(topic["titles"]) == {"sv", "en"}
    for question in bundle["questions"]:
        assert set(question["texts"]) == {"sv", "en"}
        assert all(t["current"] for t in question["texts"].values())
        assert all(link["url"].startswith("https://") for link in question["links"])
        assert all(set(link["labels"]) == {"sv", "en"} for link in question["links"])
    ids = [q["id"] for q in bundle["questions"]]
    assert {"appeal", "housing-queue", "bankid", "personal-number", "moving"} <= set(ids)


async def test_a_refused_import_writes_nothing(store: Store, db_path: Path) -> None:
    await import_starter(store)
    await store.answers.publish(by="eva", now=2000.0)
    before = dump(db_path)
    good = (
        (STARTER / "en.po")
        .read_text(encoding="utf-8")
        .replace('msgstr "How do I appeal a decision?"', 'msgstr "Appealing"')
    )
    bad = good.replace('msgstr "How do I get BankID?"', 'msgstr "<b>BankID</b>"')
    assert bad != good
    with pytest.raises(InvalidAnswer, match="HTML tag") as refused:
        await store.answers.import_po(bad.encode(), reviewed_by="X", now=3000.0)
    assert refused.value.line is not None
    assert dump(db_path) == before  # not even the good change before the bad one

    result = await store.answers.import_po(good.encode(), reviewed_by="X", now=3000.0)
    assert result.summary == "0 new, 1 changed (en)"
    assert dump(db_path) != before


async def test_a_refused_edit_writes_nothing(store: Store, db_path: Path) -> None:
    await import_starter(store)
    before = dump(db_path)
    with pytest.raises(InvalidAnswer):
        await store.answers.save_text(
            "appeal", "sv", edit.Words("Ok", "javascript:x()"), reviewed_by="Eva", now=5.0
        )
    with pytest.raises(InvalidAnswer):
        await store.answers.save_text(
            "appeal", "xx", edit.Words("Ok", "Ok"), reviewed_by="Eva", now=5.0
        )
    with pytest.raises(InvalidAnswer):
        await store.answers.set_audio("appeal", "ar", b"<html></html>")
    assert dump(db_path) == before


async def test_published_versions_never_change(store: Store) -> None:
    await import_starter(store)
    await store.answers.publish(by="eva", now=2000.0)
    first = await store.answers.version(1)
    await store.answers.save_text(
        "appeal", "sv", edit.Words("Överklaga", "Ny text."), reviewed_by="Eva", now=2100.0
    )
    assert await store.answers.publish(by="tom", now=2200.0) == 2
    assert await store.answers.version(1) == first
    second = await store.answers.latest_published()
    assert first is not None and second is not None
    assert second.bundle != first.bundle
    appeal = next(q for q in json.loads(second.bundle)["questions"] if q["id"] == "appeal")
    assert appeal["texts"]["en"]["current"] is False  # the English is now outdated

    assert await store.answers.republish(1, by="eva", now=2300.0) == 3
    third = await store.answers.latest_published()
    assert third is not None
    old, again = json.loads(first.bundle), json.loads(third.bundle)
    assert (again["version"], again["published_at"]) == (3, 2300.0)
    assert again["questions"] == old["questions"] and again["topics"] == old["topics"]
    assert [v.version for v in await store.answers.versions()] == [3, 2, 1]
    with pytest.raises(NotFound):
        await store.answers.republish(9, by="eva", now=1.0)


async def test_recordings_live_while_a_version_names_them(store: Store) -> None:
    await import_starter(store)
    ogg = ogg_bytes()  # each encoding has its own stream serial number: keep one
    first = await store.answers.set_audio("appeal", "ar", ogg)
    await store.answers.publish(by="eva", now=1.0)
    bundle = await store.answers.latest_published()
    assert bundle is not None
    entry = next(q for q in json.loads(bundle.bundle)["questions"] if q["id"] == "appeal")
    assert entry["audio"] == {
        "ar": {"sha256": first.sha256, "bytes": first.size, "mime": "audio/ogg"}
    }

    draft_only = await store.answers.set_audio("appeal", "ar", wav_bytes())  # replaces it
    replaced = await store.answers.set_audio("appeal", "ar", ogg[:-1] + b"!")
    kept = await store.answers.audio(first.sha256)
    assert kept is not None and (kept.mime, kept.data) == ("audio/ogg", ogg)
    assert await store.answers.audio(draft_only.sha256) is None  # never published: gone
    await store.answers.remove_audio("appeal", "ar")
    assert await store.answers.audio(replaced.sha256) is None
    assert await store.answers.audio(first.sha256) is not None
    assert await store.answers.audio_index() == {}


async def test_everything_survives_reopening_the_file(store: Store, database: str | Path) -> None:
    await import_starter(store)
    await store.answers.publish(by="eva", now=1.0)
    draft = await store.answers.draft()
    await store.close()
    reopened = await Store.open(database)
    try:
        assert await reopened.answers.draft() == draft
        assert await reopened.answers.latest_version() == 1
    finally:
        await reopened.close()
    # The fixture closes ``store`` again; closing twice is harmless.


async def test_editor_role(store: Store) -> None:
    eva = await store.add_adviser("eva", "Eva", "a long password", {"sv": "native"})
    assert await store.answers.roles_of(eva.id) == frozenset()
    assert await store.answers.grant_role("eva", "editor") == eva.id
    await store.answers.grant_role("eva", "editor")  # twice is once
    assert await store.answers.roles_of(eva.id) == frozenset({"editor"})
    await store.answers.revoke_role("eva", "editor")
    assert await store.answers.roles_of(eva.id) == frozenset()
    with pytest.raises(NotFound):
        await store.answers.grant_role("nobody", "editor")
    with pytest.raises(ValueError, match="role must be one of editor"):
        await store.answers.grant_role("eva", "superuser")


async def test_editors_saving_one_question_at_once_keep_it_whole(store: Store) -> None:
    """Two editors save the same question together: one edits the Swedish, one the English.
    Each change starts from the draft the other left, so the question's revision and its
    original's agree and neither edit is lost."""
    await import_starter(store)
    draft = await store.answers.draft()
    appeal = draft.question("appeal")
    assert appeal is not None
    original = appeal.original
    swedish = edit.Words(original.title, "Ny text.", "", original.link_labels)
    english = edit.Words("Appealing", "New text.", "", ("Courts",))
    saves = []
    for _ in range(5):
        saves.append(store.answers.save_text("appeal", "sv", swedish, reviewed_by="E", now=1.0))
        saves.append(store.answers.save_text("appeal", "en", english, reviewed_by="T", now=1.0))
        swedish = edit.Words(swedish.title, swedish.body + " Mer.", "", swedish.link_labels)
    await asyncio.gather(*saves)
    after = (await store.answers.draft()).question("appeal")
    assert after is not None
    assert after.revision == after.original.revision == appeal.revision + 5
    assert after.original.body == "Ny text." + " Mer." * 4
    assert after.texts["en"].title == "Appealing"
    assert status(after, "en") == "current"  # the last English save followed the last Swedish


async def test_two_processes_saving_one_question_keep_it_whole(
    store: Store, database: str | Path
) -> None:
    """The CLI and the server each open the database (two Store objects stand for two
    processes): a change reads the draft only once it holds the database's lock, so saves from
    both interleave without losing one."""
    await import_starter(store)
    other = await Store.open(database)
    try:
        original = (await store.answers.draft()).question("appeal")
        assert original is not None
        saves = []
        for i in range(5):
            swedish = edit.Words(original.original.title, f"Text {i}.")
            english = edit.Words("Appealing", f"Text {i}.")
            saves.append(store.answers.save_text("appeal", "sv", swedish, reviewed_by="E", now=1))
            saves.append(other.answers.save_text("appeal", "en", english, reviewed_by="T", now=1))
        await asyncio.gather(*saves)
        after = (await other.answers.draft()).question("appeal")
        assert after is not None
        assert after.revision == after.original.revision == original.revision + 5
    finally:
        await other.close()
