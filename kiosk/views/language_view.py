"""LANGUAGE: every staffed language in its own name and script, with its wait in that language."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk import languages
from kiosk.fit import Fit
from kiosk.state import KioskState, LanguageOption
from kiosk.views.base import ScreenView
from kiosk.views.catalog import Catalog
from kiosk.views.icons import Icon
from kiosk.views.texts import T, fill
from kiosk.views.welcome_view import direction_of, format_time
from kiosk.views.widgets import TileLayout, WrapButton, label, place_in_grid


def wait_line(option: LanguageOption, catalog: Catalog) -> str:
    """The wait for one language, written in that language (its speakers may read nothing else)."""
    code = option.code
    if not option.open:
        closed = catalog.text(code, T.CLOSED)
        if option.opens_at is None:
            return closed
        when = format_time(option.opens_at, languages.ui_language_for(code))
        return f"{closed} · {fill(catalog.text(code, T.OPENS_AT), when)}"
    if option.wait_high_s is None:
        # Open, but nobody for it is signed in: the server sends no estimate, and none is made up.
        return catalog.text(code, T.LANGUAGE_CLOSED)
    if option.wait_high_s <= 60:
        return catalog.text(code, T.WAIT_SHORT)
    low = max(0, round((option.wait_low_s or 0) / 60))
    high = max(low + 1, round(option.wait_high_s / 60))
    return fill(catalog.text(code, T.WAIT_RANGE), low, high)


class LanguageView(ScreenView):
    language_chosen = Signal(str)
    back_requested = Signal()
    answers_requested = Signal()

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self._catalog = catalog
        self.title = label("title")
        self.info.addWidget(self.title)
        self.info.addStretch(1)
        self.grid_box = QWidget()
        self.grid = TileLayout(self.grid_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 2
        self.controls.addWidget(self.grid_box)
        self.back = WrapButton()
        self.back.set_icon(Icon.BACK)
        self.back.clicked.connect(self.back_requested)
        self.greeting = languages.DEFAULT_UI_LANGUAGE  # as on the welcome screen
        # For a closed language or one nobody answers in now, the common questions still are.
        self.answers = WrapButton()
        self.answers.set_icon(Icon.ANSWERS)
        self.answers.clicked.connect(self.answers_requested)
        # One row with Back: the tiles need the height (tests/kiosk/test_layout.py).
        row = QHBoxLayout()
        row.addWidget(self.back, 1)
        row.addWidget(self.answers, 1)
        self.controls.addLayout(row)
        self.buttons: dict[str, WrapButton] = {}
        self._shown: tuple[LanguageOption, ...] | None = None

    def side_by_side(self, fit: Fit) -> bool:
        return False  # a grid of tiles uses the width better than half of it

    def arrange(self, fit: Fit) -> None:
        """Columns of tiles by the width: two on a portrait kiosk, four on a landscape one."""
        self.grid.setSpacing(fit.px(16))
        columns = fit.columns(fit.width - 2 * fit.px(48), 300 if fit.landscape else 440, most=4)
        if columns != self._columns:
            self._columns = columns
            self._place_tiles()

    def _place_tiles(self) -> None:
        place_in_grid(self.grid, list(self.buttons.values()), self._columns)

    def show_state(self, state: KioskState) -> None:
        # No language is chosen yet: the title takes turns in each, Back is an arrow alone.
        self.title.setText(self._catalog.text(self.greeting, T.CHOOSE_LANGUAGE))
        self.title.setLayoutDirection(direction_of(self.greeting))
        self.back.set_text("")
        self.back.setAccessibleName(self._catalog.text(self.greeting, T.BACK))
        self.answers.set_text(self._catalog.text(self.greeting, T.ANSWERS))
        self.answers.label.setLayoutDirection(direction_of(self.greeting))
        if state.languages != self._shown:
            self._rebuild(state.languages)

    def _rebuild(self, options: tuple[LanguageOption, ...]) -> None:
        for button in self.buttons.values():
            self.grid.removeWidget(button)
            button.hide()  # until deleted, it would still be drawn where it was
            button.deleteLater()
        self.buttons = {}
        for option in options:
            button = WrapButton("primary" if option.open else "")
            button.set_text(f"{languages.endonym(option.code)}\n{wait_line(option, self._catalog)}")
            button.label.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft
                if languages.is_rtl(option.code)
                else Qt.LayoutDirection.LeftToRight
            )
            # A closed language's tile stays tappable: it leads to booking a time in it.
            button.clicked.connect(lambda _=False, c=option.code: self.language_chosen.emit(c))
            button.apply_fit(self.fit)
            self.buttons[option.code] = button
        self._place_tiles()
        self._shown = options
