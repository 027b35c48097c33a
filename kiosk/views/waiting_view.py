"""WAITING: place in line and estimate, live; one's own picture to sit right; leave the line."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage

from kiosk.fit import Fit
from kiosk.state import KioskState
from kiosk.views.base import ScreenView
from kiosk.views.icons import Icon
from kiosk.views.texts import T, fill, tr
from kiosk.views.widgets import VideoView, WrapButton, label


def estimate_text(low_s: int | None, high_s: int | None) -> str:
    if high_s is None:
        return ""
    if high_s <= 60:
        return tr(T.WAIT_SHORT)
    low = max(0, round((low_s or 0) / 60))
    return fill(tr(T.ESTIMATE), low, max(low + 1, round(high_s / 60)))


class WaitingView(ScreenView):
    cancel_requested = Signal()
    answers_requested = Signal()
    ticket_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.title = label("title")
        self.position = label("title")
        self.estimate = label()
        self.preview = VideoView(mirror=True)
        self.preview_hint = label("muted")
        self.recorded = label()
        for widget in (self.title, self.position, self.estimate, self.preview, self.preview_hint):
            self.info.addWidget(widget)
        self.cancel = WrapButton("danger")
        self.cancel.clicked.connect(self.cancel_requested)
        # Reading while waiting keeps the place in line; the call still comes (kiosk/flow.py).
        self.answers = WrapButton()
        self.answers.set_icon(Icon.ANSWERS)
        self.answers.clicked.connect(self.answers_requested)
        # Leave now, keep the place for later (docs/booking.md §Tickets).
        self.ticket = WrapButton()
        self.ticket.clicked.connect(self.ticket_requested)
        self.controls.addWidget(self.recorded)
        self.controls.addWidget(self.answers)
        self.controls.addWidget(self.ticket)
        self.controls.addWidget(self.cancel)

    def arrange(self, fit: Fit) -> None:
        # Big enough to sit right by; side by side it takes what the column leaves.
        small = self.side_by_side(fit)
        self.preview.setMinimumSize(fit.px(240 if small else 480), fit.px(180 if small else 360))

    def show_state(self, state: KioskState) -> None:
        self.title.setText(tr(T.WAITING_TITLE))
        if state.position is None:
            self.position.setText(tr(T.JOINING))
        else:
            self.position.setText(fill(tr(T.POSITION), state.position))
        if state.position is not None and state.wait_high_s is None:
            # In line, but nobody for the language is signed in: say so, never a made-up range.
            self.estimate.setText(tr(T.LANGUAGE_CLOSED))
        else:
            self.estimate.setText(estimate_text(state.wait_low_s, state.wait_high_s))
        self.estimate.setVisible(bool(self.estimate.text()))
        # Offline, the place and the wait are no longer known: the banner says what is happening,
        # and no figure from before the connection was lost stays on screen.
        self.position.setVisible(state.online)
        self.estimate.setVisible(state.online and bool(self.estimate.text()))
        self.preview_hint.setText(tr(T.PREVIEW_HINT))
        self.recorded.setText(tr(T.NOTHING_RECORDED))
        self.cancel.set_text(tr(T.LEAVE_LINE))
        self.answers.set_text(tr(T.ANSWERS))
        self.ticket.set_text(tr(T.TAKE_TICKET))
        # Only once the server has the resident in line: there is a place to keep.
        self.ticket.setVisible(state.online and state.position is not None)
        if not state.media_live:
            self.preview.clear()

    def show_preview(self, image: QImage) -> None:
        self.preview.show_frame(image)
