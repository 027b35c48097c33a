"""The sign-in page: server address, username, password."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from agent_console.state import ConsoleState, Phase
from agent_console.views.labels import notice_text
from agent_console.views.parts import button, card, label


class SignInView(QWidget):
    sign_in_requested = Signal(str, str, str)  # server URL, username, password

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signIn")
        self.title = label(self.tr("Kiosklink adviser console"), "title")
        self.server = QLineEdit()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = button(self.tr("Sign in"), "primary")
        self.button.setDefault(True)
        self.busy = label("", "muted")
        self.notice = label("", "notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self._last_phase = Phase.SIGNED_OUT
        self._build()
        self.button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.username.returnPressed.connect(self.password.setFocus)

    def _build(self) -> None:
        frame = card()
        frame.setFixedWidth(460)
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(14)
        inner.addWidget(self.title)
        inner.addLayout(form)
        inner.addWidget(self.notice)
        inner.addWidget(self.button)
        inner.addWidget(self.busy)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(frame, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.setTabOrder(self.server, self.username)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.button)

    def _submit(self) -> None:
        if not self.button.isEnabled():
            return
        url, user = self.server.text().strip(), self.username.text().strip()
        if not url or not user or not self.password.text():
            (self.server if not url else self.username if not user else self.password).setFocus()
            return
        self.sign_in_requested.emit(url, user, self.password.text())

    def render(self, state: ConsoleState) -> None:  # type: ignore[override]
        busy = state.phase in (Phase.SIGNING_IN, Phase.CONNECTING)
        if not self.server.text() and state.server_url:
            self.server.setText(state.server_url)
        if not self.username.text() and state.username:
            self.username.setText(state.username)
        for widget in (self.server, self.username, self.password, self.button):
            widget.setEnabled(not busy)
        self.busy.setText(self.tr("Signing in…") if busy else "")
        if self._last_phase is Phase.SIGNING_IN and state.phase is not Phase.SIGNING_IN:
            # Done with the password either way: a failed one is retyped, a good one forgotten.
            self.password.clear()
        self._last_phase = state.phase
        self.notice.setVisible(state.notice is not None)
        if state.notice is not None:
            self.notice.setText(notice_text(state.notice))

    def focus_first_empty(self) -> None:
        for widget in (self.server, self.username, self.password):
            if not widget.text():
                widget.setFocus()
                return
        self.button.setFocus()
