"""What lies over every screen: help, the idle warning with its one-tap extension, the staff PIN."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.fit import Fit
from kiosk.views.texts import T, fill, tr
from kiosk.views.widgets import WrapButton, label


class Overlay(QFrame):
    """A dimmed layer over the whole window with one panel in the middle; taps stop here."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setProperty("role", "overlay")
        self.panel = QFrame()
        self.panel.setProperty("role", "panel")
        self.body = QVBoxLayout(self.panel)
        self._outer = outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.panel)
        outer.addStretch(1)
        self.hide()

    def apply_fit(self, fit: Fit) -> None:
        self.body.setContentsMargins(fit.px(40), fit.px(40), fit.px(40), fit.px(40))
        self.body.setSpacing(fit.px(24))
        # A panel as wide as a wide screen would make lines too long to read: the side margins
        # keep it as wide as on a portrait kiosk (margins, unlike an alignment, keep the wrapped
        # text's height-for-width intact).
        side = max(fit.px(48), (fit.width - fit.px(984)) // 2)
        self._outer.setContentsMargins(side, fit.px(48), side, fit.px(48))

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()


class HelpOverlay(Overlay):
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = label("title")
        self.text = label()
        self.close_button = WrapButton("primary")
        self.close_button.clicked.connect(self.closed)
        for widget in (self.title, self.text, self.close_button):
            self.body.addWidget(widget)

    def retranslate(self, say: Callable[[str], str] = tr) -> None:
        """Texts in the language ``say`` translates to: the chosen one, or before a choice the
        language whose turn it is (kiosk.views.window_view.GREETING_TURN_MS)."""
        self.title.setText(say(T.HELP))
        self.text.setText(say(T.HELP_TEXT))
        self.close_button.set_text(say(T.CLOSE))


class IdleOverlay(Overlay):
    still_here = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = label("title")
        self.countdown = label()
        self.button = WrapButton("primary")
        self.button.base_height = 140
        self.button.clicked.connect(self.still_here)
        for widget in (self.title, self.countdown, self.button):
            self.body.addWidget(widget)

    def show_seconds(self, seconds_left: int) -> None:
        self.title.setText(tr(T.IDLE_TITLE))
        self.countdown.setText(fill(tr(T.IDLE_COUNTDOWN), max(0, seconds_left)))
        self.button.set_text(tr(T.STILL_HERE))


class ServiceOverlay(Overlay):
    """A PIN pad for staff; the controller checks the PIN (kiosk.config.check_pin)."""

    pin_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = label("title")
        self.shown = QLabel()
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = label("muted")
        pad = QWidget()
        grid = QGridLayout(pad)
        self.digits: list[WrapButton] = []
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "×", "0", "OK"]
        for index, key in enumerate(keys):
            button = WrapButton("primary" if key == "OK" else "")
            button.set_text(key)
            button.clicked.connect(lambda _=False, k=key: self._key(k))
            grid.addWidget(button, index // 3, index % 3)
            self.digits.append(button)
        pad.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a keypad never mirrors
        for widget in (self.title, self.shown, self.error, pad):
            self.body.addWidget(widget)
        self._pin = ""

    def open(self) -> None:
        self._pin = ""
        self.title.setText(tr(T.SERVICE_PIN))
        self.shown.setText("")
        self.error.setText("")
        self.cover()
        self.show()

    def refuse(self) -> None:
        self._pin = ""
        self.shown.setText("")
        self.error.setText(tr(T.WRONG_PIN))

    def _key(self, key: str) -> None:
        if key == "×":
            self.hide()
            self.cancelled.emit()
        elif key == "OK":
            self.pin_entered.emit(self._pin)
        elif len(self._pin) < 12:
            self._pin += key
            self.shown.setText("•" * len(self._pin))
