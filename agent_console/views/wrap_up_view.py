"""After a call: a short outcome, an optional note without personal data, then ready."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from agent_console.state import ConsoleState
from agent_console.timefmt import clock_text
from agent_console.views.labels import notice_text, outcome_name
from agent_console.views.parts import button, card, label

MAX_NOTE = 500  # as signaling.messages.Text


class WrapUpView(QWidget):
    ready_requested = Signal(str, str)  # outcome code ("" for none), note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label(self.tr("Wrap-up"), "title")
        self.timer = label("", "big")
        self.outcome = QComboBox()
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Optional, e.g. 'help with housing form'"))
        self.privacy = label(
            self.tr("No names, ID numbers, phone numbers or addresses in the note."),
            "muted",
        )
        self.notice = label("", "notice")
        self.notice.setWordWrap(True)
        self.ready = button(self.tr("Ready for next caller (F5)"), "primary")
        self._call_id: str | None = None
        self._build()
        self.ready.clicked.connect(self._submit)
        self.note.returnPressed.connect(self._submit)

    def _build(self) -> None:
        frame = card()
        frame.setMinimumWidth(520)
        form = QFormLayout()
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Note"), self.note)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(12)
        inner.addWidget(self.heading)
        inner.addWidget(self.timer)
        inner.addLayout(form)
        inner.addWidget(self.privacy)
        inner.addWidget(self.notice)
        inner.addWidget(self.ready)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(frame, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.setTabOrder(self.outcome, self.note)
        self.setTabOrder(self.note, self.ready)

    def _submit(self) -> None:
        code = self.outcome.currentData()
        self.ready_requested.emit(code if isinstance(code, str) else "", self.note.text())

    def render(self, state: ConsoleState) -> None:  # type: ignore[override]
        wrap = state.wrap_up
        if wrap is None:
            return
        if wrap.call_id != self._call_id:
            self._call_id = wrap.call_id
            self.note.clear()
            self.outcome.clear()
            for code in state.outcomes:
                self.outcome.addItem(outcome_name(code), code)
            self.outcome.setEnabled(bool(wrap.call_id and state.outcomes))
            self.outcome.setFocus()
        remaining = wrap.remaining_s(state.now)
        if remaining is None:
            self.timer.setText(
                self.tr("%1 since the call").replace("%1", clock_text(wrap.elapsed_s(state.now)))
            )
        else:
            self.timer.setText(self.tr("%1 left").replace("%1", clock_text(remaining)))
        self.notice.setVisible(state.notice is not None)
        if state.notice is not None:
            self.notice.setText(notice_text(state.notice))
