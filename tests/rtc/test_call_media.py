"""Two real CallMedia parties over aiortc on loopback, joined by an in-memory signaling link.

No fakes of our code: the link carries each party's messages to the other's ``receive`` and keeps
the quality reports that would go to the server. Media are small (320x240 at 15 fps) to leave CPU
for the machine's other work.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from fractions import Fraction

import av
import numpy as np
import pytest

from rtc import text as rtt
from rtc.call_media import CallMedia, GainSink, MediaEvents, Role
from rtc.media import MediaConfig
from rtc.text import RttUpdate
from signaling import messages as m

CALL = "call-1"
SMALL = MediaConfig(width=320, height=240, fps=15)


class Collect:
    """A speaker that keeps what it is asked to play."""

    def __init__(self) -> None:
        self.frames: list[av.AudioFrame] = []

    def play(self, frame: av.AudioFrame) -> None:
        self.frames.append(frame)

    def close(self) -> None:
        pass


@dataclass
class Party:
    role: Role
    media: CallMedia = field(init=False)
    states: list[tuple[str, str]] = field(default_factory=list)
    remote_frames: int = 0
    local_frames: list[tuple[float, av.VideoFrame]] = field(default_factory=list)
    texts: list[tuple[RttUpdate, str]] = field(default_factory=list)
    qualities: list[m.Quality] = field(default_factory=list)
    reports: list[m.QualityReport] = field(default_factory=list)
    speaker: Collect = field(default_factory=Collect)

    def events(self) -> MediaEvents:
        return MediaEvents(
            on_state=lambda call_id, state: self.states.append((call_id, state)),
            on_remote_frame=self._remote_frame,
            on_local_frame=lambda frame: self.local_frames.append((time.monotonic(), frame)),
            on_remote_text=lambda update, line: self.texts.append((update, line)),
            on_quality=self.qualities.append,
        )

    def _remote_frame(self, frame: av.VideoFrame) -> None:
        assert isinstance(frame, av.VideoFrame)
        self.remote_frames += 1


class Link:
    """Each party's ``send``: SDP and ICE go to the other party, quality reports are kept."""

    def __init__(self) -> None:
        self._queues: dict[Role, asyncio.Queue[m.SessionDescription | m.IceCandidate]] = {
            "offerer": asyncio.Queue(),
            "answerer": asyncio.Queue(),
        }
        self._pumps: list[asyncio.Task[None]] = []

    def sender(self, party: Party) -> Callable[[m.Message], Awaitable[None]]:
        other: Role = "answerer" if party.role == "offerer" else "offerer"

        async def send(message: m.Message) -> None:
            if isinstance(message, m.QualityReport):
                party.reports.append(message)
            else:
                assert isinstance(message, m.SessionDescription | m.IceCandidate)
                await self._queues[other].put(message)

        return send

    def start(self, *parties: Party) -> None:
        for party in parties:
            self._pumps.append(asyncio.create_task(self._pump(self._queues[party.role], party)))

    @staticmethod
    async def _pump(
        queue: asyncio.Queue[m.SessionDescription | m.IceCandidate], party: Party
    ) -> None:
        while True:
            await party.media.receive(await queue.get())

    async def stop(self) -> None:
        for task in self._pumps:
            task.cancel()
        await asyncio.gather(*self._pumps, return_exceptions=True)


def _party(role: Role, link: Link, **kwargs: float) -> Party:
    party = Party(role)
    party.media = CallMedia(SMALL, send=link.sender(party), events=party.events(), **kwargs)  # type: ignore[arg-type]
    return party


async def _open(party: Party) -> None:
    local = await party.media.open()
    local.speaker = party.speaker  # hear what the call plays, through the module's volume


async def _until(predicate: Callable[[], bool], timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting"
        await asyncio.sleep(0.02)


async def _no_tasks_but(before: set[asyncio.Task[object]]) -> None:
    """aiortc's own tasks and a relay's reader end within a frame or two of their cancellation."""

    def leaked() -> list[asyncio.Task[object]]:
        others = asyncio.all_tasks() - before - {asyncio.current_task()}
        return [t for t in others if not t.done()]

    with contextlib.suppress(AssertionError):
        await _until(lambda: not leaked(), 2.0)
    assert leaked() == []


@pytest.fixture
async def pair() -> AsyncIterator[tuple[Party, Party]]:
    tasks_before = asyncio.all_tasks()
    link = Link()
    offerer = _party("offerer", link, quality_interval_s=0.5, preview_interval_s=0.2)
    answerer = _party("answerer", link, quality_interval_s=0.5, preview_interval_s=0.2)
    for party in (offerer, answerer):
        await _open(party)
    link.start(offerer, answerer)
    await answerer.media.start_call(CALL, "answerer", [])
    await offerer.media.start_call(CALL, "offerer", [])
    yield offerer, answerer
    await link.stop()
    for party in (offerer, answerer):
        await party.media.close()
    await _no_tasks_but(tasks_before)


async def test_a_call_both_ways(pair: tuple[Party, Party]) -> None:
    offerer, answerer = pair
    await _until(lambda: offerer.remote_frames > 10 and answerer.remote_frames > 10)
    for party in pair:
        figures = party.media.figures
        assert figures is not None and figures.call_id == CALL
        assert figures.connected_at is not None and figures.first_frame_at is not None
        assert figures.frames >= party.remote_frames
        assert (CALL, "connected") in party.states

    # Real-time text both ways, clipped to one line's limit.
    await offerer.media.send_text("He")
    await offerer.media.send_text("Hej")
    await answerer.media.commit_text("x" * (rtt.MAX_LINE + 50))
    await _until(lambda: len(answerer.texts) >= 2 and len(offerer.texts) >= 1)
    assert [line for _, line in answerer.texts][-1] == "Hej"
    update, _ = offerer.texts[-1]
    assert update.committed and len(update.text) == rtt.MAX_LINE
    assert offerer.media.figures is not None and offerer.media.figures.texts_sent == 2

    # Quality: sampled, handed over, reported to the server, remembered.
    await _until(lambda: all(len(p.reports) >= 2 and len(p.qualities) >= 2 for p in pair))
    for party in pair:
        assert all(r.call_id == CALL for r in party.reports)
        assert party.media.last_quality == party.qualities[-1]
        assert party.media.figures is not None and party.media.figures.quality_sent >= 2

    # The own picture: delivered, rate-limited.
    times = [at for at, _ in offerer.local_frames]
    assert len(times) >= 3
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.2 - 0.01
    assert offerer.local_frames[0][1].width == 320

    # Volume scales what the speaker plays.
    answerer.media.volume = 0
    await asyncio.sleep(0.3)
    played = len(answerer.speaker.frames)
    await _until(lambda: len(answerer.speaker.frames) > played + 10)
    assert all(not f.to_ndarray().any() for f in answerer.speaker.frames[played:])
    answerer.media.volume = 100
    await asyncio.sleep(0.3)
    played = len(answerer.speaker.frames)
    await _until(lambda: len(answerer.speaker.frames) > played + 10)
    assert any(f.to_ndarray().any() for f in answerer.speaker.frames[played:])

    # Messages for another call never reach the session.
    session = answerer.media.session
    host = "candidate:1 1 udp 2130706431 192.0.2.4 50000 typ host"
    await answerer.media.receive(m.IceCandidate(call_id="other", candidate=host, sdp_mid="0"))
    assert answerer.media.session is session


async def test_a_fresh_offer_is_answered_by_a_fresh_session(pair: tuple[Party, Party]) -> None:
    offerer, answerer = pair
    await _until(lambda: answerer.remote_frames > 5 and offerer.remote_frames > 5)
    old = {p.role: p.media.session for p in pair}
    offerer.media.set_muted(audio=True, video=False)
    frames = answerer.remote_frames

    await offerer.media.rebuild()
    await _until(lambda: answerer.media.session is not old["answerer"])
    await _until(lambda: answerer.remote_frames > frames + 10 and offerer.remote_frames > 10)
    for party in pair:
        before, now = old[party.role], party.media.session
        assert before is not None and now is not None and now is not before
        assert before.pc.connectionState == "closed"
        assert now.state == "connected"
        assert [s for _, s in party.states].count("closed") == 0  # a replaced session is quiet
        figures = party.media.figures
        assert figures is not None and figures.frames >= party.remote_frames
    new_offerer = offerer.media.session
    assert new_offerer is not None and new_offerer.audio_muted and not new_offerer.video_muted


async def test_end_call_and_close_leave_nothing_running() -> None:
    tasks_before = asyncio.all_tasks()
    link = Link()
    offerer, answerer = _party("offerer", link), _party("answerer", link)
    link.start(offerer, answerer)
    await answerer.media.start_call(CALL, "answerer", [])  # opens the devices itself
    await offerer.media.start_call(CALL, "offerer", [])
    await _until(lambda: answerer.remote_frames > 5)
    sessions = [p.media.session for p in (offerer, answerer)]

    for party in (offerer, answerer):
        await party.media.end_call()
        await party.media.end_call()  # idempotent
        assert party.media.session is None and party.media.local is not None
    for session in sessions:
        assert session is not None and session.pc.connectionState == "closed"
    assert answerer.media.last_quality is not None  # the last figures, for the health report
    await answerer.media.send_text("nobody hears this")  # between calls: nothing happens

    await link.stop()
    for party in (offerer, answerer):
        await party.media.close()
        await party.media.close()  # idempotent
        assert party.media.local is None and party.media.health() == {}
    await _no_tasks_but(tasks_before)


async def test_open_is_shared_and_can_follow_close() -> None:
    media = CallMedia(SMALL, send=_drop)
    first, second = await asyncio.gather(media.open(), media.open())
    assert first is second and set(media.health()) >= {"camera"}
    await media.close()
    assert await media.open() is not first
    await media.close()


async def _drop(_: m.Message) -> None:
    return None


def _audio(layout: str, samples: int) -> av.AudioFrame:
    channels = 2 if layout == "stereo" else 1
    data = np.full((1, samples * channels), 1000, dtype=np.int16)
    frame = av.AudioFrame.from_ndarray(data, format="s16", layout=layout)
    frame.sample_rate, frame.pts, frame.time_base = 48_000, 960, Fraction(1, 48_000)
    return frame


def test_gain_scales_the_voice_and_keeps_timing() -> None:
    sink = Collect()
    gain = GainSink(sink)
    for gain.volume, layout in ((50, "mono"), (100, "stereo"), (0, "mono")):
        gain.play(_audio(layout, 960))
    half, full, silent = sink.frames
    assert half.to_ndarray().max() == 500 and half.pts == 960 and half.sample_rate == 48_000
    assert full.to_ndarray().max() == 1000 and full.layout.name == "stereo"
    assert silent.to_ndarray().max() == 0
