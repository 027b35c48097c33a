"""What the layout tests of both apps ask of a window: which widgets show, whether one is cut off by
the window or a parent on the way, and whether a label's text fits the room it has."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QWidget

SLACK_PX = 1  # font metrics round to whole pixels one way, layouts the other


def shown(window: QWidget, *kinds: type[QWidget]) -> list[QWidget]:
    """The widgets of these kinds that a person would see in ``window``."""
    return [w for kind in kinds for w in window.findChildren(kind) if w.isVisibleTo(window)]


def clipped(widget: QWidget, window: QWidget) -> bool:
    """Whether any part of ``widget`` lies outside the window or outside a parent on the way."""
    full = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    visible = QRect(full)
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        visible = visible.intersected(
            QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
        )
        parent = parent.parentWidget()
    return visible.intersected(window.rect()) != full


def text_fits(label: QLabel) -> bool:
    """The label's text, as its font lays it out, inside its contents rectangle."""
    box = label.contentsRect()
    width = box.width() - 2 * label.margin() - max(0, label.indent())
    height = box.height() - 2 * label.margin()
    metrics = QFontMetrics(label.font())
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if label.wordWrap():
        flags |= int(Qt.TextFlag.TextWordWrap)
        needed = metrics.boundingRect(QRect(0, 0, max(1, width), 100_000), flags, label.text())
    else:
        needed = metrics.boundingRect(QRect(0, 0, 100_000, 100_000), flags, label.text())
    return needed.width() <= width + SLACK_PX and needed.height() <= height + SLACK_PX
