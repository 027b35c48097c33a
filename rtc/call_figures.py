"""What one party saw of one connection of a call: the figures the demo and the tests print."""

from __future__ import annotations

from dataclasses import dataclass

from signaling import messages as m


@dataclass
class CallFigures:
    """What one party saw of one call (monotonic times); rebuilds add to the same figures.

    In a three-way call there is one per remote party
    (:attr:`rtc.call_media.CallMedia.party_figures`).
    """

    call_id: str
    started_at: float
    connected_at: float | None = None
    first_frame_at: float | None = None
    frames: int = 0  # remote video frames decoded
    texts_received: int = 0  # real-time text updates
    texts_sent: int = 0
    quality_sent: int = 0
    last_quality: m.Quality | None = None
    audio_frames: int = 0  # remote audio frames decoded (for legs; the main peer's stay 0)
    left_at: float | None = None  # a leg that ended while the call went on
