"""A camera (or a video file, which OpenCV opens the same way) as an aiortc video track.

``cv2.VideoCapture.read()`` blocks and carries no timestamps (../shared/AIORTC.md pitfall 12),
so a reader thread reads it, keeps only the newest frame in a slot, and wakes the track's ``recv()``
on the event loop; ``recv()`` stamps the frame with the track's own clock. A camera that stops
delivering does not hang the call: after ``stall_s`` without a picture ``recv()`` sends a black
frame and :meth:`CameraVideoTrack.working` reports the camera as not working.

A file path loops at its end, so a recorded clip can stand in for a camera in tests and demos.

:meth:`CameraVideoTrack.take_still` takes a still at the source's full resolution while the call
goes on (issue #16: a letter held up to the camera must be readable). The request is a
``concurrent.futures.Future`` handed to the reader thread, which serves it between two reads:

* a file already reads at its native size: the next raw frame, before it is scaled to the call
  size, is the still;
* a camera device is switched to its largest mode and back (:func:`_set_mode`); meanwhile
  ``recv()`` repeats the last call-size frame, so the call holds its picture for the switch
  instead of sending black or counting a stall. That switch needs a real V4L2 camera and is not
  exercised by the tests (the test machines have none): read :meth:`_still_by_switching` with care.
  Each switch logs how long the call's picture was held (:attr:`CameraVideoTrack.still_hold_s`).

Measured on a 1600x1200 clip (2-core machine): a still in about 35 ms, JPEG included, and the
call's frames no further apart than without one. The hold of a real camera's switch is unmeasured.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import threading
import time
from fractions import Fraction

import av
import cv2
import numpy as np
import numpy.typing as npt
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from rtc.media.clock import MediaClock
from rtc.media.still import Still
from rtc.media.synthetic import VIDEO_CLOCK_RATE
from signaling.errors import KiosklinkError

log = logging.getLogger(__name__)

Image = npt.NDArray[np.uint8]
StillRequest = concurrent.futures.Future[Image]
_MAX_READ_FAILURES = 30
JPEG_QUALITY = 90  # small print stays readable; a 12 MP letter is 2-4 MB (docs/protocol.md)
LARGEST = 10_000  # asked of the driver, which answers with the largest size it has
# The first frame after a mode switch can be a buffer filled before it or a dark one while the
# sensor settles; later ones are the new mode's. More would lengthen the call's frozen picture.
STALE_FRAMES_AFTER_SWITCH = 1
_READS_PER_FRAME = 5  # a switched camera may fail a read or two before it streams again


class DeviceUnavailable(KiosklinkError):
    """A camera, microphone or speaker that was asked for cannot be opened."""


def encode_still(bgr: Image, *, quality: int = JPEG_QUALITY) -> Still:
    """A BGR picture as a JPEG :class:`Still` of the same size, in memory."""
    ok, data = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise DeviceUnavailable("the picture could not be encoded")
    height, width = bgr.shape[:2]
    return Still(data.tobytes(), "image/jpeg", width, height)


def _is_device(device: int | str) -> bool:
    """A camera whose mode can be set (V4L2), not a file standing in for one."""
    return isinstance(device, int) or device.startswith("/dev/")


def _open_capture(device: int | str, width: int, height: int, fps: int) -> cv2.VideoCapture:
    capture = cv2.VideoCapture(device)
    if not capture.isOpened():
        capture.release()
        raise DeviceUnavailable(f"camera {device!r} cannot be opened")
    if _is_device(device):
        _set_mode(capture, width, height, fps)
    return capture


def _set_mode(
    capture: cv2.VideoCapture, width: int, height: int, fps: int | None = None
) -> tuple[int, int]:
    """Ask the camera for ``width`` x ``height`` (and ``fps``); return the size it chose.

    OpenCV's V4L2 backend applies the pair at the second ``set`` with one stream restart
    (``icvSetFrameSize`` in cap_v4l.cpp); the driver answers a size it lacks with the nearest it
    has, so :data:`LARGEST` gets its largest mode. Blocks while the stream restarts."""
    capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
    capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
    if fps is not None:
        capture.set(cv2.CAP_PROP_FPS, fps)
    return int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)), int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT))


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
        self._is_file = not _is_device(device)
        self._lock = threading.Lock()
        self._latest: Image | None = None
        self._seq = 0
        self._delivered = 0
        self._last_frame_at: float | None = None
        self._waiter: tuple[asyncio.AbstractEventLoop, asyncio.Future[None]] | None = None
        self._stopping = threading.Event()
        self._still_requests: list[StillRequest] = []
        self._reader_done = False
        self._switching = threading.Event()  # a device is in its still mode: recv() repeats
        self._last_pts = -1
        self.frames_read = 0
        self.failed = False
        self.still_hold_s: float | None = None  # how long the last still froze the call's picture
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
            if not self._is_file and (requests := self._take_requests()):
                self._answer(requests, self._still_or_error())
                continue
            image = self._read()
            if image is None:
                failures += 1
                self._stopping.wait(0.05)
                continue
            failures = 0
            if self._is_file:  # its raw frame, before _fit, is already the full-size still
                self._answer(self._take_requests(), image)
            self._publish(self._fit(image))
            # A file reads as fast as the disk; a camera blocks by itself. Pace both to ``fps``.
            next_due = max(next_due + period, time.monotonic() - period)
            self._stopping.wait(max(0.0, next_due - time.monotonic()))
        self.failed = failures >= _MAX_READ_FAILURES
        self._end_requests()

    def _read(self) -> Image | None:
        ok, image = self._capture.read()
        if not ok and self._is_file:
            self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, image = self._capture.read()
        return np.asarray(image, dtype=np.uint8) if ok else None

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

    # -- stills, on the reader thread --------------------------------------------------------------

    def _take_requests(self) -> list[StillRequest]:
        """The stills asked for, less those whose caller has given up."""
        with self._lock:
            requests, self._still_requests = self._still_requests, []
        return [request for request in requests if not request.cancelled()]

    def _answer(self, requests: list[StillRequest], result: Image | DeviceUnavailable) -> None:
        for request in requests:
            if not request.set_running_or_notify_cancel():
                continue  # the caller timed out meanwhile
            if isinstance(result, DeviceUnavailable):
                request.set_exception(result)
            else:
                request.set_result(result)

    def _still_or_error(self) -> Image | DeviceUnavailable:
        try:
            return self._still_by_switching()
        except DeviceUnavailable as exc:
            return exc

    def _still_by_switching(self) -> Image:
        """A camera's still: its largest mode for a frame or two, then the call's mode again.

        Not exercised by the tests (no camera device there). The call's picture is held from
        the switch until the first call-size frame after it: :attr:`still_hold_s` says for how
        long (it should stay under ``stall_s``, about 1 s, or the far end sees a frozen picture
        that long)."""
        started = time.monotonic()
        self._switching.set()
        try:
            size = _set_mode(self._capture, LARGEST, LARGEST)
            log.info("camera switched to %dx%d for a still", *size)
            for _ in range(STALE_FRAMES_AFTER_SWITCH):
                self._read_after_switch()
            image = self._read_after_switch()
        finally:
            _set_mode(self._capture, self.width, self.height, self.fps)
            back = self._read_after_switch_or_none()
            self._switching.clear()
            if back is not None:
                self._publish(self._fit(back))
            self.still_hold_s = time.monotonic() - started
            log.info("the call's picture was held %.0f ms for the still", self.still_hold_s * 1000)
        return image

    def _read_after_switch(self) -> Image:
        image = self._read_after_switch_or_none()
        if image is None:
            raise DeviceUnavailable(f"camera {self.device!r} gave no picture in its still mode")
        return image

    def _read_after_switch_or_none(self) -> Image | None:
        for _ in range(_READS_PER_FRAME):
            image = self._read()
            if image is not None:
                return image
        return None

    def _end_requests(self) -> None:
        """The reader has ended: fail what waits now and what is asked later, at once."""
        with self._lock:
            self._reader_done = True
            requests, self._still_requests = self._still_requests, []
        self._answer(requests, self._stopped_error())

    def _stopped_error(self) -> DeviceUnavailable:
        return DeviceUnavailable(f"camera {self.device!r} stopped giving pictures")

    # -- event loop side ---------------------------------------------------------------------------

    async def take_still(self, *, timeout_s: float = 5.0) -> Still:
        """A JPEG still at the source's full resolution, in memory; the call's video goes on.

        Raises :class:`DeviceUnavailable` when no frame comes within ``timeout_s`` or the camera
        has stopped."""
        request: StillRequest = concurrent.futures.Future()
        with self._lock:
            if self._reader_done or self.readyState != "live":
                raise self._stopped_error()
            self._still_requests.append(request)
        try:
            image = await asyncio.wait_for(asyncio.wrap_future(request), timeout_s)
        except TimeoutError:
            raise DeviceUnavailable(
                f"camera {self.device!r} gave no still within {timeout_s:g} s"
            ) from None
        return await asyncio.to_thread(encode_still, image)

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
        deadline = loop.time() + self._stall_s
        # Wait a frame period at a time: while a still switches the camera's mode the last
        # picture is repeated at the call's rate rather than black after ``stall_s``.
        while not future.done() and (remaining := deadline - loop.time()) > 0:
            await asyncio.wait({future}, timeout=min(remaining, 1 / self.fps))
            held = self._held_picture()
            if not future.done() and held is not None:
                return held
        if not future.done():
            return np.zeros((self.height, self.width, 3), dtype=np.uint8)
        with self._lock:
            self._delivered = self._seq
            assert self._latest is not None
            return self._latest

    def _held_picture(self) -> Image | None:
        """The last picture while the camera is in its still mode, else None."""
        if not self._switching.is_set():
            return None
        with self._lock:
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
