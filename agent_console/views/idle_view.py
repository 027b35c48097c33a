"""Between calls: a calm statement of what happens next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from agent_console.state import ConsoleState, Phase
from agent_console.views.labels import notice_text
from agent_console.views.parts import label


class IdleView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = label("", "big")
        self.hint = label("", "muted")
        self.notice = label("", "notice")
        self.notice.setWordWrap(True)
        for widget in (self.headline, self.hint, self.notice):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.headline)
        layout.addWidget(self.hint)
        layout.addSpacing(16)
        layout.addWidget(self.notice, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def render(self, state: ConsoleState) -> None:  # type: ignore[override]
        if state.phase is Phase.AVAILABLE:
            self.headline.setText(
                self.tr("Ready to interpret")
                if state.is_interpreter
                else self.tr("Ready for the next caller")
            )
            self.hint.setText(self.tr("A call rings here with a sound. Accept with F2."))
        elif state.phase is Phase.CONNECTING:
            self.headline.setText(self.tr("Connecting…"))
            self.hint.setText("")
        elif state.is_interpreter:
            self.headline.setText(self.tr("You are away"))
            self.hint.setText(
                self.tr("No interpreting is offered to you. Press F6 to be available.")
            )
        else:
            self.headline.setText(self.tr("You are away"))
            self.hint.setText(
                self.tr(
                    "No calls are offered to you. Press F6 to be available, "
                    "or F9 to take the next caller yourself."
                )
            )
        self.notice.setVisible(state.notice is not None)
        if state.notice is not None:
            self.notice.setText(notice_text(state.notice))
            # The server's own detail is English technical text: a tooltip, not the line the
            # adviser reads, so the console stays in one language.
            self.notice.setToolTip(state.notice_detail)
