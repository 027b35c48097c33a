"""The real adviser console with a soak driver at the keyboard: ``python -m kiosklink.soak_console
SPEC``.

The console is started by :func:`agent_console.app.run`, as ``kiosklink console`` starts it; the
driver signs in, goes available and then takes every caller: accept, talk (a Swedish line typed a
character at a time), end the call on its turn, choose an outcome, ready for the next caller.

In each call it does what :func:`kiosklink.soak_plan.plan_for` says: presses "Ask to see a
letter" (the resident answers on the kiosk) and notes each page the page view shows, with the
size and sha256 of the bytes the app received (in memory; nothing is written); on interpreter
calls it presses Interpreter and invites the call's language, counts the interpreter's frames on
their tile and sees their text, thanks them on the calls the plan says, and counts the resident's
frames after they left. The interpreter's console is :mod:`kiosklink.soak_interpreter`.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QApplication

from agent_console.app import Console, run
from agent_console.config import ConsoleConfig
from agent_console.state import ActiveCall, Phase
from kiosklink.soak_driver import Driver, DriverSpec, page_record
from kiosklink.soak_plan import InterpreterPlan, LetterPlan, plan_for
from rtc.documents import DocumentReceived, RequestDeclined
from rtc.documents import Event as DocumentEvent

LINE = "Hej! Jag hjälper dig gärna {n}"
SIGN_IN_RETRY_S = 10.0
ASK_AFTER_S = 1.0  # of talk, before asking for the letter and for an interpreter


class ConsoleDriver(Driver):
    def __init__(self, spec: DriverSpec, console: Console) -> None:
        super().__init__(spec, console.window)
        self.console = console
        self._signing_in = False
        self._wrapped = True
        self._shown_before = 0
        self._party_shown_before = 0
        self._reset_call()
        console.backend.remote_frame_ready.connect(self._remote_frame)
        console.backend.party_frame_ready.connect(self._party_frame)
        # Connected after the page view's presenter, so a page is on the view when this runs.
        console.backend.document_event.connect(self._document_event)

    def _reset_call(self) -> None:
        self._call_id = ""
        self._asked = self._invited = self._declined = False
        self._pages: list[dict[str, object]] = []
        self._interpreter_seen_at: float | None = None
        self._interpreter_end = ""

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
            self.interpreter.main_frame()
            self.media_showing()

    @Slot()
    def _party_frame(self) -> None:
        video = self.console.window.call.party.video
        if video.frames_shown > self._party_shown_before:
            self._party_shown_before = video.frames_shown
            self.interpreter.interpreter_frame()
            if self._interpreter_seen_at is None:
                self._interpreter_seen_at = time.monotonic()

    @Slot(object)
    def _document_event(self, event: DocumentEvent) -> None:
        if self.console.flow.state.phase is not Phase.IN_CALL:
            return
        match event:
            case DocumentReceived(data=data):
                if self.console.window.call.documents.pages > len(self._pages):
                    self._pages.append(page_record(data, time.monotonic()))
            case RequestDeclined():
                self._declined = True
            case _:
                pass

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
                    self._reset_call()
                    self._wrapped = False
            case Phase.IN_CALL:
                self._in_call()
            case Phase.WRAP_UP:
                if not self._wrapped:
                    self._wrapped = True
                    self.call_ended()
                self._ready()
            case Phase.SIGNING_IN | Phase.CONNECTING:
                pass

    def call_ended(self) -> None:
        plan = plan_for(self.calls)
        self.call_done(
            side="console",
            call_id=self._call_id,
            letter=plan.letter.value,
            pages=self._pages,
            declined=self._declined,
            interpreter=plan.interpreter.value,
            interpreter_end=self._interpreter_end,
        )

    def _ready(self) -> None:
        w = self.console.window
        if w.wrap_up.outcome.count():
            w.wrap_up.outcome.setCurrentIndex(0)
        self.press(w.wrap_up.ready)

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
        call = self.console.flow.state.call
        if "مرحبا" in w.call.remote_text.toPlainText():
            self.text_in = True
        if call is not None:
            self._watch(call)
        if self.hang_up_due():
            self.press(w.call.end)
        if call is None or self.call_started_at is None:
            return
        self.screenshot("console-call")
        self._letter()
        self._interpreter()
        if self.type_into(w.call.own_text, LINE.format(n=self.calls)) and w.call.own_text.text():
            w.call.own_text.setFocus()
            w.call.own_text.returnPressed.emit()  # Enter, as the adviser would press it
        if self.hang_up_due():
            self.press(w.call.end)

    def _watch(self, call: ActiveCall) -> None:
        self._call_id = call.call_id
        leg = call.interpreter
        if call.party_text:
            self.interpreter.text_in = True
        changed = self.interpreter.update(
            invited=leg is not None and leg.state == "inviting",
            joined=leg is not None and leg.state == "joined",
        )
        if changed:
            state = f"{leg.state}: {leg.reason}" if leg is not None else "none"
            self.journal.write("interpreter_state", call=self.calls, state=state)
        if leg is not None and leg.state in ("left", "unavailable"):
            self._interpreter_end = f"{leg.state}: {leg.reason}"

    def holds_call(self) -> bool:
        """Also while the plan's pages are not all shown (and the resident has not said No)."""
        pages = plan_for(self.calls).pages
        return super().holds_call() or (len(self._pages) < pages and not self._declined)

    def _letter(self) -> None:
        """Ask to see the letter when the plan says the adviser asks."""
        pages = self.console.window.call.documents
        asks = plan_for(self.calls).letter in (LetterPlan.ASKED, LetterPlan.DECLINED)
        if asks and not self._asked and self.talked_for() >= ASK_AFTER_S:
            self._asked = self.press(pages.ask)
        if pages.pages:
            self.shot("console-letter")

    def _interpreter(self) -> None:
        """Invite the call's language on the plan's calls (Interpreter, then Invite: the picker
        opens on the call's language), and thank the interpreter on the plan's calls."""
        bar = self.console.window.call.interpreter
        plan = plan_for(self.calls).interpreter
        if plan is InterpreterPlan.NONE:
            return
        if not self._invited and self.talked_for() >= ASK_AFTER_S:
            if bar.picking:
                self._invited = self.press(bar.invite)
            else:
                self.press(bar.open)
        seen = self._interpreter_seen_at
        if seen is None:
            return
        if self.interpreter.frames > 30:
            self.shot("console-interpreter")
        due = time.monotonic() - seen >= self.spec.dismiss_after_s
        if plan is InterpreterPlan.DISMISSED and due and self.interpreter.left_at is None:
            self.press(bar.dismiss)

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
