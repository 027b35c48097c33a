"""CONFIRM: now in the resident's language; optional topic and other languages; the call button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from kiosk import languages
from kiosk.fit import Fit
from kiosk.flow_booking import offer_booking_first
from kiosk.state import Alert, KioskState
from kiosk.views.base import ScreenView
from kiosk.views.icons import Icon
from kiosk.views.texts import T, fill, topic_choices, tr
from kiosk.views.welcome_view import format_time
from kiosk.views.widgets import TileLayout, WrapButton, label, place_in_grid


def _grid() -> tuple[QWidget, QGridLayout]:
    box = QWidget()
    grid = TileLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    return box, grid


class ConfirmView(ScreenView):
    topic_chosen = Signal(str)
    fallback_toggled = Signal(str)
    call_requested = Signal()
    back_requested = Signal()
    answers_requested = Signal()
    booking_requested = Signal()

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
        self.call.base_height = 140
        self.call.clicked.connect(self.call_requested)
        self.back = WrapButton()
        self.back.set_icon(Icon.BACK)  # and the word, in the language just chosen
        self.back.clicked.connect(self.back_requested)
        self.answers = WrapButton("primary")
        self.answers.set_icon(Icon.ANSWERS)
        self.answers.clicked.connect(self.answers_requested)
        widgets: tuple[QWidget, ...] = (
            self.topic_question,
            self.topic_box,
            self.fallback_question,
            self.fallback_box,
        )
        for widget in widgets:
            self.controls.addWidget(widget)
        # Book a time beside Call, as the other way to an adviser; a row of its own, or a third
        # button beside Back, leaves no room for the tiles above or the longer translations.
        self.book = WrapButton()
        self.book.clicked.connect(self.booking_requested)
        call_row = QHBoxLayout()
        call_row.addWidget(self.call, 1)
        call_row.addWidget(self.book, 1)
        self.controls.addLayout(call_row)
        # One row with Back: the tiles above need the height (tests/kiosk/test_layout.py).
        last_row = QHBoxLayout()
        last_row.addWidget(self.back, 1)
        last_row.addWidget(self.answers, 1)
        # From this upper estimate of the wait on, booking a time is the first choice (the app
        # sets it from KioskSettings.book_offer_wait_s).
        self.long_wait_s = 1200.0
        self.controls.addLayout(last_row)
        self.topic_buttons: dict[str, WrapButton] = {}
        self.fallback_buttons: dict[str, WrapButton] = {}
        self._topics_key: tuple[object, ...] = ()
        self._fallbacks_key: tuple[object, ...] = ()
        self._columns = {"topic": 3, "fallback": 3}

    def arrange(self, fit: Fit) -> None:
        """Portrait: topics, languages and the call button in the reachable band. Landscape: the
        topics join the information side, so the control side holds only the languages and the
        call button (a short screen cannot hold both grids in one column); the two sides share
        the width equally, as a long language name needs a wide tile."""
        side = self.side_by_side(fit)
        if side:
            self.outer.setStretch(0, 1)
            self.outer.setStretch(1, 1)
        self.call.base_height = 96 if side else 140
        self.call.apply_fit(fit)
        self.book.base_height = self.call.base_height
        self.book.apply_fit(fit)
        topics = (self.topic_question, self.topic_box)
        for widget in topics:
            (self.controls if side else self.info).removeWidget(widget)
        at = self.info.count() - 1 if side else 0  # the information side ends in a stretch
        for offset, widget in enumerate(topics):
            (self.info if side else self.controls).insertWidget(at + offset, widget)
        usable = fit.width - 2 * fit.px(48) - (fit.px(48) if side else 0)
        self._columns = {
            "topic": fit.columns(usable // 2 if side else usable, 280, most=3),
            "fallback": fit.columns(usable // 2 if side else usable, 280, most=3),
        }
        for grid in (self.topic_grid, self.fallback_grid):
            grid.setSpacing(fit.px(12))
        place_in_grid(self.topic_grid, list(self.topic_buttons.values()), self._columns["topic"])
        place_in_grid(
            self.fallback_grid, list(self.fallback_buttons.values()), self._columns["fallback"]
        )

    def show_state(self, state: KioskState) -> None:
        self.title.setText(tr(T.READY_TITLE))
        self.camera_info.setText(tr(T.CAMERA_INFO))
        self.problem.setText(self._problem(state))
        self.problem.setVisible(bool(self.problem.text()))
        self.topic_question.setText(tr(T.TOPIC_QUESTION))
        self.fallback_question.setText(tr(T.ALSO_SPEAK))
        self.call.set_text(tr(T.CALL))
        self.back.set_text(tr(T.BACK))
        # Closed, or nobody for the language signed in: the common questions are offered.
        self.answers.set_text(tr(T.ANSWERS))
        self.answers.setVisible(state.nobody_answers or Alert.CLOSED in state.alerts)
        self.book.set_text(tr(T.BOOK_TIME))
        self.book.set_role("primary" if offer_booking_first(state, self.long_wait_s) else "")
        self.book.setVisible(state.online)
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
                {code: tr(text) for code, text in topic_choices(state.topics).items()},
                self.topic_chosen.emit,
            )
            self._settle(self.topic_grid, self.topic_buttons, "topic")
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
            self._settle(self.fallback_grid, self.fallback_buttons, "fallback")
            self._fallbacks_key = others
        for code, button in self.fallback_buttons.items():
            button.setChecked(code in state.fallbacks)
        self.fallback_question.setVisible(bool(others))
        self.fallback_box.setVisible(bool(others))

    def _settle(self, grid: QGridLayout, buttons: dict[str, WrapButton], kind: str) -> None:
        for button in buttons.values():
            button.apply_fit(self.fit)
        place_in_grid(grid, list(buttons.values()), self._columns[kind])


def _fill(
    grid: QGridLayout,
    old: dict[str, WrapButton],
    texts: dict[str, str],
    emit: object,
) -> dict[str, WrapButton]:
    """Replace a grid's toggle buttons (placed by the caller); each click emits its key."""
    for button in old.values():
        grid.removeWidget(button)
        button.hide()  # until deleted, it would still be drawn where it was
        button.deleteLater()
    buttons: dict[str, WrapButton] = {}
    for key, text in texts.items():
        button = WrapButton()
        button.setCheckable(True)
        button.set_text(text)
        button.clicked.connect(lambda _=False, k=key: emit(k))  # type: ignore[operator]
        buttons[key] = button
    return buttons
