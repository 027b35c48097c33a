"""Today: the date, calls taken, average handle time, own ratings, in the console's locale; and
the button that opens today's bookings."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from agent_console.state import ConsoleState
from agent_console.timefmt import clock_text
from agent_console.views.numbers import count_text, date_text, decimal_text
from agent_console.views.parts import button, label


class TodayView(QWidget):
    bookings_requested = Signal()  # open or close today's bookings (F10)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label(self.tr("Today"), "title")
        self.date = label("", "muted")
        self.calls = QLabel("0")
        self.handle = QLabel("–")
        self.rating = QLabel("–")
        self.booked = QLabel("–")
        form = QFormLayout()
        form.addRow(self.tr("Calls taken"), self.calls)
        form.addRow(self.tr("Average handle time"), self.handle)
        form.addRow(self.tr("Rating from residents"), self.rating)
        form.addRow(self.tr("Bookings"), self.booked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.date)
        layout.addLayout(form)
        self.bookings = button(self.tr("Today's bookings (F10)"))
        self.bookings.clicked.connect(self.bookings_requested)
        layout.addWidget(self.bookings)

    def render(self, state: ConsoleState) -> None:  # type: ignore[override]
        today = state.today
        self.booked.setText(self._booked(state))
        self.bookings.setText(
            self.tr("Close bookings (F10)")
            if state.bookings.shown
            else self.tr("Today's bookings (F10)")
        )
        self.date.setText(date_text(state.now) if state.now else "")
        self.calls.setText(count_text(today.calls_taken))
        self.handle.setText(clock_text(today.average_handle_s))
        if today.ratings_average is None:
            self.rating.setText(self.tr("no ratings yet"))
        else:
            self.rating.setText(
                self.tr("%1 of 5 (%2 ratings)")
                .replace("%1", decimal_text(today.ratings_average))
                .replace("%2", count_text(today.ratings_count))
            )

    def _booked(self, state: ConsoleState) -> str:
        """Today's bookings at a glance, live: how many, and how many have checked in."""
        rows = state.bookings.rows
        if not rows:
            return self.tr("none today")
        return (
            self.tr("%1 (%2 checked in)")
            .replace("%1", count_text(len(rows)))
            .replace("%2", count_text(state.bookings.count("checked_in")))
        )
