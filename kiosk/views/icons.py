"""Pictograms drawn with QPainter: read without any language, drawn without any font.

The kiosk's fonts (Noto Sans, Arabic, Ethiopic) have no arrows or symbols (⌫, ↵, ← are missing;
tests/kiosk/test_glyphs.py), and a colour-emoji font is not installed on every kiosk, so the
pictograms that stand for words before a language is chosen, and on the keyboard's keys, are
drawn as paths on a 24 x 24 grid and scaled.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap


class Icon(Enum):
    BACKSPACE = "backspace"
    ENTER = "enter"
    SHIFT = "shift"
    KEYBOARD = "keyboard"
    HELP = "help"
    BACK = "back"
    TALK = "talk"
    LANGUAGE = "language"
    ANSWERS = "answers"
    SPEAKER = "speaker"
    LETTER = "letter"
    CAMERA = "camera"


def _backspace(p: QPainterPath) -> None:
    p.moveTo(8, 5)
    p.lineTo(21, 5)
    p.lineTo(21, 19)
    p.lineTo(8, 19)
    p.lineTo(2, 12)
    p.closeSubpath()
    p.moveTo(11, 9)
    p.lineTo(17, 15)
    p.moveTo(17, 9)
    p.lineTo(11, 15)


def _enter(p: QPainterPath) -> None:
    p.moveTo(20, 4)
    p.lineTo(20, 14)
    p.lineTo(5, 14)
    p.moveTo(9, 10)
    p.lineTo(5, 14)
    p.lineTo(9, 18)


def _shift(p: QPainterPath) -> None:
    p.moveTo(12, 3)
    p.lineTo(21, 12)
    p.lineTo(16, 12)
    p.lineTo(16, 20)
    p.lineTo(8, 20)
    p.lineTo(8, 12)
    p.lineTo(3, 12)
    p.closeSubpath()


def _keyboard(p: QPainterPath) -> None:
    p.addRoundedRect(QRectF(2, 6, 20, 13), 2, 2)
    for y in (10.0, 13.0):
        for x in (6.0, 9.5, 13.0, 16.5):
            p.addRect(QRectF(x, y, 1.5, 1.0))
    p.moveTo(8, 16)
    p.lineTo(16, 16)


def _help(p: QPainterPath) -> None:
    p.addEllipse(QRectF(2, 2, 20, 20))
    p.moveTo(9, 9.5)
    p.cubicTo(9, 5.5, 15.5, 5.5, 15.5, 9.5)
    p.cubicTo(15.5, 12, 12, 12, 12, 14.5)
    p.addEllipse(QPointF(12, 17.8), 0.6, 0.6)


def _back(p: QPainterPath) -> None:
    p.moveTo(20, 12)
    p.lineTo(4, 12)
    p.moveTo(10, 6)
    p.lineTo(4, 12)
    p.lineTo(10, 18)


def _talk(p: QPainterPath) -> None:
    # Two speech bubbles: a conversation.
    p.addRoundedRect(QRectF(2, 3, 13, 9), 3, 3)
    p.moveTo(5, 12)
    p.lineTo(4, 15.5)
    p.lineTo(8.5, 12)
    p.addRoundedRect(QRectF(9, 10, 13, 9), 3, 3)
    p.moveTo(19, 19)
    p.lineTo(20, 22.5)
    p.lineTo(15.5, 19)


def _language(p: QPainterPath) -> None:
    # A globe: the kiosk's sign for "choose a language".
    p.addEllipse(QRectF(2, 2, 20, 20))
    p.addEllipse(QRectF(7.5, 2, 9, 20))
    p.moveTo(2, 12)
    p.lineTo(22, 12)
    p.moveTo(4, 7)
    p.lineTo(20, 7)
    p.moveTo(4, 17)
    p.lineTo(20, 17)


def _answers(p: QPainterPath) -> None:
    # An open book with a question mark on its right page: questions answered in writing.
    p.moveTo(12, 6)
    p.cubicTo(9, 4, 5, 4, 2, 5)
    p.lineTo(2, 20)
    p.cubicTo(5, 19, 9, 19, 12, 21)
    p.cubicTo(15, 19, 19, 19, 22, 20)
    p.lineTo(22, 5)
    p.cubicTo(19, 4, 15, 4, 12, 6)
    p.lineTo(12, 21)
    p.moveTo(15, 10)
    p.cubicTo(15, 7.5, 19, 7.5, 19, 10)
    p.cubicTo(19, 11.5, 17, 11.5, 17, 13.5)
    p.addEllipse(QPointF(17, 16), 0.5, 0.5)


def _speaker(p: QPainterPath) -> None:
    # A loudspeaker with two sound waves: read aloud.
    p.moveTo(3, 9)
    p.lineTo(7, 9)
    p.lineTo(12, 4)
    p.lineTo(12, 20)
    p.lineTo(7, 15)
    p.lineTo(3, 15)
    p.closeSubpath()
    p.moveTo(15, 9)
    p.quadTo(17, 12, 15, 15)
    p.moveTo(18, 6)
    p.quadTo(22, 12, 18, 18)


def _letter(p: QPainterPath) -> None:
    # A sheet with a folded corner and lines of text: a letter to show.
    p.moveTo(5, 2)
    p.lineTo(15, 2)
    p.lineTo(20, 7)
    p.lineTo(20, 22)
    p.lineTo(5, 22)
    p.closeSubpath()
    p.moveTo(15, 2)
    p.lineTo(15, 7)
    p.lineTo(20, 7)
    for y in (11.0, 14.5, 18.0):
        p.moveTo(8, y)
        p.lineTo(17, y)


def _camera(p: QPainterPath) -> None:
    # A camera body with its lens: take a picture.
    p.addRoundedRect(QRectF(2, 7, 20, 14), 2, 2)
    p.moveTo(8, 7)
    p.lineTo(9.5, 4)
    p.lineTo(14.5, 4)
    p.lineTo(16, 7)
    p.addEllipse(QPointF(12, 14), 4, 4)


_DRAW: dict[Icon, Callable[[QPainterPath], None]] = {
    Icon.BACKSPACE: _backspace,
    Icon.ENTER: _enter,
    Icon.SHIFT: _shift,
    Icon.KEYBOARD: _keyboard,
    Icon.HELP: _help,
    Icon.BACK: _back,
    Icon.TALK: _talk,
    Icon.LANGUAGE: _language,
    Icon.ANSWERS: _answers,
    Icon.SPEAKER: _speaker,
    Icon.LETTER: _letter,
    Icon.CAMERA: _camera,
}
# Arrows that point along the reading direction turn round under right-to-left.
MIRRORED_UNDER_RTL = frozenset({Icon.BACK, Icon.BACKSPACE, Icon.ENTER})


def pixmap(icon: Icon, side: int, color: str, *, rtl: bool = False) -> QPixmap:
    """``icon`` drawn in ``color`` on a transparent ``side`` x ``side`` pixmap."""
    path = QPainterPath()
    _DRAW[icon](path)
    image = QPixmap(side, side)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(side / 24, side / 24)
    if rtl and icon in MIRRORED_UNDER_RTL:
        painter.translate(24, 0)
        painter.scale(-1, 1)
    pen = QPen(QColor(color), 2.0)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.drawPath(path)
    painter.end()
    return image


def qicon(icon: Icon, side: int, color: str, *, rtl: bool = False) -> QIcon:
    return QIcon(pixmap(icon, side, color, rtl=rtl))
