"""The common questions end to end (issue #13, "done when"): a real server on 127.0.0.1 with the
starter set imported and published through its store, the real KioskApp (Qt offscreen, the
backend on its LoopThread) fetching it, showing Arabic and Somali (the English fallback with its
note in Somali), a new publish updating the answer on screen live, and the kiosk restarted with
no server still showing it from its cache. Waits are conditions with generous ceilings."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.answers.browse import Page
from kiosk.app import KioskApp
from kiosk.config import KioskSettings
from kiosk.state import KioskState, Screen
from signaling.embedded import EmbeddedServer
from tests.kiosk.answers.sample import RECORDING, RECORDING_SHA
from tests.kiosk.answers.server_side import ARABIC_TITLE, publish
from tests.kiosk.test_controller import tap

WAIT_MS = 20_000
NO_SERVER = "ws://127.0.0.1:9/ws/kiosk"  # the discard port: nothing listens


@contextlib.contextmanager
def kiosk_app(server_url: str, token: str, cache: Path) -> Iterator[KioskApp]:
    settings = KioskSettings(
        server_url=server_url,
        token=token,
        camera="none",
        microphone="none",
        fullscreen=False,
        answers_dir=str(cache),
    )
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    app = KioskApp(settings, app=qapp)
    app.start()
    try:
        yield app
    finally:
        app.stop()


def waiter(qtbot: QtBot, app: KioskApp) -> Callable[[Callable[[KioskState], bool]], None]:
    def wait(condition: Callable[[KioskState], bool]) -> None:
        qtbot.waitUntil(lambda: condition(app.flow.state), timeout=WAIT_MS)

    return wait


def open_question(qtbot: QtBot, app: KioskApp, language: str) -> None:
    """From the welcome screen: Common questions, the language, Housing, the housing queue."""
    a = app.window.answers
    tap(qtbot, app.window.welcome.answers)
    tap(qtbot, a.tiles[language])
    tap(qtbot, a.tiles["housing"])
    tap(qtbot, a.tiles["housing-queue"])
    assert app.flow.state.browse is not None and app.flow.state.browse.page is Page.ANSWER


def test_starter_set_published_shown_updated_live_and_kept_offline(
    qtbot: QtBot, server_factory: Callable[..., EmbeddedServer], tmp_path: Path
) -> None:
    server = server_factory()
    token = server.add_kiosk("Kiosk 1", "Rinkeby")
    cache = tmp_path / "answers"
    with kiosk_app(server.kiosk_url, token, cache) as app:
        wait = waiter(qtbot, app)
        a = app.window.answers
        wait(lambda s: s.online)
        assert app.flow.state.answers is None  # nothing published yet
        first = publish(server)
        wait(lambda s: s.answers is not None and s.answers.version == first)  # told, fetched
        published = app.flow.state.answers
        question = published.question("housing-queue") if published else None
        assert question is not None
        english = question.texts["en"]
        open_question(qtbot, app, "so")
        assert a.title.text() == english.title and a.body.text() == english.body
        assert a.note.isVisible()
        assert (
            a.note.text()
            == "Jawaabtan weli laguma turjumin luqaddaada. Waa kan iyadoo ku qoran English."
        )
        for _ in range(3):  # the questions, the topics, the language page again
            tap(qtbot, a.back)
        tap(qtbot, a.tiles["ar"])
        tap(qtbot, a.tiles["housing"])
        tap(qtbot, a.tiles["housing-queue"])
        assert a.title.text() == ARABIC_TITLE and not a.note.isVisible()
        assert not a.read.isVisible()  # no recording yet
        # An editor publishes a corrected title and a recording: the answer on screen changes,
        # nobody taps, and read aloud appears.
        second = publish(server, title="التسجيل في طابور السكن", recording=RECORDING)
        wait(lambda s: s.answers is not None and s.answers.version == second)
        qtbot.waitUntil(lambda: a.title.text() == "التسجيل في طابور السكن", timeout=WAIT_MS)
        assert app.flow.state.screen is Screen.ANSWERS
        assert app.backend.answers.cache.audio_path(RECORDING_SHA) is not None  # fetched whole
        tap(qtbot, a.read)  # decoded and played by the backend (no speaker here: a NullSink)
        assert app.flow.state.reading == RECORDING_SHA
        wait(lambda s: s.reading is None)  # the recording came to its end
    server.stop()
    # The kiosk starts again while the server is gone: the cache shows the last version.
    with kiosk_app(NO_SERVER, token, cache) as offline:
        wait = waiter(qtbot, offline)
        wait(lambda s: s.answers is not None and s.answers.version == second)
        assert not offline.flow.state.online
        assert offline.window.welcome.answers.property("role") == "primary"  # offered first
        open_question(qtbot, offline, "ar")
        assert offline.window.answers.title.text() == "التسجيل في طابور السكن"
