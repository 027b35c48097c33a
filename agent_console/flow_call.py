"""In a call, part of :class:`agent_console.flow.ConsoleFlow`: mute, camera, the adviser's
real-time text, and what the call media report (its state, the resident's text, an interruption).

Pure, like the flow: no Qt, no asyncio, no clock. Media reports name their call and are ignored
for any other: a late report of a call that has ended changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeAlias

from agent_console.state import ConsoleState, Notice

MAX_OWN_LINES = 200  # as rtc.text.MAX_LINES


@dataclass(frozen=True)
class SendText:
    text: str
    committed: bool = False


@dataclass(frozen=True)
class SetMuted:
    audio: bool
    video: bool


CallEffect: TypeAlias = SendText | SetMuted


class CallIntents:
    """The call's own intents and media reports; :class:`agent_console.flow.ConsoleFlow`
    provides the rest."""

    state: ConsoleState

    def _check(self, intent: str) -> None:
        raise NotImplementedError

    def _set(self, **changes: object) -> None:
        raise NotImplementedError

    def toggle_mute(self, now: float) -> list[CallEffect]:
        self._check("toggle_mute")
        call = self.state.call
        assert call is not None
        call = replace(call, audio_muted=not call.audio_muted)
        self._set(now=now, call=call)
        return [SetMuted(audio=call.audio_muted, video=call.video_off)]

    def toggle_camera(self, now: float) -> list[CallEffect]:
        self._check("toggle_camera")
        call = self.state.call
        assert call is not None
        call = replace(call, video_off=not call.video_off)
        self._set(now=now, call=call)
        return [SetMuted(audio=call.audio_muted, video=call.video_off)]

    def type_text(self, draft: str, now: float) -> list[CallEffect]:
        """The adviser's real-time text: the line being typed, sent at every keystroke."""
        self._check("type_text")
        call = self.state.call
        assert call is not None
        self._set(now=now, call=replace(call, own_draft=draft))
        return [SendText(draft)]

    def commit_text(self, line: str, now: float) -> list[CallEffect]:
        """Enter: the line is final and joins the transcript shown to the adviser."""
        self._check("type_text")
        call = self.state.call
        assert call is not None
        lines = (*call.own_lines, line)[-MAX_OWN_LINES:]
        self._set(now=now, call=replace(call, own_lines=lines, own_draft=""))
        return [SendText(line, committed=True)]

    # --- media events (from the call session, through the adapter) -----------------------------

    def media_state(self, call_id: str, state: str, now: float) -> list[CallEffect]:
        call = self.state.call
        if call is None or call.call_id != call_id:
            return []
        connected = call.connected or state == "connected"
        self._set(now=now, call=replace(call, media_state=state, connected=connected))
        return []

    def _interrupted(self, call_id: str, interrupted: bool) -> list[CallEffect]:
        """The server says the resident's connection is interrupted, or back (§Faults)."""
        call = self.state.call
        if call is None or call.call_id != call_id:
            return []
        if interrupted:
            self._set(notice=Notice.CALLER_INTERRUPTED)
        elif self.state.notice is Notice.CALLER_INTERRUPTED:
            self._set(notice=None)
        return []

    def remote_text(self, call_id: str, text: str, now: float) -> list[CallEffect]:
        call = self.state.call
        if call is None or call.call_id != call_id:
            return []
        self._set(now=now, call=replace(call, remote_text=text))
        return []
