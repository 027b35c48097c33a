"""The bookings panel's two forms: publish bookable times, and book a resident who phoned.

Combo boxes only (no free-typed dates or times), so what the adviser picks is always a value the
server reads; whether it is allowed (an overlap, a time already past) is the server's to say, and
the panel shows its words. Choices are refilled only when what they offer changes: the window
renders four times a second and must not undo the adviser's pick.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from agent_console.bookings import FreeSlot, SeriesRequest, ShownCode
from agent_console.state import ConsoleState
from agent_console.views.labels import language_name, topic_name
from agent_console.views.numbers import day_text, short_date_text, time_text
from agent_console.views.parts import button, label

DAYS_AHEAD = 14
SLOT_MINUTES = (10, 15, 20, 30, 45, 60)
FIRST_HOUR, LAST_HOUR = 7, 21
TOPICS = ("letter", "application", "housing", "work", "health", "other")  # the default service's


def _quarters(first: int, last: int) -> list[str]:
    return [f"{h:02d}:{q:02d}" for h in range(first, last + 1) for q in (0, 15, 30, 45)]


def _refill(combo: QComboBox, items: Sequence[tuple[str, object]]) -> None:
    """Replace the choices when they differ, keeping the current one when it is still offered."""
    if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == list(items):
        return
    kept = combo.currentData()
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(kept)
    combo.setCurrentIndex(max(0, index))


def _labelled(text: str, control: QWidget) -> QLabel:
    name = QLabel(text)
    name.setBuddy(control)
    return name


class PublishForm(QWidget):
    publish_requested = Signal(object)  # SeriesRequest

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label(self.tr("Publish bookable times"), "subtitle")
        self.language = QComboBox()
        self.topic = QComboBox()
        self.topic.setEditable(True)  # a service may have topics of its own, e.g. "study"
        self.topic.setAccessibleName(self.tr("Topic"))
        self.day = QComboBox()
        self.start = QComboBox()
        self.end = QComboBox()
        self.length = QComboBox()
        self.mine = QCheckBox(self.tr("Only with me"))
        self.mine.setChecked(True)
        self.publish = button(self.tr("Publish"), "primary")
        self.publish.clicked.connect(self._publish)
        self._fill_fixed()
        grid = QGridLayout()
        rows = [
            (self.tr("Language"), self.language, self.tr("Topic"), self.topic),
            (self.tr("Day"), self.day, self.tr("Slot length"), self.length),
            (self.tr("From"), self.start, self.tr("To"), self.end),
        ]
        for row, (a, wa, b, wb) in enumerate(rows):
            grid.addWidget(_labelled(a, wa), row, 0)
            grid.addWidget(wa, row, 1)
            grid.addWidget(_labelled(b, wb), row, 2)
            grid.addWidget(wb, row, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addWidget(self.mine)
        layout.addWidget(self.publish, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def _fill_fixed(self) -> None:
        _refill(self.topic, [(self.tr("Any topic"), None)] + [(topic_name(t), t) for t in TOPICS])
        _refill(self.start, [(t, t) for t in _quarters(FIRST_HOUR, LAST_HOUR - 1)])
        _refill(self.end, [(t, t) for t in _quarters(FIRST_HOUR, LAST_HOUR)][1:])
        self.start.setCurrentIndex(self.start.findData("13:00"))
        self.end.setCurrentIndex(self.end.findData("16:00"))
        _refill(self.length, [(self.tr("%1 min").replace("%1", str(n)), n) for n in SLOT_MINUTES])
        self.length.setCurrentIndex(self.length.findData(20))

    def render(self, state: ConsoleState) -> None:  # type: ignore[override]
        _refill(self.language, [(language_name(c), c) for c, _ in state.languages])
        first = state.bookings.day
        if first:
            start = date.fromisoformat(first)
            days = [(start + timedelta(days=n)).isoformat() for n in range(DAYS_AHEAD)]
            _refill(self.day, [(day_text(d), d) for d in days])
        self.publish.setEnabled(not state.bookings.busy and bool(first))

    def chosen(self) -> SeriesRequest:
        topic = self.topic.currentData()
        typed = self.topic.currentText().strip()
        if self.topic.findText(typed) < 0:  # a topic code typed in, not one of the list
            topic = typed or None
        return SeriesRequest(
            language=str(self.language.currentData()),
            topic=topic if isinstance(topic, str) else None,
            date=str(self.day.currentData()),
            start=str(self.start.currentData()),
            end=str(self.end.currentData()),
            slot_minutes=int(self.length.currentData()),
            mine=self.mine.isChecked(),
        )

    def _publish(self) -> None:
        if self.language.count() and self.day.count():
            self.publish_requested.emit(self.chosen())


class PhoneBooking(QWidget):
    """Book a slot for a resident who phoned or wrote; the code is shown once, large, to read
    out. No field asks who the resident is: the code is the booking's only key."""

    book_requested = Signal(str)  # slot id
    code_dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label(self.tr("Book for a resident who phoned"), "subtitle")
        self.slot = QComboBox()
        self.book = button(self.tr("Book this time"), "primary")
        self.book.clicked.connect(self._book)
        self.code = label("", "code")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_hint = label("", "muted")
        self.code_hint.setWordWrap(True)
        self.done = button(self.tr("Done, code read out"))
        # Enter presses it when it has the keyboard (a plain button does that only in dialogs).
        self.done.setAutoDefault(True)
        self.done.clicked.connect(self.code_dismissed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(_labelled(self.tr("Free times, the next two weeks"), self.slot))
        layout.addWidget(self.slot)
        layout.addWidget(self.book, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.code)
        layout.addWidget(self.code_hint)
        layout.addWidget(self.done, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def render(self, state: ConsoleState) -> None:  # type: ignore[override]
        zone = state.bookings.timezone
        free = state.bookings.free
        if free:
            _refill(self.slot, [(self._slot_text(s, zone), s.slot_id) for s in free])
        else:
            _refill(self.slot, [(self.tr("No free times in the next two weeks"), None)])
        self.book.setEnabled(bool(free) and not state.bookings.busy)
        self._render_code(state.bookings.code, zone)

    def _slot_text(self, slot: FreeSlot, zone: str) -> str:
        when = f"{short_date_text(slot.starts_at, zone)} {time_text(slot.starts_at, zone)}"
        topic = topic_name(slot.topic) if slot.topic else self.tr("any topic")
        return f"{when}  {language_name(slot.language)}, {topic}"

    def _render_code(self, code: ShownCode | None, zone: str) -> None:
        for widget in (self.code, self.code_hint, self.done):
            widget.setVisible(code is not None)
        if code is None:
            self.code.setText("")
            return
        self.code.setText(code.code)
        self.code.setAccessibleName(self.tr("Booking code"))
        when = f"{short_date_text(code.starts_at, zone)} {time_text(code.starts_at, zone)}"
        self.code_hint.setText(
            self.tr(
                "Read the code to the resident, group by group. "
                "They check in with it at any kiosk shortly before %1."
            ).replace("%1", when)
            + " "
            + self.tr("It is shown only now.")
        )

    def _book(self) -> None:
        slot_id = self.slot.currentData()
        if isinstance(slot_id, str):
            self.book_requested.emit(slot_id)
