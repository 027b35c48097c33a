"""The one module that knows both Qt and asyncio: the console's bridge and its start-up.

:class:`AsyncBackend` runs the Qt-free :class:`~agent_console.backend.ConsoleBackend` (signaling,
today's figures, the call media) on a :class:`~rtc.loop_thread.LoopThread` (aiortc in its own
thread, AIORTC.md pitfall 7). Its public methods are called on the GUI thread and return at once:
each one hands a command to the backend's worker on the asyncio loop, which runs the commands in the
order they were given. Results come back as Qt signals, which Qt delivers to the controller on the
GUI thread (queued connections, because they are emitted from the asyncio thread).

Video reaches the GUI as QImage through a one-frame slot: the asyncio side replaces the slot's
image and signals only when the GUI has taken the previous one, so a slow GUI sees fewer frames,
never older ones (pitfall 1).
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Awaitable, Callable

import av
import cv2
import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from agent_console.backend import ConsoleBackend
from agent_console.bookings import SeriesRequest
from agent_console.config import ConsoleConfig
from agent_console.controller import ConsoleController
from agent_console.flow import ConsoleFlow
from agent_console.ring import make_ring
from agent_console.translation import install_translator
from agent_console.views.console_window import ConsoleWindow
from agent_console.views.document_view import DocumentView
from rtc.documents import DocumentProgress, DocumentReceived, DocumentRefused, RequestDeclined
from rtc.documents import Event as DocumentEvent
from rtc.frames import frame_rgb
from rtc.loop_thread import LoopThread
from signaling import messages as m

log = logging.getLogger(__name__)

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


class AsyncBackend(QObject):
    """The controller's :class:`~agent_console.controller.Backend`: GUI-thread calls in, queued
    signals out, the :class:`ConsoleBackend` on its own loop in between."""

    login_result = Signal(object)  # LoginOk | LoginError
    client_event = Signal(object)  # rtc.signaling_client.ClientEvent
    media_event = Signal(object)  # MediaState | RemoteText | Figures
    today_figures = Signal(object)  # TodayFigures
    bookings_loaded = Signal(object)  # BookingsLoaded
    booking_answer = Signal(object)  # BookingAnswer
    remote_frame_ready = Signal()
    local_frame_ready = Signal()
    party_frame_ready = Signal()  # the third party's picture (§Interpreter)
    document_event = Signal(object)  # rtc.documents.Event, on the GUI thread
    documents_gone = Signal()  # the call ended: drop every page shown

    def __init__(self, config: ConsoleConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.loop_thread = LoopThread("console-asyncio")
        self.remote_frames = FrameSlot()
        self.local_frames = FrameSlot()
        self.party_frames = FrameSlot()
        self.core = ConsoleBackend(
            config,
            on_login=self.login_result.emit,
            on_client_event=self.client_event.emit,
            on_media_event=self.media_event.emit,
            on_today=self.today_figures.emit,
            on_bookings=self.bookings_loaded.emit,
            on_booking_answer=self.booking_answer.emit,
            on_remote_frame=self._remote_frame,
            on_local_frame=self._local_frame,
            on_party_frame=self._party_frame,
            on_document=self.document_event.emit,
        )

    # --- lifecycle (GUI thread) ----------------------------------------------------------------

    def start(self) -> None:
        self.loop_thread.start()
        self.loop_thread.submit(self.core.start()).result(5)

    def close(self, timeout_s: float = 10.0) -> None:
        """Hang up, disconnect and stop the asyncio thread; bounded by ``timeout_s``."""
        if not self.loop_thread.running:
            return
        try:
            self.loop_thread.submit(self.core.stop()).result(timeout_s)
        except Exception as exc:  # a stuck peer must not keep the app from closing
            log.warning("backend did not shut down cleanly: %s", exc)
        self.loop_thread.stop()

    def _enqueue(self, command: _Command) -> None:
        if not self.core.started:
            raise RuntimeError("AsyncBackend.start() was not called")
        if not self.loop_thread.running:
            # Closed: a server message or media report still queued for the GUI when the app
            # closed asks for work nobody will do.
            log.debug("backend closed; dropped a command")
            return
        self.loop_thread.call_soon(self.core.submit, command)

    # --- the Backend protocol (GUI thread) -----------------------------------------------------

    def login(self, url: str, username: str, password: str) -> None:
        self._enqueue(lambda: self.core.login(url, username, password))

    def open_link(self, url: str) -> None:
        self._enqueue(lambda: self.core.connect(url))

    def close_link(self) -> None:
        self._enqueue(self.core.disconnect)

    def send(self, message: m.Message) -> None:
        self._enqueue(lambda: self.core.send(message))

    def start_media(self, call: m.CallStarted) -> None:
        self._enqueue(lambda: self.core.start_media(call))

    def to_media(self, message: m.SessionDescription | m.IceCandidate) -> None:
        self._enqueue(lambda: self.core.to_media(message))

    def end_media(self, call_id: str) -> None:
        self._enqueue(self._end_media)
        self.documents_gone.emit()

    def interpreter_changed(self, message: m.Interpreter) -> None:
        self._enqueue(lambda: self.core.interpreter_changed(message))

    def request_document(self) -> None:
        self._enqueue(self.core.request_document)

    def send_text(self, text: str, committed: bool) -> None:
        self._enqueue(lambda: self.core.send_text(text, committed))

    def set_muted(self, audio: bool, video: bool) -> None:
        self._enqueue(lambda: self.core.set_muted(audio, video))

    def fetch_bookings(self) -> None:
        self._enqueue(self.core.fetch_bookings)

    def publish_slots(self, series: SeriesRequest) -> None:
        self._enqueue(lambda: self.core.publish_slots(series))

    def book_slot(self, slot_id: str) -> None:
        self._enqueue(lambda: self.core.book_slot(slot_id))

    def save_calendar(self, path: str) -> None:
        self._enqueue(lambda: self.core.save_calendar(path))

    def take_remote_frame(self) -> QImage | None:
        return self.remote_frames.take()

    def take_local_frame(self) -> QImage | None:
        return self.local_frames.take()

    def take_party_frame(self) -> QImage | None:
        return self.party_frames.take()

    # --- frames (asyncio thread) ---------------------------------------------------------------

    async def _end_media(self) -> None:
        await self.core.end_media()
        self.remote_frames.take()  # no picture of the call outlives it
        self.local_frames.take()
        self.party_frames.take()

    def _remote_frame(self, frame: av.VideoFrame) -> None:
        if self.remote_frames.put(to_qimage(frame)):
            self.remote_frame_ready.emit()

    def _party_frame(self, frame: av.VideoFrame) -> None:
        if self.party_frames.put(to_qimage(frame)):
            self.party_frame_ready.emit()

    def _local_frame(self, frame: av.VideoFrame) -> None:
        if self.local_frames.put(to_qimage(frame, PREVIEW_SIZE)):
            self.local_frame_ready.emit()


# --- start-up ------------------------------------------------------------------------------------


class Console:
    """The assembled console: window, flow, backend and controller, wired together."""

    def __init__(self, config: ConsoleConfig, *, ring: bool = True) -> None:
        self.config = config
        self.window = ConsoleWindow(queue_alert_after_s=config.queue_alert_after_s)
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
        b.bookings_loaded.connect(c.on_bookings)
        b.booking_answer.connect(c.on_booking_answer)
        b.remote_frame_ready.connect(c.on_remote_frame)
        b.local_frame_ready.connect(c.on_local_frame)
        b.party_frame_ready.connect(c.on_party_frame)
        pages = self.window.call.documents
        self.pages = DocumentPresenter(pages)
        b.document_event.connect(self.pages.show)  # queued: emitted on the asyncio thread
        b.documents_gone.connect(pages.clear)
        pages.ask_requested.connect(b.request_document)
        pages.ask_requested.connect(pages.show_asked)

    def close(self) -> None:
        self.controller.shut_down()
        self.backend.close()
        self.window.close()


class DocumentPresenter(QObject):
    """What the document channel reports, on the page beside the video (issue #16). A QObject on
    the GUI thread, so the backend's signal from the asyncio thread is queued to it."""

    def __init__(self, pages: DocumentView) -> None:
        super().__init__(pages)
        self.pages = pages

    @Slot(object)
    def show(self, event: DocumentEvent) -> None:
        show_document_event(self.pages, event)


def show_document_event(pages: DocumentView, event: DocumentEvent) -> None:
    match event:
        case DocumentReceived(data=data):
            image = QImage.fromData(data)  # decoded here, in memory; never written anywhere
            if image.isNull():
                pages.show_refused()  # checked bytes that Qt cannot read as a picture
            else:
                pages.add_page(image)
        case DocumentProgress(direction="receiving", done=done, total=total):
            pages.show_progress(done, total)
        case DocumentRefused(direction="receiving"):
            pages.show_refused()
        case RequestDeclined():
            pages.show_declined()
        case _:
            pass


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
    console.window.open_on_screen()
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
