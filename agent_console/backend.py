"""The console's asyncio side: signing in, the signaling link, today's figures and the call media.

No Qt here (import-linter keeps it so). It runs on a :class:`rtc.loop_thread.LoopThread` (AIORTC.md
pitfall 7) and reports only through the plain callbacks it is given, which :mod:`agent_console.app`
turns into queued Qt signals: ``on_login`` (:data:`~agent_console.events.LoginOutcome`),
``on_client_event`` (server messages and link changes), ``on_media_event``
(:data:`~agent_console.events.MediaEvent`), ``on_today``, and ``on_remote_frame`` /
``on_local_frame`` / ``on_party_frame`` (the third party of a three-way call, §Interpreter) with
the newest :class:`av.VideoFrame`. The call's media are
:class:`rtc.call_media.CallMedia`, shared with the kiosk and the headless parties; the console
opens the devices per call.

The GUI's requests become commands (:meth:`ConsoleBackend.submit`, on the loop thread) that one
worker runs in the order given, so an SDP offer is never handled before the session that answers it
exists, and one failed command does not stop the rest.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import aiohttp
import av

from agent_console import booking_client
from agent_console.bookings import SeriesRequest
from agent_console.config import ConsoleConfig, http_url, signaling_url
from agent_console.events import (
    BookingAnswer,
    BookingsLoaded,
    Figures,
    LoginError,
    LoginOk,
    LoginOutcome,
    MediaEvent,
    MediaState,
    PartyChanged,
    PartyText,
    RemoteText,
    TodayFigures,
)
from rtc.call_media import CallMedia, MediaEvents
from rtc.documents import Event as DocumentEvent
from rtc.media import MediaConfig
from rtc.signaling_client import (
    ClientEvent,
    Connected,
    LoginFailed,
    NotConnected,
    SignalingClient,
    login,
)
from rtc.text import RttUpdate
from signaling import messages as m
from signaling.errors import KiosklinkError

log = logging.getLogger(__name__)

APP_VERSION = "0.1.0"
STATS_EVERY_S = 2.0
PREVIEW_EVERY_S = 0.1  # the own picture is small; 10 fps is plenty
Command = Callable[[], Awaitable[None]]


def _ignore(_: object) -> None:
    pass


class ConsoleBackend:
    def __init__(
        self,
        config: ConsoleConfig,
        *,
        on_login: Callable[[LoginOutcome], None] = _ignore,
        on_client_event: Callable[[ClientEvent], None] = _ignore,
        on_media_event: Callable[[MediaEvent], None] = _ignore,
        on_today: Callable[[TodayFigures], None] = _ignore,
        on_bookings: Callable[[BookingsLoaded], None] = _ignore,
        on_booking_answer: Callable[[BookingAnswer], None] = _ignore,
        on_remote_frame: Callable[[av.VideoFrame], None] = _ignore,
        on_local_frame: Callable[[av.VideoFrame], None] = _ignore,
        on_party_frame: Callable[[av.VideoFrame], None] = _ignore,
        on_document: Callable[[DocumentEvent], None] = _ignore,
    ) -> None:
        self.config = config
        self._on_login = on_login
        self._on_client_event = on_client_event
        self._on_media_event = on_media_event
        self._on_today = on_today
        self._on_bookings = on_bookings
        self._on_booking_answer = on_booking_answer
        self.media = CallMedia(
            MediaConfig(
                camera=config.camera,
                microphone=config.microphone,
                speaker=config.speaker,
                synthetic_label="ADVISER",
            ),
            send=self._send_signal,
            events=MediaEvents(
                on_state=lambda call_id, state: on_media_event(MediaState(call_id, state)),
                on_remote_frame=on_remote_frame,
                on_local_frame=on_local_frame,
                on_remote_text=self._remote_text,
                on_quality=self._quality,
                on_document=lambda _call_id, event: on_document(event),
                on_party=lambda call_id, party, state: on_media_event(
                    PartyChanged(call_id, party, state)
                ),
                on_party_frame=lambda _party, frame: on_party_frame(frame),
                on_party_text=self._party_text,
            ),
            preview_interval_s=PREVIEW_EVERY_S,
            quality_interval_s=STATS_EVERY_S,
            report_quality=False,  # the flow judges the figures and sends them (§Quality)
        )
        self._commands: asyncio.Queue[Command] | None = None
        self._worker: asyncio.Task[None] | None = None
        self._http_base = ""
        self._token: str | None = None
        self._adviser_id = ""
        self._client: SignalingClient | None = None
        self._pump: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    # --- life cycle (on the loop) ----------------------------------------------------------------

    @property
    def started(self) -> bool:
        return self._commands is not None

    async def start(self) -> None:
        self._commands = asyncio.Queue()
        self._worker = asyncio.create_task(self._work(self._commands), name="console-commands")

    def submit(self, command: Command) -> None:
        """Queue one command; call on the loop thread (app.py uses ``LoopThread.call_soon``)."""
        assert self._commands is not None, "backend not started"
        self._commands.put_nowait(command)

    async def _work(self, commands: asyncio.Queue[Command]) -> None:
        while True:
            command = await commands.get()
            try:
                await command()
            except Exception:  # one failed command must not stop the console
                log.exception("console command failed")

    async def stop(self) -> None:
        """Hang up, sign out, stop every task. Idempotent."""
        await self.media.close()
        await self.disconnect()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await worker

    # --- signing in and the link -----------------------------------------------------------------

    async def login(self, url: str, username: str, password: str) -> None:
        self._http_base = http_url(url)
        try:
            result = await login(self._http_base, username, password)
        except LoginFailed as exc:
            self._on_login(LoginError(str(exc), unreachable=False))
            return
        except (aiohttp.ClientError, OSError, TimeoutError, ValueError, KeyError) as exc:
            self._on_login(LoginError(f"{type(exc).__name__}: {exc}", unreachable=True))
            return
        self._token = result.token
        self._adviser_id = result.adviser_id
        self._on_login(LoginOk(result.adviser_id, result.display_name))

    async def connect(self, url: str) -> None:
        await self._close_client()
        if self._token is None:
            return
        try:
            ws_url = signaling_url(url)
        except KiosklinkError as exc:
            self._on_login(LoginError(str(exc), unreachable=True))
            return
        client = SignalingClient(ws_url, role="adviser", token=self._token, app_version=APP_VERSION)
        self._client = client
        await client.start()
        self._pump = asyncio.create_task(self._pump_events(client), name="console-events")

    async def _pump_events(self, client: SignalingClient) -> None:
        async for event in client.events():
            self._on_client_event(event)
            if isinstance(event, Connected):
                self._background(self._fetch_today())
                self._background(self.fetch_bookings())

    async def _close_client(self) -> None:
        if self._pump is not None:
            self._pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pump
            self._pump = None
        if self._client is not None:
            await self._client.close()
            self._client = None

    async def disconnect(self) -> None:
        """Hang up, close the link and sign out."""
        await self.end_media()
        await self._close_client()
        token, self._token = self._token, None
        if token and self._http_base:
            with contextlib.suppress(aiohttp.ClientError, OSError, TimeoutError):
                await self._http("POST", "/api/logout", token)

    async def send(self, message: m.Message) -> None:
        if self._client is None:
            return
        try:
            await self._client.send(message)
        except NotConnected:
            # The flow already shows the console offline; the adviser repeats the action.
            log.info("not sent while offline: %s", message.__class__.__name__)
        if isinstance(message, m.Ready):
            self._background(self._fetch_today())

    def _background(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # --- today's figures -------------------------------------------------------------------------

    async def _http(self, method: str, path: str, token: str) -> tuple[int, str]:
        timeout = aiohttp.ClientTimeout(total=5)
        headers = {"Authorization": f"Bearer {token}"}
        async with (
            aiohttp.ClientSession(timeout=timeout) as http,
            http.request(method, self._http_base + path, headers=headers) as resp,
        ):
            return resp.status, await resp.text()

    async def _fetch_today(self) -> None:
        """GET /api/adviser/today; silently nothing when the server does not answer it."""
        token = self._token
        if not token or not self._http_base:
            return
        try:
            status, body = await self._http("GET", "/api/adviser/today", token)
            if status != 200:
                return
            data = json.loads(body)
            figures = TodayFigures(
                calls_taken=int(data["calls_taken"]),
                average_handle_s=_optional_float(data.get("average_handle_s")),
                ratings_count=int(data.get("ratings_count", 0)),
                ratings_average=_optional_float(data.get("ratings_average")),
            )
        except (aiohttp.ClientError, OSError, TimeoutError, ValueError, KeyError, TypeError):
            return
        self._on_today(figures)

    # --- today's bookings (agent_console/booking_client.py) -----------------------------------

    async def fetch_bookings(self) -> None:
        token = self._token
        if token and self._http_base:
            loaded = await booking_client.fetch(self._http_base, token)
            if loaded is not None:
                self._on_bookings(loaded)

    async def publish_slots(self, series: SeriesRequest) -> None:
        if self._token:
            answer = await booking_client.publish(
                self._http_base, self._token, series, self._adviser_id
            )
            self._on_booking_answer(answer)

    async def book_slot(self, slot_id: str) -> None:
        if self._token:
            self._on_booking_answer(
                await booking_client.book(self._http_base, self._token, slot_id)
            )

    async def save_calendar(self, path: str) -> None:
        if self._token:
            self._on_booking_answer(
                await booking_client.save_calendar(self._http_base, self._token, path)
            )

    # --- the call --------------------------------------------------------------------------------

    async def start_media(self, started: m.CallStarted) -> None:
        """Open the devices and start the call's session: an adviser answers the kiosk; an
        interpreter offers to the kiosk and to the adviser (§Interpreter)."""
        await self.media.start_call(
            started.call_id,
            started.role,
            started.ice_servers,
            interpreting=started.interpreting,
        )

    async def to_media(self, message: m.SessionDescription | m.IceCandidate) -> None:
        await self.media.receive(message)

    async def interpreter_changed(self, message: m.Interpreter) -> None:
        """The interpreter joined or left (§Interpreter): "left" closes their connection."""
        await self.media.interpreter_changed(message)

    async def end_media(self) -> None:
        """Hang up and release the devices (the console opens them per call)."""
        await self.media.close()

    async def send_text(self, text: str, committed: bool) -> None:
        if committed:
            await self.media.commit_text(text)
        else:
            await self.media.send_text(text)

    async def request_document(self) -> None:
        """Ask the resident to show a letter (issue #16); their kiosk asks them."""
        self.media.request_document()

    async def set_muted(self, audio: bool, video: bool) -> None:
        self.media.set_muted(audio=audio, video=video)

    async def _send_signal(self, message: m.Message) -> None:
        if self._client is not None:
            with contextlib.suppress(NotConnected):
                await self._client.send(message)

    def _remote_text(self, update: RttUpdate, text: str) -> None:
        call_id = self.media.call_id
        if call_id is not None:
            self._on_media_event(RemoteText(call_id, text))

    def _party_text(self, party: m.PartyRole, update: RttUpdate, text: str) -> None:
        call_id = self.media.call_id
        if call_id is not None:
            self._on_media_event(PartyText(call_id, party, text))

    def _quality(self, quality: m.Quality) -> None:
        call_id = self.media.call_id
        if call_id is not None:
            self._on_media_event(Figures(call_id, quality))


def _optional_float(value: object) -> float | None:
    return None if value is None else float(str(value))
