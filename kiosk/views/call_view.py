"""CALL: the adviser large, oneself small, who and which language, sound, camera, text, hang up.

With an interpreter in the call (issue #16) both faces show side by side, each with its role
under it (side by side gives both larger pictures than stacked, on portrait screens too). "Show a
letter" opens the letter sheet (kiosk/views/letter_view.py) over the whole screen while the call
goes on under it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QTextBrowser,
    QWidget,
)

from kiosk import languages
from kiosk.bidi import Direction, first_strong, isolate
from kiosk.fit import Fit
from kiosk.flow_letter import MAX_PAGES
from kiosk.keyboard_layouts import layout_for
from kiosk.state import CallInfo, InterpreterStep, KioskState, TextLine
from kiosk.views import style
from kiosk.views.base import ScreenView
from kiosk.views.icons import Icon
from kiosk.views.keyboard import TouchKeyboard
from kiosk.views.letter_view import LetterView
from kiosk.views.texts import T, fill, tr
from kiosk.views.widgets import VideoView, WrapButton, label, place_in_grid


class CallView(ScreenView):
    hangup_requested = Signal()
    mute_toggled = Signal()
    camera_toggled = Signal()
    volume_changed = Signal(int)  # steps: -1 quieter, +1 louder
    text_submitted = Signal(str)
    text_edited = Signal(str)  # real-time text: every keystroke
    letter_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.remote = VideoView()
        self.local = VideoView(self.remote, mirror=True)
        self.adviser = label("title")
        self.interpreter_video = VideoView()
        self.interpreter = label("title")
        self.notice = label("banner")  # an interpreter being called, or gone
        self.transcript = QTextBrowser()
        self.info.addWidget(self._build_faces(), 3)
        self.info.addWidget(self.notice)
        self.info.addWidget(self.transcript, 1)
        self._build_controls()
        self.letter = LetterView(self)
        self.letter.hide()
        self.remote.installEventFilter(self)  # one's own picture follows the adviser's corner

    def _build_faces(self) -> QWidget:
        """The adviser and, once one joins, the interpreter: side by side, each with its role
        under it (a grid, so both pictures stay the same size whatever their labels wrap to)."""
        faces = QWidget()
        self.faces = QGridLayout(faces)
        self.faces.setContentsMargins(0, 0, 0, 0)
        self.faces.addWidget(self.remote, 0, 0)
        self.faces.addWidget(self.adviser, 1, 0)
        self.faces.addWidget(self.interpreter_video, 0, 1)
        self.faces.addWidget(self.interpreter, 1, 1)
        self.faces.setRowStretch(0, 1)
        self.faces.setColumnStretch(0, 1)
        self.interpreter_video.hide()
        self.interpreter.hide()
        return faces

    def _build_controls(self) -> None:
        entry_row = QHBoxLayout()
        self.entry = QLineEdit()
        self.entry.setMaxLength(500)
        self.entry.returnPressed.connect(self._submit)
        self.entry.textEdited.connect(self.text_edited)
        self.send = WrapButton()
        self.send.clicked.connect(self._submit)
        self.keyboard_toggle = WrapButton()
        self.keyboard_toggle.setCheckable(True)
        self.keyboard_toggle.set_icon(Icon.KEYBOARD)
        self.keyboard_toggle.toggled.connect(self._show_keyboard)
        entry_row.addWidget(self.keyboard_toggle)
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.send)
        # Not in a layout: it spans the whole screen's width under both columns (see _lay_out).
        self.keyboard = TouchKeyboard(self.entry, self)
        self.keyboard.hide()
        self.entry.installEventFilter(self)  # a tap in the entry opens the keyboard
        self.call_button_box = buttons = QWidget()
        self.button_grid = grid = QGridLayout(buttons)
        grid.setContentsMargins(0, 0, 0, 0)
        self.mute = WrapButton()
        self.mute.clicked.connect(self.mute_toggled)
        self.camera = WrapButton()
        self.camera.clicked.connect(self.camera_toggled)
        self.quieter = WrapButton()
        self.quieter.clicked.connect(lambda: self.volume_changed.emit(-1))
        self.louder = WrapButton()
        self.louder.clicked.connect(lambda: self.volume_changed.emit(+1))
        self.call_buttons = (self.mute, self.camera, self.quieter, self.louder)
        place_in_grid(grid, self.call_buttons, len(self.call_buttons))
        self.show_letter = WrapButton()
        self.show_letter.set_icon(Icon.LETTER)
        self.show_letter.clicked.connect(self.letter_requested)
        self.hangup = WrapButton("danger")
        self.hangup.clicked.connect(self.hangup_requested)
        self.controls.addLayout(entry_row)
        self.controls.addWidget(buttons)
        self.controls.addWidget(self.show_letter)
        self.controls.addWidget(self.hangup)

    def arrange(self, fit: Fit) -> None:
        """Portrait: the four call buttons in a row under the picture. Landscape: two by two in the
        control column beside it."""
        side = self.side_by_side(fit)
        # Four in a row under the picture when their longest words fit, else two by two.
        in_row = fit.columns(fit.width - 2 * fit.px(48), 260, most=4) == 4 and not side
        place_in_grid(self.button_grid, self.call_buttons, 4 if in_row else 2)
        self.button_grid.setSpacing(fit.px(12))
        self.faces.setSpacing(fit.px(16))
        self.remote.setMinimumSize(fit.px(240), fit.px(180))
        self.interpreter_video.setMinimumSize(fit.px(240), fit.px(180))
        self._size_local()
        self.letter.apply_fit(fit)
        self.transcript.setMinimumHeight(fit.px(140))
        self.send.setMaximumWidth(fit.px(260))
        self.keyboard.apply_fit(fit)
        self._place_keyboard()

    def _show_keyboard(self, shown: bool) -> None:
        self.keyboard.setVisible(shown)
        self._lay_out(self.fit)
        self._place_keyboard()

    def _lay_out(self, fit: Fit) -> None:
        super()._lay_out(fit)
        keyboard = getattr(self, "keyboard", None)  # ScreenView.__init__ lays out before it exists
        if keyboard is None:
            return
        # Beside the picture on a short landscape screen the keyboard leaves room for the entry and
        # End call, not for the four call buttons: they come back when the keyboard closes.
        typing = keyboard.isVisibleTo(self)
        self.call_button_box.setVisible(not (typing and self.side_by_side(fit)))
        self.show_letter.setVisible(not (typing and self.side_by_side(fit)))
        if typing:
            # The screen's contents move up above the keyboard, the entry just over it.
            margins = self.outer.contentsMargins()
            margins.setBottom(margins.bottom() + self._keyboard_height())
            self.outer.setContentsMargins(margins)

    def _keyboard_height(self) -> int:
        return self.keyboard.sizeHint().height()

    def _place_keyboard(self) -> None:
        side = self.fit.px(24)
        height = self._keyboard_height()
        self.keyboard.setGeometry(
            side, self.height() - height - self.fit.px(12), self.width() - 2 * side, height
        )
        self.keyboard.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.entry and event.type() == QEvent.Type.MouseButtonPress:
            self.keyboard_toggle.setChecked(True)
        if watched is self.remote and event.type() == QEvent.Type.Resize:
            self._place_local()
        return super().eventFilter(watched, event)

    def _size_local(self) -> None:
        """One's own picture in the adviser's corner: smaller when the adviser's tile shares the
        room with the interpreter's."""
        fit, side = self.fit, self.side_by_side(self.fit)
        shared = self.interpreter_video.isVisibleTo(self)
        width = 160 if shared else (200 if side else 240)
        self.local.setFixedSize(fit.px(width), fit.px(width * 3 / 4))

    def set_reach_top(self, pixels: int) -> None:
        super().set_reach_top(pixels)
        self.letter.set_reach_top(pixels)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.letter.setGeometry(self.rect())
        self._place_keyboard()
        self._place_local()
        super().resizeEvent(event)

    def _place_local(self) -> None:
        # Own picture in the remote picture's bottom trailing corner (left when mirrored RTL).
        margin = self.fit.px(12)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        x = margin if rtl else self.remote.width() - self.local.width() - margin
        self.local.move(x, self.remote.height() - self.local.height() - margin)

    def show_remote(self, image: QImage) -> None:
        self.remote.show_frame(image)
        self.letter.show_adviser(image)

    def show_local(self, image: QImage) -> None:
        self.local.show_frame(image)
        self.letter.stage.show_live(image)

    def show_interpreter(self, image: QImage) -> None:
        self.interpreter_video.show_frame(image)

    def _submit(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.entry.clear()
            self.text_submitted.emit(text)

    def show_state(self, state: KioskState) -> None:
        call = state.call
        self.letter.show_state(state)
        self.letter.setVisible(call is not None and call.letter is not None)
        if self.letter.isVisible():
            self.keyboard_toggle.setChecked(False)  # the sheet has no text field to type in
            self.letter.raise_()
            self.letter.settle_reach()
        if call is None:
            self.keyboard_toggle.setChecked(False)
            for video in (self.remote, self.local, self.interpreter_video, self.letter.adviser):
                video.clear()
            self.transcript.clear()
            return
        name = fill(tr(T.ADVISER), call.peer_name)
        self.adviser.setText(f"{name} · {languages.endonym(call.language)}")
        self._show_interpreter(call)
        # At the protocol's page limit the button says why it no longer works.
        more = call.pages_sent < MAX_PAGES
        self.show_letter.set_text(tr(T.SHOW_LETTER if more else T.PAGE_LIMIT))
        self.show_letter.setEnabled(more)
        self.remote.caption = "" if call.connected else tr(T.CONNECTING_CALL)
        self.remote.update()
        self.mute.set_text(tr(T.UNMUTE) if call.audio_muted else tr(T.MUTE))
        self.mute.setChecked(call.audio_muted)
        self.camera.set_text(tr(T.CAMERA_ON) if call.video_muted else tr(T.CAMERA_OFF))
        self.quieter.set_text(f"– {tr(T.QUIETER)}")
        self.louder.set_text(f"+ {tr(T.LOUDER)}")
        self.quieter.setEnabled(call.volume > 0)
        self.louder.setEnabled(call.volume < 100)
        self.hangup.set_text(tr(T.END_CALL))
        self.send.set_text(tr(T.SEND))
        self.entry.setPlaceholderText(tr(T.WRITE_HERE))
        # A pictogram only: the entry row is narrow beside the picture on a landscape screen.
        self.keyboard_toggle.setAccessibleName(tr(T.KEYBOARD))
        self.keyboard_toggle.setToolTip(tr(T.KEYBOARD))
        self.keyboard.show_layout(layout_for(call.language))
        self._render_lines(state)

    def _show_interpreter(self, call: CallInfo) -> None:
        joined = call.interpreter is not None and call.interpreter.step is InterpreterStep.JOINED
        if joined != self.interpreter_video.isVisibleTo(self):
            self.interpreter_video.setVisible(joined)
            self.interpreter.setVisible(joined)
            self.faces.setColumnStretch(1, 1 if joined else 0)
            if not joined:
                self.interpreter_video.clear()
            self._size_local()
            self._place_local()
        if call.interpreter is not None and joined:
            role = tr(T.INTERPRETER)
            self.interpreter.setText(
                f"{role} · {call.interpreter.name}" if call.interpreter.name else role
            )
            self.interpreter_video.caption = (
                "" if call.interpreter.connected else tr(T.CONNECTING_CALL)
            )
            self.interpreter_video.update()
        inviting = (
            call.interpreter is not None and call.interpreter.step is InterpreterStep.INVITING
        )
        notice = T.INTERPRETER_CALLED if inviting else None
        if call.interpreter_left_at is not None and call.interpreter is None:
            notice = T.INTERPRETER_LEFT
        self.notice.setText(tr(notice) if notice else "")
        self.notice.setVisible(notice is not None)

    def _render_lines(self, state: KioskState) -> None:
        assert state.call is not None
        call = state.call
        screen = (
            Direction.RIGHT_TO_LEFT
            if languages.is_rtl(languages.ui_language_for(state.ui_language))
            else Direction.LEFT_TO_RIGHT
        )
        html = "".join(_line_html(*_speaker(call, line), line.text, screen) for line in call.lines)
        interpreter = tr(T.INTERPRETER)
        for speaker, draft in (
            (call.peer_name, call.remote_draft),
            (interpreter, call.interpreter_draft),
        ):
            if draft:
                html += _line_html(speaker, style.MUTED_TEXT, f"{draft} …", screen, muted=True)
        if html != self.transcript.property("shown"):
            self.transcript.setHtml(html)
            self.transcript.setProperty("shown", html)
            bar = self.transcript.verticalScrollBar()
            bar.setValue(bar.maximum())


def _speaker(call: CallInfo, line: TextLine) -> tuple[str, str]:
    """Who wrote ``line`` and the colour of their name: the adviser, the interpreter, you."""
    if line.from_interpreter:
        return tr(T.INTERPRETER), style.SELECTED
    if line.from_adviser:
        return call.peer_name, style.PRIMARY
    return tr(T.YOU), style.TEXT


def _line_html(
    speaker: str, colour: str, text: str, screen: Direction, *, muted: bool = False
) -> str:
    """One chat line as a paragraph of its own direction (kiosk.bidi): set by the message's
    first strong character, the screen's when it has none; the speaker's name isolated."""
    direction = first_strong(text) or screen
    align = "right" if direction is Direction.RIGHT_TO_LEFT else "left"
    tint = f' style="color:{colour}"' if muted else ""
    name = f'<b style="color:{colour}">{_escape(isolate(speaker + ":"))}</b>'
    return f'<p dir="{direction.value}" align="{align}"{tint}>{name} {_escape(text)}</p>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
