"""A party's call media: local devices, the own-picture preview, the call session, quality, volume.

The one place that runs a call's media lifecycle for the kiosk, the adviser console and the
headless parties (:mod:`kiosklink.headless`); the apps keep signaling and their UI. No Qt: it runs
on the party's asyncio loop and reports through :class:`MediaEvents`, whose callbacks are all called
on that loop. Public API::

    media = CallMedia(MediaConfig(...), send=client.send, events=MediaEvents(...))
    await media.open()                      # devices and preview; lazy, idempotent
    figures = await media.start_call(call_id, role, ice_servers)
    await media.receive(msg)                # SessionDescription / IceCandidate from the peer
    await media.send_text(draft); await media.commit_text(line)
    media.send_document(still)              # a Still to the peer; media.documents: pages received
    media.request_document(); media.decline_document(); media.cancel_document()
    media.set_muted(audio=True, video=False); media.volume = 50
    await media.rebuild()                   # offerer: a fresh peer connection and offer
    await media.end_call()                  # idempotent; the devices stay open
    await media.close()                     # idempotent; ends the call and releases the devices

Rules:

* Only the current call's signals reach the session; others are dropped. A fresh offer for a call
  already answered means the peer rebuilt a stalled or failed connection (AIORTC.md pitfall 3): a
  new session answers it, with the same devices, mute state and counters.
* The sent video and the preview are :class:`~aiortc.contrib.media.MediaRelay` subscriptions with
  ``buffered=False`` (newest frame only, pitfall 1); the preview is rate-limited.
* Every ``quality_interval_s`` the session's stats become a :class:`~signaling.messages.Quality`:
  remembered (:attr:`CallMedia.last_quality`, the kiosk's health report), sent to the server as a
  ``QualityReport`` (unless ``report_quality`` is False) and handed to ``on_quality``.
* Documents (docs/protocol.md §Documents in a call): the pages received in this call are kept in
  memory only (:attr:`CallMedia.documents`) and dropped when it ends; never written anywhere. A
  rebuilt connection drops a transfer half done (the sender sees no ``delivered`` and may resend).
  ``takes_documents=False`` (the kiosk) refuses every page offered to it.
* Events from a session that is no longer current (closed, or replaced by a rebuild) are dropped.
* The server hears when the peer's media stops and comes back (docs/protocol.md §Faults): a
  ``media_state`` ``stalled`` when the session reports "stalled" (no remote video for
  ``stall_after_s``), once per stall, and ``restored`` with the first remote frame after it (a
  rebuilt session's "connected" is not yet media). A party stopped without a FIN is noticed in
  seconds this way instead of after the heartbeat timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import av
import numpy as np
from aiortc.contrib.media import MediaRelay
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from rtc import text as rtt
from rtc.call import CallEvents, CallSession, Role
from rtc.documents import DocumentReceived
from rtc.documents import Event as DocumentEvent
from rtc.ice_choice import reachable_first
from rtc.media import AudioSink, LocalMedia, MediaConfig, open_local_media
from rtc.media.still import Still
from signaling import messages as m
from signaling.errors import KiosklinkError

__all__ = ["CallFigures", "CallMedia", "CallSession", "GainSink", "MediaEvents", "Role"]

log = logging.getLogger(__name__)

Send = Callable[[m.Message], Awaitable[None]]


def _ignore(*_: object) -> None:
    pass


@dataclass
class MediaEvents:
    """What the party hears of its media; every callback runs on the asyncio loop."""

    on_state: Callable[[str, str], None] = _ignore  # (call_id, state), see rtc.call
    on_remote_frame: Callable[[av.VideoFrame], None] = _ignore  # the newest decoded frame
    on_local_frame: Callable[[av.VideoFrame], None] | None = None  # None: no preview at all
    on_remote_text: Callable[[rtt.RttUpdate, str], None] = _ignore  # (update, the whole line)
    on_quality: Callable[[m.Quality], None] = _ignore
    on_document: Callable[[str, DocumentEvent], None] = _ignore  # (call_id, rtc.documents event)


@dataclass
class CallFigures:
    """What one party saw of one call (monotonic times); rebuilds add to the same figures."""

    call_id: str
    started_at: float
    connected_at: float | None = None
    first_frame_at: float | None = None
    frames: int = 0  # remote video frames decoded
    texts_received: int = 0  # real-time text updates
    texts_sent: int = 0
    quality_sent: int = 0
    last_quality: m.Quality | None = None


class GainSink:
    """Wraps the speaker: ``volume`` (0-100) scales the far end's voice, timing untouched."""

    def __init__(self, inner: AudioSink, volume: int = 100) -> None:
        self.inner = inner
        self.volume = volume

    def play(self, frame: av.AudioFrame) -> None:
        if self.volume != 100:
            samples: Any = frame.to_ndarray()  # s16 from aiortc's decoder; any dtype works
            scaled = (samples.astype(np.float32) * (self.volume / 100)).astype(samples.dtype)
            new = av.AudioFrame.from_ndarray(
                scaled, format=frame.format.name, layout=frame.layout.name
            )
            new.sample_rate, new.pts, new.time_base = frame.sample_rate, frame.pts, frame.time_base
            frame = new
        self.inner.play(frame)

    def close(self) -> None:
        self.inner.close()


@dataclass
class _Call:
    """The current call: how to build its session again, and what runs for it."""

    call_id: str
    role: Role
    ice_servers: tuple[m.IceServer, ...]
    figures: CallFigures
    session: CallSession | None = None
    sent_video: MediaStreamTrack | None = None
    frames_before: int = 0  # decoded by sessions this call had before a rebuild
    quality_task: asyncio.Task[None] | None = None
    stalled: bool = False  # told the server the peer's media stopped, not yet that it is back
    documents: list[DocumentReceived] = field(default_factory=list)  # in memory, this call only
    reports: set[asyncio.Task[None]] = field(default_factory=set)


class CallMedia:
    """One party's media, for the app's lifetime or per call (see the module docstring).

    ``send`` carries SDP, ICE and quality reports to the server; it should swallow "not
    connected" as the party sees fit. ``quality_interval_s`` None samples no quality.
    """

    def __init__(
        self,
        config: MediaConfig,
        *,
        send: Send,
        events: MediaEvents | None = None,
        volume: int = 100,
        preview_interval_s: float = 1 / 15,
        quality_interval_s: float | None = 5.0,
        report_quality: bool = True,
        stall_after_s: float = 3.0,
        connect_timeout_s: float = 20.0,
        monotonic: Callable[[], float] = time.monotonic,
        takes_documents: bool = True,
    ) -> None:
        self.config = config
        self._takes_documents = takes_documents
        self._send = send
        self.events = events or MediaEvents()
        self._volume = volume
        self._preview_interval_s = preview_interval_s
        self._quality_interval_s = quality_interval_s
        self._report_quality = report_quality
        self._stall_after_s = stall_after_s
        self._connect_timeout_s = connect_timeout_s
        self._now = monotonic
        self.local: LocalMedia | None = None
        self._opening: asyncio.Task[LocalMedia] | None = None
        self._relay: MediaRelay | None = None
        self._preview: MediaStreamTrack | None = None
        self._preview_task: asyncio.Task[None] | None = None
        self._call: _Call | None = None
        self._gain: GainSink | None = None
        self._muted = (False, False)
        self.last_quality: m.Quality | None = None

    # --- what is going on ----------------------------------------------------------------------

    @property
    def session(self) -> CallSession | None:
        """The current call's session (read its figures; drive it through this class)."""
        return self._call.session if self._call is not None else None

    @property
    def call_id(self) -> str | None:
        return self._call.call_id if self._call is not None else None

    @property
    def figures(self) -> CallFigures | None:
        """The current call's figures; None between calls."""
        return self._call.figures if self._call is not None else None

    @property
    def documents(self) -> list[DocumentReceived]:
        """The pages the peer showed in the current call, in order; empty between calls."""
        return list(self._call.documents) if self._call is not None else []

    def health(self) -> dict[str, m.DeviceHealth]:
        """The open devices' health (``HealthReport`` fields); empty while they are closed."""
        return self.local.health() if self.local is not None else {}

    @property
    def volume(self) -> int:
        return self._volume

    @volume.setter
    def volume(self, volume: int) -> None:
        self._volume = max(0, min(100, volume))
        if self._gain is not None:
            self._gain.volume = self._volume

    # --- devices and preview -------------------------------------------------------------------

    async def open(self) -> LocalMedia:
        """Open the devices (and the preview) once; concurrent and later callers share them."""
        opening = self._opening
        if opening is None or (opening.done() and (opening.cancelled() or opening.exception())):
            opening = self._opening = asyncio.create_task(self._open(), name="call-media-open")
        return await asyncio.shield(opening)

    async def _open(self) -> LocalMedia:
        local = await open_local_media(self.config)
        self.local = local
        self._relay = MediaRelay()
        if self.events.on_local_frame is not None:
            self._preview = self._relay.subscribe(local.video, buffered=False)
            self._preview_task = asyncio.create_task(
                self._run_preview(self._preview, self.events.on_local_frame), name="call-preview"
            )
        return local

    async def _run_preview(
        self, track: MediaStreamTrack, deliver: Callable[[av.VideoFrame], None]
    ) -> None:
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
        """End the call and release the devices; :meth:`open` may open them again. Idempotent."""
        await self.end_call()
        opening, self._opening = self._opening, None
        local: LocalMedia | None = None
        if opening is not None:
            with contextlib.suppress(Exception):
                local = await opening  # still opening: let it finish, then close what it opened
        task, self._preview_task = self._preview_task, None
        await _cancel(task)
        preview, self._preview = self._preview, None
        if preview is not None:
            preview.stop()
        if local is not None:
            await local.close()
        self.local = None
        self._relay = None

    # --- the call ------------------------------------------------------------------------------

    async def start_call(
        self, call_id: str, role: Role, ice_servers: Sequence[m.IceServer]
    ) -> CallFigures:
        """End any call, open the devices if needed, and start this one (the offerer offers).

        Mute is off at the start of each call."""
        await self.end_call()
        await self.open()
        figures = CallFigures(call_id=call_id, started_at=self._now())
        call = _Call(call_id, role, tuple(ice_servers), figures)
        self._call = call
        self._muted = (False, False)
        await self._new_session(call)
        if self._quality_interval_s is not None:
            call.quality_task = asyncio.create_task(
                self._sample_quality(call, self._quality_interval_s), name="call-quality"
            )
        return figures

    async def _new_session(self, call: _Call) -> None:
        local, relay = self.local, self._relay
        assert local is not None and relay is not None, "devices not open"
        if self._gain is None:
            self._gain = GainSink(local.speaker, self._volume)
        call.sent_video = relay.subscribe(local.video, buffered=False)
        session = CallSession(
            call_id=call.call_id,
            role=call.role,
            ice_servers=await reachable_first(call.ice_servers),
            local=dataclasses.replace(local, video=call.sent_video, speaker=self._gain),
            send=self._send,
            stall_after_s=self._stall_after_s,
            connect_timeout_s=self._connect_timeout_s,
            takes_documents=self._takes_documents,
        )
        # Set after construction: each callback names its own session, so a replaced one is muted.
        session.events = CallEvents(
            on_state=lambda state: self._on_state(call, session, state),
            on_remote_video=lambda frame: self._on_remote_frame(call, session, frame),
            on_remote_text=lambda update: self._on_remote_text(call, session, update),
            on_document=lambda event: self._on_document(call, session, event),
        )
        session.set_muted(audio=self._muted[0], video=self._muted[1])
        call.session = session
        await session.start()

    async def receive(self, message: m.SessionDescription | m.IceCandidate) -> None:
        """The peer's SDP or ICE: for the current call only; a fresh offer rebuilds (module doc)."""
        call = self._call
        if call is None or call.session is None or message.call_id != call.call_id:
            return
        if (
            isinstance(message, m.SessionDescription)
            and message.sdp_type == "offer"
            and call.role == "answerer"
            and call.session.pc.remoteDescription is not None
        ):
            await self._rebuild(call, "rebuild")
        assert call.session is not None
        try:
            await call.session.handle(message)
        except KiosklinkError as exc:
            log.warning("dropped signaling for call %s: %s", call.call_id, exc)

    async def rebuild(self) -> None:
        """A fresh peer connection for the current call (the offerer sends a fresh offer): what
        to do on "stalled" or "failed". Nothing happens between calls."""
        if self._call is not None:
            await self._rebuild(self._call, "rebuild")

    async def _rebuild(self, call: _Call, reason: str) -> None:
        log.info("call %s: new peer connection (%s)", call.call_id, reason)
        await self._close_session(call, reason)
        await self._new_session(call)

    async def _close_session(self, call: _Call, reason: str) -> None:
        session, call.session = call.session, None  # detached first: its "closed" is not news
        if session is not None:
            call.frames_before += session.remote_video_frames
            await session.close(reason)
        sent, call.sent_video = call.sent_video, None
        if sent is not None:
            sent.stop()

    async def end_call(self, reason: str = "hangup") -> None:
        """Hang up the current call (the devices stay open). Idempotent."""
        call, self._call = self._call, None
        if call is None:
            return
        task, call.quality_task = call.quality_task, None
        await _cancel(task)
        session = call.session
        if session is not None and call.figures.connected_at is not None:
            with contextlib.suppress(Exception):  # a last figure for the health report
                self.last_quality = await session.stats()
        await self._close_session(call, reason)
        call.documents.clear()  # the pages go with the call (docs/protocol.md)
        self._gain = None

    # --- what the session reports ----------------------------------------------------------------

    def _on_state(self, call: _Call, session: CallSession, state: str) -> None:
        """Every state change of the current call's connection passes here, and only here:
        "connecting", "connected", "stalled" (no remote video for ``stall_after_s``), "failed",
        "closed" (rtc.call)."""
        if session is not call.session or call is not self._call:
            return
        if state == "connected" and call.figures.connected_at is None:
            call.figures.connected_at = self._now()
        if state == "stalled" and not call.stalled:
            call.stalled = True
            self._report_media(call, "stalled")
        self.events.on_state(call.call_id, state)

    def _on_remote_frame(self, call: _Call, session: CallSession, frame: av.VideoFrame) -> None:
        if session is not call.session or call is not self._call:
            return
        if call.stalled:
            call.stalled = False
            self._report_media(call, "restored")
        figures = call.figures
        figures.frames = call.frames_before + session.remote_video_frames
        if figures.first_frame_at is None:
            figures.first_frame_at = self._now()
        self.events.on_remote_frame(frame)

    def _on_remote_text(self, call: _Call, session: CallSession, update: rtt.RttUpdate) -> None:
        if session is not call.session or call is not self._call:
            return
        call.figures.texts_received += 1
        self.events.on_remote_text(update, session.remote_text.text)

    def _on_document(self, call: _Call, session: CallSession, event: DocumentEvent) -> None:
        if session is not call.session or call is not self._call:
            return
        if isinstance(event, DocumentReceived):
            call.documents.append(event)
        self.events.on_document(call.call_id, event)

    def _report_media(self, call: _Call, state: Literal["stalled", "restored"]) -> None:
        """Tell the server, in the background (called from the session's callbacks)."""
        task = asyncio.get_running_loop().create_task(
            self._send_media_state(call.call_id, state), name=f"call-media-{state}"
        )
        call.reports.add(task)
        task.add_done_callback(call.reports.discard)

    async def _send_media_state(self, call_id: str, state: Literal["stalled", "restored"]) -> None:
        try:
            await self._send(m.MediaState(call_id=call_id, state=state))
        except Exception as exc:  # offline: the server notices a lost link by itself
            log.info("media %s for call %s not sent: %s", state, call_id, exc)

    async def _sample_quality(self, call: _Call, interval_s: float) -> None:
        while True:
            await asyncio.sleep(interval_s)
            session = call.session
            if session is None:
                continue
            try:
                quality = await session.stats()
            except Exception as exc:  # aiortc's stats can fail while a peer connection closes
                log.debug("no stats for call %s: %s", call.call_id, exc)
                continue
            self.last_quality = call.figures.last_quality = quality
            self.events.on_quality(quality)
            if self._report_quality:
                await self._send_quality(call, quality)

    async def _send_quality(self, call: _Call, quality: m.Quality) -> None:
        try:
            await self._send(m.QualityReport(call_id=call.call_id, quality=quality))
        except Exception as exc:  # offline: the next sample is sent when the link is back
            log.info("quality for call %s not sent: %s", call.call_id, exc)
        else:
            call.figures.quality_sent += 1

    # --- controls ------------------------------------------------------------------------------

    async def send_text(self, draft: str) -> None:
        """Real-time text: the current line as it stands (clipped to ``rtc.text.MAX_LINE``)."""
        call = self._call
        if call is not None and call.session is not None:
            await call.session.send_text(draft[: rtt.MAX_LINE])
            call.figures.texts_sent += 1

    async def commit_text(self, line: str) -> None:
        """Real-time text: ``line`` is finished (Enter)."""
        call = self._call
        if call is not None and call.session is not None:
            await call.session.commit_text(line[: rtt.MAX_LINE])
            call.figures.texts_sent += 1

    def send_document(self, still: Still) -> int | None:
        """Offer ``still`` to the peer; its ``doc_id``, None between calls. Raises
        LocalProtocolError while another is being sent or past the page limit."""
        session = self.session
        if session is None:
            return None
        return session.send_document(
            still.data, mime=still.mime, width=still.width, height=still.height
        )

    def request_document(self) -> None:
        """Adviser: ask the resident to show a document (their screen asks them)."""
        if self.session is not None:
            self.session.request_document()

    def decline_document(self) -> None:
        """Resident: no to the adviser's request."""
        if self.session is not None:
            self.session.decline_document()

    def cancel_document(self) -> None:
        """Stop sending the current document."""
        if self.session is not None:
            self.session.cancel_document()

    def set_muted(self, audio: bool, video: bool) -> None:
        """Mute the microphone / turn the picture black for this call (rebuilds keep it)."""
        self._muted = (audio, video)
        session = self.session
        if session is not None:
            session.set_muted(audio=audio, video=video)


async def _cancel(task: asyncio.Task[None] | None) -> None:
    if task is None:
        return
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
