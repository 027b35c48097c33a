"""What each soak call does besides talking, by its number: pure, so every driver (the kiosk, the
adviser's console) agrees on it without talking to the others.

* A letter in every call: on odd calls the adviser asks to see it (call 3: the resident says No,
  once a run), on even calls the resident offers it on their own and sends two pages.
* An interpreter on even calls: the adviser invites one for the call's language; on calls 2, 6,
  10, ... the interpreter leaves by themself, on calls 4, 8, ... the adviser thanks them first.

On calls 2, 6, ... the pages cross the document channel while the interpreter's connections come
up; on calls 4, 8, ... the resident shows the letter once the interpreter has left (and the kiosk
shows both faces meanwhile). A soak of two minutes (four calls) sees every case.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

DECLINED_CALL = 3  # the one call a run in which the resident says No
# By the end of call 2 each app has sent or shown a page and had an interpreter in a call, so the
# thread pools and codecs those wake have started: the baseline for leaks (kiosklink.soak_report).
WARM_AFTER_CALLS = 2


class LetterPlan(StrEnum):
    ASKED = "asked"  # the adviser asks, the resident says yes and sends a page
    DECLINED = "declined"  # the adviser asks, the resident says no
    OFFERED = "offered"  # the resident presses "Show a letter" and sends two pages


class InterpreterPlan(StrEnum):
    NONE = ""
    LEAVES = "leaves"  # the interpreter presses Leave
    DISMISSED = "dismissed"  # the adviser presses "Thank and end interpreting"


@dataclass(frozen=True)
class CallPlan:
    letter: LetterPlan
    pages: int  # pages the resident sends (0 when they decline)
    interpreter: InterpreterPlan
    letter_after_interpreter: bool = False  # the resident waits for the interpreter to leave


def plan_for(call: int) -> CallPlan:
    """The plan of call number ``call`` (1, 2, ...)."""
    if call % 2 == 1:
        letter = LetterPlan.DECLINED if call == DECLINED_CALL else LetterPlan.ASKED
        pages = 0 if letter is LetterPlan.DECLINED else 1
        return CallPlan(letter, pages, InterpreterPlan.NONE)
    if call % 4 == 2:
        return CallPlan(LetterPlan.OFFERED, 2, InterpreterPlan.LEAVES)
    return CallPlan(LetterPlan.OFFERED, 2, InterpreterPlan.DISMISSED, letter_after_interpreter=True)
