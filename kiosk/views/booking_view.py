"""BOOKING: pick a day and a time, the code to keep, the code typed or shown to the camera, a
ticket (issue #14, docs/booking.md). Draws :class:`kiosk.booking.steps.Booking`; every choice is a
signal the controller hands to kiosk/flow_booking.py.

The code is the one thing a resident must carry away: large, spaced for reading aloud, read left
to right in every script (it is Latin letters and digits), beside its QR code on a landscape
screen and above it on a portrait one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from kiosk import languages
from kiosk.booking import calendar, entry, steps
from kiosk.booking.steps import Booking, Outcome, Page
from kiosk.fit import Fit
from kiosk.state import KioskState
from kiosk.views.base import ScreenView
from kiosk.views.icons import Icon
from kiosk.views.keyboard import TouchKeyboard
from kiosk.views.qr import qr_image
from kiosk.views.texts import T, fill, topic_choices, tr
from kiosk.views.widgets import TileLayout, VideoView, WrapButton, label, place_in_grid

CODE_PT = 44  # the code on the reference kiosk: read from a step back, copied by hand
QR_PX = 260  # a phone photographs it from arm's length
QR_LANDSCAPE_PX = 200

_OUTCOME_TEXT = {
    Outcome.SLOT_TAKEN: T.SLOT_TAKEN,
    Outcome.TOO_SOON: T.TOO_SOON,
    Outcome.TOO_MANY: T.TOO_MANY,
    Outcome.CODE_UNKNOWN: T.CODE_UNKNOWN,
    Outcome.CODE_USED: T.CODE_USED,
    Outcome.CODE_EXPIRED: T.CODE_EXPIRED,
    Outcome.TOO_EARLY: T.TOO_EARLY,
    Outcome.TOO_LATE: T.TOO_LATE,
    Outcome.CLOSED: T.CLOSED_NOW,
    Outcome.RATE_LIMITED: T.RATE_LIMITED,
}


def outcome_text(booking: Booking, ui_language: str) -> str:
    """The reason a booking or a code was refused, with its time where it has one."""
    if booking.outcome is None:
        return ""
    text = tr(_OUTCOME_TEXT[booking.outcome])
    if booking.when is None:
        # No time known (the server always sends one today): the sentence without it.
        return " ".join(text.replace("%1", "").split())
    return fill(text, calendar.moment_text(booking.when, booking.timezone, ui_language))


class BookingView(ScreenView):
    day_chosen = Signal(str)  # ISO date
    time_chosen = Signal(str)  # slot id
    confirm_requested = Signal()
    back_requested = Signal()
    done_requested = Signal()
    code_edited = Signal(str)
    code_submitted = Signal()
    join_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.title = label("title")
        self.body = label()
        self.code = label(wrap=False)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A code reads left to right whatever the screen's direction: K7M4, never 4M7K.
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = label("muted")
        self.preview = VideoView(mirror=True)
        shown: tuple[QWidget, ...] = (
            self.title,
            self.body,
            self.code,
            self.qr,
            self.note,
            self.preview,
        )
        for widget in shown:
            self.info.addWidget(widget)
        self.info.addStretch(1)
        self.tiles_box = QWidget()
        self.tiles = TileLayout(self.tiles_box)
        self.tiles.setContentsMargins(0, 0, 0, 0)
        self.entry = QLineEdit()
        self.entry.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry.textEdited.connect(self.code_edited)
        self.entry.returnPressed.connect(self.code_submitted)
        self.keyboard = TouchKeyboard(self.entry, self)
        self.keyboard.show_layout(entry.CODE_KEYS)
        self.primary = WrapButton("primary")
        self.primary.clicked.connect(self._primary)
        self.back = WrapButton()
        self.back.set_icon(Icon.BACK)
        self.back.clicked.connect(self.back_requested)
        controls: tuple[QWidget, ...] = (self.tiles_box, self.entry, self.keyboard, self.primary)
        for control in controls:
            self.controls.addWidget(control)
        row = QHBoxLayout()
        row.addWidget(self.back, 1)
        self.controls.addLayout(row)
        self.buttons: dict[str, WrapButton] = {}
        self._tiles_key: tuple[object, ...] = ()
        self._columns = 2
        self._page: Page | None = None
        self._ui = ""
        self._qr_text = ""
        self._qr_image: QImage | None = None

    # --- layout ---------------------------------------------------------------------------------

    def arrange(self, fit: Fit) -> None:
        self.code.setStyleSheet(f"font-size: {fit.pt(CODE_PT)}pt; font-weight: bold;")
        self.tiles.setSpacing(fit.px(12))
        usable = fit.width - 2 * fit.px(48)
        self._columns = fit.columns(usable // 2 if fit.landscape else usable, 280, most=4)
        place_in_grid(self.tiles, list(self.buttons.values()), self._columns)
        self.keyboard.apply_fit(fit)
        self.preview.setMinimumSize(fit.px(240), fit.px(180))
        self._draw_qr(fit)

    def _draw_qr(self, fit: Fit) -> None:
        if self._qr_image is None:
            self.qr.clear()
            return
        side = fit.px(QR_LANDSCAPE_PX if fit.landscape else QR_PX)
        scaled = self._qr_image.scaled(
            side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
        )
        self.qr.setPixmap(QPixmap.fromImage(scaled))
        self.qr.setFixedHeight(side)

    # --- rendering ------------------------------------------------------------------------------

    def show_state(self, state: KioskState) -> None:
        booking = state.booking
        if booking is None:
            return
        self._page = booking.page
        self._ui = ui = state.ui_language
        self.title.setText(self._title(booking))
        self.body.setText(self._body(booking, state))
        self.note.setText(self._note(booking, ui))
        kept = booking.kept if booking.page in (Page.CODE, Page.TICKET) else None
        self.code.setText(entry.spoken(entry.normalize(kept.code) or "") if kept else "")
        self._show_qr(kept.qr if kept else "")
        checking = booking.page is Page.CHECK_IN
        if self.entry.text() != booking.entry:
            self.entry.setText(booking.entry)
        self._render_tiles(booking, ui)
        self._render_buttons(booking)
        for widget, shown in (
            (self.body, bool(self.body.text())),
            (self.note, bool(self.note.text())),
            (self.code, kept is not None),
            (self.qr, kept is not None),
            (self.preview, checking),
            (self.entry, checking),
            (self.keyboard, checking),
            (self.tiles_box, bool(self.buttons)),
        ):
            widget.setVisible(shown)
        if not checking:
            self.preview.clear()

    def _title(self, b: Booking) -> str:
        match b.page:
            case Page.DAYS:
                return tr(T.CHOOSE_DAY)
            case Page.TIMES:
                return tr(T.CHOOSE_TIME)
            case Page.CONFIRM:
                return tr(T.BOOK_THIS)
            case Page.CODE:
                return tr(T.BOOKED_TITLE)
            case Page.TICKET:
                return tr(T.TICKET_TITLE)
            case Page.CHECK_IN:
                return tr(T.CHECK_IN_TITLE)
            case Page.RESULT:
                # The reason is the news: it takes the title's place and size.
                return outcome_text(b, self._ui)
        return ""

    def _body(self, b: Booking, state: KioskState) -> str:
        ui = state.ui_language
        match b.page:
            case Page.DAYS if b.slots is None:
                return tr(T.LOOKING)
            case Page.DAYS if not b.slots:
                return tr(T.NO_TIMES)
            case Page.TIMES if b.day is not None:
                return calendar.day_text(b.day, ui)
            case Page.CONFIRM if b.slot is not None:
                return self._what(b, b.slot.starts_at, ui)
            case Page.CODE if b.kept is not None and b.kept.starts_at is not None:
                return self._what(b, b.kept.starts_at, ui)
        return ""

    def _what(self, b: Booking, when: float, ui: str) -> str:
        """The time, then the language and the topic it is booked in."""
        parts = [calendar.moment_text(when, b.timezone, ui)]
        if b.language:
            parts.append(languages.endonym(b.language))
        topic = topic_choices((b.topic,)).get(b.topic) if b.topic else None
        if topic:
            parts.append(tr(topic))
        return "\n".join(parts)

    def _note(self, b: Booking, ui: str) -> str:
        kept = b.kept
        match b.page:
            case Page.CONFIRM:
                return tr(T.NO_NAME)
            case Page.CODE if kept is not None and kept.opens_at is not None:
                opens = calendar.time_text(kept.opens_at, kept.timezone, ui)
                return fill(
                    tr(T.KEEP_CODE), opens, calendar.time_text(kept.until, kept.timezone, ui)
                )
            case Page.TICKET if kept is not None:
                return fill(tr(T.TICKET_INFO), calendar.moment_text(kept.until, kept.timezone, ui))
            case Page.CHECK_IN:
                return tr(T.CAMERA_READS)
        return ""

    def _show_qr(self, text: str) -> None:
        if text == self._qr_text:
            return
        self._qr_text = text
        self._qr_image = qr_image(text) if text else None
        self._draw_qr(self.fit)

    def _render_tiles(self, b: Booking, ui: str) -> None:
        choices: dict[str, str] = {}
        if b.page is Page.DAYS:
            choices = {d.isoformat(): calendar.day_text(d, ui) for d in steps.days(b)}
        elif b.page is Page.TIMES:
            choices = {
                s.slot_id: calendar.time_text(s.starts_at, b.timezone, ui) for s in steps.times(b)
            }
        key = (b.page, tuple(choices.items()))
        if key == self._tiles_key:
            return
        self._tiles_key = key
        for button in self.buttons.values():
            self.tiles.removeWidget(button)
            button.hide()  # until deleted, it would still be drawn where it was
            button.deleteLater()
        self.buttons = {}
        emit = self.day_chosen.emit if b.page is Page.DAYS else self.time_chosen.emit
        for value, text in choices.items():
            button = WrapButton()
            button.set_text(text)
            button.clicked.connect(lambda _=False, v=value: emit(v))
            button.apply_fit(self.fit)
            self.buttons[value] = button
        place_in_grid(self.tiles, list(self.buttons.values()), self._columns)

    def _render_buttons(self, b: Booking) -> None:
        primary = {
            Page.CONFIRM: T.BOOK,
            Page.CODE: T.DONE,
            Page.TICKET: T.DONE,
            Page.CHECK_IN: T.CHECK_IN,
        }.get(b.page)
        if b.page is Page.RESULT and b.outcome is Outcome.TOO_LATE:
            primary = T.JOIN_LINE
        self.primary.set_text(tr(primary) if primary else "")
        self.primary.setVisible(primary is not None)
        ready = not b.waiting and (
            b.page is not Page.CHECK_IN or entry.normalize(b.entry) is not None
        )
        self.primary.setEnabled(ready)
        # The code pages end with Done alone: Back to the times would book nothing new.
        self.back.setVisible(b.page not in (Page.CODE, Page.TICKET))
        retry = b.page is Page.RESULT and b.outcome is not None and b.outcome.of_check_in
        self.back.set_text(tr(T.TRY_AGAIN if retry else T.BACK))

    def _primary(self) -> None:
        match self._page:
            case Page.CONFIRM:
                self.confirm_requested.emit()
            case Page.CODE | Page.TICKET:
                self.done_requested.emit()
            case Page.CHECK_IN:
                self.code_submitted.emit()
            case Page.RESULT:
                self.join_requested.emit()

    def show_preview(self, image: QImage) -> None:
        """The camera's picture while it reads codes, so the resident can aim the code."""
        if self._page is Page.CHECK_IN:
            self.preview.show_frame(image)
