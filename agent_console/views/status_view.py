"""The top bar: who is signed in, their status and languages, and the link to the server.

Away reasons are offered as codes with translated names (labels.AWAY_REASONS), so the status reads
in one language ("Borta · Rast", "Away · Break"); one the adviser types is kept as typed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent_console.state import ConsoleState, Phase
from agent_console.views.labels import (
    AWAY_REASONS,
    away_reason_name,
    language_name,
    level_name,
    phase_name,
)
from agent_console.views.parts import button, label
from agent_console.views.style import STATUS_COLOURS


class StatusView(QWidget):
    go_available = Signal()
    go_away = Signal(str)  # reason
    sign_out = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = label("", "title")
        self.status = label("", "pill")
        self.languages = label("", "muted")
        self.available = button(self.tr("Available (F6)"), "primary")
        self.reason = QComboBox()
        self.reason.setEditable(True)
        for code in AWAY_REASONS:
            self.reason.addItem(away_reason_name(code), code)
        self.reason.setToolTip(self.tr("Reason for being away"))
        self.reason.setAccessibleName(self.tr("Reason for being away"))
        self.reason_label = QLabel(self.tr("Reason:"))
        self.reason_label.setBuddy(self.reason)
        self.away = QPushButton(self.tr("Away"))
        self.signout = QPushButton(self.tr("Sign out"))
        self.banner = label("", "banner")
        self.banner.hide()
        self._build()
        self.available.clicked.connect(self.go_available)
        self.away.clicked.connect(lambda: self.go_away.emit(self.chosen_reason()))
        self.signout.clicked.connect(self.sign_out)

    def _build(self) -> None:
        who = QVBoxLayout()
        who.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addWidget(self.status)
        top.addStretch(1)
        who.addLayout(top)
        who.addWidget(self.languages)
        row = QHBoxLayout()
        row.setContentsMargins(16, 10, 16, 10)
        row.addLayout(who, 1)
        for widget in (self.available, self.reason_label, self.reason, self.away, self.signout):
            row.addWidget(widget)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.banner)
        outer.addLayout(row)

    def chosen_reason(self) -> str:
        """The listed reason's code, or the words the adviser typed instead."""
        text = self.reason.currentText().strip()
        index = self.reason.findText(text)
        code = self.reason.itemData(index) if index >= 0 else None
        return code if isinstance(code, str) else text

    def render(self, state: ConsoleState) -> None:  # type: ignore[override]
        if state.is_interpreter:  # offered interpreting only, never residents (§Interpreter)
            self.name.setText(self.tr("%1 · Interpreter").replace("%1", state.display_name))
        else:
            self.name.setText(state.display_name)
        self.status.setText(phase_name(state.phase))
        colour = STATUS_COLOURS.get(state.phase.value, "#5b6875")
        self.status.setStyleSheet(f"background: {colour};")
        reason = away_reason_name(state.away_reason)
        if state.phase is Phase.AWAY and reason:
            self.status.setText(f"{phase_name(state.phase)} · {reason}")
        langs = ", ".join(f"{language_name(c)} ({level_name(lv)})" for c, lv in state.languages)
        takes = self.tr("Interprets: %1") if state.is_interpreter else self.tr("Takes calls in: %1")
        self.languages.setText(takes.replace("%1", langs))
        self.available.setEnabled(state.phase is Phase.AWAY)
        can_go_away = state.phase in (Phase.AVAILABLE, Phase.AWAY)
        self.away.setEnabled(can_go_away)
        self.reason.setEnabled(can_go_away)
        self.banner.setVisible(not state.online and state.phase is not Phase.SIGNED_OUT)
        if not state.online:
            self.banner.setText(
                self.tr("No connection to the server. Reconnecting… Calls in progress go on.")
            )
