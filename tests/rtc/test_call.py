"""Two real CallSessions over aiortc on loopback, joined by an in-memory signaling link.

One long call test measures everything at once (order, fps, latency, skew, text, quality, hangup,
leaks) because connecting costs most of the time; the figures are printed (pytest -s) and asserted
only against floors generous enough for a loaded 2-core machine.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import av
import pytest
from aiortc.mediastreams import MediaStreamTrack
from av.frame import Frame
from av.packet import Packet

from rtc import framecode
from rtc.call import CallEvents, CallSession, Outgoing
from rtc.media import (
    LocalMedia,
    MediaConfig,
    NullSink,
    SyntheticVideoTrack,
    ToneAudioTrack,
    open_local_media,
)
from rtc.text import RttUpdate
from signaling.errors import OutOfRole
from signaling.messages import IceCandidate, NegotiationFailed, Quality, SessionDescription

CALL = "call-1"


@dataclass
class Side:
    session: CallSession
    local: LocalMedia
    states: list[str] = field(default_factory=list)
    counters: list[int] = field(default_factory=list)
    texts: list[RttUpdate] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)

    def events(self) -> CallEvents:
        return CallEvents(
            on_state=self.states.append,
            on_remote_video=self._video,
            on_remote_text=self.texts.append,
            on_closed=self.closed.append,
        )

    def _video(self, frame: av.VideoFrame) -> None:
        counter = framecode.read_frame_counter(frame)
        if counter is not None:
            self.counters.append(counter)


class Link:
    """Signaling between the two sessions: one queue and one pump task per direction."""

    def __init__(self) -> None:
        self.to_offerer: asyncio.Queue[Outgoing] = asyncio.Queue()
        self.to_answerer: asyncio.Queue[Outgoing] = asyncio.Queue()
        self._pumps: list[asyncio.Task[None]] = []

    def start(self, offerer: CallSession, answerer: CallSession) -> None:
        self._pumps = [
            asyncio.create_task(self._pump(self.to_offerer, offerer)),
            asyncio.create_task(self._pump(self.to_answerer, answerer)),
        ]

    @staticmethod
    async def _pump(queue: asyncio.Queue[Outgoing], session: CallSession) -> None:
        while True:
            message = await queue.get()
            if not isinstance(message, NegotiationFailed):  # for the server, not the peer
                await session.handle(message)

    async def stop(self) -> None:
        for task in self._pumps:
            task.cancel()
        await asyncio.gather(*self._pumps, return_exceptions=True)


async def _side(role: str, link: Link, **kwargs: float) -> Side:
    local = await open_local_media(MediaConfig())
    queue = link.to_answerer if role == "offerer" else link.to_offerer
    side = Side(session=None, local=local)  # type: ignore[arg-type]
    side.session = CallSession(
        call_id=CALL,
        role="offerer" if role == "offerer" else "answerer",
        ice_servers=[],
        local=local,
        send=queue.put,
        events=side.events(),
        **kwargs,  # type: ignore[arg-type]
    )
    return side


@pytest.fixture
async def call() -> AsyncIterator[tuple[Side, Side]]:
    link = Link()
    offerer, answerer = await _side("offerer", link), await _side("answerer", link)
    link.start(offerer.session, answerer.session)
    await answerer.session.start()
    await offerer.session.start()
    yield offerer, answerer
    await link.stop()
    for side in (offerer, answerer):
        await side.session.close()
        await side.local.close()


async def _until(predicate: Callable[[], bool], timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting"
        await asyncio.sleep(0.02)


def _threads() -> set[str]:
    # The loop's default executor (aiortc encodes there) is reclaimed when the loop closes.
    return {t.name for t in threading.enumerate() if not t.name.startswith("asyncio_")}


async def test_a_whole_call(call: tuple[Side, Side]) -> None:
    offerer, answerer = call
    await _until(lambda: len(offerer.counters) > 10 and len(answerer.counters) > 10)
    assert offerer.states[:2] == ["connecting", "connected"]

    # Media both ways, counters in order, a real frame rate at 640×480.
    window_s = 3.0
    start = [s.session.remote_video_frames for s in call]
    await asyncio.sleep(window_s)
    for side, before in zip(call, start, strict=True):
        fps = (side.session.remote_video_frames - before) / window_s
        figures = side.session.video_meter.figures(time.monotonic())
        print(f"{side.session.role}: {fps:.1f} fps, glass-to-glass {figures.latency_ms} ms")
        assert fps >= 15, "EN 301 549 asks for 20 fps; 15 leaves room for a loaded machine"
        assert figures.out_of_order == 0
        # Nearly every frame's counter reads back; the first keyframe on a loaded machine may be
        # too coarse to read, which is a quality dip, not a crossed or reordered frame.
        assert figures.stamped >= 0.95 * figures.frames
        assert (figures.width, figures.height) == (640, 480)
        assert side.counters == sorted(set(side.counters))
        assert figures.latency_ms is not None and figures.latency_ms < 1000

    # Real-time text both ways, while typing, with a correction.
    for character in range(1, 5):
        await offerer.session.send_text("Hejx"[:character])
    await offerer.session.send_text("Hej")
    await answerer.session.send_text("مرحبا")
    await _until(lambda: offerer.session.remote_text.draft == "مرحبا")
    await _until(lambda: answerer.session.remote_text.draft == "Hej")
    assert [u.text for u in answerer.texts][:4] == ["H", "He", "Hej", "Hejx"]
    await offerer.session.commit_text("Hej!")
    await _until(lambda: answerer.session.remote_text.lines == ["Hej!"])

    # Quality: figures in their units, skew from the synthetic markers.
    qualities: list[Quality] = []
    for side in call:
        quality = await side.session.stats()
        qualities.append(quality)
        print(f"{side.session.role}: {quality}")
        assert quality.packet_loss_ratio is not None and quality.packet_loss_ratio < 0.05
        assert quality.jitter_ms is not None and quality.jitter_ms < 200
        assert quality.fps is not None and quality.fps > 10
        assert quality.audio_video_skew_ms is not None
        assert abs(quality.audio_video_skew_ms) < 100
    await asyncio.sleep(1.0)  # bitrate is a difference between two samples
    second = await offerer.session.stats()
    assert second.bitrate_kbps is not None and second.bitrate_kbps > 50

    # Muting sends black, not nothing: the peer sees no stall and no counters.
    offerer.session.set_muted(video=True, audio=True)
    await asyncio.sleep(0.5)
    frames, counted = answerer.session.remote_video_frames, len(answerer.counters)
    await asyncio.sleep(0.5)
    assert answerer.session.remote_video_frames > frames
    assert len(answerer.counters) == counted
    offerer.session.set_muted(video=False)
    await _until(lambda: len(answerer.counters) > counted)
    assert "stalled" not in answerer.states


async def test_hangup_closes_everything() -> None:
    tasks_before = asyncio.all_tasks()
    threads_before = _threads()
    link = Link()
    offerer, answerer = await _side("offerer", link), await _side("answerer", link)
    link.start(offerer.session, answerer.session)
    await offerer.session.start()
    await _until(lambda: answerer.session.remote_video_frames > 5)

    await answerer.session.close("hangup")
    await answerer.session.close("again")  # idempotent
    await offerer.session.close("peer_left")
    await link.stop()
    for side in (offerer, answerer):
        await side.local.close()
        assert side.session.pc.connectionState == "closed"
        assert side.session.state == "closed"
    assert answerer.closed == ["hangup"] and offerer.closed == ["peer_left"]
    await asyncio.sleep(0.1)  # let aiortc's own tasks see their cancellation
    leaked = [t for t in asyncio.all_tasks() - tasks_before if not t.done()]
    assert leaked == []
    assert _threads() <= threads_before


class GatedVideo(MediaStreamTrack):
    """The test pattern behind a gate: closed, it sends nothing, as over a dead network."""

    kind = "video"

    def __init__(self) -> None:
        super().__init__()
        self.source = SyntheticVideoTrack()
        self.open = asyncio.Event()
        self.open.set()

    async def recv(self) -> Frame | Packet[Any]:
        await self.open.wait()
        return await self.source.recv()


async def test_no_remote_frames_is_reported_as_stalled_then_recovered() -> None:
    link = Link()
    gated = GatedVideo()
    local = LocalMedia(
        video=gated, audio=ToneAudioTrack(), speaker=NullSink(), sources={"camera": "gated"}
    )
    offerer = Side(session=None, local=local)  # type: ignore[arg-type]
    offerer.session = CallSession(
        call_id=CALL,
        role="offerer",
        ice_servers=[],
        local=local,
        send=link.to_answerer.put,
        events=offerer.events(),
        stall_after_s=1.0,
    )
    answerer = await _side("answerer", link, stall_after_s=1.0)
    link.start(offerer.session, answerer.session)
    await offerer.session.start()
    try:
        await _until(lambda: answerer.session.remote_video_frames > 5)
        gated.open.clear()
        await _until(lambda: "stalled" in answerer.states)
        gated.open.set()
        await _until(lambda: answerer.states[-1] == "connected")
        assert answerer.states[-2:] == ["stalled", "connected"]
    finally:
        await link.stop()
        for side in (offerer, answerer):
            await side.session.close()
            await side.local.close()


async def test_messages_for_another_call_or_the_wrong_role_are_refused() -> None:
    local = await open_local_media(MediaConfig())

    async def drop(_: Outgoing) -> None:
        return None

    session = CallSession(call_id=CALL, role="offerer", ice_servers=[], local=local, send=drop)
    try:
        with pytest.raises(OutOfRole):
            await session.handle(SessionDescription(call_id="other", sdp_type="answer", sdp="v=0"))
        with pytest.raises(OutOfRole):
            await session.handle(SessionDescription(call_id=CALL, sdp_type="offer", sdp="v=0"))
        await session.handle(IceCandidate(call_id=CALL, candidate=""))  # end of candidates
    finally:
        await session.close()
        await local.close()


async def test_a_candidate_aiortc_cannot_use_is_dropped_not_raised() -> None:
    """The server refuses these (signaling.candidate), but a peer it did not check can still send
    them: aiortc's ValueError once escaped here and ended the party's reader (issue 11)."""
    local = await open_local_media(MediaConfig())
    sent: list[Outgoing] = []

    async def keep(message: Outgoing) -> None:
        sent.append(message)

    session = CallSession(call_id=CALL, role="offerer", ice_servers=[], local=local, send=keep)
    host = "candidate:1 1 udp 2130706431 192.0.2.4 50000 typ host"
    unusable = [
        (host, None, None),  # no media section: aiortc's addIceCandidate raises ValueError
        ("a=end-of-candidates", "0", None),  # candidate_from_sdp: AssertionError
        ("candidate:garbage", "0", None),
        (host.replace("typ host", "typ srflx rport x"), "0", None),  # int("x"): ValueError
    ]
    try:
        await session.start()
        for candidate, mid, index in unusable:
            bad = IceCandidate.model_construct(
                call_id=CALL, candidate=candidate, sdp_mid=mid, sdp_mline_index=index
            )
            await session.handle(bad)
        await session.handle(IceCandidate(call_id=CALL, candidate=host, sdp_mid="0"))
        assert session.state == "new" and session.gave_up is None
        assert [type(m) for m in sent] == [SessionDescription]  # nothing else said about them
    finally:
        await session.close()
        await local.close()
