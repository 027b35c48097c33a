"""RATING and THANKS: five faces, one tap, then goodbye."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.fit import Fit
from kiosk.state import KioskState, Screen
from kiosk.views.base import ScreenView
from kiosk.views.texts import RATINGS, T, tr
from kiosk.views.widgets import FaceButton, WrapButton, label


class RatingView(ScreenView):
    rated = Signal(int)
    skipped = Signal()
    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.title = label("title")
        self.info.addWidget(self.title)
        self.info.addStretch(1)
        self.faces_box = QWidget()
        self.faces_grid = grid = QGridLayout(self.faces_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.faces: list[FaceButton] = []
        self.face_labels = []
        for score in range(1, 6):
            face = FaceButton(score)
            face.clicked.connect(lambda _=False, s=score: self.rated.emit(s))
            caption = label()
            self.faces.append(face)
            self.face_labels.append(caption)
            grid.addWidget(face, 0, score - 1)
            grid.addWidget(caption, 1, score - 1)
        self.skip = WrapButton()
        self.skip.clicked.connect(self.skipped)
        self.finish = WrapButton("primary")
        self.finish.clicked.connect(self.done)
        self.controls.addWidget(self.faces_box)
        self.controls.addWidget(self.skip)
        self.controls.addWidget(self.finish)

    def side_by_side(self, fit: Fit) -> bool:
        return False  # five faces in a row need the whole width for their captions

    def arrange(self, fit: Fit) -> None:
        self.faces_grid.setSpacing(fit.px(12))
        for face in self.faces:
            face.apply_fit(fit)

    def show_state(self, state: KioskState) -> None:
        thanks = state.screen is Screen.THANKS
        self.title.setText(tr(T.THANKS) if thanks else tr(T.RATE_TITLE))
        for face, caption, source in zip(self.faces, self.face_labels, RATINGS, strict=True):
            face.setAccessibleName(tr(source))
            caption.setText(tr(source))
            caption.setAlignment(caption.alignment())
        self.faces_box.setVisible(not thanks)
        self.skip.setVisible(not thanks)
        self.skip.set_text(tr(T.SKIP))
        self.finish.setVisible(thanks)
        self.finish.set_text(tr(T.DONE))
