"""Showing the adviser a letter in a call (issue #16, docs/protocol.md §Documents in a call), part
of :class:`kiosk.flow.KioskFlow`.

Pure, like the flow: no Qt, no asyncio, no clock. Rules:

* Consent: a page leaves the kiosk only when the resident taps Send. "Show a letter" in the call
  opens the camera's live picture (AIMING); the adviser's ``request`` asks the resident first
  (ASKED): yes opens the camera, no (or closing the question) sends ``decline``.
* AIMING -> Take picture -> TAKING (``TakeStill``) -> the still (CHECKING): Send, Take again,
  Cancel. Sending shows progress and ends in SENT (another page, or back to the call) or, when the
  page did not arrive, back at the still with a note (the resident may send it again).
* :data:`MAX_PAGES` pages a call (the protocol's limit per call and direction): past it "Show a
  letter" does nothing, the view says the limit is reached, and a request is declined unasked.
* The still lives in the state only until it is sent, retaken, cancelled or the call ends; the
  call (video, text, the interpreter) goes on meanwhile. Nothing is written anywhere.
* A connection lost while a page is sending drops that transfer (rtc.call_media): the still comes
  back with the note, to send again once the call is back.
"""

from __future__ import annotations

from dataclasses import replace

from kiosk.state import (
    CallInfo,
    CancelStill,
    DeclineLetter,
    Effect,
    KioskState,
    Letter,
    LetterDelivered,
    LetterNotSent,
    LetterProblem,
    LetterProgress,
    LetterRequested,
    LetterStep,
    SendStill,
    StillFailed,
    StillTaken,
    TakeStill,
)
from signaling.errors import IllegalTransition

# docs/protocol.md §Documents in a call, Limits: 12 pages per call and direction (the kiosk may
# not import rtc.document_wire; tests/kiosk/test_flow_letter.py holds the two equal).
MAX_PAGES = 12
LetterEvent = (
    LetterRequested | StillTaken | StillFailed | LetterProgress | LetterDelivered | LetterNotSent
)


class LetterIntents:
    """The resident's intents on showing a letter; :class:`kiosk.flow.KioskFlow` provides the
    rest."""

    state: KioskState

    def touch(self, now: float) -> list[Effect]:
        raise NotImplementedError

    def _call(self) -> CallInfo:
        raise NotImplementedError

    # --- the resident's intents -----------------------------------------------------------------

    def show_letter(self, now: float) -> list[Effect]:
        """ "Show a letter" in the call, or "Show another page" after one was sent."""
        self.touch(now)
        call = self._call()
        if call.letter is not None and call.letter.step is not LetterStep.SENT:
            raise IllegalTransition("kiosk", f"letter {call.letter.step}", "show_letter")
        if call.pages_sent >= MAX_PAGES:
            return []
        self._set_letter(Letter(LetterStep.AIMING))
        return []

    def answer_letter_request(self, yes: bool, now: float) -> list[Effect]:
        """The resident's answer to the adviser's "may I see your letter?"."""
        self._expect_letter(LetterStep.ASKED, "answer_letter_request")
        self.touch(now)
        if yes:
            self._set_letter(Letter(LetterStep.AIMING))
            return []
        self._set_letter(None)
        return [DeclineLetter()]

    def take_picture(self, now: float) -> list[Effect]:
        self._expect_letter(LetterStep.AIMING, "take_picture")
        self.touch(now)
        self._set_letter(Letter(LetterStep.TAKING))
        return [TakeStill(page=self._call().pages_sent + 1)]

    def retake_picture(self, now: float) -> list[Effect]:
        self._expect_letter(LetterStep.CHECKING, "retake_picture")
        self.touch(now)
        self._set_letter(Letter(LetterStep.AIMING))  # the still just taken is dropped
        return []

    def send_picture(self, now: float) -> list[Effect]:
        letter = self._expect_letter(LetterStep.CHECKING, "send_picture")
        self.touch(now)
        assert letter.picture is not None
        self._set_letter(Letter(LetterStep.SENDING, picture=letter.picture))
        return [SendStill(letter.picture)]

    def close_letter(self, now: float) -> list[Effect]:
        """Cancel, No on the question, or Done after sending: back to the call, the still gone."""
        self.touch(now)
        letter = self._call().letter
        if letter is None:
            return []
        self._set_letter(None)
        if letter.step is LetterStep.ASKED:
            return [DeclineLetter()]
        if letter.step is LetterStep.SENDING:
            return [CancelStill()]
        return []

    # --- what the call's media reports ----------------------------------------------------------

    def _letter_event(self, event: LetterEvent) -> list[Effect]:
        call = self.state.call
        if call is None:
            return []  # a late report of a call that is over
        letter = call.letter
        step = letter.step if letter is not None else None
        match event:
            case LetterRequested():
                return self._requested(call)
            case StillTaken(picture=picture) if step is LetterStep.TAKING:
                self._set_letter(Letter(LetterStep.CHECKING, picture=picture))
            case StillFailed() if step is LetterStep.TAKING:
                self._set_letter(Letter(LetterStep.AIMING, problem=LetterProblem.CAMERA))
            case LetterProgress() if letter is not None and step is LetterStep.SENDING:
                self._set_letter(replace(letter, sent_bytes=event.sent_bytes))
            case LetterDelivered() if step is LetterStep.SENDING:
                self.state = replace(
                    self.state,
                    call=replace(
                        call, letter=Letter(LetterStep.SENT), pages_sent=call.pages_sent + 1
                    ),
                )
            case LetterNotSent(reason=reason) if step is LetterStep.SENDING:
                self._not_sent(call, reason)
        return []  # anything else is late news of a still the resident already left

    def _requested(self, call: CallInfo) -> list[Effect]:
        if call.pages_sent >= MAX_PAGES:
            return [DeclineLetter()]  # nothing more can be shown: no question to ask
        if call.letter is None or call.letter.step is LetterStep.SENT:
            self._set_letter(Letter(LetterStep.ASKED))
        return []  # already showing one: the adviser will have it

    def _not_sent(self, call: CallInfo, reason: str) -> None:
        if reason == "too_many_pages":  # the adviser's side holds no more this call
            self.state = replace(
                self.state, call=replace(call, letter=Letter(LetterStep.SENT), pages_sent=MAX_PAGES)
            )
            return
        letter = call.letter
        assert letter is not None
        self._set_letter(
            Letter(LetterStep.CHECKING, picture=letter.picture, problem=LetterProblem.NOT_SENT)
        )

    def _sending_interrupted(self) -> None:
        """The call's connection was lost: a page on its way will not arrive (rtc.call_media)."""
        call = self.state.call
        if call is not None and call.letter is not None and call.letter.step is LetterStep.SENDING:
            self._not_sent(call, "interrupted")

    # --- helpers --------------------------------------------------------------------------------

    def _set_letter(self, letter: Letter | None) -> None:
        self.state = replace(self.state, call=replace(self._call(), letter=letter))

    def _expect_letter(self, step: LetterStep, event: str) -> Letter:
        letter = self._call().letter
        if letter is None or letter.step is not step:
            where = f"letter {letter.step}" if letter is not None else "call"
            raise IllegalTransition("kiosk", where, event)
        return letter
