"""The real adviser console with a soak driver at the keyboard: ``python -m kiosklink.soak_console
SPEC``.

The console is started by :func:`agent_console.app.run`, as ``kiosklink console`` starts it; the
driver signs in, goes available and then takes every caller: accept, talk (a Swedish line typed a
character at a time), end the call on its turn, choose an outcome, ready for the next caller.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QApplication

from agent_console.app import Console, run
from agent_console.config import ConsoleConfig
from agent_console.state import Phase
from kiosklink.soak_driver import Driver, DriverSpec

LINE = "Hej! Jag hjälper dig gärna {n}"
SIGN_IN_RETRY_S = 10.0


class ConsoleDriver(Driver):
    def __init__(self, spec: DriverSpec, console: Console) -> None:
        super().__init__(spec, console.window)
        self.console = console
        self._signing_in = False
        self._wrapped = True
        self._shown_before = 0
        console.backend.remote_frame_ready.connect(self._remote_frame)

    @Slot()
    def _remote_frame(self) -> None:
        # Connected after the controller, so the controller has already put the frame on screen.
        video = self.console.window.call.remote_video
        if (
            self.console.flow.state.phase is Phase.IN_CALL
            and video.frames_shown > self._shown_before
        ):
            self._shown_before = video.frames_shown
            self.frames.frame(video.image)
            self.media_showing()

    def step(self) -> None:
        w = self.console.window
        match self.console.flow.state.phase:
            case Phase.SIGNED_OUT:
                self._sign_in()
            case Phase.AWAY:
                if self.stop_requested:
                    self.finish(self._quit)
                else:
                    self.press(w.status.available)
            case Phase.AVAILABLE:
                if self.stop_requested:
                    self.finish(self._quit)
            case Phase.OFFERED:
                if self.press(w.offer.accept):
                    self.new_call()
                    self._wrapped = False
            case Phase.IN_CALL:
                self._in_call()
            case Phase.WRAP_UP:
                if not self._wrapped:
                    self._wrapped = True
                    self.call_done(side="console")
                if w.wrap_up.outcome.count():
                    w.wrap_up.outcome.setCurrentIndex(0)
                self.press(w.wrap_up.ready)
            case Phase.SIGNING_IN | Phase.CONNECTING:
                pass

    def _sign_in(self) -> None:
        if self._signing_in:
            return
        view = self.console.window.sign_in
        view.server.setText(self.spec.server_url)
        view.username.setText(self.spec.username)
        view.password.setText(self.spec.password)
        self._signing_in = self.press(view.button)

    def _in_call(self) -> None:
        w = self.console.window
        if "مرحبا" in w.call.remote_text.toPlainText():
            self.text_in = True
        if self.hang_up_due():
            self.press(w.call.end)
        if self.call_started_at is None:
            return
        self.screenshot("console-call")
        if self.type_into(w.call.own_text, LINE.format(n=self.calls)) and w.call.own_text.text():
            w.call.own_text.setFocus()
            w.call.own_text.returnPressed.emit()  # Enter, as the adviser would press it
        if self.hang_up_due():
            self.press(w.call.end)

    def _quit(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.quit()


def main(argv: list[str]) -> int:
    spec = DriverSpec.load(Path(argv[0]))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    config = ConsoleConfig(server_url=spec.server_url, camera=None, microphone=False, speaker=False)
    return run(config, attach=lambda console: ConsoleDriver(spec, console).start())


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
