"""Headless kiosk and adviser clients: the real signaling client and call session, no UI.

Used by ``kiosklink demo`` without a display, by the end-to-end tests, by the call-setup
benchmark and (on a loop thread of its own, :mod:`kiosklink.headless_threaded`) as the far end in
the Qt apps' tests. Each party reads its :class:`~rtc.signaling_client.SignalingClient` events
and runs its calls through :class:`~rtc.call_media.CallMedia`, the apps' own call media: synthetic
media (a stamped test pattern and a tone) opened at the first call, the call session (rebuilt on a
fresh offer), quality reports to the server. It keeps what arrives (frame counts, real-time text,
document events with their monotonic times; the pages themselves stay in the call media, in
memory, until the call ends).
Every step is handed to ``on_step`` so the demo can print it as it happens.

Three-way calls (docs/protocol.md §Interpreter): the kiosk and the adviser follow the
``interpreter`` messages (a leg opens with the interpreter's offer and closes on "left"); the
adviser can :meth:`HeadlessParty.invite_interpreter`; :func:`headless_interpreter` is an
interpreter account's party, which goes available, accepts an ``offer`` of kind "interpreting"
and offers to the kiosk and the adviser; its :meth:`HeadlessParty.hang_up` leaves the call
without ending it. What each party saw of each other party is in
:meth:`HeadlessParty.frames_from` and :attr:`HeadlessParty.lines`.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import TypeVar

import av

from rtc.call_media import CallFigures, CallMedia, CallSession, MediaEvents
from rtc.documents import (
    DocumentDelivered,
    DocumentProgress,
    DocumentReceived,
    DocumentRefused,
    DocumentRequested,
    RequestDeclined,
)
from rtc.documents import Event as DocumentEvent
from rtc.media import LocalMedia, MediaConfig
from rtc.media.still import Still
from rtc.signaling_client import (
    AuthFailed,
    ClientEvent,
    Connected,
    Disconnected,
    SignalingClient,
    login,
)
from rtc.text import RttUpdate
from signaling import messages as m

StepListener = Callable[[str, str], None]
CallStats = CallFigures  # what one party saw of one call
T = TypeVar("T")


class HeadlessParty:
    """One side of a call with no UI, kiosk or adviser as its ``client`` signed in.

    ``auto_accept``: accept every offer at once. ``ready_after_call``: leave wrap-up as soon as a
    call ends (an adviser taking calls back to back). ``quality_interval_s``: how often to report
    quality to the server during a call; None reports none.
    """

    def __init__(
        self,
        client: SignalingClient,
        *,
        name: str,
        on_step: StepListener | None = None,
        auto_accept: bool = False,
        ready_after_call: bool = False,
        media: MediaConfig | None = None,
        quality_interval_s: float | None = 2.0,
        connect_timeout_s: float = 20.0,
        takes_documents: bool = True,
    ) -> None:
        self.client = client
        self.name = name
        self.auto_accept = auto_accept
        self.ready_after_call = ready_after_call
        self._on_step = on_step or (lambda who, what: None)
        self.media = CallMedia(
            media or MediaConfig(synthetic_label=f"TEST PATTERN: {name}"),
            send=client.send,
            events=MediaEvents(
                on_state=self._on_state,
                on_remote_frame=self._on_frame,
                on_remote_text=self._on_text,
                on_quality=self._on_quality,
                on_document=self._on_document,
                on_party=self._on_party,
                on_party_frame=self._on_party_frame,
                on_party_text=self._on_party_text,
            ),
            quality_interval_s=quality_interval_s,
            connect_timeout_s=connect_timeout_s,
            takes_documents=takes_documents,
        )
        self.calls: list[CallStats] = []
        self.events: list[ClientEvent] = []
        self.remote_text: list[RttUpdate] = []  # every update of the peers' text, in order
        self.document_events: list[tuple[float, DocumentEvent]] = []  # (monotonic, event)
        self.lines: dict[str, str] = {}  # the latest whole line of real-time text, by party
        # What each remote party's connection saw in the last call, kept when it ended.
        self.last_party_figures: dict[str, CallStats] = {}
        self._changed = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None
        # The calls whose first connection and first frame were told (once per call, not rebuild).
        self._told_connected: CallStats | None = None
        self._told_frame: CallStats | None = None

    # --- life cycle ----------------------------------------------------------------------------

    async def start(self) -> None:
        await self.client.start()
        self._reader = asyncio.create_task(self._read(), name=f"headless-{self.name}")

    async def close(self) -> None:
        await self.media.end_call("closing")
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        await self.client.close()
        await self.media.close()

    async def wait_until(self, predicate: Callable[[], bool], timeout: float) -> None:
        """Wait until ``predicate()`` holds; raises TimeoutError after ``timeout`` seconds."""
        async with asyncio.timeout(timeout):
            while not predicate():
                self._changed.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), 0.1)

    @property
    def call(self) -> CallStats | None:
        return self.calls[-1] if self.calls else None

    @property
    def session(self) -> CallSession | None:
        """The running call's session (its meters and state); None between calls."""
        return self.media.session

    @property
    def local(self) -> LocalMedia | None:
        return self.media.local

    @property
    def in_call(self) -> bool:
        return self.media.session is not None

    def frames_from(self, party: str) -> int:
        """Video frames decoded from ``party`` in the current (or, after it, the last) call."""
        figures = self.media.party_figures or self.last_party_figures
        return figures[party].frames if party in figures else 0

    @property
    def remote_frames(self) -> int:
        """Remote video frames decoded, over all calls."""
        return sum(stats.frames for stats in self.calls)

    # --- intents -------------------------------------------------------------------------------

    async def join(self, language: str, *, topic: str | None = None) -> None:
        await self.client.send(m.Join(language=language, topic=topic))
        self._step("joined", f"asked for an adviser in {language!r}")

    async def go_available(self) -> None:
        await self.client.send(m.SetStatus(status="available"))

    async def hang_up(self) -> None:
        call_id = self.media.call_id
        if call_id is not None:
            await self.client.send(m.Hangup(call_id=call_id))
            self._step("hung up", f"call {call_id}")

    async def invite_interpreter(self, language: str) -> None:
        """Adviser: ask for an interpreter of ``language`` in the running call."""
        call_id = self.media.call_id
        assert call_id is not None, "no call to invite an interpreter to"
        await self.client.send(m.InviteInterpreter(call_id=call_id, language=language))
        self._step("interpreter", f"invited one for {language!r}")

    async def dismiss_interpreter(self) -> None:
        """Adviser: withdraw the invitation, or thank the interpreter, who leaves."""
        call_id = self.media.call_id
        assert call_id is not None, "no call to dismiss an interpreter from"
        await self.client.send(m.DismissInterpreter(call_id=call_id))

    async def send_text(self, draft: str) -> None:
        """Real-time text: the line as it stands, as if typed, to every party; needs a call."""
        assert self.in_call, "no call to send text in"
        await self.media.send_text(draft)

    async def commit_text(self, line: str) -> None:
        """Real-time text: the line finished (Enter pressed); needs a call."""
        assert self.in_call, "no call to send text in"
        await self.media.commit_text(line)

    def send_document(self, still: Still) -> int:
        """Show the peer a still (one page); its ``doc_id``. Needs a call."""
        doc_id = self.media.send_document(still)
        assert doc_id is not None, "no call to send a document in"
        self._step("document", f"offered page of {len(still.data)} bytes as document {doc_id}")
        return doc_id

    def request_document(self) -> None:
        """Adviser: ask the resident to show a document."""
        self.media.request_document()

    def decline_document(self) -> None:
        """Resident: no to the adviser's request."""
        self.media.decline_document()

    def documents_of(self, kind: type[T]) -> list[T]:
        """This call's and earlier calls' document events of one kind, in order."""
        return [event for _, event in self.document_events if isinstance(event, kind)]

    # --- events --------------------------------------------------------------------------------

    async def _read(self) -> None:
        async for event in self.client.events():
            self.events.append(event)
            await self._handle(event)
            self._changed.set()

    async def _handle(self, event: ClientEvent) -> None:
        match event:
            case Connected(welcome=welcome):
                self._step("connected", f"to the server as {type(welcome).__name__}")
            case Disconnected(reason=reason, retry_in_s=delay):
                await self.media.end_call("disconnected")
                self._step("disconnected", f"{reason}; retrying in {delay:.1f} s")
            case AuthFailed(reason=reason):
                self._step("refused", reason)
            case m.Queued(position=position, wait=wait):
                shown = "no one available" if wait is None else f"wait {wait.low_s}-{wait.high_s} s"
                self._step("position", f"{position} in line, {shown}")
            case m.Offer(call_id=call_id, language=language, waited_s=waited):
                what = "interpreting for a call" if event.kind == "interpreting" else "a caller"
                self._step("offered", f"{what} in {language!r}, waiting {waited:.1f} s")
                if self.auto_accept:
                    await self.client.send(m.Accept(call_id=call_id))
            case m.CallStarted(call_id=call_id, role=role, peer_name=peer):
                what = "interpreting, with the adviser" if event.interpreting else "with"
                self._step("call started", f"{what} {peer!r} as {role}")
                self.calls.append(
                    await self.media.start_call(
                        call_id, role, event.ice_servers, interpreting=event.interpreting
                    )
                )
            case m.SessionDescription() | m.IceCandidate():
                await self.media.receive(event)
            case m.Interpreter(state=state, language=language, reason=reason):
                because = f" ({reason})" if reason else ""
                self._step("interpreter", f"{state} for {language!r}{because}")
                await self.media.interpreter_changed(event)
            case m.CallEnded(reason=reason):
                self.last_party_figures = self.media.party_figures
                await self.media.end_call(reason)
                self._step("call ended", reason)
                if self.ready_after_call and reason != "negotiation_failed":
                    await self._send_quietly(m.Ready())  # after a failed set-up: available
            case m.Reconnecting(grace_s=grace):
                self._step("reconnecting", f"the call is interrupted; waiting up to {grace} s")
            case m.Reconnected():
                self._step("reconnected", "media flows again")
            case m.Error(code=code, message=message):
                self._step("error", f"{code}: {message}")
            case _:
                pass

    def _on_state(self, call_id: str, state: str) -> None:
        figures = self.media.figures
        if state == "connected" and figures is not None and self._told_connected is not figures:
            self._told_connected = figures
            self._step("media connected", "WebRTC peer connection is up")
        elif state == "stalled":
            self._step("media stalled", "no video from the other side; the server is told")
        self._changed.set()

    def _on_frame(self, frame: av.VideoFrame) -> None:
        figures = self.media.figures
        if figures is not None and self._told_frame is not figures:
            self._told_frame = figures
            self._step("first frame", f"{frame.width}x{frame.height} decoded")
        self._changed.set()

    def _on_text(self, update: RttUpdate, line: str) -> None:
        self.remote_text.append(update)
        main = self.media.main_party
        if main is not None:
            self.lines[main] = line
        self._changed.set()

    def _on_party(self, call_id: str, party: str, what: str) -> None:
        self._step(party, f"{what} (their own connection)")
        self._changed.set()

    def _on_party_frame(self, party: str, frame: av.VideoFrame) -> None:
        self._changed.set()

    def _on_party_text(self, party: str, update: RttUpdate, line: str) -> None:
        self.remote_text.append(update)
        self.lines[party] = line
        self._changed.set()

    def _on_document(self, call_id: str, event: DocumentEvent) -> None:
        self.document_events.append((time.monotonic(), event))
        match event:
            case DocumentReceived(page=page, data=data, sha256=digest):
                self._step("document", f"received page {page}: {len(data)} bytes, sha256 {digest}")
            case DocumentDelivered(doc_id=doc_id, page=page):
                self._step("document", f"document {doc_id} delivered as page {page}")
            case DocumentRefused(doc_id=doc_id, reason=reason, by=by, direction=direction):
                self._step("document", f"{direction} document {doc_id} refused by {by}: {reason}")
            case DocumentRequested():
                self._step("document", "the adviser asks to see a document")
            case RequestDeclined():
                self._step("document", "the resident declined to show a document")
            case DocumentProgress():
                pass  # many per page; the figures are in document_events
        self._changed.set()

    def _on_quality(self, quality: m.Quality) -> None:
        figures = ", ".join(
            f"{k}={v:.3g}" if isinstance(v, float) else f"{k}={v}"
            for k, v in quality.model_dump(exclude_none=True).items()
        )
        self._step("quality", figures)
        self._changed.set()

    async def _send_quietly(self, message: m.Message) -> None:
        with contextlib.suppress(ConnectionError):
            await self.client.send(message)

    def _step(self, what: str, detail: str) -> None:
        self._on_step(self.name, f"{what}: {detail}")


async def headless_kiosk(
    ws_url: str,
    token: str,
    *,
    name: str = "kiosk",
    on_step: StepListener | None = None,
    media: MediaConfig | None = None,
    quality_interval_s: float | None = 2.0,
    connect_timeout_s: float = 20.0,
) -> HeadlessParty:
    """``connect_timeout_s``: the call set-up deadline (then ``negotiation_failed``)."""
    client = SignalingClient(ws_url, role="kiosk", token=token)
    party = HeadlessParty(
        client,
        name=name,
        on_step=on_step,
        media=media,
        quality_interval_s=quality_interval_s,
        connect_timeout_s=connect_timeout_s,
        takes_documents=False,  # documents go from the resident to the adviser
    )
    await party.start()
    return party


async def headless_interpreter(
    http_url: str,
    ws_url: str,
    username: str,
    password: str,
    *,
    name: str = "interpreter",
    on_step: StepListener | None = None,
    media: MediaConfig | None = None,
) -> HeadlessParty:
    """An interpreter account's party: signs in, and accepts every offer of interpreting at
    once (:meth:`HeadlessParty.go_available` first). It reports no quality (that is the
    kiosk's and the adviser's, docs/protocol.md §Interpreter)."""
    return await headless_adviser(
        http_url,
        ws_url,
        username,
        password,
        name=name,
        on_step=on_step,
        media=media,
        ready_after_call=True,
    )


async def headless_adviser(
    http_url: str,
    ws_url: str,
    username: str,
    password: str,
    *,
    name: str = "adviser",
    on_step: StepListener | None = None,
    auto_accept: bool = True,
    ready_after_call: bool = False,
    media: MediaConfig | None = None,
    quality_interval_s: float | None = 2.0,
) -> HeadlessParty:
    """Sign in over HTTP, connect, and (by default) accept every offer at once."""
    session = await login(http_url, username, password)
    client = SignalingClient(ws_url, role="adviser", token=session.token)
    party = HeadlessParty(
        client,
        name=name,
        on_step=on_step,
        auto_accept=auto_accept,
        ready_after_call=ready_after_call,
        media=media,
        quality_interval_s=quality_interval_s,
    )
    await party.start()
    return party
