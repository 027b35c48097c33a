"""The shape every screen shares: information on top, controls in the reachable band below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from kiosk.state import KioskState


class ScreenView(QWidget):
    """Top: what to know (never needs a tap). Bottom: what to tap, kept inside the reach zone.

    The window tells each screen where the reachable zone starts (:meth:`set_reach_top`); the
    information part is at least that tall, so no control sits above the zone.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 24)
        outer.setSpacing(24)
        self.info_box = QWidget()
        self.info = QVBoxLayout(self.info_box)
        self.info.setContentsMargins(0, 0, 0, 0)
        self.info.setSpacing(20)
        # On a short screen (a landscape kiosk, a window) the information scrolls rather than
        # squeezing wrapped lines into each other; on the usual portrait screen it never needs to.
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
        self.controls.setSpacing(20)
        outer.addWidget(self.info_area, 1)
        outer.addWidget(self.controls_box, 0)

    def show_state(self, state: KioskState) -> None:
        raise NotImplementedError

    def set_reach_top(self, pixels: int) -> None:
        self.info_area.setMinimumHeight(max(0, pixels - 32))
