"""The one module that knows both Qt and asyncio: the console's I/O backend and its start-up.

:class:`AsyncBackend` runs the signaling client and the call session on a
:class:`~rtc.loop_thread.LoopThread` (aiortc in its own thread, AIORTC.md pitfall 7). Its public
methods are called on the GUI thread and return at once: each one queues a command, and a single
worker on the asyncio loop runs the commands in the order they were given (so the SDP offer is
never handled before the call session that answers it exists). Results come back as Qt signals,
which Qt delivers to the controller on the GUI thread (queued connections, because they are
emitted from the asyncio thread).

Video reaches the GUI as QImage through a one-frame slot: the asyncio side replaces the slot's
image and signals only when the GUI has taken the previous one, so a slow GUI sees fewer frames,
never older ones (pitfall 1).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import threading
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any

import aiohttp
import av
import cv2
import numpy as np
from aiortc.contrib.media import MediaRelay
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from agent_console.config import ConsoleConfig, http_url, signaling_url
from agent_console.controller import ConsoleController
from agent_console.events import (
    Figures,
    LoginError,
    LoginOk,
    MediaState,
    RemoteText,
    TodayFigures,
)
from agent_console.flow import ConsoleFlow
from agent_console.ring import make_ring
from agent_console.translation import install_translator
from agent_console.views.console_window import ConsoleWindow
from rtc import text as rtt
from rtc.call import CallEvents, CallSession
from rtc.frames import frame_rgb
from rtc.ice_choice import reachable_first
from rtc.loop_thread import LoopThread
from rtc.media import LocalMedia, MediaConfig, open_local_media
from rtc.signaling_client import (
    Connected,
    LoginFailed,
    NotConnected,
    SignalingClient,
    login,
)
from signaling import messages as m
from signaling.errors import KiosklinkError

log = logging.getLogger(__name__)

APP_VERSION = "0.1.0"
STATS_EVERY_S = 2.0
PREVIEW_EVERY_NTH = 3  # the own picture is small; 10 fps is plenty
PREVIEW_SIZE = (240, 180)
_Command = Callable[[], Awaitable[None]]


class FrameSlot:
    """The newest frame for the GUI, and whether the GUI must be told about it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._image: QImage | None = None

    def put(self, image: QImage) -> bool:
        """Store ``image``; True when the slot was empty, i.e. the GUI needs a signal."""
        with self._lock:
            was_empty = self._image is None
            self._image = image
        return was_empty

    def take(self) -> QImage | None:
        with self._lock:
            image, self._image = self._image, None
        return image


def to_qimage(frame: av.VideoFrame, size: tuple[int, int] | None = None) -> QImage:
    """An RGB copy of ``frame`` that owns its pixels (safe to hand to another thread)."""
    rgb = frame_rgb(frame)
    if size is not None:
        rgb = np.asarray(cv2.resize(rgb, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)
    rgb = np.ascontiguousarray(rgb)
    height, width, _ = rgb.shape
    return QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


class _Call:
    """One call's media on the asyncio side: the session, local media and the preview."""

    def __init__(self, started: m.CallStarted, local: LocalMedia) -> None:
        self.started = started
        self.local = local
        self.relay = MediaRelay()
        self.sent_video: MediaStreamTrack = self.relay.subscribe(local.video, buffered=False)
        self.preview: MediaStreamTrack = self.relay.subscribe(local.video, buffered=False)
        self.session: CallSession | None = None
        self.tasks: list[asyncio.Task[None]] = []

    def session_media(self) -> LocalMedia:
        return LocalMedia(
            video=self.sent_video,
            audio=self.local.audio,
            speaker=self.local.speaker,
            sources=self.local.sources,
        )


class AsyncBackend(QObject):
    login_result = Signal(object)  # LoginOk | LoginError
    client_event = Signal(object)  # rtc.signaling_client.ClientEvent
    media_event = Signal(object)  # MediaState | RemoteText | Figures
    today_figures = Signal(object)  # TodayFigures
    remote_frame_ready = Signal()
    local_frame_ready = Signal()

    def __init__(self, config: ConsoleConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.loop_thread = LoopThread("console-asyncio")
        self.remote_frames = FrameSlot()
        self.local_frames = FrameSlot()
        self._commands: asyncio.Queue[_Command] | None = None
        self._worker: asyncio.Task[None] | None = None
        self._http_base = ""
        self._token: str | None = None
        self._client: SignalingClient | None = None
        self._pump: asyncio.Task[None] | None = None
        self._call: _Call | None = None
        self._muted = (False, False)
        self._tasks: set[asyncio.Task[None]] = set()

    # --- lifecycle (GUI thread) ----------------------------------------------------------------

    def start(self) -> None:
        self.loop_thread.start()
        self.loop_thread.submit(self._start_worker()).result(5)

    def close(self, timeout_s: float = 10.0) -> None:
        """Hang up, disconnect and stop the asyncio thread; bounded by ``timeout_s``."""
        if not self.loop_thread.running:
            return
        try:
            self.loop_thread.submit(self._shut_down()).result(timeout_s)
        except Exception as exc:  # a stuck peer must not keep the app from closing
            log.warning("backend did not shut down cleanly: %s", exc)
        self.loop_thread.stop()

    async def _start_worker(self) -> None:
        self._commands = asyncio.Queue()
        self._worker = asyncio.create_task(self._work(self._commands), name="console-commands")

    async def _work(self, commands: asyncio.Queue[_Command]) -> None:
        while True:
            command = await commands.get()
            try:
                await command()
            except Exception:  # one failed command must not stop the console
                log.exception("console command failed")

    def _enqueue(self, command: _Command) -> None:
        queue = self._commands
        if queue is None:
            raise RuntimeError("AsyncBackend.start() was not called")
        self.loop_thread.call_soon(queue.put_nowait, command)

    async def _shut_down(self) -> None:
        await self._end_media()
        await self._disconnect()
        await _cancel(list(self._tasks))
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker

    # --- the Backend protocol (GUI thread) -----------------------------------------------------

    def login(self, url: str, username: str, password: str) -> None:
        self._enqueue(lambda: self._login(url, username, password))

    def open_link(self, url: str) -> None:
        self._enqueue(lambda: self._connect(url))

    def close_link(self) -> None:
        self._enqueue(self._disconnect)

    def send(self, message: m.Message) -> None:
        self._enqueue(lambda: self._send(message))

    def start_media(self, call: m.CallStarted) -> None:
        self._enqueue(lambda: self._start_media(call))

    def to_media(self, message: m.SessionDescription | m.IceCandidate) -> None:
        self._enqueue(lambda: self._to_media(message))

    def end_media(self, call_id: str) -> None:
        self._enqueue(self._end_media)

    def send_text(self, text: str, committed: bool) -> None:
        self._enqueue(lambda: self._send_text(text, committed))

    def set_muted(self, audio: bool, video: bool) -> None:
        self._enqueue(lambda: self._set_muted(audio, video))

    def take_remote_frame(self) -> QImage | None:
        return self.remote_frames.take()

    def take_local_frame(self) -> QImage | None:
        return self.local_frames.take()

    # --- signing in and the link (asyncio thread) ----------------------------------------------

    async def _login(self, url: str, username: str, password: str) -> None:
        self._http_base = http_url(url)
        try:
            result = await login(self._http_base, username, password)
        except LoginFailed as exc:
            self.login_result.emit(LoginError(str(exc), unreachable=False))
            return
        except (aiohttp.ClientError, OSError, TimeoutError, ValueError, KeyError) as exc:
            self.login_result.emit(LoginError(f"{type(exc).__name__}: {exc}", unreachable=True))
            return
        self._token = result.token
        self.login_result.emit(LoginOk(result.adviser_id, result.display_name))

    async def _connect(self, url: str) -> None:
        await self._close_client()
        if self._token is None:
            return
        try:
            ws_url = signaling_url(url)
        except KiosklinkError as exc:
            self.login_result.emit(LoginError(str(exc), unreachable=True))
            return
        client = SignalingClient(ws_url, role="adviser", token=self._token, app_version=APP_VERSION)
        self._client = client
        await client.start()
        self._pump = asyncio.create_task(self._pump_events(client), name="console-events")

    async def _pump_events(self, client: SignalingClient) -> None:
        async for event in client.events():
            self.client_event.emit(event)
            if isinstance(event, Connected):
                self._background(self._fetch_today())

    async def _close_client(self) -> None:
        if self._pump is not None:
            self._pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pump
            self._pump = None
        if self._client is not None:
            await self._client.close()
            self._client = None

    async def _disconnect(self) -> None:
        await self._end_media()
        await self._close_client()
        token, self._token = self._token, None
        if token and self._http_base:
            with contextlib.suppress(aiohttp.ClientError, OSError, TimeoutError):
                await self._http("POST", "/api/logout", token)

    async def _send(self, message: m.Message) -> None:
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

    async def _http(self, method: str, path: str, token: str) -> tuple[int, str]:
        timeout = aiohttp.ClientTimeout(total=5)
        headers = {"Authorization": f"Bearer {token}"}
        async with (
            aiohttp.ClientSession(timeout=timeout) as http,
            http.request(method, self._http_base + path, headers=headers) as resp,
        ):
            return resp.status, await resp.text()

    async def _fetch_today(self) -> None:
        """The proposed GET /api/adviser/today; silently nothing while the server lacks it."""
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
        self.today_figures.emit(figures)

    # --- the call (asyncio thread) -------------------------------------------------------------

    async def _start_media(self, started: m.CallStarted) -> None:
        await self._end_media()
        media = MediaConfig(
            camera=self.config.camera,
            microphone=self.config.microphone,
            speaker=self.config.speaker,
            synthetic_label="ADVISER",
        )
        call = _Call(started, await open_local_media(media))
        self._call = call
        self._muted = (False, False)
        call.tasks.append(asyncio.create_task(self._preview(call.preview)))
        call.tasks.append(asyncio.create_task(self._poll_stats(call)))
        await self._new_session(call)

    async def _new_session(self, call: _Call) -> None:
        started = call.started
        session = CallSession(
            call_id=started.call_id,
            role=started.role,
            ice_servers=await reachable_first(started.ice_servers),
            local=call.session_media(),
            send=self._send_signal,
            events=CallEvents(
                on_state=lambda state: self.media_event.emit(MediaState(started.call_id, state)),
                on_remote_video=self._remote_video,
                on_remote_text=lambda update: self._remote_text(started.call_id),
            ),
        )
        call.session = session
        session.set_muted(audio=self._muted[0], video=self._muted[1])
        await session.start()

    async def _send_signal(self, message: m.SessionDescription | m.IceCandidate) -> None:
        if self._client is not None:
            with contextlib.suppress(NotConnected):
                await self._client.send(message)

    def _remote_video(self, frame: av.VideoFrame) -> None:
        if self.remote_frames.put(to_qimage(frame)):
            self.remote_frame_ready.emit()

    def _remote_text(self, call_id: str) -> None:
        call = self._call
        if call is not None and call.session is not None:
            self.media_event.emit(RemoteText(call_id, call.session.remote_text.text))

    async def _to_media(self, message: m.SessionDescription | m.IceCandidate) -> None:
        call = self._call
        if call is None or call.session is None or message.call_id != call.started.call_id:
            return
        session = call.session
        if (
            isinstance(message, m.SessionDescription)
            and message.sdp_type == "offer"
            and session.pc.remoteDescription is not None
        ):
            # A fresh offer for a call we already answered: the kiosk is rebuilding a stalled or
            # failed connection (AIORTC.md pitfall 3), so we answer with a fresh session too.
            await session.close("rebuild")
            await self._new_session(call)
            session = call.session
            assert session is not None
        try:
            await session.handle(message)
        except KiosklinkError as exc:
            log.warning("dropped signaling for the call: %s", exc)

    async def _send_text(self, text: str, committed: bool) -> None:
        call = self._call
        if call is None or call.session is None:
            return
        line = text[: rtt.MAX_LINE]
        if committed:
            await call.session.commit_text(line)
        else:
            await call.session.send_text(line)

    async def _set_muted(self, audio: bool, video: bool) -> None:
        self._muted = (audio, video)
        call = self._call
        if call is not None and call.session is not None:
            call.session.set_muted(audio=audio, video=video)

    async def _end_media(self) -> None:
        call, self._call = self._call, None
        if call is None:
            return
        await _cancel(call.tasks)
        if call.session is not None:
            await call.session.close("hangup")
        for track in (call.sent_video, call.preview):
            track.stop()
        await call.local.close()
        self.remote_frames.take()
        self.local_frames.take()

    async def _preview(self, track: MediaStreamTrack) -> None:
        count = 0
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            count += 1
            if not isinstance(frame, av.VideoFrame):
                continue
            if count % PREVIEW_EVERY_NTH == 0 and self.local_frames.put(
                to_qimage(frame, PREVIEW_SIZE)
            ):
                self.local_frame_ready.emit()

    async def _poll_stats(self, call: _Call) -> None:
        while True:
            await asyncio.sleep(STATS_EVERY_S)
            session = call.session
            if session is None:
                continue
            try:
                quality = await session.stats()
            except Exception as exc:  # aiortc stats can fail while a peer closes
                log.debug("no stats: %s", exc)
                continue
            self.media_event.emit(Figures(call.started.call_id, quality))


async def _cancel(tasks: Sequence[asyncio.Task[None]]) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def _optional_float(value: object) -> float | None:
    return None if value is None else float(str(value))


# --- start-up ------------------------------------------------------------------------------------


class Console:
    """The assembled console: window, flow, backend and controller, wired together."""

    def __init__(self, config: ConsoleConfig, *, ring: bool = True) -> None:
        self.config = config
        self.window = ConsoleWindow()
        self.flow = ConsoleFlow(server_url=config.server_url)
        self.backend = AsyncBackend(config, self.window)
        self.backend.start()
        sound = make_ring(config.ring if ring else "off", config.ring_volume, self.window)
        self.controller = ConsoleController(self.flow, self.window, self.backend, ring=sound)
        b, c = self.backend, self.controller
        b.login_result.connect(c.on_login_result)
        b.client_event.connect(c.on_client_event)
        b.media_event.connect(c.on_media_event)
        b.today_figures.connect(c.on_today)
        b.remote_frame_ready.connect(c.on_remote_frame)
        b.local_frame_ready.connect(c.on_local_frame)

    def close(self) -> None:
        self.controller.shut_down()
        self.backend.close()
        self.window.close()


def run(config: ConsoleConfig, *, attach: Callable[[Console], object] | None = None) -> int:
    """Show the console until its window is closed; the exit code of the Qt event loop.

    ``attach`` is called with the assembled console before the event loop starts (``kiosklink
    soak`` attaches its driver there, so the soak runs this very start-up)."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    translator = install_translator(app, config.ui_language)
    collector = collect_garbage_on_the_gui_thread(app)
    console = Console(config)
    app.aboutToQuit.connect(console.close)
    app.aboutToQuit.connect(collector.stop)
    console.window.show()
    if attach is not None:
        attach(console)
    try:
        return app.exec()
    finally:
        if translator is not None:
            app.removeTranslator(translator)


def collect_garbage_on_the_gui_thread(parent: QObject) -> QTimer:
    """Run Python's cycle collector only on the GUI thread, from a timer.

    aiortc and the signaling client run on another thread (LoopThread); left automatic, the
    collector runs on whichever thread allocates, and freeing a cycle that holds a Qt object off
    the GUI thread can crash the process (seen once in tests). Young objects every half second
    keeps pauses tiny; a full pass every ten seconds catches the rest.
    """
    gc.disable()
    timer = QTimer(parent)
    ticks = 0

    def collect() -> None:
        nonlocal ticks
        ticks += 1
        gc.collect(2 if ticks % 20 == 0 else 0)

    timer.timeout.connect(collect)
    timer.start(500)
    return timer
