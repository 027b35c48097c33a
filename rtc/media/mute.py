"""Mute and camera-off without renegotiation (../shared/AIORTC.md pitfall 9).

The call sends a :class:`MuteableTrack` wrapping the real source. Muted, it keeps pulling the source
(so timestamps stay continuous and pacing unchanged) but sends black video or silent audio of the
same shape. Sending *something* matters: the peer's liveness watchdog must not take a muted camera
for a dead call.
"""

from __future__ import annotations

from typing import Any

import av
import numpy as np
from aiortc.mediastreams import MediaStreamTrack
from av.frame import Frame
from av.packet import Packet


class MuteableTrack(MediaStreamTrack):
    def __init__(self, source: MediaStreamTrack) -> None:
        super().__init__()
        self.kind = source.kind
        self.source = source
        self.muted = False

    async def recv(self) -> Frame | Packet[Any]:
        frame = await self.source.recv()
        if not self.muted:
            return frame
        if isinstance(frame, av.VideoFrame):
            return _black(frame)
        if isinstance(frame, av.AudioFrame):
            return _silent(frame)
        return frame

    def stop(self) -> None:
        # The source belongs to LocalMedia, which stops it; only this wrapper ends here.
        super().stop()


def _black(frame: av.VideoFrame) -> av.VideoFrame:
    image = np.zeros((frame.height, frame.width, 3), dtype=np.uint8)
    black = av.VideoFrame.from_ndarray(image, format="rgb24")
    black.pts, black.time_base = frame.pts, frame.time_base
    return black


def _silent(frame: av.AudioFrame) -> av.AudioFrame:
    zeros = np.zeros_like(frame.to_ndarray())
    silent = av.AudioFrame.from_ndarray(zeros, format=frame.format.name, layout=frame.layout.name)
    silent.sample_rate = frame.sample_rate
    silent.pts, silent.time_base = frame.pts, frame.time_base
    return silent
