"""One WebRTC call over aiortc: audio, video, real-time text and documents, liveness and stats.

Public API (used only by :mod:`rtc.call_media`; the signaling client carries the SDP)::

    session = CallSession(call_id=..., role="offerer" | "answerer",
                          ice_servers=call.ice_servers, local=await open_local_media(config),
                          send=client.send, events=CallEvents(...),
                          peer=None | "kiosk" | "adviser" | "interpreter")
    await session.start()          # offerer: sends the offer; answerer: nothing (waits for it)
    await session.handle(msg)      # every SessionDescription / IceCandidate for this call and
                                   # peer; raises OutOfRole (wrong call, peer or role), nothing else
    await session.send_text(draft) # real-time text: the whole current line, at every keystroke
    await session.commit_text(line)# Enter pressed
    doc_id = session.send_document(data, mime=..., width=..., height=...)  # a still, to the peer
    session.request_document(); session.decline_document(); session.cancel_document()
    session.set_muted(audio=True)  # mute / camera off: sends silence / black, no renegotiation
    quality = await session.stats()
    await session.close("hangup")  # idempotent; closes the peer, its tracks, consumers and tasks

Events (all optional, called on the event loop):

* ``on_state(state)``: aiortc's connection states ("connecting", "connected", "failed", "closed")
  plus ``"stalled"``: connected but no remote video for ``stall_after_s`` (aiortc notices a dead
  network only after ~30 s, pitfall 3). The app rebuilds the call on "stalled" or "failed"; a
  ``"connected"`` follows a stall if frames come back.
* ``on_remote_video(frame)``: only the newest decoded frame; frames that arrive while the loop is
  busy replace each other, so no queue grows (pitfall 1).
* ``on_remote_text(update)``: after ``session.remote_text`` (an :class:`~rtc.text.RttBuffer`)
  applied it.
* ``on_document(event)``: what happened on the document channel (:mod:`rtc.documents` events:
  offered, progress, received with the bytes, delivered, refused, requested, declined).
* ``on_closed(reason)``: once, from :meth:`CallSession.close`.

What the peer sends never ends the session by an exception (issue 11). A description this side
cannot use (no codec in common, unreadable SDP, the wrong moment), or no connection by the setup
deadline, is a failed negotiation: the session sends ``negotiation_failed`` with the reason (the
server ends the call for both, docs/protocol.md §Negotiation failure) and reports "failed". A
candidate aiortc cannot use is dropped with a log line (the server refuses unreadable ones to
their sender, so only a peer the server did not check can send one).

``peer`` names the remote party (docs/protocol.md §Interpreter): None for the call's main pair
(kiosk <-> adviser), as without interpreters; otherwise one leg of the three-way mesh. The
session stamps ``peer`` on every ``sdp``, ``ice`` and ``negotiation_failed`` it sends and takes
only messages whose ``peer`` is its own. A leg (``peer`` set) carries audio, video and the ``rtt``
channel but no ``doc`` channel (documents go from the resident to the adviser only): its offerer
creates none, its answerer ignores one offered and takes no pages.

The rules that keep aiortc out of its traps (../shared/AIORTC.md): explicit ICE servers, even none
(an empty list really means none in aiortc 1.16: only ``None`` adds Google's STUN server); one
bundle; audio, video and the data channel all negotiated in the first offer (pitfall 9), the
answerer sending only the kinds offered (the ``doc`` channel for documents, docs/protocol.md
§Documents in a call, is created with the ``rtt`` one); every remote track drained; the local
sources are owned by :class:`~rtc.media.LocalMedia`, not by the session, so a rebuilt call can
reuse them.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import av
import numpy as np
from aiortc import (
    RTCBundlePolicy,
    RTCConfiguration,
    RTCIceServer,
    RTCIceTransportPolicy,
    RTCPeerConnection,
    RTCSessionDescription,
)
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from aiortc.sdp import candidate_from_sdp

from rtc import document_wire
from rtc import text as rtt
from rtc.document_channel import DocumentChannel
from rtc.documents import DocumentLink
from rtc.documents import Event as DocumentEvent
from rtc.framecode import read_stamp
from rtc.media import LocalMedia
from rtc.media.mute import MuteableTrack
from rtc.media.synthetic import SyntheticVideoTrack, wall_ms
from rtc.quality import Counters, quality_from_stats
from rtc.receive_meter import AvSyncMeter, VideoMeter
from signaling.errors import OutOfRole, RemoteProtocolError
from signaling.messages import (
    IceCandidate,
    IceServer,
    NegotiationFailed,
    PartyRole,
    Quality,
    SessionDescription,
)

log = logging.getLogger(__name__)

Role = Literal["offerer", "answerer"]
Signal = SessionDescription | IceCandidate  # from the peer
Outgoing = SessionDescription | IceCandidate | NegotiationFailed  # to the server
_MAX_PENDING_TEXT = 64


@dataclass
class CallEvents:
    on_state: Callable[[str], None] | None = None
    on_remote_video: Callable[[av.VideoFrame], None] | None = None
    on_remote_text: Callable[[rtt.RttUpdate], None] | None = None
    on_document: Callable[[DocumentEvent], None] | None = None
    on_closed: Callable[[str], None] | None = None


def rtc_configuration(
    ice_servers: Sequence[IceServer], *, relay_only: bool = False
) -> RTCConfiguration:
    """aiortc's configuration for ``ice_servers``: always an explicit list, one bundle.

    ``relay_only`` offers only TURN relay candidates (RFC 9429 §3.5.3): the peer never learns
    this machine's addresses, and it proves a TURN server works (tests/deploy).
    """
    servers = [
        RTCIceServer(urls=s.urls, username=s.username, credential=s.credential) for s in ice_servers
    ]
    policy = RTCIceTransportPolicy.RELAY if relay_only else RTCIceTransportPolicy.ALL
    return RTCConfiguration(
        iceServers=servers, iceTransportPolicy=policy, bundlePolicy=RTCBundlePolicy.MAX_BUNDLE
    )


class CallSession:
    def __init__(
        self,
        *,
        call_id: str,
        role: Role,
        ice_servers: Sequence[IceServer],
        local: LocalMedia,
        send: Callable[[Outgoing], Awaitable[None]],
        events: CallEvents | None = None,
        stall_after_s: float = 3.0,
        connect_timeout_s: float = 20.0,
        monotonic: Callable[[], float] = time.monotonic,
        relay_only: bool = False,
        takes_documents: bool = True,
        peer: PartyRole | None = None,
    ) -> None:
        self.call_id, self.role, self.local, self.peer = call_id, role, local, peer
        self._send = send
        self.events = events or CallEvents()
        self._stall_after_s = stall_after_s
        self._connect_timeout_s = connect_timeout_s
        self._now = monotonic
        self.pc = RTCPeerConnection(rtc_configuration(ice_servers, relay_only=relay_only))
        self._audio = MuteableTrack(local.audio)
        self._video = MuteableTrack(local.video)
        self._tasks: set[asyncio.Task[None]] = set()
        self._channel: Any = None
        self._pending_text: deque[rtt.RttUpdate] = deque(maxlen=_MAX_PENDING_TEXT)
        self._rtt_sender = rtt.RttSender()
        self.remote_text = rtt.RttBuffer()
        self.documents = DocumentChannel(
            DocumentLink(takes_documents=takes_documents and peer is None), self._on_document
        )
        self.state = "new"
        self.remote_video_frames = 0
        self.remote_audio_frames = 0
        self.video_meter = VideoMeter()
        self.av_sync = AvSyncMeter()
        self._last_video_at: float | None = None
        self._latest_video: av.VideoFrame | None = None
        self._delivery_scheduled = False
        self._counters: Counters | None = None
        self._closed = False
        self.gave_up: str | None = None  # the reason sent in negotiation_failed, once
        self.pc.on("connectionstatechange", self._on_connection_state)
        self.pc.on("track", self._on_track)
        self.pc.on("datachannel", self._wire_channel)
        if role == "offerer":
            self.pc.addTrack(self._audio)
            self.pc.addTrack(self._video)
            self._wire_channel(self.pc.createDataChannel(rtt.CHANNEL_LABEL, ordered=True))
            if self.carries_documents:
                self._wire_channel(
                    self.pc.createDataChannel(document_wire.CHANNEL_LABEL, ordered=True)
                )

    @property
    def carries_documents(self) -> bool:
        """Whether this connection has the ``doc`` channel: the main pair's only."""
        return self.peer is None

    # -- signaling ---------------------------------------------------------------------------------

    async def start(self) -> None:
        """Offerer: create and send the offer. Answerer: nothing to do until the offer arrives.

        Either way a setup deadline starts: a call not connected within ``connect_timeout_s``
        is a failed negotiation (the peer never answered, or only one side can reach the TURN
        relay; aiortc itself would wait in "new" or "connecting" for ever)."""
        self._spawn(self._watch_setup(), "call-setup-deadline")
        if self.role == "offerer":
            await self.pc.setLocalDescription(await self.pc.createOffer())
            await self._send_description("offer")

    async def handle(self, msg: Signal) -> None:
        """Feed one SDP or ICE message from the peer.

        Raises OutOfRole (another call's message, or an offer to an offerer / an answer to an
        answerer) and nothing else: a description that cannot be negotiated is answered with
        ``negotiation_failed``, an unusable candidate is dropped (module docstring)."""
        if msg.call_id != self.call_id:
            raise OutOfRole(f"call {msg.call_id!r} is not this call")
        if msg.peer != self.peer:
            raise OutOfRole(f"{msg.peer or 'the main peer'}'s signal is not for this connection")
        if self._closed:
            return
        match msg:
            case SessionDescription(sdp_type="offer") if self.role == "answerer":
                if await self._negotiate(self._take_offer(msg.sdp)):
                    await self._send_description("answer")
            case SessionDescription(sdp_type="answer") if self.role == "offerer":
                answer = RTCSessionDescription(msg.sdp, "answer")
                await self._negotiate(self.pc.setRemoteDescription(answer))
            case SessionDescription():
                raise OutOfRole(f"an {self.role} does not take an {msg.sdp_type}")
            case IceCandidate():
                await self._add_candidate(msg)

    async def _negotiate(self, step: Awaitable[None]) -> bool:
        """Whether ``step`` (setting the peer's description, answering) went through."""
        try:
            await step
            return True
        except Exception as exc:
            # The peer's SDP is input: aiortc's parser raises whatever its parsing hits
            # (ValueError, KeyError, AssertionError...), its checks OperationError (no codec in
            # common) or InvalidStateError. Any of them: this description cannot be used.
            await self.give_up(f"{type(exc).__name__}: {exc}")
            return False

    async def give_up(self, reason: str) -> None:
        """Tell the server this call's media cannot be set up (once) and report "failed"."""
        if self.gave_up is not None or self._closed:
            return
        self.gave_up = reason = reason[:200] or "negotiation failed"
        log.warning("call %s: negotiation failed: %s", self.call_id, reason)
        try:
            await self._send(NegotiationFailed(call_id=self.call_id, reason=reason, peer=self.peer))
        except ConnectionError as exc:  # offline: the call ends with the connection anyway
            log.info("negotiation_failed for call %s not sent: %s", self.call_id, exc)
        self._set_state("failed")

    async def _take_offer(self, sdp: str) -> None:
        await self.pc.setRemoteDescription(RTCSessionDescription(sdp, "offer"))
        offered = {t.kind for t in self.pc.getTransceivers()}
        # Only kinds the offer holds: adding another crashes setLocalDescription (pitfall 9).
        for track in (self._audio, self._video):
            if track.kind in offered:
                self.pc.addTrack(track)
        await self.pc.setLocalDescription(await self.pc.createAnswer())

    async def _send_description(self, sdp_type: Literal["offer", "answer"]) -> None:
        sdp = self.pc.localDescription.sdp
        await self._send(
            SessionDescription(call_id=self.call_id, sdp_type=sdp_type, sdp=sdp, peer=self.peer)
        )
        if "\na=candidate:" not in sdp:
            # Gathering found no address at all (relay-only and the TURN server refused the
            # credentials, or no network): aiortc then never starts ICE and would sit in "new"
            # for ever. A failed negotiation now, not at the setup deadline: the app and the
            # server can react at once (tests/deploy/test_turn_relay.py).
            await self.give_up("no ICE candidate gathered (no network, or TURN refused)")

    async def _add_candidate(self, msg: IceCandidate) -> None:
        line = msg.candidate.removeprefix("a=").removeprefix("candidate:")
        if not line:
            return  # end of candidates: aiortc needs no word of it
        try:
            candidate = candidate_from_sdp(line)
            candidate.sdpMid, candidate.sdpMLineIndex = msg.sdp_mid, msg.sdp_mline_index
            # ValueError without sdp_mid and sdp_mline_index: it escaped here once and ended
            # the party's reader (issue 11).
            await self.pc.addIceCandidate(candidate)
        except (AssertionError, ValueError, IndexError) as exc:
            # The candidate holds the peer's addresses: the log names only what was wrong.
            log.warning("call %s: dropped an unusable ICE candidate (%s)", self.call_id, exc)

    # -- connection state and liveness -------------------------------------------------------------

    def _on_connection_state(self) -> None:
        state = self.pc.connectionState
        if state == "connected" and self._last_video_at is None:
            self._last_video_at = self._now()  # the stall clock starts at connection
            self._spawn(self._watch_liveness(), "call-liveness")
        self._set_state(state)

    def _set_state(self, state: str) -> None:
        if state == self.state:
            return
        self.state = state
        if self.events.on_state is not None:
            self.events.on_state(state)

    async def _watch_setup(self) -> None:
        await asyncio.sleep(self._connect_timeout_s)
        if not self._closed and self.state in ("new", "connecting"):
            await self.give_up(f"not connected within {self._connect_timeout_s:g} s")

    async def _watch_liveness(self) -> None:
        period = max(0.05, self._stall_after_s / 6)
        while not self._closed:
            await asyncio.sleep(period)
            last = self._last_video_at
            if last is None or self.state not in ("connected", "stalled"):
                continue
            idle = self._now() - last
            if self.state == "connected" and idle > self._stall_after_s:
                self._set_state("stalled")
            elif self.state == "stalled" and idle <= self._stall_after_s:
                self._set_state("connected")

    # -- remote media ------------------------------------------------------------------------------

    def _on_track(self, track: MediaStreamTrack) -> None:
        if track.kind == "video":
            self._spawn(self._consume_video(track), "call-remote-video")
        else:
            self._spawn(self._consume_audio(track), "call-remote-audio")

    async def _consume_video(self, track: MediaStreamTrack) -> None:
        fps = float(
            getattr(self.local.video, "fps", 30)
        )  # the peer's rate is unknown; ours is close
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            if not isinstance(frame, av.VideoFrame):
                continue
            now = self._now()
            self.remote_video_frames += 1
            self._last_video_at = now
            stamp = read_stamp(frame)
            self.video_meter.frame(now, frame.width, frame.height, stamp, wall_ms())
            if stamp is not None:
                self.av_sync.video(stamp.counter, fps, now)
            self._latest_video = frame
            if not self._delivery_scheduled:
                # Runs once the queue is drained (recv() of a queued frame does not yield), so the
                # app sees only the newest of a burst.
                self._delivery_scheduled = True
                asyncio.get_running_loop().call_soon(self._deliver_video)

    def _deliver_video(self) -> None:
        self._delivery_scheduled = False
        frame, self._latest_video = self._latest_video, None
        if frame is not None and self.events.on_remote_video is not None and not self._closed:
            self.events.on_remote_video(frame)

    async def _consume_audio(self, track: MediaStreamTrack) -> None:
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            if not isinstance(frame, av.AudioFrame):
                continue
            self.remote_audio_frames += 1
            self.local.speaker.play(frame)
            if self.video_meter.stamped:  # markers exist only with synthetic media
                samples = np.asarray(frame.to_ndarray(), dtype=np.int16)
                self.av_sync.audio(
                    samples, len(frame.layout.channels), frame.sample_rate, self._now()
                )

    # -- real-time text ----------------------------------------------------------------------------

    def _wire_channel(self, channel: Any) -> None:
        if channel.label == document_wire.CHANNEL_LABEL and self.carries_documents:
            self.documents.attach(channel)
        if channel.label != rtt.CHANNEL_LABEL:
            return
        self._channel = channel
        channel.on("open", self._flush_text)
        channel.on("message", self._on_text_message)
        if channel.readyState == "open":
            self._flush_text()

    def _on_text_message(self, data: str | bytes) -> None:
        try:
            update = rtt.decode(data)
        except RemoteProtocolError as exc:
            log.warning("dropped a real-time text message: %s", exc.detail)
            return
        if self.remote_text.receive(update) and self.events.on_remote_text is not None:
            self.events.on_remote_text(update)

    async def send_text(self, draft: str) -> None:
        """The user's current line changed (typed, corrected, pasted): the peer sees it now."""
        update = self._rtt_sender.update(draft)
        if update is not None:
            self._send_text(update)

    async def commit_text(self, line: str) -> None:
        """Enter: ``line`` is final, the next keystroke starts a new line."""
        self._send_text(self._rtt_sender.commit(line))

    def _send_text(self, update: rtt.RttUpdate) -> None:
        self._pending_text.append(update)
        self._flush_text()

    def _flush_text(self) -> None:
        channel = self._channel
        while channel is not None and channel.readyState == "open" and self._pending_text:
            channel.send(rtt.encode(self._pending_text.popleft()))

    # -- documents (docs/protocol.md §Documents in a call) -----------------------------------------

    def send_document(self, data: bytes, *, mime: str, width: int, height: int) -> int:
        """Offer a still to the peer; its ``doc_id``. Raises LocalProtocolError while one is
        being sent, past the page limit, or for bytes that are not such a picture."""
        doc_id = self.documents.link.send(data, mime=mime, width=width, height=height)
        self.documents.pump()
        return doc_id

    def request_document(self) -> None:
        """The adviser asks the resident to show a document."""
        self.documents.link.request()
        self.documents.pump()

    def decline_document(self) -> None:
        """The resident said no to the adviser's request."""
        self.documents.link.decline()
        self.documents.pump()

    def cancel_document(self) -> None:
        """Stop sending the current document."""
        self.documents.link.cancel()
        self.documents.pump()

    def _on_document(self, event: DocumentEvent) -> None:
        if self.events.on_document is not None and not self._closed:
            self.events.on_document(event)

    # -- controls, stats, close --------------------------------------------------------------------

    def set_muted(self, audio: bool | None = None, video: bool | None = None) -> None:
        """Mute the microphone and/or turn the picture black; None leaves that one as it is."""
        if audio is not None:
            self._audio.muted = audio
        if video is not None:
            self._video.muted = video

    @property
    def audio_muted(self) -> bool:
        return self._audio.muted

    @property
    def video_muted(self) -> bool:
        return self._video.muted

    @property
    def sends_synthetic_video(self) -> bool:
        return isinstance(self.local.video, SyntheticVideoTrack)

    async def stats(self) -> Quality:
        """Quality now; bitrate and loss cover the time since the previous call of this method."""
        report = await self.pc.getStats()
        samples = [dataclasses.asdict(s) for s in report.values()]
        now = self._now()
        quality, self._counters = quality_from_stats(
            samples,
            now_s=now,
            previous=self._counters,
            video=self.video_meter.figures(now),
            skew_ms=self.av_sync.skew_ms(),
        )
        return quality

    async def close(self, reason: str = "hangup") -> None:
        """End the call: cancel consumers and timers, close the peer connection. Idempotent."""
        if self._closed:
            return
        self._closed = True
        self.documents.close()  # a half-received document is dropped with the call
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await self.pc.close()
        self._audio.stop()
        self._video.stop()
        self._set_state("closed")
        if self.events.on_closed is not None:
            self.events.on_closed(reason)

    def _spawn(self, coro: Awaitable[None], name: str) -> None:
        task: asyncio.Task[None] = asyncio.ensure_future(coro)
        task.set_name(name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
