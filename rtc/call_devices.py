"""A party's devices for its calls: opened once, shared by every connection, and the preview.

:class:`~rtc.call_media.CallMedia` keeps one. The camera and the microphone are opened lazily
and once (the kiosk opens them before the call for its waiting-screen preview, the console per
call); every peer connection of a call gets its own tracks from them (:meth:`PartyDevices.tracks`:
video through a ``MediaRelay(buffered=False)`` subscription, newest frame only, each frame a copy
of its own; audio through a short queue of its own; :mod:`rtc.media.fanout` says why). The own
picture goes to ``on_local_frame``, rate-limited, through one more relay subscription.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable

import av
from aiortc.contrib.media import MediaRelay
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from rtc.media import LocalMedia, MediaConfig, open_local_media
from rtc.media.fanout import AudioFanout, OwnFrameTrack

FrameListener = Callable[[av.VideoFrame], None]


class PartyDevices:
    """The devices of one party (see the module docstring); every method on its loop."""

    def __init__(
        self,
        config: MediaConfig,
        *,
        preview_interval_s: float = 1 / 15,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config
        self._preview_interval_s = preview_interval_s
        self._now = monotonic
        self.local: LocalMedia | None = None
        self._opening: asyncio.Task[LocalMedia] | None = None
        self._relay: MediaRelay | None = None
        self._audio: AudioFanout | None = None
        self._preview: MediaStreamTrack | None = None
        self._preview_task: asyncio.Task[None] | None = None

    async def open(self, on_local_frame: FrameListener | None) -> LocalMedia:
        """Open the devices (and the preview, unless ``on_local_frame`` is None) once;
        concurrent and later callers share them."""
        opening = self._opening
        if opening is None or (opening.done() and (opening.cancelled() or opening.exception())):
            opening = self._opening = asyncio.create_task(
                self._open(on_local_frame), name="call-media-open"
            )
        return await asyncio.shield(opening)

    async def _open(self, on_local_frame: FrameListener | None) -> LocalMedia:
        local = await open_local_media(self.config)
        self.local = local
        self._relay = MediaRelay()
        self._audio = AudioFanout(local.audio)
        if on_local_frame is not None:
            self._preview = self._relay.subscribe(local.video, buffered=False)
            self._preview_task = asyncio.create_task(
                self._run_preview(self._preview, on_local_frame), name="call-preview"
            )
        return local

    def tracks(self) -> tuple[MediaStreamTrack, MediaStreamTrack]:
        """Video and audio for one more connection; stop them when it closes."""
        assert self.local is not None and self._relay is not None and self._audio is not None, (
            "devices not open"
        )
        video = OwnFrameTrack(self._relay.subscribe(self.local.video, buffered=False))
        return video, self._audio.subscribe()

    async def _run_preview(self, track: MediaStreamTrack, deliver: FrameListener) -> None:
        last: float | None = None
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            now = self._now()
            if isinstance(frame, av.VideoFrame) and (
                last is None or now - last >= self._preview_interval_s
            ):
                last = now
                deliver(frame)

    async def close(self) -> None:
        """Release the devices; :meth:`open` may open them again. Idempotent."""
        opening, self._opening = self._opening, None
        local: LocalMedia | None = None
        if opening is not None:
            with contextlib.suppress(Exception):
                local = await opening  # still opening: let it finish, then close what it opened
        task, self._preview_task = self._preview_task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        preview, self._preview = self._preview, None
        if preview is not None:
            preview.stop()
        if local is not None:
            await local.close()
        self.local = None
        self._relay = None
        self._audio = None
