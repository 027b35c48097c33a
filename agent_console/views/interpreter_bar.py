"""The adviser's interpreter row in a call (docs/protocol.md §Interpreter): invite one for a
language, see what became of the invitation, withdraw it or thank the interpreter.

One row under the call's controls. With no interpreter: *Interpreter (F11)*, which opens the
language picker in the same row (the call's language chosen, the keyboard on *Invite*, so F11
then Enter invites in the call's language; Escape closes it). Inviting: the words and *Withdraw*.
Joined: the interpreter's name and *Thank and end interpreting*. Unavailable or left: why, in
plain words, and *Interpreter (F11)* again. The picker is this row's own business; what it asks
goes out as intents.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from agent_console.state import ActiveCall, InterpreterLeg
from agent_console.views.labels import language_name
from agent_console.views.parts import button, label


class InterpreterBar(QWidget):
    invite_requested = Signal(str)  # the language code
    dismiss_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open = button(self.tr("Interpreter (F11)"))
        self.open.setToolTip(self.tr("Invite an interpreter into this call"))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language to interpret"))
        self.language_label = QLabel(self.tr("Interpret:"))
        self.language_label.setBuddy(self.language)
        self.invite = button(self.tr("Invite"), "primary")
        self.invite.setAutoDefault(True)  # Enter on it invites, as a click would
        self.cancel = QPushButton(self.tr("Cancel"))
        self.status = label("", "muted")
        self.status.setWordWrap(True)
        self.dismiss = QPushButton("")
        self.dismiss.setAutoDefault(True)
        self._call_id = ""
        self._picking = False
        self._build()
        self.open.clicked.connect(self._open_picker)
        self.invite.clicked.connect(self._invite)
        self.cancel.clicked.connect(self._close_picker)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._close_picker)
        self.dismiss.clicked.connect(self.dismiss_requested)

    def _build(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.open, self.language_label, self.language, self.invite, self.cancel):
            row.addWidget(widget)
        row.addWidget(self.status, 1)
        row.addWidget(self.dismiss)
        self._show_picker(False)

    @property
    def picking(self) -> bool:
        return self._picking

    def _show_picker(self, picking: bool) -> None:
        self._picking = picking
        for widget in (self.language_label, self.language, self.invite, self.cancel):
            widget.setVisible(picking)
        self.open.setVisible(not picking)

    def _open_picker(self) -> None:
        self._show_picker(True)
        self.status.setText("")
        self.invite.setFocus()

    def _close_picker(self) -> None:
        if not self._picking:
            return
        self._show_picker(False)
        self.open.setFocus()

    def _invite(self) -> None:
        code = self.language.currentData()
        if isinstance(code, str) and code:
            self._show_picker(False)
            self.invite_requested.emit(code)

    def render(self, call: ActiveCall, languages: tuple[str, ...]) -> None:  # type: ignore[override]
        """Show ``call``'s interpreter; ``languages`` are the service's, offered in the picker."""
        if call.call_id != self._call_id:
            self._call_id = call.call_id
            self._fill_languages(call.language, languages)
            self._show_picker(False)
        leg = call.interpreter
        busy = leg is not None and leg.active
        if busy:
            self._show_picker(False)
        self.open.setVisible(not busy and not self._picking)
        self.dismiss.setVisible(busy)
        self.dismiss.setEnabled(leg is not None and not leg.dismissing)
        if leg is not None and leg.state == "joined":
            self.dismiss.setText(self.tr("Thank and end interpreting"))
        else:
            self.dismiss.setText(self.tr("Withdraw"))
        if not self._picking:
            self.status.setText("" if leg is None else interpreter_text(leg))
        # Waiting is quiet; what became of the invitation is news the adviser should read.
        self._set_look("muted" if leg is None or leg.state == "inviting" else "")

    def _set_look(self, name: str) -> None:
        if self.status.objectName() != name:
            self.status.setObjectName(name)
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)

    def _fill_languages(self, call_language: str, languages: tuple[str, ...]) -> None:
        """The call's language first and chosen: the resident's is the usual one to ask for."""
        self.language.clear()
        codes = [call_language, *(c for c in languages if c != call_language)]
        for code in codes:
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(0)


def interpreter_text(leg: InterpreterLeg) -> str:
    """The interpreter's state in plain words, e.g. "No interpreter for Tigrinya: nobody answered
    in time."."""
    language = language_name(leg.language)
    if leg.state == "joined":
        return (
            QCoreApplication.translate("Interpreter", "Interpreter: %1 (%2)")
            .replace("%1", leg.name)
            .replace("%2", language)
        )
    if leg.state == "inviting":
        if leg.dismissing:
            return QCoreApplication.translate("Interpreter", "Withdrawing the invitation…")
        return QCoreApplication.translate(
            "Interpreter", "Asking for an interpreter of %1…"
        ).replace("%1", language)
    if leg.state == "unavailable":
        why = {
            "nobody_interprets": QCoreApplication.translate("Interpreter", "nobody interprets it."),
            "none_signed_in": QCoreApplication.translate(
                "Interpreter", "nobody who interprets it is signed in."
            ),
            "timeout": QCoreApplication.translate("Interpreter", "nobody answered in time."),
        }.get(leg.reason or "", QCoreApplication.translate("Interpreter", "nobody could come."))
        return (
            QCoreApplication.translate("Interpreter", "No interpreter for %1: %2")
            .replace("%1", language)
            .replace("%2", why)
        )
    return _left_text(leg)


def _left_text(leg: InterpreterLeg) -> str:
    if not leg.name:  # never joined: the invitation was withdrawn
        return QCoreApplication.translate(
            "Interpreter", "The invitation for an interpreter was withdrawn."
        )
    texts = {
        "dismissed": QCoreApplication.translate("Interpreter", "%1 has left: interpreting ended."),
        "hangup": QCoreApplication.translate("Interpreter", "%1 has left the call."),
        "disconnected": QCoreApplication.translate(
            "Interpreter", "%1's connection was lost; the call goes on."
        ),
        "negotiation_failed": QCoreApplication.translate(
            "Interpreter", "%1's video could not be set up; the call goes on."
        ),
    }
    return texts.get(
        leg.reason or "", QCoreApplication.translate("Interpreter", "%1 has left the call.")
    ).replace("%1", leg.name)
