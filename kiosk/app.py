"""The running kiosk: Qt on the main thread, asyncio (signaling, aiortc) on a LoopThread.

The only module that knows both. Crossing from the loop to Qt is always a queued signal emitted by
:class:`_Bridge` (AIORTC.md pitfall 7); crossing back is ``LoopThread.call_soon``. Pictures cross as
QImage copies of the newest frame only, so a slow GUI never builds a queue.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.backend import KioskBackend
from kiosk.config import KioskSettings, reach_top_ratio
from kiosk.controller import KioskController
from kiosk.flow import KioskFlow
from kiosk.state import Effect, Event
from kiosk.views.catalog import Catalog
from kiosk.views.window_view import KioskWindow, app_font
from rtc.loop_thread import LoopThread

log = logging.getLogger(__name__)
RESTART_EXIT_CODE = 75  # deploy/kiosk/kiosklink-kiosk.service restarts the app on it
START_TIMEOUT_S = 15.0


def to_qimage(rgb: npt.NDArray[np.uint8]) -> QImage:
    height, width, _ = rgb.shape
    data = np.ascontiguousarray(rgb)
    return QImage(data.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


class _Bridge(QObject):
    """Signals emitted on the loop thread, delivered on the GUI thread (queued connections)."""

    inbound = Signal(object)
    remote_frame = Signal(QImage)
    local_frame = Signal(QImage)
    party_frame = Signal(QImage)  # the interpreter's picture (issue #16)
    aim_frame = Signal(QImage)  # the document camera's, while a letter is aimed (issue #16)
    restart = Signal()


class _LoopSink:
    """The controller's effects, handed to the backend on its own loop."""

    def __init__(self, loop: LoopThread, backend: KioskBackend) -> None:
        self._loop = loop
        self._backend = backend

    def perform(self, effect: Effect) -> None:
        if self._loop.running:  # after shutdown there is nobody left to do it
            self._loop.call_soon(self._backend.perform, effect)


class KioskApp:
    def __init__(
        self,
        settings: KioskSettings,
        *,
        app: QApplication,
        clock: Callable[[], float] = time.monotonic,
        app_version: str = "0.1.0",
    ) -> None:
        self.settings = settings
        self.app = app
        app.setFont(app_font())
        self.bridge = _Bridge()
        self.loop = LoopThread("kiosk-asyncio")
        self.backend = KioskBackend(
            settings,
            emit=self._emit,
            on_remote_frame=lambda rgb: self.bridge.remote_frame.emit(to_qimage(rgb)),
            on_local_frame=lambda rgb: self.bridge.local_frame.emit(to_qimage(rgb)),
            on_party_frame=lambda rgb: self.bridge.party_frame.emit(to_qimage(rgb)),
            on_aim_frame=lambda rgb: self.bridge.aim_frame.emit(to_qimage(rgb)),
            on_restart=self.bridge.restart.emit,
            app_version=app_version,
        )
        self.window = KioskWindow(Catalog(), settings.welcome_languages)
        self.window.start_greetings()
        self.flow = KioskFlow(
            now=clock(),
            idle_timeout_s=settings.idle_timeout_s,
            waiting_idle_timeout_s=settings.waiting_idle_timeout_s,
            idle_warning_s=settings.idle_warning_s,
            thanks_s=settings.thanks_s,
            ui_language=settings.ui_language,
            timezone=settings.timezone,
        )
        self.window.confirm.long_wait_s = settings.book_offer_wait_s
        self.controller = KioskController(
            self.window,
            self.flow,
            _LoopSink(self.loop, self.backend),
            clock=clock,
            pin_hash=settings.service_pin_hash,
            on_service_exit=lambda: app.exit(0),
        )
        self.bridge.inbound.connect(self.controller.feed, Qt.ConnectionType.QueuedConnection)
        self.bridge.remote_frame.connect(self.window.show_remote_frame)
        self.bridge.local_frame.connect(self.window.show_local_frame)
        self.bridge.party_frame.connect(self.window.show_interpreter_frame)
        self.bridge.aim_frame.connect(self.window.show_aim_frame)
        self.bridge.restart.connect(lambda: app.exit(RESTART_EXIT_CODE))

    def _emit(self, event: Event) -> None:
        self.bridge.inbound.emit(event)

    def start(self) -> None:
        self._collector = collect_garbage_on_the_gui_thread(self.window)
        self.loop.start()
        self.loop.submit(self.backend.start()).result(START_TIMEOUT_S)
        self._show()

    def _show(self) -> None:
        window = self.window
        screen = self.app.primaryScreen()
        if self.settings.fullscreen:
            window.setWindowFlags(
                Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
            )
            # Without a window manager (bare X, cage) showFullScreen alone may not cover the
            # screen: also take the screen's geometry explicitly.
            window.setGeometry(screen.geometry())
            window.showFullScreen()
        else:
            window.resize(1080 // 2, 1920 // 2)
            window.show()
        window.set_reach_ratio(reach_top_ratio(self.settings, screen.physicalSize().height()))

    def stop(self) -> None:
        """Leave the line or call, close devices and the connection, stop the loop."""
        self.controller.stop()
        if self.loop.running:
            try:
                self.loop.submit(self.backend.stop()).result(START_TIMEOUT_S)
            except Exception:
                log.exception("backend did not stop cleanly")
            self.loop.stop()
        self.window.allow_close = True
        self.window.close()

    def run(self) -> int:
        self.start()
        try:
            return self.app.exec()
        finally:
            self.stop()


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
