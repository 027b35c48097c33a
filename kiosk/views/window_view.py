"""The kiosk window: one screen at a time, a status strip above, the help button below, overlays.

Kiosk mode: full screen without decorations, close requests refused, a hidden staff exit (five taps
in the top trailing corner within four seconds opens a PIN pad).
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QImage, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLayout,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk import languages
from kiosk.fit import Fit
from kiosk.state import Alert, KioskState, LiveDevices, Screen
from kiosk.views import style
from kiosk.views.answers_view import AnswersView
from kiosk.views.base import ScreenView
from kiosk.views.booking_view import BookingView
from kiosk.views.call_view import CallView
from kiosk.views.catalog import Catalog
from kiosk.views.confirm_view import ConfirmView
from kiosk.views.icons import Icon
from kiosk.views.language_view import LanguageView
from kiosk.views.overlays_view import HelpOverlay, IdleOverlay, Overlay, ServiceOverlay
from kiosk.views.rating_view import RatingView
from kiosk.views.texts import T, tr
from kiosk.views.waiting_view import WaitingView
from kiosk.views.welcome_view import WelcomeView, direction_of
from kiosk.views.widgets import WrapButton, label

_ALERT_TEXT = {
    Alert.OUT_OF_ORDER: T.OUT_OF_ORDER,
    Alert.SERVER_UNREACHABLE: T.SERVER_UNREACHABLE,
    Alert.CALL_DROPPED: T.CALL_DROPPED,
    Alert.REQUEUED: T.REQUEUED,
    Alert.TRANSFERRED: T.TRANSFERRED,
    Alert.CAMERA_MISSING: T.CAMERA_MISSING,
    Alert.MICROPHONE_MISSING: T.MICROPHONE_MISSING,
}
# The privacy cue says only what is really on; with nothing on it hides (the alerts say why).
_LIVE_TEXT = {
    LiveDevices.CAMERA_AND_MICROPHONE: T.LIVE,
    LiveDevices.CAMERA: T.LIVE_CAMERA,
    LiveDevices.MICROPHONE: T.LIVE_MICROPHONE,
}
_PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
SECRET_TAPS = 5
SECRET_WINDOW_MS = 4000
# Before a language is chosen, the screens speak one language after another, this long each.
GREETING_TURN_MS = 4000


def greeting_order(welcome_languages: tuple[str, ...]) -> tuple[str, ...]:
    """The languages the screens take turns in before a choice: the site's welcome languages,
    then every other shipped translation."""
    rest = [code for code in languages.SHIPPED if code not in welcome_languages]
    return tuple(dict.fromkeys([*welcome_languages, *rest]))


def app_font(fit: Fit = style.REFERENCE) -> QFont:
    font = QFont()
    font.setFamilies(list(style.FONT_FAMILIES))
    font.setPointSize(fit.pt(style.BODY_PT))
    return font


class KioskWindow(QWidget):
    touched = Signal()  # any press anywhere: the idle timer restarts
    help_toggled = Signal()
    still_here = Signal()
    service_pin = Signal(str)

    def __init__(self, catalog: Catalog, welcome_languages: tuple[str, ...]) -> None:
        super().__init__()
        self.setObjectName("kioskRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFont(app_font())
        self.setStyleSheet(style.stylesheet())
        self.catalog = catalog
        self.allow_close = False
        self._reach_ratio = 0.0
        self.live = label("live", wrap=False)
        self.banner = label("banner")
        self.welcome = WelcomeView(catalog, welcome_languages)
        self.language = LanguageView(catalog)
        self.confirm = ConfirmView()
        self.waiting = WaitingView()
        self.call = CallView()
        self.rating = RatingView()
        self.answers = AnswersView(catalog)
        self.booking = BookingView()
        self.screens: dict[Screen, ScreenView] = {
            Screen.WELCOME: self.welcome,
            Screen.LANGUAGE: self.language,
            Screen.CONFIRM: self.confirm,
            Screen.WAITING: self.waiting,
            Screen.CALL: self.call,
            Screen.RATING: self.rating,
            Screen.THANKS: self.rating,
            Screen.ANSWERS: self.answers,
            Screen.BOOKING: self.booking,
        }
        self.stack = QStackedWidget()
        for view in dict.fromkeys(self.screens.values()):
            self.stack.addWidget(view)
        self.help = WrapButton()
        self.help.set_icon(Icon.HELP)
        self.help.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.help.clicked.connect(self.help_toggled)
        self._layout()
        self.help_overlay = HelpOverlay(self)
        self.help_overlay.closed.connect(self.help_toggled)
        self.idle_overlay = IdleOverlay(self)
        self.idle_overlay.still_here.connect(self.still_here)
        self.service = ServiceOverlay(self)
        self.service.pin_entered.connect(self.service_pin)
        self._secret = QWidget(self)
        self._secret.setFixedSize(96, 96)
        self._secret.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # every tap, whichever widget takes it, is "still here"
        self._taps: list[int] = []
        self._clock = QElapsedTimer()
        self._clock.start()
        self.state: KioskState | None = None
        self.greetings = greeting_order(welcome_languages)
        self.answers.greetings = self.greetings
        self.turn = 0
        self._turns = QTimer(self)
        self._turns.setInterval(GREETING_TURN_MS)
        self._turns.timeout.connect(self.next_greeting)
        self.fit: Fit | None = None
        self._style_key: tuple[float, int] | None = None

    def _layout(self) -> None:
        # The live indicator on a row of its own, so the banner below wraps at full width.
        live_row = QHBoxLayout()
        live_row.addStretch(1)
        live_row.addWidget(self.live)
        self._top = top = QVBoxLayout()
        top.addLayout(live_row)
        top.addWidget(self.banner)
        self._bottom = bottom = QHBoxLayout()
        bottom.addWidget(self.help)
        bottom.addStretch(1)
        outer = QVBoxLayout(self)
        # The screen decides the window's size, never the contents: a top-level layout would
        # otherwise raise the window's minimum to its contents' (word-wrapped text measured at its
        # narrowest makes that ~1400 px tall) and push controls off a landscape screen.
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(top)
        outer.addWidget(self.stack, 1)
        outer.addLayout(bottom)

    # --- rendering ------------------------------------------------------------------------------

    def show_state(self, state: KioskState, *, seconds_left: int | None = None) -> None:
        """Draw ``state``; ``seconds_left`` is the idle countdown while the warning shows."""
        self.catalog.install(state.ui_language)
        direction = (
            Qt.LayoutDirection.RightToLeft
            if languages.is_rtl(languages.ui_language_for(state.ui_language))
            else Qt.LayoutDirection.LeftToRight
        )
        if self.layoutDirection() != direction:
            self.setLayoutDirection(direction)
        greeting = self.greeting_language()
        # A language to read the common questions in counts as chosen too.
        reading = state.browse.language if state.browse is not None else None
        # So does the screen a code was shown or typed on (kiosk/flow_booking.py sets it).
        chosen = state.language is not None or reading is not None or state.booking is not None
        self.welcome.greeting = self.language.greeting = self.answers.greeting = greeting
        view = self.screens[state.screen]
        if state.call is None and self.state is not None and self.state.call is not None:
            # Off the call screen the call view is not drawn again: clear it now, so the call's
            # pictures and a letter's still go with the call, not with the next one.
            self.call.show_state(state)
        view.show_state(state)
        view.settle_reach()
        self.stack.setCurrentWidget(view)
        live = _LIVE_TEXT.get(state.live_devices)
        self.live.setText("• " + tr(live) if live else "")
        self.live.setVisible(live is not None)
        say = tr if chosen else (lambda source: self.catalog.text(greeting, source))
        alerts = [say(_ALERT_TEXT[a]) for a in state.alerts if a in _ALERT_TEXT]
        self.banner.setText("\n".join(alerts))
        self.banner.setVisible(bool(alerts))
        # Before the choice a pictogram alone: no word in a language the resident may not read.
        self.help.set_text(tr(T.HELP) if chosen else "")
        self.help.setAccessibleName(say(T.HELP))
        self.help_overlay.retranslate(say)
        self.help_overlay.panel.setLayoutDirection(
            direction_of(greeting) if not chosen else direction
        )
        self._show_overlay(self.help_overlay, state.help_open)
        if state.idle_deadline is not None and seconds_left is not None:
            self.idle_overlay.show_seconds(seconds_left)
        self._show_overlay(self.idle_overlay, state.idle_deadline is not None)
        self.state = state

    def start_greetings(self) -> None:
        """Let the screens before a choice take turns in each language (the app does; tests and
        screenshots turn them by hand with :meth:`next_greeting`, so nothing changes under them)."""
        self._turns.start()

    def greeting_language(self) -> str:
        return self.greetings[self.turn % len(self.greetings)]

    def next_greeting(self) -> None:
        """The next language's turn on the screens shown before a language is chosen."""
        self.turn += 1
        state = self.state
        reading = state.browse.language if state is not None and state.browse else None
        if state is not None and state.language is None and reading is None:
            self.show_state(state)

    def _show_overlay(self, overlay: Overlay, visible: bool) -> None:
        if visible:
            overlay.cover()
        overlay.setVisible(visible)

    def show_remote_frame(self, image: QImage) -> None:
        self.call.show_remote(image)

    def show_interpreter_frame(self, image: QImage) -> None:
        self.call.show_interpreter(image)

    def show_aim_frame(self, image: QImage) -> None:
        """The document camera's picture while the resident aims a letter at it."""
        self.call.letter.stage.show_document(image)

    def show_local_frame(self, image: QImage) -> None:
        if self.stack.currentWidget() is self.waiting:
            self.waiting.show_preview(image)
        elif self.stack.currentWidget() is self.booking:
            self.booking.show_preview(image)  # the camera reading a code
        else:
            self.call.show_local(image)

    # --- geometry: reach zone, overlays, the hidden corner ---------------------------------------

    def set_reach_ratio(self, ratio: float) -> None:
        """Fraction of the window's height, from the top, that lies above the reachable zone."""
        self._reach_ratio = max(0.0, min(0.6, ratio))
        self._apply_reach()

    def _apply_reach(self) -> None:
        # The views ignore it while side by side (landscape): see ScreenView.set_reach_top.
        pixels = int(self.height() * self._reach_ratio) - self.stack.y()
        for view in dict.fromkeys(self.screens.values()):
            view.set_reach_top(pixels)

    def apply_fit(self, fit: Fit) -> None:
        """Scale type and targets to the window and lay every screen out for its orientation."""
        if fit == self.fit:
            return
        self.fit = fit
        if fit.style_key() != self._style_key:
            self._style_key = fit.style_key()
            self.setFont(app_font(fit))
            self.setStyleSheet(style.stylesheet(fit))
        self._top.setContentsMargins(fit.px(48), fit.px(16), fit.px(48), 0)
        self._top.setSpacing(fit.px(12))
        self._bottom.setContentsMargins(fit.px(48), 0, fit.px(48), fit.px(24))
        self.help.setMinimumWidth(fit.target(260))
        self._secret.setFixedSize(fit.target(96), fit.target(96))
        for button in self.findChildren(WrapButton):
            button.apply_fit(fit)
        for view in dict.fromkeys(self.screens.values()):
            view.apply_fit(fit)
        for overlay in (self.help_overlay, self.idle_overlay, self.service):
            overlay.apply_fit(fit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.apply_fit(Fit(self.width(), self.height(), self.logicalDpiY()))
        for overlay in (self.help_overlay, self.idle_overlay, self.service):
            overlay.setGeometry(self.rect())
        self._place_secret()
        self._apply_reach()

    def _place_secret(self) -> None:
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self._secret.move(0 if rtl else self.width() - self._secret.width(), 0)
        self._secret.raise_()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._place_secret()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PRESSES and watched.isWidgetType():
            self.touched.emit()
        if watched is self._secret and event.type() == QEvent.Type.MouseButtonPress:
            now = self._clock.elapsed()
            self._taps = [t for t in self._taps if now - t < SECRET_WINDOW_MS] + [now]
            if len(self._taps) >= SECRET_TAPS:
                self._taps = []
                self.service.open()
            return True
        return super().eventFilter(watched, event)

    # --- kiosk mode -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # No keyboard shortcut leaves the kiosk (Escape, Alt+F4 arrive here or as closeEvent).
        event.accept()
