"""Several remote microphones into the one speaker (docs/protocol.md §Interpreter).

In a three-way call each party hears the two others, who arrive on two peer connections whose
audio is decoded independently. :class:`Mixer` is the pure core: mono int16 samples in, per
source, and blocks of ``block_samples`` (20 ms at 48 kHz) out, summed and clipped to int16.

Rules of :meth:`Mixer.push`:

* A block is mixed as soon as every source has one: sources keep pace with each other.
* A source that falls silent (its connection stalls, its decoder skips) must not hold the others
  up: once any source holds more than ``max_lag_blocks`` blocks, the oldest block is mixed with
  whatever the others have (the missing part is silence). Lag never grows past that, as with the
  speaker's own bounded buffer (../shared/AIORTC.md pitfall 1).
* With one source there is nothing to wait for: every full block goes straight out.
* Removing a source drops what it had buffered and may release blocks the others were holding.

:class:`MixedSpeaker` is the adapter: it hands each source an :class:`~rtc.media.audio.AudioSink`
(:meth:`MixedSpeaker.source`) and plays the mix on the real sink. While only one source is
connected its frames pass through untouched (no resampling, no copy): a two-party call costs
what it did before interpreters existed.
"""

from __future__ import annotations

from collections import deque
from fractions import Fraction

import av
import numpy as np
import numpy.typing as npt

from rtc.media.audio import AudioSink
from rtc.media.synthetic import AUDIO_FRAME_SAMPLES, AUDIO_RATE

Samples = npt.NDArray[np.int16]
_INT16 = np.iinfo(np.int16)


class Mixer:
    """Sums per-source mono int16 streams block by block (see the module docstring)."""

    def __init__(
        self, *, block_samples: int = AUDIO_FRAME_SAMPLES, max_lag_blocks: int = 3
    ) -> None:
        self.block_samples = block_samples
        self.max_lag_blocks = max_lag_blocks
        self._pending: dict[str, deque[Samples]] = {}  # whole blocks per source, oldest first
        self._partial: dict[str, Samples] = {}  # the tail that does not make a block yet

    @property
    def sources(self) -> list[str]:
        return list(self._pending)

    def add_source(self, name: str) -> None:
        self._pending.setdefault(name, deque())
        self._partial.setdefault(name, np.zeros(0, dtype=np.int16))

    def remove_source(self, name: str) -> list[Samples]:
        """Forget ``name`` and its samples; the blocks the others can now mix."""
        self._pending.pop(name, None)
        self._partial.pop(name, None)
        return self._mix_ready()

    def push(self, name: str, samples: Samples) -> list[Samples]:
        """Add ``samples`` (1-D int16) from source ``name``; the blocks ready to play, in order.

        Raises KeyError for a source that was not added."""
        joined = np.concatenate([self._partial[name], samples.astype(np.int16, copy=False)])
        whole = len(joined) // self.block_samples * self.block_samples
        blocks = self._pending[name]
        for start in range(0, whole, self.block_samples):
            blocks.append(joined[start : start + self.block_samples])
        self._partial[name] = joined[whole:]
        return self._mix_ready()

    def _mix_ready(self) -> list[Samples]:
        out: list[Samples] = []
        queues = list(self._pending.values())
        while queues and (all(queues) or max(len(q) for q in queues) > self.max_lag_blocks):
            out.append(self._sum([q.popleft() for q in queues if q]))
        return out

    def _sum(self, blocks: list[Samples]) -> Samples:
        if len(blocks) == 1:
            return blocks[0]
        total = np.zeros(self.block_samples, dtype=np.int32)
        for block in blocks:
            total += block
        return np.clip(total, _INT16.min, _INT16.max).astype(np.int16)


class MixedSpeaker:
    """The one speaker, shared by every connection of a call; each gets its own source.

    It never closes ``output``: the speaker belongs to the party's devices, not to a call."""

    def __init__(self, output: AudioSink, *, rate: int = AUDIO_RATE) -> None:
        self.output = output
        self.rate = rate
        self.mixer = Mixer(block_samples=rate // 50)
        self._resamplers: dict[str, av.AudioResampler] = {}
        self._pts = 0

    def source(self, name: str) -> _Source:
        """An AudioSink for ``name``'s decoded audio; closing it removes the source."""
        self.mixer.add_source(name)
        self._resamplers[name] = av.AudioResampler(format="s16", layout="mono", rate=self.rate)
        return _Source(self, name)

    def _play(self, name: str, frame: av.AudioFrame) -> None:
        if name not in self._resamplers:
            return  # a source already removed: its connection is closing
        if len(self._resamplers) == 1:
            self.output.play(frame)
            return
        for out in self._resamplers[name].resample(frame):
            samples = np.asarray(out.to_ndarray(), dtype=np.int16).reshape(-1)
            self._emit(self.mixer.push(name, samples))

    def _remove(self, name: str) -> None:
        if self._resamplers.pop(name, None) is not None:
            self._emit(self.mixer.remove_source(name))

    def _emit(self, blocks: list[Samples]) -> None:
        for block in blocks:
            frame = av.AudioFrame.from_ndarray(block.reshape(1, -1), format="s16", layout="mono")
            frame.sample_rate = self.rate
            frame.pts, frame.time_base = self._pts, Fraction(1, self.rate)
            self._pts += len(block)
            self.output.play(frame)


class _Source:
    """One connection's view of the mixed speaker."""

    def __init__(self, speaker: MixedSpeaker, name: str) -> None:
        self._speaker, self.name = speaker, name

    def play(self, frame: av.AudioFrame) -> None:
        self._speaker._play(self.name, frame)

    def close(self) -> None:
        self._speaker._remove(self.name)
