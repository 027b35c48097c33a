"""The legs of a three-way call: a party's connections to others than its main peer.

docs/protocol.md §Interpreter: a mesh of three peer connections. The kiosk–adviser connection is
the call as before (the main session of :class:`rtc.call_media.CallMedia`); the interpreter's two
connections are legs. Kiosk and adviser each have at most one leg, to the interpreter, which they
answer; the interpreter's main peer is the kiosk (the resident, shown big) and its one leg goes to
the adviser, which it offers. :class:`CallLegs` keeps a call's legs for :class:`CallMedia`, which
builds their sessions (``connect``: the same camera, microphone and mixed speaker as the main one).

Rules:

* A leg opens when the interpreter's offer comes (kiosk, adviser: only from a party in
  ``answers``), or at once for a party the caller :meth:`CallLegs.open`\\ s (the interpreter). A
  fresh offer on a leg already answered replaces it (a new peer connection, as for the main peer).
* Signals are routed by ``peer``; a signal for a party with no leg (an ``ice`` before the offer,
  a party this side never connects to) is dropped with a log line: what the peer sends never
  ends anything by an exception (issue 11).
* A leg ends when :meth:`CallLegs.close` is called (the interpreter ``left``, the call's end), or
  by its own failure: a negotiation that did not go through (the session already sent
  ``negotiation_failed`` with ``peer``) or a connection that failed later, which is told the same
  way, so the server ends the interpreter's part and the others close their leg too. The call
  goes on. No stall watch, no rebuild, no ``media_state`` and no quality reports for a leg: those
  rules belong to the main peer.
* ``on_party`` tells "joined" (the leg opened, or was replaced by a fresh one: no "left" in
  between), "connected" (its first connection) and "left" (once, whatever ended it);
  ``on_party_frame`` the newest frame, ``on_party_text`` each text update with the whole line.
  Nothing is told for a leg already closed.
* Each remote party keeps its :class:`~rtc.call_figures.CallFigures` after its leg closed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import av
from aiortc.mediastreams import MediaStreamTrack

from rtc import text as rtt
from rtc.call import CallEvents, CallSession, Role
from rtc.call_figures import CallFigures
from rtc.media import AudioSink
from signaling import messages as m
from signaling.errors import KiosklinkError

if TYPE_CHECKING:
    from rtc.call_media import MediaEvents

log = logging.getLogger(__name__)


@dataclass
class Connection:
    """A session and what it alone uses: its relay subscriptions and its source of the speaker."""

    session: CallSession
    sent: tuple[MediaStreamTrack, ...]
    speaker: AudioSink | None = None  # closed with the connection (a leg's); None: kept (main)

    async def close(self, reason: str) -> None:
        await self.session.close(reason)
        for track in self.sent:
            track.stop()
        if self.speaker is not None:
            self.speaker.close()


# (party, role, the events for its session) -> a connection, its session not started yet.
Connect = Callable[[m.PartyRole, Role, CallEvents], Awaitable[Connection]]


@dataclass
class _Leg:
    party: m.PartyRole
    connection: Connection
    figures: CallFigures
    left: bool = False


class CallLegs:
    """One call's legs (see the module docstring). Every method runs on the call's loop."""

    def __init__(
        self,
        call_id: str,
        *,
        connect: Connect,
        events: MediaEvents,
        answers: frozenset[m.PartyRole] = frozenset(),
        monotonic: Callable[[], float],
    ) -> None:
        self.call_id = call_id
        self._connect = connect
        self._events = events
        self._answers = answers
        self._now = monotonic
        self._legs: dict[str, _Leg] = {}
        self.figures: dict[str, CallFigures] = {}  # by party, kept after a leg closed
        self._closed = False
        self._tasks: set[asyncio.Task[None]] = set()

    def session(self, party: str) -> CallSession | None:
        leg = self._legs.get(party)
        return leg.connection.session if leg is not None else None

    @property
    def sessions(self) -> list[CallSession]:
        return [leg.connection.session for leg in self._legs.values()]

    async def open(self, party: m.PartyRole, role: Role) -> CallSession:
        """A new leg to ``party`` (replacing one there was, without a "left" in between: the
        party is still there); the offerer sends its offer."""
        await self._close(party, "replaced", tell=False)
        figures = self.figures[party] = CallFigures(call_id=self.call_id, started_at=self._now())
        leg: _Leg | None = None

        def this_leg() -> _Leg | None:  # the session's events are bound before the leg exists
            return leg if leg is not None and self._legs.get(party) is leg else None

        connection = await self._connect(party, role, self._session_events(this_leg))
        leg = self._legs[party] = _Leg(party, connection, figures)
        self._events.on_party(self.call_id, party, "joined")
        await connection.session.start()
        return connection.session

    async def receive(self, message: m.SessionDescription | m.IceCandidate) -> None:
        """A signal with ``peer`` set: to that party's leg; an offer from a party this side
        answers opens (or replaces) its leg; anything else is dropped."""
        party = message.peer
        assert party is not None, "the main peer's signals go to the main session"
        leg = self._legs.get(party)
        if (
            isinstance(message, m.SessionDescription)
            and message.sdp_type == "offer"
            and party in self._answers
            and not self._closed
            and (leg is None or leg.connection.session.pc.remoteDescription is not None)
        ):
            await self.open(party, "answerer")
            leg = self._legs.get(party)
        if leg is None:
            log.info(
                "call %s: dropped %s for %s: no connection to them",
                self.call_id,
                message.type,
                party,
            )
            return
        try:
            await leg.connection.session.handle(message)
        except KiosklinkError as exc:
            log.warning("call %s: dropped signaling from %s: %s", self.call_id, party, exc)

    async def close(self, party: m.PartyRole, reason: str) -> None:
        """End the leg to ``party`` (nothing if there is none); ``on_party`` "left" once."""
        await self._close(party, reason, tell=True)

    async def _close(self, party: m.PartyRole, reason: str, *, tell: bool) -> None:
        leg = self._legs.pop(party, None)
        if leg is None:
            return
        leg.figures.frames = leg.connection.session.remote_video_frames
        leg.figures.audio_frames = leg.connection.session.remote_audio_frames
        leg.figures.left_at = self._now()
        await leg.connection.close(reason)
        if tell and not leg.left:
            leg.left = True
            self._events.on_party(self.call_id, party, "left")

    async def close_all(self, reason: str) -> None:
        """The call ended: every leg ends, no new one opens. Idempotent."""
        self._closed = True
        for leg in list(self._legs.values()):
            await self.close(leg.party, reason)
        tasks = list(self._tasks)
        await asyncio.gather(*tasks, return_exceptions=True)

    def refresh_figures(self) -> None:
        """Bring the open legs' frame counts up to date (video counts follow each frame)."""
        for leg in self._legs.values():
            leg.figures.audio_frames = leg.connection.session.remote_audio_frames

    # --- controls on every leg -----------------------------------------------------------------

    async def send_text(self, draft: str) -> None:
        for session in self.sessions:
            await session.send_text(draft)

    async def commit_text(self, line: str) -> None:
        for session in self.sessions:
            await session.commit_text(line)

    def set_muted(self, audio: bool, video: bool) -> None:
        for session in self.sessions:
            session.set_muted(audio=audio, video=video)

    # --- what a leg's session reports ----------------------------------------------------------

    def _session_events(self, this_leg: Callable[[], _Leg | None]) -> CallEvents:
        return CallEvents(
            on_state=lambda state: self._on_state(this_leg(), state),
            on_remote_video=lambda frame: self._on_frame(this_leg(), frame),
            on_remote_text=lambda update: self._on_text(this_leg(), update),
        )

    def _on_state(self, leg: _Leg | None, state: str) -> None:
        if leg is None:
            return
        if state == "connected" and leg.figures.connected_at is None:
            leg.figures.connected_at = self._now()
            self._events.on_party(self.call_id, leg.party, "connected")
        elif state == "failed":
            self._spawn(self._end_failed(leg), f"call-leg-{leg.party}-failed")

    async def _end_failed(self, leg: _Leg) -> None:
        session = leg.connection.session
        # A negotiation that failed was told already; a connection lost later is told now,
        # so the server ends the interpreter's part for everyone (docs/protocol.md §Interpreter).
        await session.give_up(f"connection to {leg.party} failed")
        if self._legs.get(leg.party) is leg:
            await self.close(leg.party, "failed")

    def _on_frame(self, leg: _Leg | None, frame: av.VideoFrame) -> None:
        if leg is None:
            return
        figures = leg.figures
        figures.frames = leg.connection.session.remote_video_frames
        if figures.first_frame_at is None:
            figures.first_frame_at = self._now()
        self._events.on_party_frame(leg.party, frame)

    def _on_text(self, leg: _Leg | None, update: rtt.RttUpdate) -> None:
        if leg is None:
            return
        leg.figures.texts_received += 1
        line = leg.connection.session.remote_text.text
        self._events.on_party_text(leg.party, update, line)

    def _spawn(self, coro: Awaitable[None], name: str) -> None:
        task: asyncio.Task[None] = asyncio.ensure_future(coro)
        task.set_name(name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
