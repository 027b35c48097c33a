"""The shape every screen shares: information on top, controls in the reachable band below."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

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
        self.controls_box = QWidget()
        self.controls = QVBoxLayout(self.controls_box)
        self.controls.setContentsMargins(0, 0, 0, 0)
        self.controls.setSpacing(20)
        outer.addWidget(self.info_box, 1)
        outer.addWidget(self.controls_box, 0)

    def show_state(self, state: KioskState) -> None:
        raise NotImplementedError

    def set_reach_top(self, pixels: int) -> None:
        self.info_box.setMinimumHeight(max(0, pixels - 32))
