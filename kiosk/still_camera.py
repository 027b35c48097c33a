"""The still of a letter the resident shows in a call (issue #16): where it comes from, as a JPEG
in memory. Never written anywhere: the bytes go to the flow's state and to the document channel.

Where, best first:

* a document camera configured on the kiosk (``document_camera``: an index, a device path, or a
  video file for tests and demos), at the largest size it offers. :class:`DocumentCamera` keeps
  it open while the resident aims the letter (its preview, a reduced copy, is what the screen
  shows then) and encodes its newest picture; without it open, :func:`grab` opens it for the one
  still, reads a few frames so its exposure settles, and releases it;
* with no camera at all (the synthetic test pattern), :func:`rtc.media.still.synthetic_still`,
  a made-up letter as large as a photographed one;
* otherwise the call camera, at its full resolution:
  :meth:`rtc.media.camera.CameraVideoTrack.take_still` switches the camera to its largest mode
  for a frame and back while the call holds its picture (the camera is busy with the call and
  cannot be opened a second time at another size).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

import cv2
import numpy as np
import numpy.typing as npt

from rtc.media.camera import LARGEST, CameraVideoTrack, DeviceUnavailable, encode_still
from rtc.media.still import Still, synthetic_still

Image = npt.NDArray[np.uint8]
SETTLE_FRAMES = 5  # a camera just opened sends a few dark or unfocused frames first


def _open_largest(device: int | str) -> cv2.VideoCapture:
    capture = cv2.VideoCapture(device)
    if not capture.isOpened():
        capture.release()
        raise DeviceUnavailable(f"document camera {device!r} cannot be opened")
    if isinstance(device, int) or str(device).startswith("/dev/"):
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, LARGEST)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, LARGEST)
    return capture


def grab(device: int | str) -> Still:
    """One still from ``device`` at its largest size. Blocks (opening a camera takes a second):
    call it through ``asyncio.to_thread``. Raises :class:`DeviceUnavailable`."""
    capture = _open_largest(device)
    try:
        image: Image | None = None
        for _ in range(SETTLE_FRAMES):
            ok, frame = capture.read()
            if ok:
                image = np.asarray(frame, dtype=np.uint8)
        if image is None:
            raise DeviceUnavailable(f"document camera {device!r} gave no picture")
        return encode_still(image)
    finally:
        capture.release()


class DocumentCamera:
    """A document camera held open while the resident aims a letter.

    A reader thread keeps only the newest picture, at the camera's own size, and hands a reduced
    RGB copy to ``on_preview`` (from that thread) at most every ``preview_interval_s``. Opening
    blocks: call :meth:`start` and :meth:`stop` through ``asyncio.to_thread``. Nothing is kept
    once stopped.
    """

    def __init__(
        self,
        device: int | str,
        *,
        on_preview: Callable[[Image], None],
        preview_width: int = 960,
        preview_interval_s: float = 0.1,
    ) -> None:
        self.device = device
        self._on_preview = on_preview
        self._preview_width = preview_width
        self._preview_interval_s = preview_interval_s
        self._capture: cv2.VideoCapture | None = None
        self._newest: Image | None = None
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._picture_or_end = threading.Event()  # still() waits for it after start()
        self._picture_or_end.set()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Open the camera and start reading. Raises :class:`DeviceUnavailable`."""
        self._capture = _open_largest(self.device)
        self._stopping.clear()
        self._picture_or_end.clear()
        self._thread = threading.Thread(target=self._read, name="kiosklink-document", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        capture = self._capture
        assert capture is not None
        last_preview = 0.0
        failures = 0
        while not self._stopping.is_set() and failures < 30:
            ok, frame = capture.read()
            if not ok:  # a file at its end starts again; a camera that fails gives up
                failures += 1
                capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
                self._stopping.wait(0.05)
                continue
            failures = 0
            image = np.asarray(frame, dtype=np.uint8)
            with self._lock:
                self._newest = image
            self._picture_or_end.set()
            now = time.monotonic()
            if now - last_preview >= self._preview_interval_s:
                last_preview = now
                self._on_preview(self._reduced(image))
            self._stopping.wait(0.02)  # a video file reads as fast as the disk: pace it
        self._picture_or_end.set()  # given up: nothing to wait for

    def _reduced(self, bgr: Image) -> Image:
        height, width = bgr.shape[:2]
        scale = min(1.0, self._preview_width / width)
        small = cv2.resize(bgr, (round(width * scale), round(height * scale)))
        return np.ascontiguousarray(small[:, :, ::-1])  # RGB, as the GUI takes pictures

    def still(self, *, first_picture_s: float = 5.0) -> Still:
        """The newest picture, whole, as a JPEG. Just after :meth:`start` it waits up to
        ``first_picture_s`` for the first (a resident may tap before the camera has sent one).
        Raises :class:`DeviceUnavailable` when none comes or the camera is stopped."""
        self._picture_or_end.wait(first_picture_s)
        with self._lock:
            newest = self._newest
        if newest is None:
            raise DeviceUnavailable(f"document camera {self.device!r} gave no picture yet")
        return encode_still(newest)

    def stop(self) -> None:
        """Stop reading, release the camera, forget the pictures. Idempotent."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self._capture is not None:
            self._capture.release()
            self._capture = None
        with self._lock:
            self._newest = None
        self._picture_or_end.set()  # nothing to wait for any more


def device_of(setting: str) -> int | str | None:
    """``document_camera`` as OpenCV takes it; None when none is configured."""
    setting = setting.strip()
    if not setting or setting == "none":
        return None
    return int(setting) if setting.isdigit() else setting


async def take_still(
    document_camera: str,
    *,
    page: int,
    synthetic: bool,
    call_camera: CameraVideoTrack | None,
    aimed: DocumentCamera | None = None,
) -> Still:
    """The still for page ``page`` (1, 2, ...) by the order in the module docstring (``aimed``:
    the document camera already open; ``call_camera``: the call's camera track, if it is one).
    Raises :class:`DeviceUnavailable` when there is none or it gives no picture."""
    if aimed is not None:
        return await asyncio.to_thread(aimed.still)
    device = device_of(document_camera)
    if device is not None:
        return await asyncio.to_thread(grab, device)
    if synthetic:
        return await asyncio.to_thread(synthetic_still, seed=page - 1)
    if call_camera is None:
        raise DeviceUnavailable("the call has no camera to take a still with")
    return await call_camera.take_still()
