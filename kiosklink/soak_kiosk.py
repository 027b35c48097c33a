"""The real kiosk app with a soak driver pressing its buttons.

Run by ``kiosklink soak`` as ``python -m kiosklink.soak_kiosk SPEC``.

The app is built as ``kiosklink kiosk`` builds it (:class:`kiosk.app.KioskApp`, full screen on the
display it is given, the synthetic camera and tone since a soak machine has no devices); the driver
then walks the resident's path again and again: start, language, call, wait, talk (text typed a
character at a time, in Arabic), hang up on its turn, rate, thanks, back to the welcome screen.

In each call it shows a letter as :func:`kiosklink.soak_plan.plan_for` says: it answers the
adviser's question on the letter sheet (Yes, or once a run No), or presses "Show a letter" itself;
then Take picture, Send (and another page). Each page's size and sha256 are taken from the still
the app holds in memory when Send is pressed; nothing is written. It counts the interpreter's
frames on their tile, sees their text, and the adviser's frames after they left.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.app import KioskApp
from kiosk.config import KioskSettings
from kiosk.state import CallInfo, InterpreterStep, LetterStep, Screen
from kiosklink.soak_driver import Driver, DriverSpec, page_record
from kiosklink.soak_plan import LetterPlan, plan_for

LINE = "مرحبا، أحتاج مساعدة {n}"  # "Hello, I need help": Arabic, right to left
WAIT_FOR_OFFER_S = 60.0
OFFER_LETTER_AFTER_S = 1.5  # of talk, before the resident presses "Show a letter"


class KioskDriver(Driver):
    def __init__(self, spec: DriverSpec, kiosk: KioskApp) -> None:
        super().__init__(spec, kiosk.window)
        self.kiosk = kiosk
        self._rated = False
        self._call_id = ""
        self._letter_opened = False
        self._declined = False
        self._pages: list[dict[str, object]] = []
        self._sending: dict[str, object] | None = None
        kiosk.bridge.remote_frame.connect(self._remote_frame)
        kiosk.bridge.party_frame.connect(self._interpreter_frame)

    @Slot(QImage)
    def _remote_frame(self, image: QImage) -> None:
        if self.kiosk.flow.state.screen is Screen.CALL:
            self.frames.frame(image)
            self.interpreter.main_frame()
            self.media_showing()

    @Slot(QImage)
    def _interpreter_frame(self, image: QImage) -> None:
        if self.kiosk.flow.state.screen is Screen.CALL and not image.isNull():
            self.interpreter.interpreter_frame()

    def new_call(self) -> None:
        super().new_call()
        self._rated = False
        self._call_id = ""
        self._letter_opened = self._declined = False
        self._pages, self._sending = [], None

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
            case Screen.CALL:
                self._in_call(state.call is not None and state.call.connected)
            case Screen.RATING:
                if not self._rated:
                    self._rated = True
                    plan = plan_for(self.calls)
                    self.call_done(
                        side="kiosk",
                        call_id=self._call_id,
                        letter=plan.letter.value,
                        pages=self._pages,
                        declined=self._declined,
                        interpreter=plan.interpreter.value,
                    )
                self.press(w.rating.faces[3])
            case Screen.WAITING | Screen.THANKS:
                pass

    def _in_call(self, connected: bool) -> None:
        call = self.kiosk.flow.state.call
        if call is not None:
            self._watch(call)
        w = self.kiosk.window
        if self.hang_up_due():
            self.press(w.call.hangup)
        if call is None or not connected or self.call_started_at is None:
            return
        if call.letter is None:
            self.screenshot("kiosk-call")  # the call itself, not the letter sheet over it
        self._letter(call)
        both_faces = self.interpreter.frames > 30 and self.interpreter.left_at is None
        if both_faces and call.letter is None:
            self.shot("kiosk-interpreter")
        if self.type_into(w.call.entry, LINE.format(n=self.calls)) and w.call.entry.text():
            self.press(w.call.send)

    def _watch(self, call: CallInfo) -> None:
        self._call_id = call.call_id
        if call.remote_draft or any(li.from_adviser for li in call.lines):
            self.text_in = True
        if call.interpreter_draft or any(li.from_interpreter for li in call.lines):
            self.interpreter.text_in = True
        joined = call.interpreter is not None and call.interpreter.step is InterpreterStep.JOINED
        if self.interpreter.update(invited=call.interpreter is not None, joined=joined):
            step = call.interpreter.step.value if call.interpreter is not None else "none"
            self.journal.write("interpreter_state", call=self.calls, step=step)

    def _interpreter_gone(self) -> bool:
        """The interpreter came and left, or half the talk passed without one."""
        watch = self.interpreter
        never_came = (
            not (watch.invited or watch.joined) and self.talked_for() > self.spec.talk_s / 2
        )
        return watch.left_at is not None or never_came

    def holds_call(self) -> bool:
        """Also while a page of the plan is still to send (the sheet open, or not yet opened)."""
        call = self.kiosk.flow.state.call
        sheet_open = call is not None and call.letter is not None
        return super().holds_call() or sheet_open or len(self._pages) < plan_for(self.calls).pages

    def _letter(self, call: CallInfo) -> None:
        """The resident's part in the call's letter (kiosklink.soak_plan)."""
        plan = plan_for(self.calls)
        sheet = self.kiosk.window.call.letter
        if call.letter is None:
            offers = plan.letter is LetterPlan.OFFERED and not self._letter_opened
            if plan.letter_after_interpreter:
                offers = offers and self._interpreter_gone()
            if offers and self.talked_for() >= OFFER_LETTER_AFTER_S:
                self._letter_opened = self.press(self.kiosk.window.call.show_letter)
            return
        self._letter_opened = True
        match call.letter.step:
            case LetterStep.ASKED:
                self.shot("kiosk-letter-asked")
                if plan.letter is LetterPlan.DECLINED:
                    self._declined = self.press(sheet.no)
                else:
                    self.press(sheet.yes)
            case LetterStep.AIMING:
                self.press(sheet.take)
            case LetterStep.CHECKING:
                self.shot("kiosk-letter")
                picture = call.letter.picture
                if picture is not None and self.press(sheet.send):
                    self._sending = page_record(picture.data, time.monotonic())
            case LetterStep.SENT:
                if self._sending is not None:
                    self._pages.append(self._sending)
                    self._sending = None
                if len(self._pages) < plan.pages:
                    self.press(sheet.another)
                else:
                    self.press(sheet.done)
            case LetterStep.SENDING:
                self.shot("kiosk-letter-sending")
            case LetterStep.TAKING:
                pass


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
