"""The server's side of the common questions, driven as editors do, for the kiosk's end-to-end
tests: the starter set imported through the store (as ``kiosklink admin answers import
--starter``), an Arabic translation and recording added, published in the server's process so
connected kiosks are told at once (as the admin web's publish does)."""

from __future__ import annotations

import time
from importlib import resources

from signaling.answers.edit import Words
from signaling.embedded import EmbeddedServer
from signaling.server import SWITCHBOARD
from signaling.store import Store

ARABIC_TITLE = "كيف أسجّل في طابور السكن؟"
REVIEWER = "Kiosklink starter set"


async def import_starter(store: Store) -> None:
    folder = resources.files("signaling.answers") / "starter"
    for name in ("sv.po", "en.po"):
        await store.answers.import_po(
            (folder / name).read_bytes(), reviewed_by=REVIEWER, now=time.time()
        )


async def translate_housing_queue(store: Store, title: str = ARABIC_TITLE) -> None:
    words = Words(title=title, body="سجّل في طابور السكن عبر الإنترنت.")
    await store.answers.save_text("housing-queue", "ar", words, reviewed_by="Eva", now=time.time())


def publish(
    server: EmbeddedServer, *, recording: bytes | None = None, title: str = ARABIC_TITLE
) -> int:
    """Starter set (once), the Arabic text of housing-queue, optionally its recording; publish,
    and tell the switchboard as the admin web does. Returns the version."""
    assert server.app is not None
    board = server.app[SWITCHBOARD]

    async def run() -> int:
        store = board.store
        if not (await store.answers.draft()).questions:
            await import_starter(store)
        await translate_housing_queue(store, title)
        if recording is not None:
            await store.answers.set_audio("housing-queue", "ar", recording)
        version = await store.answers.publish(by="editor:eva", now=time.time())
        await board.answers_published(version)
        return version

    return server.run(run())
