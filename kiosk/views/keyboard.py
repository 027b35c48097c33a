"""A touch keyboard for the resident's script, typing into the call's text entry.

Keys send real key events to their target (a QLineEdit), so what a key types goes through the
same path as a hardware keyboard's: the cursor, the entry's ``textEdited`` (the real-time text
the adviser sees as it is typed) and ``returnPressed`` (send). Keys never take the focus.

Layouts are data (:mod:`kiosk.keyboard_layouts`). A right-to-left script's rows are mirrored, as
it reads; the digits keep their order. Ethiopic: tapping a consonant fills the top row with its
seven vowel orders, and tapping one of those types it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.fit import Fit
from kiosk.keyboard_layouts import DIGITS, KeyboardLayout, layout_for, syllables
from kiosk.views import style
from kiosk.views.icons import Icon, qicon

KEY_PX = 64  # a key's height on the reference kiosk; never under the 48 px target (Fit.target)
KEY_MIN_WIDTH_PX = 48


class Key(QPushButton):
    """One key: the text it types (``None`` for the keys that edit or send)."""

    def __init__(self, text: str | None, label: str = "") -> None:
        super().__init__(label if text is None else text)
        self.types = text
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setProperty("role", "key")

    def apply_fit(self, fit: Fit) -> None:
        self.setMinimumWidth(fit.target(KEY_MIN_WIDTH_PX))
        self.setFixedHeight(fit.target(KEY_PX))
        self.setIconSize(QSize(fit.px(32), fit.px(32)))


class TouchKeyboard(QWidget):
    """Keys for one layout at a time; :meth:`show_layout` switches (the call's language)."""

    layout_changed = Signal(str)

    def __init__(self, target: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("touchKeyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._target = target
        self._outer = QVBoxLayout(self)
        self._board = QWidget()
        self._rows = QVBoxLayout(self._board)
        self._outer.addWidget(self._board)
        self.layout_shown: KeyboardLayout | None = None
        self.keys: list[Key] = []
        self.orders: list[Key] = []  # Ethiopic: the vowel orders of the base last tapped
        self._order_row = QHBoxLayout()
        self._shift = False
        self.fit = style.REFERENCE
        self.show_layout(layout_for("sv"))

    # --- building ---------------------------------------------------------------------------------

    def show_layout(self, layout: KeyboardLayout) -> None:
        if layout == self.layout_shown:
            return
        self._clear()
        self.layout_shown = layout
        self._shift = False
        # The board's own direction, whatever the screen's: Qt mirrors its rows for a
        # right-to-left script (setting a row's direction as well would mirror it back).
        self._board.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if layout.rtl else Qt.LayoutDirection.LeftToRight
        )
        digits = QWidget()
        digits.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # 1 to 0 in every script
        digit_row = self._row(DIGITS)
        digit_row.setContentsMargins(0, 0, 0, 0)
        digits.setLayout(digit_row)
        self._rows.addWidget(digits)
        if layout.syllabic:
            self._rows.addLayout(self._order_row)
            self._offer_orders(layout.rows[0][0])  # the row keeps its height, and shows the idea
        for row in layout.rows:
            self._rows.addLayout(self._row(row))
        self._rows.addLayout(self._bottom_row(layout))
        self.apply_fit(self.fit)
        self._board.show()
        self.layout_changed.emit(layout.name)

    def _row(self, texts: tuple[str, ...]) -> QHBoxLayout:
        row = QHBoxLayout()
        for text in texts:
            row.addWidget(self._key(text))
        return row

    def _bottom_row(self, layout: KeyboardLayout) -> QHBoxLayout:
        row = self._row(layout.punctuation)
        rtl = layout.rtl
        self.space = self._key(" ")
        self.space.setText("")
        row.insertWidget(len(layout.punctuation) // 2, self.space, 4)
        self.backspace = self._command(Icon.BACKSPACE, rtl, Qt.Key.Key_Backspace)
        self.enter = self._command(Icon.ENTER, rtl, Qt.Key.Key_Return)
        self.shift_key: Key | None = None
        if layout.has_case:
            self.shift_key = Key(None, "")
            self.shift_key.setCheckable(True)
            self.shift_key.setAutoRepeat(False)
            self.shift_key.setIcon(qicon(Icon.SHIFT, 64, style.ON_SECONDARY))
            self.shift_key.toggled.connect(self._set_shift)
            self.keys.append(self.shift_key)
            row.insertWidget(0, self.shift_key)
        row.addWidget(self.backspace, 2)
        row.addWidget(self.enter, 2)
        return row

    def _key(self, text: str) -> Key:
        key = Key(text)
        key.clicked.connect(lambda _=False, k=key: self._type(k))
        self.keys.append(key)
        return key

    def _command(self, icon: Icon, rtl: bool, code: Qt.Key) -> Key:
        key = Key(None, "")
        key.setIcon(qicon(icon, 64, style.ON_SECONDARY, rtl=rtl))
        key.setAccessibleName(icon.value)
        key.setAutoRepeat(code == Qt.Key.Key_Backspace)  # held down, it keeps deleting
        key.clicked.connect(lambda: self._send(code, ""))
        self.keys.append(key)
        return key

    def _clear(self) -> None:
        """A new board for each layout: the old one's keys and rows go with it."""
        self._outer.removeWidget(self._board)
        self._board.hide()  # until deleted, it would still be drawn where it was
        self._board.deleteLater()
        self._board = QWidget()
        self._rows = QVBoxLayout(self._board)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._outer.addWidget(self._board)
        self.keys, self.orders = [], []
        self._order_row = QHBoxLayout()

    def apply_fit(self, fit: Fit) -> None:
        self.fit = fit
        self._outer.setContentsMargins(fit.px(8), fit.px(8), fit.px(8), fit.px(8))
        self._rows.setSpacing(fit.px(6))
        # Its own sheet wins over the window's, whose buttons are at least 96 px wide: a row of
        # twelve keys needs narrower ones (still never under the 48 px target).
        self.setStyleSheet(
            f"#touchKeyboard {{ background: {style.SECONDARY}; border-radius: {fit.px(16)}px; }}"
            f"QPushButton {{ min-width: {fit.target(KEY_MIN_WIDTH_PX)}px;"
            f" min-height: {fit.target(KEY_PX)}px; max-height: {fit.target(KEY_PX)}px;"
            f" padding: 0; border-radius: {fit.px(8)}px;"
            f" background: {style.BACKGROUND}; color: {style.TEXT};"
            f" font-size: {fit.pt(style.BUTTON_PT)}pt; }}"
            f"QPushButton:checked {{ background: {style.SELECTED}; color: {style.ON_SELECTED}; }}"
        )
        for key in self.keys + self.orders:
            key.apply_fit(fit)

    # --- typing -----------------------------------------------------------------------------------

    def _type(self, key: Key) -> None:
        assert key.types is not None
        layout = self.layout_shown
        if layout is not None and layout.syllabic and key.types in layout.letters():
            self._offer_orders(key.types)
            return
        text = key.types.upper() if self._shift else key.types
        self._send(Qt.Key.Key_unknown, text)
        if self.shift_key is not None and self._shift:
            self.shift_key.setChecked(False)  # one capital, as on a phone

    def _offer_orders(self, base: str) -> None:
        for key in self.orders:
            self._order_row.removeWidget(key)
            key.hide()
            key.deleteLater()
        self.orders = []
        for syllable in syllables(base):
            key = Key(syllable)
            key.clicked.connect(lambda _=False, s=syllable: self._send(Qt.Key.Key_unknown, s))
            key.apply_fit(self.fit)
            self._order_row.addWidget(key)
            key.show()  # a widget added to a shown one stays hidden until told
            self.orders.append(key)

    def _set_shift(self, on: bool) -> None:
        self._shift = on
        for key in self.keys:
            if key.types and key.types.strip():
                key.setText(key.types.upper() if on else key.types)

    def _send(self, code: Qt.Key, text: str) -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text)
            QCoreApplication.sendEvent(self._target, event)
