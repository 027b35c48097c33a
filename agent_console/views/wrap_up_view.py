"""After a call: a short outcome, an optional note without personal data, then ready.

The server judges the note (docs/protocol.md §Wrap-up). When it refuses one, the outcome is already
saved; the view says what the note seemed to hold, keeps the text to rewrite, and offers to drop it.
How long notes are kept comes from the server's welcome, not from here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from agent_console.state import ConsoleState, Notice
from agent_console.timefmt import clock_text
from agent_console.views.labels import notice_text, outcome_name
from agent_console.views.parts import button, card, label
from signaling.privacy import PersonalData

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
            self.tr(
                "No names, ID numbers, phone numbers, addresses or health details in the note."
            ),
            "muted",
        )
        self.retention = label("", "muted")
        self.notice = label("", "notice")
        self.notice.setWordWrap(True)
        self.drop_note = button(self.tr("Drop the note and continue"))
        self.ready = button(self.tr("Ready for next caller (F5)"), "primary")
        self._call_id: str | None = None
        self._build()
        self.ready.clicked.connect(self._submit)
        self.note.returnPressed.connect(self._submit)
        self.drop_note.clicked.connect(self._drop_note)

    def _build(self) -> None:
        frame = card()
        frame.setMinimumWidth(520)
        form = self._form = QFormLayout()
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Note"), self.note)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(12)
        inner.addWidget(self.heading)
        inner.addWidget(self.timer)
        inner.addLayout(form)
        inner.addWidget(self.privacy)
        inner.addWidget(self.retention)
        inner.addWidget(self.notice)
        inner.addWidget(self.drop_note)
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

    def _drop_note(self) -> None:
        self.note.clear()
        self._submit()

    def focus_first(self) -> None:
        """The outcome, or *Ready* after interpreting, which has none."""
        (self.outcome if self.outcome.isVisibleTo(self) else self.ready).setFocus()

    def _render_role(self, interpreting: bool) -> None:
        """After interpreting there is nothing to record: ready alone ends it (§Interpreter)."""
        self.heading.setText(self.tr("Interpreting ended") if interpreting else self.tr("Wrap-up"))
        for widget in (self.outcome, self.note, self.privacy):
            widget.setVisible(not interpreting)
        for widget in (self.outcome, self.note):
            field_label = self._form.labelForField(widget)
            if field_label is not None:
                field_label.setVisible(not interpreting)
        if interpreting:
            self.retention.setVisible(False)

    def _retention_text(self, days: int | None) -> str:
        if days is None:
            return ""
        if days == 1:
            return self.tr("Notes are deleted after 1 day.")
        return self.tr("Notes are deleted after %1 days.").replace("%1", str(days))

    def _refusal_text(self, reasons: tuple[PersonalData, ...]) -> str:
        names = ", ".join(_reason_name(reason) for reason in reasons)
        return self.tr(
            "The outcome is saved, but not the note. It seems to hold: %1. "
            "Rewrite the note without it, or drop the note."
        ).replace("%1", names)

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
            self._render_role(wrap.interpreting)
            self.focus_first()
        remaining = wrap.remaining_s(state.now)
        if remaining is None:
            self.timer.setText(
                self.tr("%1 since the call").replace("%1", clock_text(wrap.elapsed_s(state.now)))
            )
        else:
            self.timer.setText(self.tr("%1 left").replace("%1", clock_text(remaining)))
        self.retention.setText(self._retention_text(state.note_retention_days))
        self.retention.setVisible(state.note_retention_days is not None)
        refused = wrap.refused if state.notice is Notice.NOTE_REFUSED else ()
        self.drop_note.setVisible(bool(refused))
        self._render_role(wrap.interpreting)
        self.ready.setEnabled(not wrap.saving)
        self.drop_note.setEnabled(not wrap.saving)
        self.notice.setVisible(state.notice is not None)
        if refused:
            self.notice.setText(self._refusal_text(refused))
        elif state.notice is not None:
            self.notice.setText(notice_text(state.notice))


def _reason_name(reason: PersonalData) -> str:
    names = {
        PersonalData.IDENTITY_NUMBER: QCoreApplication.translate("Note", "an ID number"),
        PersonalData.PHONE_NUMBER: QCoreApplication.translate("Note", "a phone number"),
        PersonalData.EMAIL: QCoreApplication.translate("Note", "an e-mail address"),
        PersonalData.ADDRESS: QCoreApplication.translate("Note", "an address or postcode"),
        PersonalData.NAME: QCoreApplication.translate("Note", "a name"),
        PersonalData.HEALTH: QCoreApplication.translate("Note", "health information"),
    }
    return names[reason]
