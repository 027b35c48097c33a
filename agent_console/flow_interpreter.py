"""The interpreter of a call (docs/protocol.md §Interpreter), part of
:class:`agent_console.flow.ConsoleFlow`.

Pure, like the flow: no Qt, no asyncio, no clock. Rules:

1. An adviser in a call invites one interpreter at a time, for a language (the call's by
   default). From the invitation on the call shows ``inviting``; the server's ``interpreter``
   messages then say what became of it: ``unavailable`` (with the reason), ``joined`` (with the
   interpreter's name) or ``left``. Only then may the adviser invite again.
2. ``dismiss_interpreter`` withdraws a waiting invitation or thanks a joined interpreter; the
   server's ``left`` (``dismissed``) ends it. The call goes on either way.
3. Every ``interpreter`` message for the current call also goes to the call media (the interpreter's
   connection opens on ``joined`` and closes on ``left``); one for another call is ignored.
4. The third party's connection state and text (the interpreter's on an adviser's console, the
   adviser's on an interpreter's) come from the call media, for the current call only.
5. An interpreter's console (``welcome.roles`` has "interpreter") never invites, transfers or
   takes the next caller: the server refuses all three (§Interpreter).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeAlias

from agent_console.state import ActiveCall, ConsoleState, InterpreterLeg, Phase
from signaling import messages as m


@dataclass(frozen=True)
class InterpreterChanged:
    """Tell the call media: it opens or closes the interpreter's connection (§Interpreter)."""

    message: m.Interpreter


@dataclass(frozen=True)
class SendInterpreter:
    """Send an invitation or a dismissal to the server."""

    message: m.InviteInterpreter | m.DismissInterpreter


InterpreterEffect: TypeAlias = InterpreterChanged | SendInterpreter


# Intents an interpreter's console does not have (rule 5).
_NOT_FOR_INTERPRETERS = frozenset({"invite_interpreter", "transfer", "take_next"})


class InterpreterIntents:
    """Inviting and dismissing an interpreter; :class:`agent_console.flow.ConsoleFlow` provides
    the rest."""

    state: ConsoleState

    def _check(self, intent: str) -> None:
        raise NotImplementedError

    def _interpreter_allows(self, intent: str) -> bool:
        """Whether ``intent`` makes sense for the interpreter now (rules 1, 2 and 5); the phase
        is checked by the flow."""
        if self.state.is_interpreter and intent in _NOT_FOR_INTERPRETERS:
            return False
        call = self.state.call
        leg = call.interpreter if call is not None else None
        if intent == "invite_interpreter":
            return call is not None and not call.interpreting and (leg is None or not leg.active)
        if intent == "dismiss_interpreter":
            return leg is not None and leg.active and not leg.dismissing
        return True

    def _update_call(self, now: float, **changes: object) -> None:
        call = self.state.call
        assert call is not None
        self.state = replace(self.state, now=now, call=replace(call, **changes))  # type: ignore[arg-type]

    def _current(self, call_id: str) -> ActiveCall | None:
        call = self.state.call
        in_call = self.state.phase is Phase.IN_CALL
        return call if in_call and call is not None and call.call_id == call_id else None

    def invite_interpreter(self, language: str, now: float) -> list[InterpreterEffect]:
        """Ask for an interpreter of ``language`` to join the call (rule 1)."""
        self._check("invite_interpreter")
        call = self.state.call
        assert call is not None
        self._update_call(now, interpreter=InterpreterLeg(language), party_text="")
        return [SendInterpreter(m.InviteInterpreter(call_id=call.call_id, language=language))]

    def dismiss_interpreter(self, now: float) -> list[InterpreterEffect]:
        """Withdraw the invitation, or thank the interpreter (rule 2)."""
        self._check("dismiss_interpreter")
        call = self.state.call
        assert call is not None and call.interpreter is not None
        self._update_call(now, interpreter=replace(call.interpreter, dismissing=True))
        return [SendInterpreter(m.DismissInterpreter(call_id=call.call_id))]

    def _interpreter_told(self, msg: m.Interpreter, now: float) -> list[InterpreterEffect]:
        """The server's word on the interpreter of the current call (rules 1 to 3)."""
        call = self._current(msg.call_id)
        if call is None or call.interpreting:
            return []
        leg = InterpreterLeg(msg.language, msg.state, msg.reason, msg.name)
        if msg.state in ("inviting", "unavailable") and call.interpreter is not None:
            leg = replace(leg, dismissing=call.interpreter.dismissing and leg.active)
        if msg.state == "left" and call.interpreter is not None:
            leg = replace(leg, name=msg.name or call.interpreter.name)
        party_state = "joined" if msg.state == "joined" else call.party_state
        self._update_call(now, interpreter=leg, party_state=party_state)
        return [InterpreterChanged(msg)]

    def _interpreter_refused(self, ref_type: str) -> None:
        """The server refused an invitation or a dismissal: show the interpreter as it was."""
        call = self.state.call
        if call is None or call.interpreter is None:
            return
        leg = call.interpreter
        if ref_type == "invite_interpreter" and leg.state == "inviting" and not leg.reason:
            self._update_call(self.state.now, interpreter=None)
        elif ref_type == "dismiss_interpreter":
            self._update_call(self.state.now, interpreter=replace(leg, dismissing=False))

    # --- from the call media (rule 4) ------------------------------------------------------------

    def party_changed(self, call_id: str, state: str, now: float) -> list[InterpreterEffect]:
        """The third party's connection: "joined", "connected" or "left"."""
        if self._current(call_id) is not None:
            self._update_call(now, party_state=state)
        return []

    def party_text(self, call_id: str, text: str, now: float) -> list[InterpreterEffect]:
        """The third party's whole text as shown: committed lines and the line being typed."""
        if self._current(call_id) is not None:
            self._update_call(now, party_text=text)
        return []
