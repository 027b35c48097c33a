"""The whole kiosk against a real server on 127.0.0.1 and a real headless adviser.

Real KioskApp: Qt widgets offscreen on this thread, the backend (signaling client, aiortc with the
synthetic camera) on its LoopThread. Waits are conditions with generous ceilings, never timings.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.config import KioskSettings
from kiosk.state import Alert, KioskState, Screen
from kiosklink.headless_threaded import ThreadedAdviser
from signaling import messages as m
from signaling.embedded import EmbeddedServer
from signaling.store_records import HealthRecord

WAIT_MS = 20_000
Factory = Callable[..., EmbeddedServer]


@dataclass
class Rig:
    qtbot: QtBot
    server: EmbeddedServer
    app: KioskApp
    adviser: ThreadedAdviser | None = None

    @property
    def state(self) -> KioskState:
        return self.app.flow.state

    def wait(self, condition: Callable[[], bool], timeout_ms: int = WAIT_MS) -> None:
        self.qtbot.waitUntil(condition, timeout=timeout_ms)

    def tap(self, button: QAbstractButton) -> None:
        self.wait(lambda: button.isVisible() and button.isEnabled())
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def join(self, lang: str) -> None:
        w = self.app.window
        self.wait(lambda: self.state.online and any(o.code == lang for o in self.state.languages))
        self.tap(w.welcome.start)
        self.wait(lambda: w.language.buttons[lang].isEnabled())
        self.tap(w.language.buttons[lang])
        self.tap(w.confirm.call)
        assert self.state.screen is Screen.WAITING

    def start_adviser(self, lang: str, *, available: bool = True) -> ThreadedAdviser:
        self.server.add_adviser("amal", "correct horse", {lang: "native"}, display_name="Amal")
        self.adviser = ThreadedAdviser(
            self.server.http_url,
            self.server.adviser_url,
            "amal",
            "correct horse",
            available=available,
        ).start()
        return self.adviser


@contextlib.contextmanager
def make_rig(qtbot: QtBot, server: EmbeddedServer, **settings_: str) -> Iterator[Rig]:
    settings = KioskSettings(
        server_url=server.kiosk_url,
        token=server.add_kiosk("Kiosk 1", "Library"),
        camera="none",
        microphone="none",
        fullscreen=False,
        health_interval_s=0.5,
        **settings_,  # type: ignore[arg-type]
    )
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    app = KioskApp(settings, app=qapp)
    app.start()
    rig = Rig(qtbot, server, app)
    try:
        yield rig
    finally:
        if rig.adviser is not None:
            rig.adviser.stop()
        app.stop()


@pytest.fixture
def rig(qtbot: QtBot, running_server: EmbeddedServer) -> Iterator[Rig]:
    with make_rig(qtbot, running_server) as r:
        yield r


@pytest.mark.parametrize("lang", ["ar", "ti", "sv"])
def test_a_resident_calls_an_adviser_and_rates_the_call(rig: Rig, lang: str) -> None:
    adviser = rig.start_adviser(lang)
    rig.join(lang)
    w = rig.app.window
    rig.wait(lambda: rig.state.screen is Screen.CALL)
    assert "Amal" in w.call.adviser.text()
    rig.wait(lambda: rig.state.call is not None and rig.state.call.connected)
    rig.wait(lambda: w.call.remote.has_frame and w.call.local.has_frame)
    rig.wait(lambda: adviser.remote_frames > 0)
    adviser.type_line("مرحبا" if lang == "ar" else "Hello")
    rig.wait(lambda: rig.state.call is not None and len(rig.state.call.lines) == 1)
    w.call.entry.setText("tack")
    rig.tap(w.call.send)
    rig.wait(lambda: any(u.committed and u.text == "tack" for u in adviser.remote_text))
    adviser.hang_up()
    rig.wait(lambda: rig.state.screen is Screen.RATING)
    assert not rig.state.media_live and not w.live.isVisible()
    rig.tap(w.rating.faces[3])
    assert rig.state.screen is Screen.THANKS


def test_cancel_while_waiting_leaves_the_line(rig: Rig) -> None:
    adviser = rig.start_adviser("ar", available=False)
    rig.join("ar")
    rig.wait(lambda: rig.state.position == 1)
    rig.tap(rig.app.window.waiting.cancel)
    assert rig.state.screen is Screen.WELCOME and not rig.state.media_live

    def waiting_in_ar() -> list[int]:
        return [
            q.waiting
            for e in adviser.events()
            if isinstance(e, m.QueueOverview)
            for q in e.queues
            if q.language == "ar"
        ]

    # The server saw the resident join and then leave (advisers get the queue counts).
    rig.wait(lambda: 1 in waiting_in_ar() and waiting_in_ar()[-1] == 0)
    adviser.send(m.SetStatus(status="available"))
    rig.wait(
        lambda: any(
            isinstance(e, m.AdviserStatus) and e.status == "available" for e in adviser.events()
        )
    )
    assert not [e for e in adviser.events() if isinstance(e, m.Offer)]


def test_server_down_and_back_keeps_the_resident_in_line(
    qtbot: QtBot, server_factory: Factory
) -> None:
    server = server_factory()
    with make_rig(qtbot, server) as rig:
        rig.join("ar")  # no adviser: the resident waits
        rig.wait(lambda: rig.state.position == 1)
        port = server.port
        server.stop()
        rig.wait(lambda: Alert.SERVER_UNREACHABLE in rig.state.alerts)
        assert rig.state.screen is Screen.WAITING and rig.app.window.banner.isVisible()
        again = EmbeddedServer(server.settings, port=port).start()
        try:
            rig.wait(lambda: rig.state.online and rig.state.position == 1, 40_000)
            assert Alert.SERVER_UNREACHABLE not in rig.state.alerts
        finally:
            again.stop()


def test_call_dropped_puts_the_resident_back_in_line(qtbot: QtBot, server_factory: Factory) -> None:
    server = server_factory(routing={"adviser_grace_s": 1.0})
    with make_rig(qtbot, server) as rig:
        adviser = rig.start_adviser("ti")
        rig.join("ti")
        rig.wait(lambda: rig.state.call is not None and rig.state.call.connected)
        rig.adviser = None
        adviser.stop()  # the adviser's app vanishes mid-call
        rig.wait(lambda: rig.state.screen is Screen.WAITING)
        assert Alert.REQUEUED in rig.state.alerts
        assert rig.state.media_live  # the camera stays on: the next adviser will see them


def test_health_reports_reach_the_server(qtbot: QtBot, server_factory: Factory) -> None:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        dead_stun = f"stun:127.0.0.1:{probe.getsockname()[1]}"
    server = server_factory(server={"kiosk_health_interval_s": 0.2}, ice={"stun_url": dead_stun})
    with make_rig(qtbot, server) as rig:
        rig.wait(lambda: rig.state.online)
        kiosk_id = rig.app.backend.client.welcome.kiosk_id  # type: ignore[union-attr]

        def latest() -> HealthRecord | None:
            return server.with_store(lambda store: store.latest_health(kiosk_id))

        rig.wait(lambda: latest() is not None)
        record = latest()
        assert record is not None
        report = record.report
        assert report.camera.present is False  # camera="none" in this rig
        assert 0 <= report.cpu_ratio <= 1 and report.disk_free_bytes > 0
        assert report.app_version == rig.app.backend.app_version
        # The STUN server it was handed does not answer: IT reads that in the health report.
        rig.wait(lambda: bool((r := latest()) and r.report.ice_warnings))
        warnings = latest().report.ice_warnings  # type: ignore[union-attr]
        assert len(warnings) == 1 and dead_stun in warnings[0]
