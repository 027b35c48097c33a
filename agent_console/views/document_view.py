"""The pages a resident shows in a call (docs/protocol.md §Documents in a call), beside the video.

Zoom, fit to width and rotate the page shown, step through several pages, and ask the resident to
show one (their kiosk asks them; nothing is sent without their yes). A page is first shown fitted
to the sheet's width, and stays fitted as the sheet grows or shrinks until the adviser zooms. Two
widgets: the view itself (the page and its tools), which hides while there is no page so the
video keeps the room (views/page_split.py gives it most of the room once there is one), and
:attr:`DocumentView.bar` (what is happening, and the ask button), which the call view places
under the controls. Pages live only in this widget's
memory: :meth:`DocumentView.clear` at the call's end drops them, and nothing is saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent, QTransform
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

ZOOMS = (0.125, 0.25, 0.375, 0.5, 0.75, 1.0, 1.5, 2.0)  # the steps of − and +
FIT_ZOOM = 1  # index into ZOOMS of a page's first view before the sheet has a width


class DocumentView(QWidget):
    ask_requested = Signal()  # "May I see the letter?"
    shown_changed = Signal(bool)  # a first page came, or the call's pages went

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: list[QImage] = []
        self._index = 0
        self._scale = ZOOMS[FIT_ZOOM]
        self._fitted = True  # follows the sheet's width until the adviser zooms
        self._turns = 0  # quarter turns clockwise
        self._shown = False
        self.ask = QPushButton(self.tr("Ask to see a letter"))
        self.status = QLabel(self.tr("Pages the resident shows appear here, only during the call."))
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.picture = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.sheet = QScrollArea()
        self.sheet.setWidget(self.picture)
        self.sheet.setWidgetResizable(False)
        self.bar = QWidget()
        self.previous, self.next = QPushButton("‹"), QPushButton("›")
        self.previous.setAccessibleName(self.tr("Previous page"))
        self.next.setAccessibleName(self.tr("Next page"))
        self.zoom_out, self.zoom_in = QPushButton("−"), QPushButton("+")
        self.zoom_out.setAccessibleName(self.tr("Zoom out"))
        self.zoom_in.setAccessibleName(self.tr("Zoom in"))
        self.rotate = QPushButton(self.tr("Rotate"))
        self.fit = QPushButton(self.tr("Fit"))
        self.fit.setAccessibleName(self.tr("Fit the page's width"))
        self.page_label = QLabel()
        # Beside or under the video it takes the room the split gives it, whatever the page would
        # ask for: the call must still fit a 1280x800 screen (tests/agent_console/test_layout.py).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self._build()
        self.ask.clicked.connect(self.ask_requested)
        self.previous.clicked.connect(lambda: self._turn_page(-1))
        self.next.clicked.connect(lambda: self._turn_page(1))
        self.zoom_out.clicked.connect(lambda: self._step_zoom(-1))
        self.zoom_in.clicked.connect(lambda: self._step_zoom(1))
        self.rotate.clicked.connect(self._rotate)
        self.fit.clicked.connect(self._fit_width)
        self._render()

    def _build(self) -> None:
        tools = QHBoxLayout()
        for widget in (self.previous, self.page_label, self.next):
            tools.addWidget(widget)
        tools.addStretch(1)
        for widget in (self.zoom_out, self.zoom_in, self.fit, self.rotate):
            tools.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sheet, 1)
        layout.addLayout(tools)
        bar = QVBoxLayout(self.bar)
        bar.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.status, 1)
        head.addWidget(self.ask)
        bar.addLayout(head)
        bar.addWidget(self.progress)

    # --- what the call brings ---------------------------------------------------------------

    def add_page(self, image: QImage) -> None:
        """A page arrived whole (size and sha256 checked): show it, fitted, upright."""
        self._pages.append(image)
        self._index, self._turns = len(self._pages) - 1, 0
        self._fitted = True
        self.progress.setVisible(False)
        self.status.setText(self.tr("Shown by the resident. Gone when the call ends."))
        self._render()

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setVisible(done < total)
        self.progress.setRange(0, 1000)
        self.progress.setValue(done * 1000 // max(1, total))
        self.status.setText(self.tr("The resident is sending a page…"))

    def show_refused(self) -> None:
        """A page could not be received (broken on the way); the resident may send it again."""
        self.progress.setVisible(False)
        self.status.setText(
            self.tr("A page did not arrive whole. Ask the resident to send it again.")
        )

    def show_declined(self) -> None:
        self.status.setText(self.tr("The resident chose not to show a letter."))

    def show_asked(self) -> None:
        self.status.setText(self.tr("Asked. The resident decides on the kiosk."))

    def clear(self) -> None:
        """The call ended: every page is dropped."""
        self._pages.clear()
        self._index, self._scale, self._fitted, self._turns = 0, ZOOMS[FIT_ZOOM], True, 0
        self.progress.setVisible(False)
        self.status.setText(self.tr("Pages the resident shows appear here, only during the call."))
        self._render()

    @property
    def pages(self) -> int:
        return len(self._pages)

    # --- viewing ------------------------------------------------------------------------------

    def _turn_page(self, step: int) -> None:
        self._index = max(0, min(len(self._pages) - 1, self._index + step))
        self._fitted, self._turns = True, 0
        self._render()

    def _fit_scale(self) -> float:
        """The scale at which the whole width of the page, as turned, fills the sheet."""
        width = self.sheet.viewport().width()
        if not self.isVisible() or width < 100:
            return ZOOMS[FIT_ZOOM]  # not laid out yet
        page = self._pages[self._index]
        across = page.height() if self._turns % 2 else page.width()
        # A scroll bar that a tall page brings takes its width from the viewport.
        room = width - self.sheet.verticalScrollBar().sizeHint().width()
        return max(ZOOMS[0], min(ZOOMS[-1], room / max(1, across)))

    def _fit_width(self) -> None:
        self._fitted = True
        self._render()

    def _step_zoom(self, step: int) -> None:
        """To the next step of ZOOMS beyond the scale shown (a fitted scale lies between two)."""
        if step > 0:
            self._scale = min((z for z in ZOOMS if z > self._scale + 1e-9), default=ZOOMS[-1])
        else:
            self._scale = max((z for z in ZOOMS if z < self._scale - 1e-9), default=ZOOMS[0])
        self._fitted = False
        self._render()

    def _rotate(self) -> None:
        self._turns = (self._turns + 1) % 4
        self._render()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._pages and self._fitted:
            self._render()  # the split moved or the window changed: keep the width fitted

    def _render(self) -> None:
        has = bool(self._pages)
        self.setVisible(has)
        if has != self._shown:
            self._shown = has
            self.shown_changed.emit(has)
        if not has:
            self.picture.clear()
            return
        page = self._pages[self._index]
        if self._fitted:
            self._scale = self._fit_scale()
        scale = self._scale
        transform = QTransform().rotate(90 * self._turns).scale(scale, scale)
        shown = QPixmap.fromImage(page).transformed(
            transform, Qt.TransformationMode.SmoothTransformation
        )
        self.picture.setPixmap(shown)
        self.picture.resize(shown.size())
        self.page_label.setText(
            self.tr("Page %1 of %2")
            .replace("%1", str(self._index + 1))
            .replace("%2", str(len(self._pages)))
        )
        self.previous.setEnabled(self._index > 0)
        self.next.setEnabled(self._index < len(self._pages) - 1)
        self.zoom_out.setEnabled(self._scale > ZOOMS[0] + 1e-9)
        self.zoom_in.setEnabled(self._scale < ZOOMS[-1] - 1e-9)
