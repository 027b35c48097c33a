"""Reads booking and ticket QR codes from the kiosk's camera while the check-in page is open
(docs/booking.md §Check-in). The asyncio side, no Qt.

The camera opens when :meth:`CodeReader.start` is called and closes on :meth:`CodeReader.stop`
(the controller follows ``KioskState.scanning``). A few pictures a second are looked at with
OpenCV's ``QRCodeDetector`` in a worker thread, so neither the event loop nor the GUI waits for
it; each picture is dropped once looked at: nothing is stored, only a payload's text goes on,
and the same payload once until another is seen.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace

import av
import cv2
import numpy as np
import numpy.typing as npt

from rtc.frames import frame_rgb
from rtc.media import LocalMedia, MediaConfig, open_local_media

log = logging.getLogger(__name__)
LOOK_INTERVAL_S = 0.2  # five looks a second: a code held up is read well within a second
PREVIEW_EVERY = 2  # and every other picture looked at goes to the screen, to aim the code by

Frame = npt.NDArray[np.uint8]


def read_qr(rgb: Frame) -> str | None:
    """The text of a QR code in the picture, if one is readable."""
    text, points, _ = cv2.QRCodeDetector().detectAndDecode(rgb)
    return text or None if points is not None else None


class CodeReader:
    def __init__(
        self,
        config: MediaConfig,
        *,
        on_code: Callable[[str], None],
        on_frame: Callable[[Frame], None] = lambda _: None,
        interval_s: float = LOOK_INTERVAL_S,
    ) -> None:
        # The camera alone: no microphone or speaker is wanted to read a code.
        self._config = replace(config, microphone=False, speaker=False)
        self._on_code = on_code
        self._on_frame = on_frame
        self._interval_s = interval_s
        self._task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        return self._task is not None

    async def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        """Stop looking and release the camera (before the call's media opens it)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def _run(self) -> None:
        media: LocalMedia = await open_local_media(self._config)
        last: str | None = None
        looked = 0
        try:
            while True:
                frame = await media.video.recv()
                assert isinstance(frame, av.VideoFrame)
                rgb = frame_rgb(frame)
                looked += 1
                if looked % PREVIEW_EVERY == 1:
                    self._on_frame(rgb)
                payload = await asyncio.to_thread(read_qr, rgb)
                if payload is not None and payload != last:
                    self._on_code(payload)
                last = payload or last
                await asyncio.sleep(self._interval_s)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("reading codes from the camera stopped")
        finally:
            await media.close()
