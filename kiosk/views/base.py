"""The shape every screen shares: information and controls, stacked or side by side.

Portrait (the usual kiosk): information on top, controls in the reachable band below. Landscape:
information on the leading side, controls on the trailing side, since a short screen cannot hold
both stacked. A screen that reads better stacked whatever the orientation (a grid of tiles, a
row of faces) says so in :meth:`ScreenView.side_by_side`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QScrollArea, QVBoxLayout, QWidget

from kiosk.fit import Fit
from kiosk.state import KioskState
from kiosk.views import style


class ScreenView(QWidget):
    """Information (never needs a tap) and controls (what to tap), laid out for the window.

    In portrait the window tells each screen where the reachable zone starts
    (:meth:`set_reach_top`); the information part is at least that tall, so no control sits above
    the zone. The window calls :meth:`apply_fit` whenever its size changes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outer = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.info_box = QWidget()
        self.info = QVBoxLayout(self.info_box)
        self.info.setContentsMargins(0, 0, 0, 0)
        # On a short screen the information scrolls rather than squeezing wrapped lines into each
        # other; at the supported sizes it never needs to (tests/kiosk/test_layout.py).
        self.info_area = QScrollArea()
        self.info_area.setWidget(self.info_box)
        self.info_area.setWidgetResizable(True)
        self.info_area.setFrameShape(QFrame.Shape.NoFrame)
        self.info_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.info_area.setObjectName("info_area")
        self.info_area.setStyleSheet(
            "#info_area, #info_area > QWidget > QWidget { background: transparent; }"
        )
        self.controls_box = QWidget()
        self.controls = QVBoxLayout(self.controls_box)
        self.controls.setContentsMargins(0, 0, 0, 0)
        self.outer.addWidget(self.info_area, 1)
        self.outer.addWidget(self.controls_box, 0)
        self.fit = style.REFERENCE
        self._reach_top = 0
        self._lay_out(style.REFERENCE)

    def show_state(self, state: KioskState) -> None:
        raise NotImplementedError

    def side_by_side(self, fit: Fit) -> bool:
        """Whether information and controls stand side by side on this screen."""
        return fit.landscape

    def apply_fit(self, fit: Fit) -> None:
        """Lay the screen out for ``fit``: margins, spacing, stacked or side by side."""
        self.fit = fit
        self._lay_out(fit)
        self.arrange(fit)
        self._apply_reach()

    def _lay_out(self, fit: Fit) -> None:
        self.outer.setContentsMargins(fit.px(48), fit.px(32), fit.px(48), fit.px(24))
        self.outer.setSpacing(fit.px(48) if self.side_by_side(fit) else fit.px(24))
        self.info.setSpacing(fit.px(20))
        self.controls.setSpacing(fit.px(20))
        if self.side_by_side(fit):
            # Leading side in reading order: a horizontal box layout mirrors under RTL by itself.
            self.outer.setDirection(QBoxLayout.Direction.LeftToRight)
            self.outer.setStretch(0, 3)
            self.outer.setStretch(1, 2)
            self.outer.setAlignment(self.controls_box, Qt.AlignmentFlag.AlignBottom)
        else:
            self.outer.setDirection(QBoxLayout.Direction.TopToBottom)
            self.outer.setStretch(0, 1)
            self.outer.setStretch(1, 0)
            self.outer.setAlignment(self.controls_box, Qt.AlignmentFlag(0))

    def arrange(self, fit: Fit) -> None:
        """A screen's own changes for ``fit`` (grid columns, sizes of pictures); none by default."""

    def set_reach_top(self, pixels: int) -> None:
        self._reach_top = pixels
        self._apply_reach()

    def settle_reach(self) -> None:
        """Hold the information down to the reach line again, for the controls now shown (the
        window calls it after each state: new topics or tiles change what the controls need)."""
        self._apply_reach()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_reach()

    def _apply_reach(self) -> None:
        # A landscape screen is short: every control already sits within reach, and the space
        # above them is needed (stacked screens too, such as the language tiles).
        pixels = 0 if self.fit.landscape else self._reach_top - self.fit.px(32)
        # The reach line is a preference, the controls a need: when they need more room than lies
        # below the line (a short portrait screen, long words, another font's metrics), they rise
        # above it instead of being pushed off the bottom of the screen.
        pixels = min(pixels, self._room_above_controls())
        # At least 1: a minimum of 0 lets Qt fall back to the scroll area's own minimum (~130 px),
        # which a short screen cannot spare; the test holds the information to fitting anyway.
        self.info_area.setMinimumHeight(max(1, pixels))

    def _room_above_controls(self) -> int:
        """The height left for the information once the stacked controls have what they need."""
        margins = self.outer.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        controls = self.controls
        needed = (
            controls.totalHeightForWidth(width)
            if controls.hasHeightForWidth()
            else controls.totalMinimumSize().height()
        )
        spare = self.height() - margins.top() - margins.bottom() - self.outer.spacing()
        return spare - needed
