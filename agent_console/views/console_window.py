"""The console's main window: the sign-in page, or the workspace (status bar, the page for the
current phase, and the queue and today panels). Keyboard shortcuts press the same buttons a mouse
would, so both paths lead to the same intent signals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from agent_console.state import ConsoleState, Phase
from agent_console.views.bookings_view import BookingsView
from agent_console.views.call_view import CallView
from agent_console.views.idle_view import IdleView
from agent_console.views.offer_view import OfferView
from agent_console.views.parts import card
from agent_console.views.queue_view import QueueView
from agent_console.views.sign_in_view import SignInView
from agent_console.views.status_view import StatusView
from agent_console.views.style import SHEET
from agent_console.views.today_view import TodayView
from agent_console.views.wrap_up_view import WrapUpView

SIDE_WIDTH_PX = 340  # the queues and today column, on a landscape screen
SIDE_PORTRAIT_HEIGHT_PX = 380  # the two panels side by side under the page, on a portrait one
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"

SHORTCUTS = {
    "accept": "F2",
    "decline": "F3",
    "hang_up": "F4",
    "ready": "F5",
    "go_available": "F6",
    "toggle_mute": "F7",
    "toggle_camera": "F8",
    "take_next": "F9",
    "toggle_bookings": "F10",
    "invite_interpreter": "F11",
}


class ConsoleWindow(QMainWindow):
    def __init__(
        self, parent: QWidget | None = None, *, queue_alert_after_s: float = 300.0
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kiosklink – adviser console"))
        self.setStyleSheet(SHEET)
        self.sign_in = SignInView()
        self.status = StatusView()
        self.idle = IdleView()
        self.offer = OfferView()
        self.call = CallView()
        self.wrap_up = WrapUpView()
        self.queues = QueueView(alert_after_s=queue_alert_after_s)
        self.today = TodayView()
        self.bookings = BookingsView()
        self.phase_pages = QStackedWidget()
        for page in (self.idle, self.offer, self.call, self.wrap_up, self.bookings):
            self.phase_pages.addWidget(page)
        self._portrait = False
        self.pages = QStackedWidget()
        self.pages.addWidget(self.sign_in)
        self.pages.addWidget(self._workspace())
        self.setCentralWidget(self.pages)
        self._phase: Phase | None = None
        self._bookings_shown = False
        self._code_shown = False
        self.shortcuts = self._shortcuts()
        self.resize(1280, 800)

    def open_on_screen(self) -> None:
        """Show the window as large as its screen's free area, maximised.

        An adviser's desktop app works best on the whole screen (a resident's page needs the room);
        the size comes from the screen each time and nothing about it is saved. The geometry is
        set as well as the state because without a window manager (a kiosk-like desktop, the
        soak's Xvfb) asking to maximise changes nothing."""
        free = self.screen().availableGeometry()
        self.arrange(portrait=free.height() > free.width())
        width = max(self.minimumSizeHint().width(), free.width())
        self.setGeometry(free.x(), free.y(), width, free.height())
        self.showMaximized()

    def arrange(self, *, portrait: bool) -> None:
        """Landscape: the queues and today in a column right of the phase's page. Portrait (a
        screen taller than wide): that column would leave a call too little width on a 1080 px
        screen, so the two panels stand side by side under the page instead."""
        if portrait == self._portrait:
            return
        self._portrait = portrait
        if portrait:
            self._body.setDirection(QBoxLayout.Direction.TopToBottom)
            self._side_layout.setDirection(QBoxLayout.Direction.LeftToRight)
            self._side.setMinimumWidth(0)
            self._side.setMaximumWidth(QWIDGETSIZE_MAX)
            self._side.setMaximumHeight(SIDE_PORTRAIT_HEIGHT_PX)
            self._side_layout.setStretch(0, 1)
            self._side_layout.setStretch(2, 1)
        else:
            self._body.setDirection(QBoxLayout.Direction.LeftToRight)
            self._side_layout.setDirection(QBoxLayout.Direction.TopToBottom)
            self._side.setMaximumHeight(QWIDGETSIZE_MAX)
            self._side.setFixedWidth(SIDE_WIDTH_PX)
            self._side_layout.setStretch(0, 3)
            self._side_layout.setStretch(2, 1)
        # The minimum sizes follow the new arrangement only once the layouts have run: a resize
        # made straight after (open_on_screen's) would still be held to the old minimum width.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Follows the window's shape (a person may turn the screen); open_on_screen and the
        # screenshots arrange first, since a landscape window cannot be made narrower than
        # its landscape minimum.
        self.arrange(portrait=event.size().height() > event.size().width())
        super().resizeEvent(event)

    def _workspace(self) -> QWidget:
        side = card()
        side.setFixedWidth(SIDE_WIDTH_PX)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.queues, 3)
        side_layout.addSpacing(12)
        side_layout.addWidget(self.today, 1)
        body = QHBoxLayout()
        body.addWidget(self.phase_pages, 1)
        body.addWidget(side)
        self._side, self._side_layout, self._body = side, side_layout, body
        workspace = QWidget()
        workspace.setObjectName("workspace")
        layout = QVBoxLayout(workspace)
        layout.setContentsMargins(0, 0, 8, 8)
        layout.addWidget(self.status)
        layout.addLayout(body, 1)
        return workspace

    def _shortcuts(self) -> dict[str, QShortcut]:
        targets: dict[str, QAbstractButton] = {
            "accept": self.offer.accept,
            "decline": self.offer.decline,
            "hang_up": self.call.end,
            "ready": self.wrap_up.ready,
            "go_available": self.status.available,
            "toggle_mute": self.call.mute,
            "toggle_camera": self.call.camera,
            "take_next": self.queues.take_next,
            "toggle_bookings": self.today.bookings,
            "invite_interpreter": self.call.interpreter.open,
        }
        made = {}
        for intent, key in SHORTCUTS.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(targets[intent].click)
            made[intent] = shortcut
        return made

    def render(self, state: ConsoleState) -> None:  # type: ignore[override]
        self._render_title(state.is_interpreter)
        signed_out = state.phase in (Phase.SIGNED_OUT, Phase.SIGNING_IN)
        self.pages.setCurrentIndex(0 if signed_out else 1)
        self.sign_in.render(state)  # also when leaving it: it forgets the password then
        if not signed_out:
            self.status.render(state)
            self.queues.render(state)
            self.today.render(state)
            self._render_phase(state)
        if state.phase is not self._phase:
            self._phase = state.phase
            self._focus_for(state.phase)
        self._focus_bookings(state)

    def _render_title(self, interpreter: bool) -> None:
        title = (
            self.tr("Kiosklink – interpreter console")
            if interpreter
            else self.tr("Kiosklink – adviser console")
        )
        if self.windowTitle() != title:
            self.setWindowTitle(title)

    def _focus_bookings(self, state: ConsoleState) -> None:
        """The panel takes the keyboard when it opens (its list), and a new code puts it on
        *Done*; closing gives it back to the phase's place."""
        shown = state.bookings.shown and self.phase_pages.currentWidget() is self.bookings
        code = shown and state.bookings.code is not None
        if shown and not self._bookings_shown:
            self.bookings.table.setFocus()
        elif self._bookings_shown and not shown:
            self._focus_for(state.phase)
        if code and not self._code_shown:
            self.bookings.phone.done.setFocus()
        self._bookings_shown, self._code_shown = shown, code

    def _render_phase(self, state: ConsoleState) -> None:
        page: QWidget
        if state.phase is Phase.OFFERED and state.offer is not None:
            page = self.offer
            self.offer.render(state)
        elif state.phase is Phase.IN_CALL and state.call is not None:
            page = self.call
            self.call.render(state)
        elif state.phase is Phase.WRAP_UP and state.wrap_up is not None:
            page = self.wrap_up
            self.wrap_up.render(state)
        elif state.bookings.shown:
            # Beside waiting for calls, not instead of them: a ringing call takes the page back.
            page = self.bookings
            self.bookings.render(state)
        else:
            page = self.idle
            self.idle.render(state)
        self.phase_pages.setCurrentWidget(page)

    def _focus_for(self, phase: Phase) -> None:
        """Put the keyboard where the next step is, so the console works without a mouse."""
        if phase is Phase.SIGNED_OUT:
            self.sign_in.focus_first_empty()
        elif phase is Phase.OFFERED:
            self.offer.accept.setFocus()
        elif phase is Phase.IN_CALL:
            self.call.own_text.setFocus()
        elif phase is Phase.WRAP_UP:
            self.wrap_up.focus_first()
        elif phase is Phase.AWAY:
            self.status.available.setFocus()
        elif phase is Phase.AVAILABLE:
            self.status.reason.setFocus()
