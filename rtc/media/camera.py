"""A camera (or a video file, which OpenCV opens the same way) as an aiortc video track.

``cv2.VideoCapture.read()`` blocks and carries no timestamps (../shared/AIORTC.md pitfall 12),
so a reader thread reads it, keeps only the newest frame in a slot, and wakes the track's ``recv()``
on the event loop; ``recv()`` stamps the frame with the track's own clock. A camera that stops
delivering does not hang the call: after ``stall_s`` without a picture ``recv()`` sends a black
frame and :meth:`CameraVideoTrack.working` reports the camera as not working.

A file path loops at its end, so a recorded clip can stand in for a camera in tests and demos.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from fractions import Fraction

import av
import cv2
import numpy as np
import numpy.typing as npt
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from rtc.media.clock import MediaClock
from rtc.media.synthetic import VIDEO_CLOCK_RATE
from signaling.errors import KiosklinkError

Image = npt.NDArray[np.uint8]
_MAX_READ_FAILURES = 30


class DeviceUnavailable(KiosklinkError):
    """A camera, microphone or speaker that was asked for cannot be opened."""


def _open_capture(device: int | str, width: int, height: int, fps: int) -> cv2.VideoCapture:
    capture = cv2.VideoCapture(device)
    if not capture.isOpened():
        capture.release()
        raise DeviceUnavailable(f"camera {device!r} cannot be opened")
    if isinstance(device, int):
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        capture.set(cv2.CAP_PROP_FPS, fps)
    return capture


class CameraVideoTrack(MediaStreamTrack):
    """Frames from ``device`` (an index, a device path or a video file) at most ``fps`` a second.

    The constructor opens the device and blocks while it does (a camera can take a second): from
    async code call it through ``asyncio.to_thread``. Raises :class:`DeviceUnavailable` when it
    cannot open.
    ``stop()`` ends the reader thread and releases the device.
    """

    kind = "video"

    def __init__(
        self,
        device: int | str,
        width: int = 640,
        height: int = 480,
        fps: int = 30,
        *,
        clock: MediaClock | None = None,
        stall_s: float = 1.0,
    ) -> None:
        super().__init__()
        self.device, self.width, self.height, self.fps = device, width, height, fps
        self.clock = clock or MediaClock()
        self._stall_s = stall_s
        self._capture = _open_capture(device, width, height, fps)
        self._is_file = isinstance(device, str) and not device.startswith("/dev/")
        self._lock = threading.Lock()
        self._latest: Image | None = None
        self._seq = 0
        self._delivered = 0
        self._last_frame_at: float | None = None
        self._waiter: tuple[asyncio.AbstractEventLoop, asyncio.Future[None]] | None = None
        self._stopping = threading.Event()
        self._last_pts = -1
        self.frames_read = 0
        self.failed = False
        self._thread = threading.Thread(
            target=self._read_loop, name="kiosklink-camera", daemon=True
        )
        self._thread.start()

    # -- reader thread -----------------------------------------------------------------------------

    def _read_loop(self) -> None:
        period = 1 / self.fps
        failures = 0
        next_due = time.monotonic()
        while not self._stopping.is_set() and failures < _MAX_READ_FAILURES:
            ok, image = self._capture.read()
            if not ok and self._is_file:
                self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
                ok, image = self._capture.read()
            if not ok:
                failures += 1
                self._stopping.wait(0.05)
                continue
            failures = 0
            self._publish(self._fit(np.asarray(image, dtype=np.uint8)))
            # A file reads as fast as the disk; a camera blocks by itself. Pace both to ``fps``.
            next_due = max(next_due + period, time.monotonic() - period)
            self._stopping.wait(max(0.0, next_due - time.monotonic()))
        self.failed = failures >= _MAX_READ_FAILURES

    def _fit(self, image: Image) -> Image:
        if image.shape[1] != self.width or image.shape[0] != self.height:
            return np.asarray(cv2.resize(image, (self.width, self.height)), dtype=np.uint8)
        return image

    def _publish(self, image: Image) -> None:
        with self._lock:
            self._latest, self._seq = image, self._seq + 1
            self._last_frame_at = time.monotonic()
            self.frames_read += 1
            waiter, self._waiter = self._waiter, None
        if waiter is not None:
            loop, future = waiter
            # The loop may have closed while we read: then nobody is waiting any more.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(_wake, future)

    # -- event loop side ---------------------------------------------------------------------------

    async def recv(self) -> av.VideoFrame:
        image = await self._next_image()
        if self.readyState != "live":  # stopped: end the consumers (a MediaRelay reader too)
            raise MediaStreamError
        frame = av.VideoFrame.from_ndarray(image, format="bgr24")
        pts = round(self.clock.elapsed() * VIDEO_CLOCK_RATE)
        self._last_pts = max(pts, self._last_pts + 1)
        frame.pts = self._last_pts
        frame.time_base = Fraction(1, VIDEO_CLOCK_RATE)
        return frame

    async def _next_image(self) -> Image:
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._seq != self._delivered and self._latest is not None:
                self._delivered = self._seq
                return self._latest
            future: asyncio.Future[None] = loop.create_future()
            self._waiter = (loop, future)
        try:
            await asyncio.wait_for(future, self._stall_s)
        except TimeoutError:
            return np.zeros((self.height, self.width, 3), dtype=np.uint8)
        with self._lock:
            self._delivered = self._seq
            assert self._latest is not None
            return self._latest

    def stop(self) -> None:
        super().stop()
        self._stopping.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)
        self._capture.release()

    def working(self) -> bool:
        """A picture arrived within the last two ``stall_s``."""
        with self._lock:
            last = self._last_frame_at
        return not self.failed and last is not None and time.monotonic() - last < 2 * self._stall_s


def _wake(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)
