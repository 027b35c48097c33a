"""Where the kiosk's still of a letter comes from (kiosk/still_camera.py): a document camera at its
own size (a video file stands in for it, as OpenCV opens both alike), the synthetic letter, or the
call camera at its full size (the same clip as the call's camera, sending 640x480). Real JPEG
encoding and decoding; the file is a test fixture, the still itself is never written."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.config import KioskSettings
from kiosk.state import LetterStep
from kiosk.still_camera import DocumentCamera, device_of, take_still
from rtc import documents as docs
from rtc.media.camera import CameraVideoTrack, DeviceUnavailable
from rtc.media.still import Still
from signaling.embedded import EmbeddedServer
from tests.kiosk.test_app_e2e import Rig
from tests.kiosk.test_call_features_e2e import WAIT_MS, in_call, letter_step


def _decoded(data: bytes) -> np.ndarray:
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert image is not None
    return image


@pytest.fixture
def document_camera(tmp_path: Path) -> Path:
    """A 1600x1200 clip: larger than the call's 640x480, white paper with a dark bar."""
    path = tmp_path / "desk.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 5, (1600, 1200))
    frame = np.full((1200, 1600, 3), 235, np.uint8)
    frame[500:700, 200:1400] = 30
    for _ in range(8):
        writer.write(frame)
    writer.release()
    return path


def test_a_document_camera_gives_its_full_size(document_camera: Path) -> None:
    still = asyncio.run(take_still(str(document_camera), page=1, synthetic=True, call_camera=None))
    assert (still.width, still.height, still.mime) == (1600, 1200, "image/jpeg")
    image = _decoded(still.data)
    assert image.shape == (1200, 1600, 3)
    assert image[600, 800].max() < 80 and image[100, 100].min() > 200  # the bar, the paper


def test_without_a_camera_the_synthetic_letter_differs_per_page() -> None:
    first = asyncio.run(take_still("", page=1, synthetic=True, call_camera=None))
    second = asyncio.run(take_still("", page=2, synthetic=True, call_camera=None))
    assert (first.width, first.height) == (2560, 1920)
    assert first.data[:3] == b"\xff\xd8\xff" and first.data != second.data


def test_otherwise_the_call_camera_at_its_full_size(document_camera: Path) -> None:
    async def still_from_the_call_camera() -> tuple[Still, int]:
        camera = await asyncio.to_thread(CameraVideoTrack, str(document_camera), 640, 480)
        try:
            frame = await camera.recv()  # the call's picture: the call's size
            still = await take_still("", page=1, synthetic=False, call_camera=camera)
            return still, frame.width
        finally:
            await asyncio.to_thread(camera.stop)

    still, call_width = asyncio.run(still_from_the_call_camera())
    assert call_width == 640
    assert (still.width, still.height) == (1600, 1200)
    image = _decoded(still.data)
    assert image.shape == (1200, 1600, 3)
    assert image[600, 800].max() < 80 and image[100, 100].min() > 200  # the bar, the paper
    with pytest.raises(DeviceUnavailable):
        asyncio.run(take_still("", page=1, synthetic=False, call_camera=None))


def test_a_document_camera_that_cannot_open_says_so(tmp_path: Path) -> None:
    with pytest.raises(DeviceUnavailable):
        asyncio.run(
            take_still(str(tmp_path / "nothing.avi"), page=1, synthetic=True, call_camera=None)
        )
    assert device_of("") is None and device_of("none") is None
    assert device_of("2") == 2 and device_of("/dev/video4") == "/dev/video4"


def test_a_document_camera_held_open_shows_a_preview_and_gives_the_whole_still(
    document_camera: Path,
) -> None:
    previews: list[np.ndarray] = []
    camera = DocumentCamera(str(document_camera), on_preview=previews.append, preview_width=400)
    camera.start()
    try:
        for _ in range(200):  # bounded: the clip gives a picture within a few reads
            if previews:
                break
            time.sleep(0.02)
        assert previews and previews[0].shape == (300, 400, 3)  # reduced for the screen, RGB
        still = asyncio.run(
            take_still(
                str(document_camera), page=1, synthetic=False, call_camera=None, aimed=camera
            )
        )
        assert (still.width, still.height) == (1600, 1200)
    finally:
        camera.stop()
    with pytest.raises(DeviceUnavailable):
        camera.still()  # nothing kept once stopped


def test_a_still_asked_as_the_document_camera_opens_waits_for_its_first_picture(
    document_camera: Path,
) -> None:
    camera = DocumentCamera(str(document_camera), on_preview=lambda _: None)
    camera.start()
    try:
        still = camera.still()  # at once: the resident may tap before the first picture
        assert (still.width, still.height) == (1600, 1200)
    finally:
        camera.stop()


@contextlib.contextmanager
def _rig_with_camera(qtbot: QtBot, server: EmbeddedServer, camera: str) -> Iterator[Rig]:
    """test_app_e2e.make_rig, with a camera (make_rig fixes it at "none")."""
    settings = KioskSettings(
        server_url=server.kiosk_url,
        token=server.add_kiosk("Kiosk 1", "Library"),
        camera=camera,
        microphone="none",
        fullscreen=False,
    )
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    app = KioskApp(settings, app=qapp)
    app.start()
    rig = Rig(qtbot, server, app)
    try:
        yield rig
    finally:
        if rig.adviser is not None:
            rig.adviser.stop()
        app.stop()


def test_the_kiosk_sends_the_call_cameras_full_size_still(
    qtbot: QtBot, running_server: EmbeddedServer, document_camera: Path
) -> None:
    """The whole kiosk (tests/kiosk/test_call_features_e2e.py's rig) with the 1600x1200 clip as
    its call camera and no document camera: the backend hands the call's track to take_still."""
    with _rig_with_camera(qtbot, running_server, str(document_camera)) as rig:
        in_call(rig, "sv")
        adviser = rig.adviser
        assert adviser is not None
        w = rig.app.window
        rig.tap(w.call.show_letter)
        assert letter_step(rig) is LetterStep.AIMING
        rig.tap(w.call.letter.take)
        rig.wait(lambda: letter_step(rig) is LetterStep.CHECKING, WAIT_MS)
        assert w.call.letter.stage.still_size == (1600, 1200)
        call = rig.state.call
        assert call is not None and call.letter is not None and call.letter.picture is not None
        sent = call.letter.picture.data
        rig.tap(w.call.letter.send)
        rig.wait(lambda: letter_step(rig) is LetterStep.SENT, WAIT_MS)
        received = adviser.documents_of(docs.DocumentReceived)
        assert len(received) == 1 and received[0].data == sent
        assert (received[0].width, received[0].height) == (1600, 1200)
