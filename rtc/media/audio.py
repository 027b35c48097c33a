"""Microphone and speaker through ``sounddevice`` (PortAudio), and the blackhole that stands in.

PortAudio calls back on its own thread. The microphone hands each block to the event loop, where a
bounded queue keeps the newest :data:`MAX_QUEUED_BLOCKS` (drop oldest: lag never grows, pitfall 1);
the speaker reads from a bounded buffer filled by :meth:`SpeakerSink.play` and plays silence when it
runs dry. Both work at 48 kHz, Opus's rate, so nothing is resampled on the way in.

Every remote audio track needs a consumer (../shared/AIORTC.md): :class:`rtc.call.CallSession`
drains it into an :class:`AudioSink`, a :class:`SpeakerSink` or a :class:`NullSink`.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections import deque
from fractions import Fraction
from typing import Any, Protocol

import av
import numpy as np
import numpy.typing as npt
from aiortc.mediastreams import MediaStreamTrack

from rtc.media.camera import DeviceUnavailable
from rtc.media.synthetic import AUDIO_FRAME_SAMPLES, AUDIO_RATE

MAX_QUEUED_BLOCKS = 10  # 200 ms of microphone audio
MAX_BUFFERED_SAMPLES = AUDIO_RATE // 5  # 200 ms of speaker audio

Samples = npt.NDArray[np.int16]


class AudioSink(Protocol):
    def play(self, frame: av.AudioFrame) -> None: ...
    def close(self) -> None: ...


class NullSink:
    """Swallows remote audio (no speaker, or none wanted); counts what it got."""

    def __init__(self) -> None:
        self.frames = 0

    def play(self, frame: av.AudioFrame) -> None:
        self.frames += 1

    def close(self) -> None:
        pass


class DropOldest:
    """A bounded FIFO of sample blocks; pushing onto a full one drops the oldest. One thread."""

    def __init__(self, max_blocks: int) -> None:
        self._blocks: deque[Samples] = deque(maxlen=max_blocks)
        self.dropped = 0

    def push(self, block: Samples) -> None:
        if len(self._blocks) == self._blocks.maxlen:
            self.dropped += 1
        self._blocks.append(block)

    def pop(self) -> Samples | None:
        return self._blocks.popleft() if self._blocks else None

    def __len__(self) -> int:
        return len(self._blocks)


class MicrophoneTrack(MediaStreamTrack):
    """Mono 48 kHz audio from input ``device`` (a PortAudio index). Raises DeviceUnavailable."""

    kind = "audio"

    def __init__(self, device: int) -> None:
        super().__init__()
        import sounddevice

        self._event_loop = asyncio.get_running_loop()
        self._queue = DropOldest(MAX_QUEUED_BLOCKS)
        self._ready = asyncio.Event()
        self._pts = 0
        try:
            self._stream = sounddevice.InputStream(
                device=device,
                samplerate=AUDIO_RATE,
                channels=1,
                dtype="int16",
                blocksize=AUDIO_FRAME_SAMPLES,
                callback=self._on_block,
            )
            self._stream.start()
        except Exception as exc:
            raise DeviceUnavailable(f"microphone {device} cannot be opened: {exc}") from exc

    def _on_block(self, data: npt.NDArray[np.int16], frames: int, when: Any, status: Any) -> None:
        block = data[:, 0].copy()
        with contextlib.suppress(RuntimeError):  # the loop closed during shutdown
            self._event_loop.call_soon_threadsafe(self._arrive, block)

    def _arrive(self, block: Samples) -> None:
        self._queue.push(block)
        self._ready.set()

    async def recv(self) -> av.AudioFrame:
        block = self._queue.pop()
        while block is None:
            self._ready.clear()
            await self._ready.wait()
            block = self._queue.pop()
        frame = av.AudioFrame.from_ndarray(block.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = AUDIO_RATE
        frame.pts, frame.time_base = self._pts, Fraction(1, AUDIO_RATE)
        self._pts += len(block)
        return frame

    def stop(self) -> None:
        super().stop()
        self._stream.stop()
        self._stream.close()


class SpeakerSink:
    """Plays remote audio on output ``device`` (a PortAudio index). Raises DeviceUnavailable."""

    def __init__(self, device: int) -> None:
        import sounddevice

        self._lock = threading.Lock()
        self._buffer: deque[Samples] = deque()
        self._buffered = 0
        self.underruns = 0
        self._resampler = av.AudioResampler(format="s16", layout="mono", rate=AUDIO_RATE)
        try:
            self._stream = sounddevice.OutputStream(
                device=device,
                samplerate=AUDIO_RATE,
                channels=1,
                dtype="int16",
                callback=self._fill,
            )
            self._stream.start()
        except Exception as exc:
            raise DeviceUnavailable(f"speaker {device} cannot be opened: {exc}") from exc

    def play(self, frame: av.AudioFrame) -> None:
        for out in self._resampler.resample(frame):
            samples = np.asarray(out.to_ndarray(), dtype=np.int16).reshape(-1)
            with self._lock:
                self._buffer.append(samples)
                self._buffered += len(samples)
                # Over the cap, drop the oldest audio: late sound is worse than a click.
                while self._buffered > MAX_BUFFERED_SAMPLES and len(self._buffer) > 1:
                    self._buffered -= len(self._buffer.popleft())

    def _fill(self, out: npt.NDArray[np.int16], frames: int, when: Any, status: Any) -> None:
        with self._lock:
            filled = _drain_into(self._buffer, out[:, 0], frames)
            self._buffered -= filled
        if filled < frames:
            self.underruns += 1
            out[filled:, 0] = 0

    def close(self) -> None:
        self._stream.stop()
        self._stream.close()


def _drain_into(buffer: deque[Samples], out: Samples, frames: int) -> int:
    """Move up to ``frames`` samples from the front of ``buffer`` into ``out``; return how many."""
    filled = 0
    while filled < frames and buffer:
        head = buffer[0]
        take = min(frames - filled, len(head))
        out[filled : filled + take] = head[:take]
        filled += take
        if take == len(head):
            buffer.popleft()
        else:
            buffer[0] = head[take:]
    return filled
