"""One camera and one microphone to several peer connections (a three-way call's mesh).

Video: each encoder gets a frame of its own.
A :class:`~aiortc.contrib.media.MediaRelay` hands the *same* ``av.VideoFrame`` to every subscriber.
aiortc's VP8 encoder, in an executor thread per connection, converts it to yuv420p with the
frame's own cached converter and rebases its timestamps in place: two connections encoding one
frame at once crashed the process (a segfault in ``vpx.encode``, seen in the three-way call's
first run). :class:`OwnFrameTrack` gives its connection a yuv420p copy made with a converter of
its own, in the executor like aiortc's encoding, so the shared frame is only ever read. The
encoder then has nothing to convert, so the work is moved, not added.

Audio: :class:`AudioFanout` gives each connection a short queue of its own (its docstring says
why not the relay).
"""

from __future__ import annotations

import asyncio
from collections import deque

import av
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av.frame import Frame
from av.video.reformatter import VideoReformatter


class OwnFrameTrack(MediaStreamTrack):
    """``source``'s frames as fresh yuv420p frames owned by this track's consumer alone."""

    kind = "video"

    def __init__(self, source: MediaStreamTrack) -> None:
        super().__init__()
        self.source = source
        self._reformatter = VideoReformatter()

    async def recv(self) -> av.VideoFrame:
        frame = await self.source.recv()
        assert isinstance(frame, av.VideoFrame)
        return await asyncio.get_running_loop().run_in_executor(None, self._own, frame)

    def _own(self, frame: av.VideoFrame) -> av.VideoFrame:
        own = self._reformatter.reformat(frame, format="yuv420p")
        if own is frame:  # already yuv420p: the converter had nothing to do, copy it
            own = av.VideoFrame.from_ndarray(frame.to_ndarray(), format="yuv420p")
        own.pts, own.time_base = frame.pts, frame.time_base
        return own

    def stop(self) -> None:
        super().stop()
        self.source.stop()  # the relay subscription is this connection's alone


class AudioFanout:
    """One microphone to several connections, each with a bounded queue of its own.

    A relay subscription with ``buffered=False`` keeps only the newest frame: an audio sender a
    little late (its encoder waits for a thread behind the video encoders) loses 20 ms of sound
    each time; measured in the three-way test, each connection got only ~38 of the 50 frames a
    second. ``buffered=True`` lost none but queues without bound (pitfall 1). Here each branch keeps
    the newest ``max_frames`` (200 ms) and drops the oldest beyond: lag never grows.
    """

    def __init__(self, source: MediaStreamTrack, *, max_frames: int = 10) -> None:
        self.source = source
        self.max_frames = max_frames
        self._branches: set[_AudioBranch] = set()
        self._task: asyncio.Task[None] | None = None

    def subscribe(self) -> MediaStreamTrack:
        branch = _AudioBranch(self)
        self._branches.add(branch)
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="audio-fanout")
        return branch

    async def _run(self) -> None:
        while True:
            try:
                frame = await self.source.recv()
            except MediaStreamError:
                for branch in list(self._branches):
                    branch.stop()
                return
            if isinstance(frame, Frame):
                for branch in self._branches:
                    branch.push(frame)

    def _unsubscribe(self, branch: _AudioBranch) -> None:
        self._branches.discard(branch)
        if not self._branches and self._task is not None:
            self._task.cancel()  # nobody listens: stop pulling the microphone
            self._task = None


class _AudioBranch(MediaStreamTrack):
    kind = "audio"

    def __init__(self, fanout: AudioFanout) -> None:
        super().__init__()
        self._fanout = fanout
        self._frames: deque[Frame] = deque(maxlen=fanout.max_frames)
        self._arrived = asyncio.Event()
        self.dropped = 0

    def push(self, frame: Frame) -> None:
        if len(self._frames) == self._frames.maxlen:
            self.dropped += 1
        self._frames.append(frame)
        self._arrived.set()

    async def recv(self) -> Frame:
        while not self._frames:
            if self.readyState != "live":
                raise MediaStreamError
            self._arrived.clear()
            await self._arrived.wait()
        return self._frames.popleft()

    def stop(self) -> None:
        super().stop()
        self._arrived.set()  # a recv() waiting ends with MediaStreamError
        self._fanout._unsubscribe(self)
