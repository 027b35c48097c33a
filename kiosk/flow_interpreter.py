"""An interpreter in the resident's call (issue #16, docs/protocol.md §Interpreter), part of
:class:`kiosk.flow.KioskFlow`.

Pure, like the flow: no Qt, no asyncio, no clock. Rules:

* Only the current call's ``interpreter`` messages count. ``inviting``: the resident reads "An
  interpreter is being called". ``joined``: the interpreter's tile appears (their picture once
  their peer connection is up: ``PartyChanged`` "connected"), with the role labelled.
  ``left``: the tile goes and a short notice says so for :data:`LEFT_NOTICE_S`; the call goes
  on. An invitation nobody accepted ends as ``left`` (``timeout``) without a notice: nobody
  came. The kiosk is never told ``unavailable``; should it come, the invitation quietly ends.
* Every ``interpreter`` message also goes to the call's media (``RelayInterpreter``): ``left``
  closes the interpreter's peer connection there. Their SDP and ICE (``peer``) go the way the
  adviser's do (``RelayCallMessage``).
* The interpreter's real-time text joins the transcript, labelled as theirs; their line being
  typed shows apart from the adviser's.
"""

from __future__ import annotations

from dataclasses import replace

from kiosk.state import (
    MAX_TEXT_LINES,
    CallInfo,
    Effect,
    InterpreterInfo,
    InterpreterStep,
    KioskState,
    PartyChanged,
    PartyText,
    RelayInterpreter,
    TextLine,
)
from signaling import messages as m

LEFT_NOTICE_S = 8.0


class InterpreterEvents:
    """The interpreter's comings and goings; :class:`kiosk.flow.KioskFlow` provides the rest."""

    state: KioskState

    def _interpreter_message(self, msg: m.Interpreter, now: float) -> list[Effect]:
        call = self.state.call
        if call is None or call.call_id != msg.call_id:
            return []
        match msg.state:
            case "inviting":
                self._set(call, InterpreterInfo(InterpreterStep.INVITING, msg.language))
            case "joined":
                joined = InterpreterInfo(InterpreterStep.JOINED, msg.language, name=msg.name)
                self._set(call, joined)
            case "left":
                self._left(call, now)
            case "unavailable":
                self._set(call, None)
        return [RelayInterpreter(msg)]

    def _party_event(self, event: PartyChanged | PartyText, now: float) -> list[Effect]:
        call = self.state.call
        if call is None or call.interpreter is None:
            return []  # a late report of a leg already closed
        match event:
            case PartyChanged(party="interpreter", change="connected"):
                self._set(call, replace(call.interpreter, connected=True))
            case PartyChanged(party="interpreter", change="left"):
                self._left(call, now)
            case PartyText():
                self._text(call, event)
        return []

    def _text(self, call: CallInfo, event: PartyText) -> None:
        text = event.text[:500]
        if not event.committed:
            self.state = replace(self.state, call=replace(call, interpreter_draft=text))
            return
        lines = call.lines
        if text.strip():
            line = TextLine(from_adviser=False, text=text, from_interpreter=True)
            lines = (*lines, line)[-MAX_TEXT_LINES:]
        self.state = replace(self.state, call=replace(call, lines=lines, interpreter_draft=""))

    def _left(self, call: CallInfo, now: float) -> None:
        if call.interpreter is None:
            return
        # An invitation nobody took ends as "left" too: nobody came, so no "has left" notice.
        joined = call.interpreter.step is InterpreterStep.JOINED
        gone = replace(
            call,
            interpreter=None,
            interpreter_draft="",
            interpreter_left_at=now if joined else None,
        )
        self.state = replace(self.state, call=gone)

    def _notice_deadline(self) -> float | None:
        """When the "interpreter has left" notice goes; None when none shows."""
        call = self.state.call
        if call is None or call.interpreter_left_at is None:
            return None
        return call.interpreter_left_at + LEFT_NOTICE_S

    def _end_notice(self, now: float) -> bool:
        """Take the notice down if its time is up; whether it did."""
        deadline = self._notice_deadline()
        if deadline is None or now < deadline:
            return False
        assert self.state.call is not None
        self.state = replace(self.state, call=replace(self.state.call, interpreter_left_at=None))
        return True

    def _set(self, call: CallInfo, interpreter: InterpreterInfo | None) -> None:
        self.state = replace(self.state, call=replace(call, interpreter=interpreter))
