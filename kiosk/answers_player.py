"""Reads a common question's recording aloud on the kiosk's speaker (docs/answers.md).

asyncio, no Qt. PyAV decodes the file (Ogg/Opus, MP3, WAV) a few frames at a time on a worker
thread; the frames go to the same kind of sink the call's audio plays through
(:class:`rtc.media.audio.SpeakerSink` on the configured speaker, a :class:`NullSink` where there
is none), paced to real time, since the speaker's short buffer drops what arrives too early.
:meth:`AnswerReader.stop` ends it at once; the controller stops it whenever the answer leaves the
screen (``KioskState.reading``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import av

from rtc.media.audio import AudioSink, NullSink, SpeakerSink
from rtc.media.camera import DeviceUnavailable
from rtc.media.devices import find_device

log = logging.getLogger(__name__)
AHEAD_S = 0.1  # how far ahead of the speaker the frames may run (its buffer holds 0.2 s)
BATCH = 25  # frames decoded per trip to the worker thread


def speaker_sink(speaker: bool | str) -> AudioSink:
    """The configured speaker, or a NullSink when there is none (the text is still on screen)."""
    index, reason = find_device("output", speaker)
    if index is None:
        log.info("no speaker for reading aloud: %s", reason)
        return NullSink()
    try:
        return SpeakerSink(index)
    except DeviceUnavailable as exc:
        log.info("no speaker for reading aloud: %s", exc)
        return NullSink()


class AnswerReader:
    def __init__(
        self,
        *,
        open_sink: Callable[[], AudioSink],
        on_done: Callable[[str], None] = lambda _: None,
    ) -> None:
        self._open_sink = open_sink
        self._on_done = on_done
        self._task: asyncio.Task[None] | None = None
        self.playing: str | None = None

    async def play(self, sha256: str, path: Path) -> None:
        await self.stop()
        self.playing = sha256
        self._task = asyncio.create_task(self._run(sha256, path))

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def wait(self) -> None:
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self, sha256: str, path: Path) -> None:
        sink = await asyncio.to_thread(self._open_sink)
        loop = asyncio.get_running_loop()
        try:
            frames = await asyncio.to_thread(_decoder, path)
            started, played_s = loop.time(), 0.0
            while batch := await asyncio.to_thread(_take, frames, BATCH):
                for frame in batch:
                    ahead = played_s - (loop.time() - started)
                    if ahead > AHEAD_S:
                        await asyncio.sleep(ahead - AHEAD_S)
                    sink.play(frame)
                    played_s += frame.samples / (frame.sample_rate or 48_000)
        except (av.FFmpegError, OSError) as exc:
            log.warning("recording %s not played: %s", sha256[:12], exc)
        finally:
            await asyncio.to_thread(sink.close)
            if self.playing == sha256:
                self.playing = None
            self._on_done(sha256)


def _decoder(path: Path) -> Iterator[av.AudioFrame]:
    container = av.open(str(path))

    def frames() -> Iterator[av.AudioFrame]:
        try:
            yield from container.decode(audio=0)
        finally:
            container.close()

    return frames()


def _take(frames: Iterator[av.AudioFrame], count: int) -> list[av.AudioFrame]:
    batch = []
    for frame in frames:
        batch.append(frame)
        if len(batch) == count:
            break
    return batch
