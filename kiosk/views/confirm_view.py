"""CONFIRM: now in the resident's language; optional topic and other languages; the call button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk import languages
from kiosk.state import Alert, KioskState
from kiosk.views.base import ScreenView
from kiosk.views.texts import TOPICS, T, fill, tr
from kiosk.views.welcome_view import format_time
from kiosk.views.widgets import WrapButton, label


def _grid() -> tuple[QWidget, QGridLayout]:
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setSpacing(12)
    for column in range(3):
        grid.setColumnStretch(column, 1)
    return box, grid


class ConfirmView(ScreenView):
    topic_chosen = Signal(str)
    fallback_toggled = Signal(str)
    call_requested = Signal()
    back_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.title = label("title")
        self.camera_info = label()
        self.problem = label("banner")
        for info_label in (self.title, self.camera_info, self.problem):
            self.info.addWidget(info_label)
        self.info.addStretch(1)
        self.topic_question = label("muted")
        self.topic_box, self.topic_grid = _grid()
        self.fallback_question = label("muted")
        self.fallback_box, self.fallback_grid = _grid()
        self.call = WrapButton("primary")
        self.call.setMinimumHeight(140)
        self.call.clicked.connect(self.call_requested)
        self.back = WrapButton()
        self.back.clicked.connect(self.back_requested)
        widgets: tuple[QWidget, ...] = (
            self.topic_question,
            self.topic_box,
            self.fallback_question,
            self.fallback_box,
            self.call,
            self.back,
        )
        for widget in widgets:
            self.controls.addWidget(widget)
        self.topic_buttons: dict[str, WrapButton] = {}
        self.fallback_buttons: dict[str, WrapButton] = {}
        self._topics_key: tuple[object, ...] = ()
        self._fallbacks_key: tuple[object, ...] = ()

    def show_state(self, state: KioskState) -> None:
        self.title.setText(tr(T.READY_TITLE))
        self.camera_info.setText(tr(T.CAMERA_INFO))
        self.problem.setText(self._problem(state))
        self.problem.setVisible(bool(self.problem.text()))
        self.topic_question.setText(tr(T.TOPIC_QUESTION))
        self.fallback_question.setText(tr(T.ALSO_SPEAK))
        self.call.set_text(tr(T.CALL))
        self.back.set_text(tr(T.BACK))
        self._render_topics(state)
        self._render_fallbacks(state)

    @staticmethod
    def _problem(state: KioskState) -> str:
        if Alert.CLOSED in state.alerts:
            text = tr(T.LANGUAGE_CLOSED)
            if state.opens_at is not None:
                text += " " + fill(tr(T.OPENS_AT), format_time(state.opens_at, state.ui_language))
            return text
        if Alert.JOIN_FAILED in state.alerts:
            return tr(T.JOIN_FAILED)
        return ""

    def _render_topics(self, state: KioskState) -> None:
        key = (state.topics, state.ui_language)
        if key != self._topics_key:
            self.topic_buttons = _fill(
                self.topic_grid,
                self.topic_buttons,
                {t: tr(TOPICS[t]) if t in TOPICS else t for t in state.topics},
                self.topic_chosen.emit,
            )
            self._topics_key = key
        for topic, button in self.topic_buttons.items():
            button.setChecked(topic == state.topic)
        self.topic_question.setVisible(bool(state.topics))
        self.topic_box.setVisible(bool(state.topics))

    def _render_fallbacks(self, state: KioskState) -> None:
        others = tuple(o.code for o in state.languages if o.open and o.code != state.language)
        if others != self._fallbacks_key:
            names = {code: languages.endonym(code) for code in others}
            self.fallback_buttons = _fill(
                self.fallback_grid, self.fallback_buttons, names, self.fallback_toggled.emit
            )
            self._fallbacks_key = others
        for code, button in self.fallback_buttons.items():
            button.setChecked(code in state.fallbacks)
        self.fallback_question.setVisible(bool(others))
        self.fallback_box.setVisible(bool(others))


def _fill(
    grid: QGridLayout,
    old: dict[str, WrapButton],
    texts: dict[str, str],
    emit: object,
) -> dict[str, WrapButton]:
    """Replace a grid's toggle buttons; each click emits its key."""
    for button in old.values():
        grid.removeWidget(button)
        button.deleteLater()
    buttons: dict[str, WrapButton] = {}
    for index, (key, text) in enumerate(texts.items()):
        button = WrapButton()
        button.setCheckable(True)
        button.set_text(text)
        button.clicked.connect(lambda _=False, k=key: emit(k))  # type: ignore[operator]
        grid.addWidget(button, index // 3, index % 3)
        buttons[key] = button
    return buttons
