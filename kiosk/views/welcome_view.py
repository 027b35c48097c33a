"""WELCOME: what this is, in several languages at once, and one big button."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk import languages
from kiosk.fit import Fit
from kiosk.state import Alert, KioskState
from kiosk.views.base import ScreenView
from kiosk.views.catalog import Catalog
from kiosk.views.icons import Icon
from kiosk.views.texts import T, fill
from kiosk.views.widgets import TileLayout, WrapButton, label, place_in_grid


def format_time(unix_s: float, ui_language: str) -> str:
    """An opening time in the resident's locale: weekday, date and time, no seconds."""
    moment = QDateTime.fromSecsSinceEpoch(int(unix_s))
    return QLocale(languages.locale_name(ui_language)).toString(moment, "dddd d MMMM HH:mm")


def direction_of(code: str) -> Qt.LayoutDirection:
    rtl = languages.is_rtl(languages.ui_language_for(code))
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight


class WelcomeView(ScreenView):
    start_requested = Signal()
    answers_requested = Signal()
    code_requested = Signal(str)  # the language the screen spoke when tapped

    def __init__(self, catalog: Catalog, welcome_languages: tuple[str, ...]) -> None:
        super().__init__()
        self._catalog = catalog
        self._codes = welcome_languages
        # Whose turn it is: nobody has chosen a language here yet (KioskWindow.next_greeting).
        self.greeting = languages.DEFAULT_UI_LANGUAGE
        self.title = label("title")
        self.info.addWidget(self.title)
        self.taglines: list[QLabel] = []
        self.tagline_box = QWidget()
        self.tagline_grid = TileLayout(self.tagline_box)
        self.tagline_grid.setContentsMargins(0, 0, 0, 0)
        self.info.addWidget(self.tagline_box)
        for code in welcome_languages:
            line = label()
            line.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft
                if languages.is_rtl(code)
                else Qt.LayoutDirection.LeftToRight
            )
            line.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
            self.taglines.append(line)
        place_in_grid(self.tagline_grid, self.taglines, 1)
        self.info.addStretch(1)
        self.notice = label("banner")
        self.status = label("muted")
        self.privacy = label("muted")
        self.start = WrapButton("primary")
        self.start.base_height = 140
        self.start.set_icon(Icon.TALK)
        self.start.clicked.connect(self.start_requested)
        self.answers = WrapButton()
        self.answers.set_icon(Icon.ANSWERS)
        self.answers.clicked.connect(self.answers_requested)
        # A booked time or a ticket from earlier: check in (kiosk/flow_booking.py).
        self.have_code = WrapButton()
        self.have_code.clicked.connect(lambda: self.code_requested.emit(self.greeting))
        for widget in (self.notice, self.status, self.privacy, self.start):
            self.controls.addWidget(widget)
        # Beside the common questions: a row of its own would take the greetings' height on a
        # landscape screen.
        row = QHBoxLayout()
        row.addWidget(self.answers, 1)
        row.addWidget(self.have_code, 1)
        self.controls.addLayout(row)

    def side_by_side(self, fit: Fit) -> bool:
        return False  # the greetings read best across the whole width

    def arrange(self, fit: Fit) -> None:
        """The greetings in as many columns as the width holds at a readable line length."""
        columns = fit.columns(fit.width - 2 * fit.px(48), 520, most=3)
        self.tagline_grid.setHorizontalSpacing(fit.px(32))
        # A landscape screen is short: eight greetings, the start button and the row below it
        # must fit without the greetings scrolling (1024x768 with the app's font did not).
        short = fit.landscape and fit.scale < 1  # 1024x768, 1280x800: shorter than the reference
        self.tagline_grid.setVerticalSpacing(fit.px(6) if short else fit.px(16))
        self.start.base_height = 112 if short else 140
        self.start.apply_fit(fit)
        place_in_grid(self.tagline_grid, self.taglines, columns)

    def show_state(self, state: KioskState) -> None:
        turn = self.greeting  # the language whose turn it is
        self.title.setText(self._catalog.text(turn, T.TAP_TO_START))
        labels = (self.start.label, self.answers.label, self.have_code.label)
        for widget in (self.title, self.status, self.privacy, *labels):
            widget.setLayoutDirection(direction_of(turn))
        for code, line in zip(self._codes, self.taglines, strict=True):
            line.setText(
                f"{self._catalog.text(code, T.START)} — {self._catalog.text(code, T.TAGLINE)}"
            )
        self.notice.setText(state.notice)
        self.notice.setVisible(bool(state.notice))
        self.status.setText(self._status(state, turn))
        self.status.setVisible(bool(self.status.text()))
        self.privacy.setText(self._catalog.text(turn, T.PRIVACY))
        self.start.set_text(self._catalog.text(turn, T.START))
        self.start.setEnabled(state.online and any(o.open for o in state.languages))
        # Nobody can take a call now: the common questions are what this kiosk can still give.
        self.answers.set_role("primary" if state.nobody_answers else "")
        self.answers.set_text(self._catalog.text(turn, T.ANSWERS))
        self.have_code.set_text(self._catalog.text(turn, T.HAVE_CODE))
        self.have_code.setEnabled(state.online)

    def _status(self, state: KioskState, code: str) -> str:
        if Alert.OUT_OF_ORDER in state.alerts or Alert.SERVER_UNREACHABLE in state.alerts:
            return ""  # the window's banner says it
        if not state.online:
            return self._catalog.text(code, T.CONNECTING)
        if state.languages and not any(o.open for o in state.languages):
            times = [o.opens_at for o in state.languages if o.opens_at is not None]
            closed = self._catalog.text(code, T.SERVICE_CLOSED)
            if times:
                when = format_time(min(times), code)
                return f"{closed} {fill(self._catalog.text(code, T.OPENS_AT), when)}"
            return closed
        return ""
