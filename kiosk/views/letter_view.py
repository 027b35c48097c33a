"""Showing a letter in a call: a sheet over the call screen (issue #16, kiosk/flow_letter.py).

The call goes on under it: the adviser's picture stays in view (large while the resident answers
their question and after a page is sent, a small tile meanwhile), their voice and the resident's
camera and microphone carry on. The sheet shows the camera's live picture with a frame to hold
the letter in, then the still itself (all of it, scaled to fit, so the resident sees what the
adviser will), the sending's progress and "Sent". Everywhere it says the picture is not saved and
is gone when the call ends.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QSizePolicy, QWidget

from kiosk.fit import Fit
from kiosk.flow_letter import MAX_PAGES
from kiosk.state import CallInfo, KioskState, Letter, LetterProblem, LetterStep, Picture
from kiosk.views import style
from kiosk.views.base import ScreenView
from kiosk.views.icons import Icon
from kiosk.views.texts import T, fill, tr
from kiosk.views.widgets import VideoView, WrapButton, label

# A letter is A4 or US letter, upright: the frame guide has its shape (1 : sqrt 2).
GUIDE_RATIO = 1 / 1.414
GUIDE_HEIGHT = 0.86  # of the picture's height: room around it to hold the paper by its edges

_TITLES = {
    LetterStep.ASKED: T.LETTER_QUESTION,
    LetterStep.AIMING: T.LETTER_AIM,
    LetterStep.TAKING: T.TAKING_PICTURE,
    LetterStep.CHECKING: T.LETTER_CHECK,
    LetterStep.SENT: T.PAGE_SENT,
}
_PROBLEMS = {LetterProblem.CAMERA: T.CAMERA_FAILED, LetterProblem.NOT_SENT: T.PAGE_NOT_SENT}


class LetterStage(QWidget):
    """The camera's live picture with the frame guide, the still taken, or (while the resident
    answers the adviser's question or has sent a page) the adviser, scaled to fit."""

    def __init__(self) -> None:
        super().__init__()
        self._live: QImage | None = None
        self._document: QImage | None = None  # a document camera's, preferred to the call's
        self._adviser: QImage | None = None
        self._still: QImage | None = None
        self._still_of: Picture | None = None
        self.guide = False
        self.shows_adviser = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def show_live(self, image: QImage) -> None:
        self._live = image
        if self._still is None and not self.shows_adviser:
            self.update()

    def show_adviser(self, image: QImage) -> None:
        self._adviser = image
        if self.shows_adviser:
            self.update()

    def show_document(self, image: QImage) -> None:
        self._document = image
        if self._still is None and not self.shows_adviser:
            self.update()

    def forget(self) -> None:
        """The sheet closed: drop every picture it held."""
        self._live = self._document = self._still = self._still_of = None

    def show_still(self, picture: Picture | None) -> None:
        """Decode ``picture`` once (the same one is shown through several steps); None: live."""
        if picture is self._still_of:
            return
        self._still_of = picture
        self._still = QImage.fromData(picture.data) if picture is not None else None
        self.update()

    @property
    def still_size(self) -> tuple[int, int] | None:
        """The shown still's size in pixels (the whole still, never a reduced copy)."""
        return (self._still.width(), self._still.height()) if self._still is not None else None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(style.VIDEO_BACKGROUND))
        image = next((i for i in (self._still, self._document, self._live) if i is not None), None)
        if self.shows_adviser:
            image = self._adviser
        if image is not None and not image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            scaled = image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            box = QRectF(
                (self.width() - scaled.width()) / 2,
                (self.height() - scaled.height()) / 2,
                scaled.width(),
                scaled.height(),
            )
            painter.drawImage(box, image)
            if self.guide and self._still is None and not self.shows_adviser:
                _draw_guide(painter, box)
        painter.end()


def _draw_guide(painter: QPainter, picture: QRectF) -> None:
    """An upright page's outline in the middle of the picture, light on dark so it shows on
    any background."""
    height = picture.height() * GUIDE_HEIGHT
    width = min(height * GUIDE_RATIO, picture.width() * 0.9)
    frame = QRectF(0, 0, width, height)
    frame.moveCenter(picture.center())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    thick = max(3.0, picture.height() / 120)
    painter.setPen(QPen(QColor(0, 0, 0, 160), thick * 2.2))
    painter.drawRoundedRect(frame, thick * 3, thick * 3)
    pen = QPen(QColor(style.ON_VIDEO), thick, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawRoundedRect(frame, thick * 3, thick * 3)


class LetterView(ScreenView):
    """The sheet; :class:`kiosk.views.call_view.CallView` shows it while ``call.letter`` is set."""

    answered = Signal(bool)  # the adviser's question: yes / no
    take_requested = Signal()
    send_requested = Signal()
    retake_requested = Signal()
    another_requested = Signal()
    close_requested = Signal()  # Cancel, or Done after sending

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "sheet")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.title = label("title")
        self.stage = LetterStage()
        self.info.addWidget(self.title)
        self.info.addWidget(self.stage, 1)
        self._build_controls()

    def _build_controls(self) -> None:
        tile_row = QHBoxLayout()
        self.adviser = VideoView()
        self.adviser_label = label()
        tile_row.addWidget(self.adviser)
        tile_row.addWidget(self.adviser_label, 1)
        self.problem = label("banner")
        self.not_saved = label("muted")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 100)
        self.yes = self._button("primary", lambda: self.answered.emit(True))
        self.no = self._button("", lambda: self.answered.emit(False))
        self.take = self._button("primary", self.take_requested.emit, Icon.CAMERA)
        self.send = self._button("primary", self.send_requested.emit)
        self.retake = self._button("", self.retake_requested.emit)
        self.another = self._button("", self.another_requested.emit, Icon.LETTER)
        self.done = self._button("primary", self.close_requested.emit)
        self.cancel = self._button("", self.close_requested.emit)
        self.controls.addLayout(tile_row)
        for widget in (self.problem, self.not_saved, self.progress, *self.buttons):
            self.controls.addWidget(widget)

    def _button(self, role: str, on_click: object, icon: Icon | None = None) -> WrapButton:
        button = WrapButton(role)
        if icon is not None:
            button.set_icon(icon)
        button.clicked.connect(on_click)
        return button

    @property
    def buttons(self) -> tuple[WrapButton, ...]:
        return (
            self.yes,
            self.no,
            self.take,
            self.send,
            self.retake,
            self.another,
            self.done,
            self.cancel,
        )

    def show_adviser(self, image: QImage) -> None:
        self.adviser.show_frame(image)
        self.stage.show_adviser(image)

    def arrange(self, fit: Fit) -> None:
        self.adviser.setFixedSize(fit.px(200), fit.px(150))
        self.stage.setMinimumSize(fit.px(320), fit.px(240))

    def show_state(self, state: KioskState) -> None:
        call = state.call
        letter = call.letter if call is not None else None
        if call is None or letter is None:
            self.stage.forget()  # the still goes with the sheet
            return
        self._show_texts(call, letter)
        step = letter.step
        self.stage.guide = step in (LetterStep.AIMING, LetterStep.TAKING)
        self.stage.show_still(letter.picture)
        # No picture of the letter to show yet, or any more: the adviser large, face to face.
        face_to_face = step in (LetterStep.ASKED, LetterStep.SENT)
        if face_to_face != self.stage.shows_adviser:
            self.stage.shows_adviser = face_to_face
            self.stage.update()
        self.adviser.setVisible(not face_to_face)
        self.progress.setVisible(step is LetterStep.SENDING)
        if letter.picture is not None and step is LetterStep.SENDING:
            self.progress.setValue(_percent(letter))
        shown = {
            LetterStep.ASKED: (self.yes, self.no),
            LetterStep.AIMING: (self.take, self.cancel),
            LetterStep.TAKING: (self.take, self.cancel),
            LetterStep.CHECKING: (self.send, self.retake, self.cancel),
            LetterStep.SENDING: (self.cancel,),
            LetterStep.SENT: (self.another, self.done),
        }[step]
        for button in self.buttons:
            button.setVisible(button in shown)
        self.take.setEnabled(step is LetterStep.AIMING)
        self.another.setVisible(step is LetterStep.SENT and call.pages_sent < MAX_PAGES)

    def _show_texts(self, call: CallInfo, letter: Letter) -> None:
        if letter.step is LetterStep.SENDING:
            self.title.setText(fill(tr(T.SENDING_PAGE), _percent(letter)))
        else:
            self.title.setText(tr(_TITLES[letter.step]))
        self.adviser_label.setText(f"{tr(T.ADVISER_ROLE)}\n{call.peer_name}")
        problem = _PROBLEMS.get(letter.problem) if letter.problem is not None else None
        if letter.step is LetterStep.SENT and call.pages_sent >= MAX_PAGES:
            problem = T.PAGE_LIMIT
        self.problem.setText(tr(problem) if problem else "")
        self.problem.setVisible(problem is not None)
        self.not_saved.setText(tr(T.NOT_SAVED))
        for button, text in (
            (self.yes, T.YES),
            (self.no, T.NO),
            (self.take, T.TAKE_PICTURE),
            (self.send, T.SEND_TO_ADVISER),
            (self.retake, T.TAKE_AGAIN),
            (self.another, T.ANOTHER_PAGE),
            (self.done, T.DONE),
            (self.cancel, T.CANCEL),
        ):
            button.set_text(tr(text))


def _percent(letter: Letter) -> int:
    total = len(letter.picture.data) if letter.picture is not None else 0
    return min(100, letter.sent_bytes * 100 // total) if total else 0
