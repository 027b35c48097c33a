"""The top bar: who is signed in, their status and languages, and the link to the server."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent_console.state import ConsoleState, Phase
from agent_console.views.labels import language_name, level_name, phase_name
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
        self.reason.addItems([self.tr("Break"), self.tr("Meeting"), self.tr("Admin work")])
        self.reason.setToolTip(self.tr("Reason for being away"))
        self.away = QPushButton(self.tr("Away"))
        self.signout = QPushButton(self.tr("Sign out"))
        self.banner = label("", "banner")
        self.banner.hide()
        self._build()
        self.available.clicked.connect(self.go_available)
        self.away.clicked.connect(lambda: self.go_away.emit(self.reason.currentText().strip()))
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
        for widget in (self.available, self.reason, self.away, self.signout):
            row.addWidget(widget)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.banner)
        outer.addLayout(row)

    def render(self, state: ConsoleState) -> None:  # type: ignore[override]
        self.name.setText(state.display_name)
        self.status.setText(phase_name(state.phase))
        colour = STATUS_COLOURS.get(state.phase.value, "#5b6875")
        self.status.setStyleSheet(f"background: {colour};")
        if state.phase is Phase.AWAY and state.away_reason:
            self.status.setText(f"{phase_name(state.phase)} · {state.away_reason}")
        langs = ", ".join(f"{language_name(c)} ({level_name(lv)})" for c, lv in state.languages)
        self.languages.setText(self.tr("Takes calls in: %1").replace("%1", langs))
        self.available.setEnabled(state.phase is Phase.AWAY)
        can_go_away = state.phase in (Phase.AVAILABLE, Phase.AWAY)
        self.away.setEnabled(can_go_away)
        self.reason.setEnabled(can_go_away)
        self.banner.setVisible(not state.online and state.phase is not Phase.SIGNED_OUT)
        if not state.online:
            self.banner.setText(
                self.tr("No connection to the server. Reconnecting… Calls in progress go on.")
            )
