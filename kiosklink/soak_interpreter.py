"""The real console signed in with an interpreter's account, a soak driver at its keyboard:
``python -m kiosklink.soak_interpreter SPEC``, the third app of ``kiosklink soak`` (issue 16).

Started by :func:`agent_console.app.run` as ``kiosklink console`` starts it, the driver signs in,
goes available and takes every interpreting offer: it counts the resident's frames (the big
picture) and the adviser's (the tile), types a Swedish line, and presses Leave ``stay_s`` after
the resident's first frame, unless the adviser thanked it first; then Ready (an interpreter's
wrap-up has no outcome). Per call it journals ``interpreting_done`` with the call's id, which
:mod:`kiosklink.soak` matches to the adviser's call.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import Slot

from agent_console.app import Console, run
from agent_console.config import ConsoleConfig
from kiosklink.soak_console import ConsoleDriver
from kiosklink.soak_driver import GIVE_UP_AFTER_S, DriverSpec

LINE = "Jag tolkar {n}"


class InterpreterDriver(ConsoleDriver):
    def __init__(self, spec: DriverSpec, console: Console) -> None:
        super().__init__(spec, console)
        self._adviser_frames = 0
        self._left = False

    def _reset_call(self) -> None:
        super()._reset_call()
        self._adviser_frames = 0
        self._left = False

    @Slot()
    def _party_frame(self) -> None:
        video = self.console.window.call.party.video
        if video.frames_shown > self._party_shown_before:
            self._party_shown_before = video.frames_shown
            self._adviser_frames += 1

    def _in_call(self) -> None:
        w = self.console.window
        call = self.console.flow.state.call
        if call is not None:
            self._call_id = call.call_id
        if self.call_started_at is None:
            if time.monotonic() - self.call_entered_at > self.spec.stay_s + GIVE_UP_AFTER_S:
                self._left = self.press(w.call.end)
            return
        if self.frames.frames > 30 and self._adviser_frames > 30:
            self.shot("interpreter-console")
        typed = self.type_into(w.call.own_text, LINE.format(n=self.calls))
        if typed and w.call.own_text.text():
            w.call.own_text.setFocus()
            w.call.own_text.returnPressed.emit()
        if self.talked_for() >= self.spec.stay_s and not self._left:
            self._left = self.press(w.call.end)  # Leave: the call goes on without us

    def call_ended(self) -> None:
        frames, _, _ = self.frames.take()
        self.journal.write(
            "interpreting_done",
            call_id=self._call_id,
            resident_frames=frames,
            adviser_frames=self._adviser_frames,
            typed=len(self._typed) > 0,
            left_by_itself=self._left,
            stall_ms=self.lateness.take(),
        )
        self.call_started_at = None


def main(argv: list[str]) -> int:
    spec = DriverSpec.load(Path(argv[0]))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    config = ConsoleConfig(server_url=spec.server_url, camera=None, microphone=False, speaker=False)
    return run(config, attach=lambda console: InterpreterDriver(spec, console).start())


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
