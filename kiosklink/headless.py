"""Headless kiosk and adviser clients: the real signaling client and call session, no UI.

Used by ``kiosklink demo`` without a display, by the end-to-end tests, by the call-setup
benchmark and (on a loop thread of its own, :mod:`kiosklink.headless_threaded`) as the far end in
the Qt apps' tests. Each party reads its :class:`~rtc.signaling_client.SignalingClient` events,
opens synthetic media (a stamped test pattern and a tone) when a call starts, runs a
:class:`~rtc.call.CallSession`, keeps what arrives (decoded frames, real-time text), and reports
quality figures to the server as the apps do. Every step is handed to ``on_step`` so the demo can
print it as it happens.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import av

from rtc.call import CallEvents, CallSession
from rtc.ice_choice import reachable_first
from rtc.media import LocalMedia, MediaConfig, open_local_media
from rtc.quality import QualityMonitor
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


@dataclass
class CallStats:
    """What one party saw of one call."""

    call_id: str
    asked_at: float  # monotonic: when the kiosk asked for a call / the adviser accepted
    connected_at: float | None = None
    first_frame_at: float | None = None
    frames: int = 0
    quality_sent: int = 0
    last_quality: m.Quality | None = None
    counters: list[int] = field(default_factory=list)


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
    ) -> None:
        self.client = client
        self.name = name
        self.auto_accept = auto_accept
        self.ready_after_call = ready_after_call
        self._on_step = on_step or (lambda who, what: None)
        self._media_config = media or MediaConfig(synthetic_label=f"TEST PATTERN: {name}")
        self._quality_interval_s = quality_interval_s
        self.session: CallSession | None = None
        self.local: LocalMedia | None = None
        self._monitor: QualityMonitor | None = None
        self.calls: list[CallStats] = []
        self.events: list[ClientEvent] = []
        self.remote_text: list[RttUpdate] = []  # every update of the peers' text, in order
        self._changed = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None
        self._asked_at: float | None = None

    # --- life cycle ----------------------------------------------------------------------------

    async def start(self) -> None:
        await self.client.start()
        self._reader = asyncio.create_task(self._read(), name=f"headless-{self.name}")

    async def close(self) -> None:
        await self._end_session("closing")
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        await self.client.close()
        if self.local is not None:
            await self.local.close()
            self.local = None

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
    def in_call(self) -> bool:
        return self.session is not None

    @property
    def remote_frames(self) -> int:
        """Remote video frames decoded, over all calls."""
        return sum(stats.frames for stats in self.calls)

    # --- intents -------------------------------------------------------------------------------

    async def join(self, language: str, *, topic: str | None = None) -> None:
        self._asked_at = time.monotonic()
        await self.client.send(m.Join(language=language, topic=topic))
        self._step("joined", f"asked for an adviser in {language!r}")

    async def go_available(self) -> None:
        await self.client.send(m.SetStatus(status="available"))

    async def hang_up(self) -> None:
        if self.session is not None:
            await self.client.send(m.Hangup(call_id=self.session.call_id))
            self._step("hung up", f"call {self.session.call_id}")

    async def send_text(self, draft: str) -> None:
        """Real-time text: the line as it stands, as if typed; needs a call."""
        assert self.session is not None, "no call to send text in"
        await self.session.send_text(draft)

    async def commit_text(self, line: str) -> None:
        """Real-time text: the line finished (Enter pressed); needs a call."""
        assert self.session is not None, "no call to send text in"
        await self.session.commit_text(line)

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
                await self._end_session("disconnected")
                self._step("disconnected", f"{reason}; retrying in {delay:.1f} s")
            case AuthFailed(reason=reason):
                self._step("refused", reason)
            case m.Queued(position=position, wait=wait):
                self._step("position", f"{position} in line, wait {wait.low_s}-{wait.high_s} s")
            case m.Offer(call_id=call_id, language=language, waited_s=waited):
                self._step("offered", f"a caller in {language!r} who waited {waited:.1f} s")
                if self.auto_accept:
                    self._asked_at = time.monotonic()
                    await self.client.send(m.Accept(call_id=call_id))
            case m.CallStarted():
                await self._start_session(event)
            case m.SessionDescription() | m.IceCandidate():
                if self.session is not None and self.session.call_id == event.call_id:
                    await self.session.handle(event)
            case m.CallEnded(reason=reason):
                await self._end_session(reason)
                self._step("call ended", reason)
                if self.ready_after_call:
                    await self._send_quietly(m.Ready())
            case m.Reconnecting(grace_s=grace):
                self._step("reconnecting", f"the adviser's link dropped; waiting up to {grace} s")
            case m.Error(code=code, message=message):
                self._step("error", f"{code}: {message}")
            case _:
                pass

    async def _start_session(self, started: m.CallStarted) -> None:
        await self._end_session("renegotiating")
        if self.local is None:
            self.local = await open_local_media(self._media_config)
        stats = CallStats(call_id=started.call_id, asked_at=self._asked_at or time.monotonic())
        self.calls.append(stats)
        session = CallSession(
            call_id=started.call_id,
            role=started.role,
            ice_servers=await reachable_first(started.ice_servers),
            local=self.local,
            send=self.client.send,
            events=CallEvents(
                on_state=lambda state: self._on_state(stats, state),
                on_remote_video=lambda frame: self._on_frame(stats, frame),
                on_remote_text=self._on_text,
            ),
        )
        self.session = session
        self._step("call started", f"with {started.peer_name!r} as {started.role}")
        await session.start()
        if self._quality_interval_s is not None:
            self._monitor = QualityMonitor(
                session.stats,
                lambda q: self._report_quality(stats, q),
                interval_s=self._quality_interval_s,
            )
            self._monitor.start()

    async def _end_session(self, reason: str) -> None:
        if self._monitor is not None:
            await self._monitor.stop()
            self._monitor = None
        if self.session is not None:
            session, self.session = self.session, None
            await session.close(reason)

    def _on_state(self, stats: CallStats, state: str) -> None:
        if state == "connected" and stats.connected_at is None:
            stats.connected_at = time.monotonic()
            self._step("media connected", "WebRTC peer connection is up")
        self._changed.set()

    def _on_frame(self, stats: CallStats, frame: av.VideoFrame) -> None:
        if self.session is None:
            return
        stats.frames = self.session.remote_video_frames
        if stats.first_frame_at is None:
            stats.first_frame_at = time.monotonic()
            self._step("first frame", f"{frame.width}x{frame.height} decoded")
        self._changed.set()

    def _on_text(self, update: RttUpdate) -> None:
        self.remote_text.append(update)
        self._changed.set()

    def _report_quality(self, stats: CallStats, quality: m.Quality) -> None:
        stats.last_quality = quality
        stats.quality_sent += 1
        figures = ", ".join(
            f"{k}={v:.3g}" if isinstance(v, float) else f"{k}={v}"
            for k, v in quality.model_dump(exclude_none=True).items()
        )
        self._step("quality", figures)
        task = asyncio.get_running_loop().create_task(
            self._send_quietly(m.QualityReport(call_id=stats.call_id, quality=quality))
        )
        self._background = task  # keep a reference until done

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
) -> HeadlessParty:
    client = SignalingClient(ws_url, role="kiosk", token=token)
    party = HeadlessParty(
        client, name=name, on_step=on_step, media=media, quality_interval_s=quality_interval_s
    )
    await party.start()
    return party


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
