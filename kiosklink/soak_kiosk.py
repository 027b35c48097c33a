"""The real kiosk app with a soak driver pressing its buttons.

Run by ``kiosklink soak`` as ``python -m kiosklink.soak_kiosk SPEC``.

The app is built as ``kiosklink kiosk`` builds it (:class:`kiosk.app.KioskApp`, full screen on the
display it is given, the synthetic camera and tone since a soak machine has no devices); the driver
then walks the resident's path again and again: start, language, call, wait, talk (text typed a
character at a time, in Arabic), hang up on its turn, rate, thanks, back to the welcome screen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.app import KioskApp
from kiosk.config import KioskSettings
from kiosk.state import Screen
from kiosklink.soak_driver import Driver, DriverSpec

LINE = "مرحبا، أحتاج مساعدة {n}"  # "Hello, I need help": Arabic, right to left
WAIT_FOR_OFFER_S = 60.0


class KioskDriver(Driver):
    def __init__(self, spec: DriverSpec, kiosk: KioskApp) -> None:
        super().__init__(spec, kiosk.window)
        self.kiosk = kiosk
        self._rated = False
        kiosk.bridge.remote_frame.connect(self._remote_frame)

    @Slot(QImage)
    def _remote_frame(self, image: QImage) -> None:
        if self.kiosk.flow.state.screen is Screen.CALL:
            self.frames.frame(image)
            self.media_showing()

    def step(self) -> None:
        state = self.kiosk.flow.state
        w = self.kiosk.window
        match state.screen:
            case Screen.WELCOME:
                if self.stop_requested:
                    self.finish(lambda: self.kiosk.app.exit(0))
                elif state.online and any(o.code == self.spec.language for o in state.languages):
                    self.press(w.welcome.start)
            case Screen.LANGUAGE:
                button = w.language.buttons.get(self.spec.language)
                if button is not None:
                    self.press(button)
            case Screen.CONFIRM:
                if self.press(w.confirm.call):
                    self.new_call()
                    self._rated = False
            case Screen.CALL:
                self._in_call(state.call is not None and state.call.connected)
            case Screen.RATING:
                if not self._rated:
                    self._rated = True
                    self.call_done(side="kiosk")
                self.press(w.rating.faces[3])
            case Screen.WAITING | Screen.THANKS:
                pass

    def _in_call(self, connected: bool) -> None:
        call = self.kiosk.flow.state.call
        if call is not None and (call.remote_draft or any(li.from_adviser for li in call.lines)):
            self.text_in = True
        w = self.kiosk.window
        if self.hang_up_due():
            self.press(w.call.hangup)
        if not connected or self.call_started_at is None:
            return
        self.screenshot("kiosk-call")
        if self.type_into(w.call.entry, LINE.format(n=self.calls)) and w.call.entry.text():
            self.press(w.call.send)


def main(argv: list[str]) -> int:
    spec = DriverSpec.load(Path(argv[0]))
    settings = KioskSettings(
        server_url=spec.server_url,
        token=spec.token,
        camera="none",
        microphone="none",
        fullscreen=True,
        kiosk_mode=False,  # the driver quits the app at the end; nothing else differs
        thanks_s=2.0,
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    kiosk = KioskApp(settings, app=app)
    driver = KioskDriver(spec, kiosk)
    driver.start()
    return kiosk.run()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
