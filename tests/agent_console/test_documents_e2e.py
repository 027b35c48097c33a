"""The console shows the pages a resident sends: the real console (Qt offscreen, asyncio thread,
aiortc), a real server on 127.0.0.1 and a real headless kiosk (issue #16)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from agent_console.state import Phase
from rtc.documents import DocumentRequested
from rtc.media.still import synthetic_still
from signaling.embedded import EmbeddedServer
from tests.agent_console.test_console_e2e import WAIT_MS, Rig


@pytest.fixture
def rig(qtbot: QtBot, running_server: EmbeddedServer) -> Iterator[Rig]:
    r = Rig(qtbot, running_server)
    yield r
    r.close()


def test_pages_beside_the_video_asked_for_and_gone_at_the_end(rig: Rig) -> None:
    rig.go_available()
    kiosk = rig.kiosk()
    rig.ring_from(kiosk)
    rig.key(Qt.Key.Key_F2)
    rig.wait_phase(Phase.IN_CALL)
    pages = rig.window.call.documents
    rig.qtbot.waitUntil(lambda: rig.window.call.remote_video.frames_shown >= 3, timeout=WAIT_MS)

    pages.ask.click()  # "may I see the letter?": the kiosk hears the question
    rig.qtbot.waitUntil(lambda: bool(kiosk.documents_of(DocumentRequested)), timeout=WAIT_MS)
    kiosk.decline_document()
    rig.qtbot.waitUntil(lambda: "chose not" in pages.status.text(), timeout=WAIT_MS)

    for seed in (0, 1):
        kiosk.send_document(synthetic_still(1280, 960, seed=seed))
        rig.qtbot.waitUntil(lambda n=seed + 1: pages.pages == n, timeout=WAIT_MS)  # type: ignore[misc]
    assert pages.page_label.text() == "Page 2 of 2"
    shown = pages.picture.pixmap().width()
    assert 0 < shown <= pages.sheet.viewport().width()  # the page's whole width, under the video

    rig.key(Qt.Key.Key_F4)
    rig.wait_phase(Phase.WRAP_UP)
    assert pages.pages == 0 and pages.picture.pixmap().isNull()
