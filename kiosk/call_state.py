"""What a call holds beyond its media (issue #16): a letter being shown, an interpreter.

Pure data, no Qt, no asyncio; part of :class:`kiosk.state.CallInfo`. The rules are
kiosk/flow_letter.py and kiosk/flow_interpreter.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class LetterStep(StrEnum):
    """Where the resident is in showing a letter (kiosk/flow_letter.py has the rules)."""

    ASKED = "asked"  # the adviser asked to see it: yes or no
    AIMING = "aiming"  # the camera's live picture with the frame guide: Take picture
    TAKING = "taking"  # the still is being taken
    CHECKING = "checking"  # the still on screen: Send, Take again, Cancel
    SENDING = "sending"  # on its way, with progress
    SENT = "sent"  # the adviser has it


class LetterProblem(StrEnum):
    CAMERA = "camera"  # no still could be taken
    NOT_SENT = "not_sent"  # the page did not reach the adviser (refused, connection rebuilt)


@dataclass(frozen=True)
class Picture:
    """A still the resident took: encoded bytes in memory only, never written anywhere."""

    data: bytes = field(repr=False)  # a state printed in a log line never carries the letter
    mime: str
    width: int
    height: int


@dataclass(frozen=True)
class Letter:
    """The "show a letter" panel over the call (docs/protocol.md §Documents in a call)."""

    step: LetterStep
    picture: Picture | None = None
    sent_bytes: int = 0
    problem: LetterProblem | None = None


class InterpreterStep(StrEnum):
    INVITING = "inviting"
    JOINED = "joined"


@dataclass(frozen=True)
class InterpreterInfo:
    """The call's interpreter (docs/protocol.md §Interpreter); ``name`` is staff's, not a
    resident's."""

    step: InterpreterStep
    language: str
    name: str = ""
    connected: bool = False  # their picture and voice are here (their peer connection is up)
