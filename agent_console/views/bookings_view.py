"""Today's bookings (docs/booking.md §Console): the day's list, live check-ins and no-shows, the
forms to publish times and to book a resident who phoned, and the calendar export.

Times are shown in the service's time zone, the one the resident was given. A row is a language,
a topic, a time and a state: nothing says who the resident is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agent_console.bookings import BookingRow, Bookings
from agent_console.state import ConsoleState
from agent_console.views.labels import language_name, topic_name
from agent_console.views.numbers import count_text, day_text, time_text
from agent_console.views.parts import button, card, label
from agent_console.views.slot_forms import PhoneBooking, PublishForm

COLUMNS = 5


class BookingsView(QWidget):
    close_requested = Signal()
    publish_requested = Signal(object)  # SeriesRequest
    book_requested = Signal(str)
    code_dismissed = Signal()
    export_requested = Signal(str)  # a file path for the .ics

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label(self.tr("Today's bookings"), "title")
        self.day = label("", "muted")
        self.summary = label("", "muted")
        self.back = button(self.tr("Close (F10)"))
        self.back.clicked.connect(self.close_requested)
        self.table = self._table()
        self.publish = PublishForm()
        self.phone = PhoneBooking()
        self.refusal = label("", "notice")
        self.refusal.setWordWrap(True)
        self.done = label("", "muted")
        self.done.setWordWrap(True)
        self.export = button(self.tr("Export my bookings (.ics)…"))
        self.export.clicked.connect(self._ask_where)
        self.publish.publish_requested.connect(self.publish_requested)
        self.phone.book_requested.connect(self.book_requested)
        self.phone.code_dismissed.connect(self.code_dismissed)
        self._rows: tuple[BookingRow, ...] | None = None
        self._build()

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, COLUMNS)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Language"),
                self.tr("Topic"),
                self.tr("With"),
                self.tr("State"),
            ]
        )
        table.setAccessibleName(self.tr("Today's bookings"))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return table

    def _build(self) -> None:
        top = QHBoxLayout()
        title = QVBoxLayout()
        title.addWidget(self.heading)
        title.addWidget(self.day)
        top.addLayout(title, 1)
        top.addWidget(self.export, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        forms = QHBoxLayout()
        for form in (self.publish, self.phone):
            box = card()
            inner = QVBoxLayout(box)
            inner.addWidget(form)
            forms.addWidget(box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.refusal)
        layout.addWidget(self.done)
        layout.addLayout(forms)

    def render(self, state: ConsoleState) -> None:  # type: ignore[override]
        bookings = state.bookings
        self.day.setText(day_text(bookings.day) if bookings.day else self.tr("Loading…"))
        self.summary.setText(self._summary(bookings))
        if bookings.rows != self._rows:
            self._rows = bookings.rows
            self._fill(bookings, state.adviser_id)
        self.refusal.setVisible(bool(bookings.refusal))
        self.refusal.setText(
            self.tr("The server refused: %1").replace("%1", bookings.refusal)
            if bookings.refusal
            else ""
        )
        self.done.setVisible(bool(self._done(bookings)))
        self.done.setText(self._done(bookings))
        self.export.setEnabled(not bookings.busy)
        self.publish.render(state)
        self.phone.render(state)

    def _summary(self, bookings: Bookings) -> str:
        if not bookings.rows:
            return self.tr("No bookings today.")
        return (
            self.tr("%1 booked · %2 checked in · %3 no-shows")
            .replace("%1", count_text(bookings.count("booked")))
            .replace("%2", count_text(bookings.count("checked_in")))
            .replace("%3", count_text(bookings.count("no_show")))
        )

    def _done(self, bookings: Bookings) -> str:
        if bookings.published is not None:
            return self.tr("Published %1 bookable times.").replace(
                "%1", count_text(bookings.published)
            )
        if bookings.saved_to:
            return self.tr("Saved your bookings to %1").replace("%1", bookings.saved_to)
        return ""

    def _fill(self, bookings: Bookings, adviser_id: str) -> None:
        self.table.setRowCount(len(bookings.rows))
        for row, booking in enumerate(bookings.rows):
            end = booking.starts_at + booking.duration_s
            cells = (
                f"{time_text(booking.starts_at, bookings.timezone)}–"
                f"{time_text(end, bookings.timezone)}",
                language_name(booking.language),
                topic_name(booking.topic) if booking.topic else self.tr("any topic"),
                self.tr("You") if booking.adviser_id == adviser_id else self.tr("Any adviser"),
                self.state_name(booking.state),
            )
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def state_name(self, state: str) -> str:
        names = {
            "booked": self.tr("Booked"),
            "checked_in": self.tr("Checked in"),
            "no_show": self.tr("No-show"),
            "cancelled": self.tr("Cancelled"),
        }
        return names.get(state, state)

    def _ask_where(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export my bookings"), "bookings.ics", self.tr("Calendar (*.ics)")
        )
        if path:
            self.export_requested.emit(path)
