"""A party's call media: local devices, the own-picture preview, the call session, quality, volume.

The one place that runs a call's media lifecycle for the kiosk, the adviser console and the
headless parties (:mod:`kiosklink.headless`); the apps keep signaling and their UI. No Qt: it runs
on the party's asyncio loop and reports through :class:`MediaEvents`, whose callbacks are all called
on that loop. Public API::

    media = CallMedia(MediaConfig(...), send=client.send, events=MediaEvents(...))
    await media.open()                      # devices and preview; lazy, idempotent
    figures = await media.start_call(call_id, role, ice_servers)
    figures = await media.start_call(call_id, "offerer", ice_servers, interpreting=True)
                                            # the interpreter: offers to the kiosk and the adviser
    await media.receive(msg)                # SessionDescription / IceCandidate, ``peer`` or not
    await media.interpreter_changed(msg)    # kiosk, adviser: m.Interpreter "left" ends that leg
    media.party_figures                     # {"kiosk" | "adviser" | "interpreter": CallFigures}
    media.main_party; media.session_of(party)   # who the main session reaches; a party's session
    await media.send_text(draft); await media.commit_text(line)   # to every connection
    media.send_document(still)              # a Still to the peer; media.documents: pages received
    media.request_document(); media.decline_document(); media.cancel_document()
    media.set_muted(audio=True, video=False); media.volume = 50
    await media.rebuild()                   # offerer: a fresh peer connection and offer
    await media.end_call()                  # idempotent; the devices stay open
    await media.close()                     # idempotent; ends the call and releases the devices

Rules:

* Three-way calls (docs/protocol.md §Interpreter) are a mesh: besides the main session (kiosk <->
  adviser; for the interpreter, the kiosk, shown big) a call has legs (:mod:`rtc.call_legs`, which
  holds their rules): the kiosk and the adviser answer the interpreter's offer (``peer``
  "interpreter"), the interpreter offers to the adviser. Signals are routed by ``peer``. The main
  peer's events stay ``on_state`` / ``on_remote_frame`` / ``on_remote_text``; the other parties'
  come through ``on_party`` / ``on_party_frame`` / ``on_party_text``. Camera and microphone go to
  every connection, each with tracks of its own (:mod:`rtc.call_devices`; each connection gets
  every frame, tests/rtc/test_call_legs.py); the remote microphones are mixed into the one
  speaker (:mod:`rtc.media.mix`). An interpreter's main session sends no ``media_state`` and no
  quality reports (those describe the kiosk-adviser call) and is never rebuilt: a failure ends
  it with ``negotiation_failed`` and ``peer``, and the server ends the interpreter's part.
* Only the current call's signals reach the session; others are dropped. A fresh offer for a call
  already answered means the peer rebuilt a stalled or failed connection (AIORTC.md pitfall 3): a
  new session answers it, with the same devices, mute state and counters.
* The devices are opened once and kept between calls (:mod:`rtc.call_devices`): the sent video
  and the preview are :class:`~aiortc.contrib.media.MediaRelay` subscriptions with
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
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import av

from rtc import text as rtt
from rtc.call import CallEvents, CallSession, Role
from rtc.call_devices import PartyDevices
from rtc.call_figures import CallFigures
from rtc.call_legs import CallLegs, Connection
from rtc.documents import DocumentReceived
from rtc.documents import Event as DocumentEvent
from rtc.ice_choice import reachable_first
from rtc.media import AudioSink, LocalMedia, MediaConfig
from rtc.media.gain import GainSink
from rtc.media.mix import MixedSpeaker
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
    # Parties other than the main peer (docs/protocol.md §Interpreter, rtc.call_legs):
    on_party: Callable[[str, m.PartyRole, str], None] = _ignore  # (call_id, party, "joined" |
    #                                                               "connected" | "left")
    on_party_frame: Callable[[m.PartyRole, av.VideoFrame], None] = _ignore  # the newest frame
    on_party_text: Callable[[m.PartyRole, rtt.RttUpdate, str], None] = _ignore  # (.., line)


@dataclass
class _Call:
    """The current call: how to build its session again, and what runs for it."""

    call_id: str
    role: Role
    ice_servers: tuple[m.IceServer, ...]
    figures: CallFigures
    legs: CallLegs
    speaker: AudioSink  # the main peer's source of the mixed speaker
    peer: m.PartyRole | None = None  # the main session's: None, or "kiosk" for the interpreter
    session: CallSession | None = None
    connection: Connection | None = None
    frames_before: int = 0  # decoded by sessions this call had before a rebuild
    audio_before: int = 0
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
        self._quality_interval_s = quality_interval_s
        self._report_quality = report_quality
        self._stall_after_s = stall_after_s
        self._connect_timeout_s = connect_timeout_s
        self._now = monotonic
        self._devices = PartyDevices(
            config, preview_interval_s=preview_interval_s, monotonic=monotonic
        )
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

    @property
    def local(self) -> LocalMedia | None:
        """The open devices; None while they are closed."""
        return self._devices.local

    async def open(self) -> LocalMedia:
        """Open the devices (and the preview) once; concurrent and later callers share them."""
        return await self._devices.open(self.events.on_local_frame)

    async def close(self) -> None:
        """End the call and release the devices; :meth:`open` may open them again. Idempotent."""
        await self.end_call()
        await self._devices.close()

    # --- the call ------------------------------------------------------------------------------

    async def start_call(
        self,
        call_id: str,
        role: Role,
        ice_servers: Sequence[m.IceServer],
        *,
        interpreting: bool = False,
    ) -> CallFigures:
        """End any call, open the devices if needed, and start this one (the offerer offers).

        ``interpreting``: this party is the interpreter joining a running call (``call_started``
        with ``interpreting``): it offers a connection to the kiosk (its main peer) and one to the
        adviser. Mute is off at the start of each call."""
        await self.end_call()
        local = await self.open()
        self._gain = GainSink(local.speaker, self._volume)
        call = self._call = self._new_call(
            call_id, role, ice_servers, interpreting, MixedSpeaker(self._gain)
        )
        self._muted = (False, False)
        await self._new_session(call)
        if interpreting:
            await call.legs.open("adviser", "offerer")
        if self._quality_interval_s is not None:
            call.quality_task = asyncio.create_task(
                self._sample_quality(call, self._quality_interval_s), name="call-quality"
            )
        return call.figures

    def _new_call(
        self,
        call_id: str,
        role: Role,
        ice_servers: Sequence[m.IceServer],
        interpreting: bool,
        speaker: MixedSpeaker,
    ) -> _Call:
        """The call's record: its main session's peer, its legs, each with a source of the
        mixed ``speaker`` (the kiosk and the adviser answer the interpreter; it offers)."""
        legs = CallLegs(
            call_id,
            # Runs only when a leg opens, after ``call`` below exists.
            connect=lambda party, leg_role, events: self._connect(
                call, party, leg_role, events, speaker.source(party)
            ),
            events=self.events,
            answers=frozenset() if interpreting else frozenset({"interpreter"}),
            monotonic=self._now,
        )
        figures = CallFigures(call_id=call_id, started_at=self._now())
        peer: m.PartyRole | None = "kiosk" if interpreting else None
        call = _Call(
            call_id, role, tuple(ice_servers), figures, legs, speaker.source("main"), peer=peer
        )
        return call

    async def _connect(
        self,
        call: _Call,
        peer: m.PartyRole | None,
        role: Role,
        events: CallEvents,
        speaker: AudioSink,
        *,
        owns_speaker: bool = True,
    ) -> Connection:
        """A session to ``peer`` sending the camera and microphone through tracks of its own
        (:meth:`rtc.call_devices.PartyDevices.tracks`), playing into ``speaker``; not started."""
        local = self.local
        assert local is not None, "devices not open"
        sent = self._devices.tracks()
        session = CallSession(
            call_id=call.call_id,
            role=role,
            ice_servers=await reachable_first(call.ice_servers),
            local=dataclasses.replace(local, video=sent[0], audio=sent[1], speaker=speaker),
            send=self._send,
            events=events,
            stall_after_s=self._stall_after_s,
            connect_timeout_s=self._connect_timeout_s,
            takes_documents=self._takes_documents,
            peer=peer,
        )
        session.set_muted(audio=self._muted[0], video=self._muted[1])
        return Connection(session, sent, speaker if owns_speaker else None)

    async def _new_session(self, call: _Call) -> None:
        session: CallSession | None = None
        # Bound before the session exists: each callback names its own session, so a replaced
        # one is muted.
        events = CallEvents(
            on_state=lambda state: self._on_state(call, session, state),
            on_remote_video=lambda frame: self._on_remote_frame(call, session, frame),
            on_remote_text=lambda update: self._on_remote_text(call, session, update),
            on_document=lambda event: self._on_document(call, session, event),
        )
        connection = await self._connect(
            call, call.peer, call.role, events, call.speaker, owns_speaker=False
        )
        session = connection.session
        call.connection, call.session = connection, session
        await session.start()

    async def receive(self, message: m.SessionDescription | m.IceCandidate) -> None:
        """SDP or ICE for the current call only: the main peer's to the session (a fresh offer
        rebuilds, module doc), another party's to its leg (:mod:`rtc.call_legs`)."""
        call = self._call
        if call is None or call.session is None or message.call_id != call.call_id:
            return
        if call.peer is None and message.peer == _main_party(call):
            # The main peer named: the same as absent (docs/protocol.md §Interpreter).
            message = message.model_copy(update={"peer": None})
        if message.peer != call.peer:
            if message.peer is None:  # the interpreter has no "main pair" signal to take
                log.warning("dropped signaling without peer in call %s", call.call_id)
            else:
                await call.legs.receive(message)
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

    async def interpreter_changed(self, message: m.Interpreter) -> None:
        """Kiosk and adviser: the server's word on the call's interpreter. "left" ends the
        connection to them (the call goes on); "joined" needs nothing: their offer follows."""
        call = self._call
        if call is None or message.call_id != call.call_id or message.state != "left":
            return
        await call.legs.close("interpreter", message.reason or "left")

    @property
    def party_figures(self) -> dict[str, CallFigures]:
        """The current call's figures per remote party, the main peer's included; a party who
        left keeps theirs until the call ends. Empty between calls."""
        call = self._call
        if call is None:
            return {}
        if call.session is not None:
            call.figures.audio_frames = call.audio_before + call.session.remote_audio_frames
        call.legs.refresh_figures()
        figures: dict[str, CallFigures] = {_main_party(call): call.figures}
        figures.update(call.legs.figures)
        return figures

    @property
    def main_party(self) -> m.PartyRole | None:
        """Who the main session connects to ("adviser" for the kiosk, "kiosk" for the adviser
        and the interpreter); None between calls."""
        return _main_party(self._call) if self._call is not None else None

    def session_of(self, party: str) -> CallSession | None:
        """The session to ``party`` (its meters and state); None if there is none now."""
        call = self._call
        if call is None:
            return None
        if party == _main_party(call):
            return call.session
        return call.legs.session(party)

    async def rebuild(self) -> None:
        """A fresh peer connection for the current call (the offerer sends a fresh offer): what
        to do on "stalled" or "failed". Nothing happens between calls, nor for the interpreter
        (its connections end on failure, module doc)."""
        if self._call is not None and self._call.peer is None:
            await self._rebuild(self._call, "rebuild")

    async def _rebuild(self, call: _Call, reason: str) -> None:
        log.info("call %s: new peer connection (%s)", call.call_id, reason)
        await self._close_session(call, reason)
        await self._new_session(call)

    async def _close_session(self, call: _Call, reason: str) -> None:
        connection, call.connection, call.session = call.connection, None, None
        if connection is not None:  # detached first: its "closed" is not news
            call.frames_before += connection.session.remote_video_frames
            call.audio_before += connection.session.remote_audio_frames
            await connection.close(reason)

    async def end_call(self, reason: str = "hangup") -> None:
        """Hang up the current call and every leg of it (the devices stay open). Idempotent."""
        call, self._call = self._call, None
        if call is None:
            return
        task, call.quality_task = call.quality_task, None
        await _cancel(task)
        await call.legs.close_all(reason)
        session = call.session
        if session is not None and call.figures.connected_at is not None:
            with contextlib.suppress(Exception):  # a last figure for the health report
                self.last_quality = await session.stats()
        await self._close_session(call, reason)
        call.documents.clear()  # the pages go with the call (docs/protocol.md)
        self._gain = None

    # --- what the session reports ----------------------------------------------------------------

    def _on_state(self, call: _Call, session: CallSession | None, state: str) -> None:
        """Every state change of the current call's connection passes here, and only here:
        "connecting", "connected", "stalled" (no remote video for ``stall_after_s``), "failed",
        "closed" (rtc.call)."""
        if session is None or session is not call.session or call is not self._call:
            return
        if state == "connected" and call.figures.connected_at is None:
            call.figures.connected_at = self._now()
        if call.peer is not None:  # the interpreter: no media_state, a failure is told (doc)
            if state == "failed":
                self._spawn_report(call, session.give_up("connection to the kiosk failed"))
        elif state == "stalled" and not call.stalled:
            call.stalled = True
            self._report_media(call, "stalled")
        self.events.on_state(call.call_id, state)

    def _on_remote_frame(
        self, call: _Call, session: CallSession | None, frame: av.VideoFrame
    ) -> None:
        if session is None or session is not call.session or call is not self._call:
            return
        if call.stalled:
            call.stalled = False
            self._report_media(call, "restored")
        figures = call.figures
        figures.frames = call.frames_before + session.remote_video_frames
        if figures.first_frame_at is None:
            figures.first_frame_at = self._now()
        self.events.on_remote_frame(frame)

    def _on_remote_text(
        self, call: _Call, session: CallSession | None, update: rtt.RttUpdate
    ) -> None:
        if session is None or session is not call.session or call is not self._call:
            return
        call.figures.texts_received += 1
        self.events.on_remote_text(update, session.remote_text.text)

    def _on_document(self, call: _Call, session: CallSession | None, event: DocumentEvent) -> None:
        if session is None or session is not call.session or call is not self._call:
            return
        if isinstance(event, DocumentReceived):
            call.documents.append(event)
        self.events.on_document(call.call_id, event)

    def _report_media(self, call: _Call, state: Literal["stalled", "restored"]) -> None:
        """Tell the server, in the background (called from the session's callbacks)."""
        self._spawn_report(call, self._send_media_state(call.call_id, state))

    def _spawn_report(self, call: _Call, report: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(report, name="call-media-report")
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
            if self._report_quality and call.peer is None:  # the interpreter's figures stay
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
        """Real-time text: the current line as it stands (clipped to ``rtc.text.MAX_LINE``), to
        every party of the call."""
        call = self._call
        if call is not None and call.session is not None:
            await call.session.send_text(draft[: rtt.MAX_LINE])
            await call.legs.send_text(draft[: rtt.MAX_LINE])
            call.figures.texts_sent += 1

    async def commit_text(self, line: str) -> None:
        """Real-time text: ``line`` is finished (Enter)."""
        call = self._call
        if call is not None and call.session is not None:
            await call.session.commit_text(line[: rtt.MAX_LINE])
            await call.legs.commit_text(line[: rtt.MAX_LINE])
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
        if self._call is not None:
            self._call.legs.set_muted(audio, video)


def _main_party(call: _Call) -> m.PartyRole:
    # The kiosk offers the main call (docs/protocol.md §Call); the interpreter's is the kiosk.
    return "kiosk" if call.peer == "kiosk" or call.role == "answerer" else "adviser"


async def _cancel(task: asyncio.Task[None] | None) -> None:
    if task is None:
        return
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
