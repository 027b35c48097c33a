"""Building blocks shared by the screens: buttons that wrap their text, video surfaces, faces."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.fit import Fit
from kiosk.views import style
from kiosk.views.icons import Icon, pixmap


class WrapButton(QPushButton):
    """A push button whose text wraps onto several lines instead of being clipped.

    Translations differ in length by a factor of three (Svenska "Ring", Soomaali "Ka qaad
    aamusnaanta"); a plain QPushButton cuts the long ones off.
    """

    def __init__(self, role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 8, 16, 8)
        self._layout.addWidget(self.label)
        self.base_height = (
            style.BUTTON_HEIGHT_PX
            if role in ("primary", "danger")
            else style.SMALL_BUTTON_HEIGHT_PX
        )
        self._pad = (16, 8)
        self._icon: Icon | None = None
        self.icon_label: QLabel | None = None
        self._icon_px = 40
        self.setMinimumHeight(self.base_height)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.toggled.connect(self._restyle)
        self._restyle()

    def apply_fit(self, fit: Fit) -> None:
        """Height, width and padding for this screen; never under a finger's size."""
        self.setMinimumHeight(fit.target(self.base_height))
        self.setMinimumWidth(fit.target(96))
        self._pad = (fit.px(16), fit.px(8))
        self._layout.setContentsMargins(self._pad[0], self._pad[1], self._pad[0], self._pad[1])
        self._icon_px = fit.px(40)
        self._draw_icon()
        self.updateGeometry()

    def set_icon(self, icon: Icon) -> None:
        """A pictogram above the text: understood before the text can be read."""
        if self.icon_label is None:
            self.icon_label = QLabel(self)
            self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.icon_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self._layout.insertWidget(0, self.icon_label)
        self._icon = icon
        self._draw_icon()

    def _draw_icon(self) -> None:
        if self.icon_label is None or self._icon is None:
            return
        colour = style.TONE_COLOURS[str(self.label.property("tone"))]
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self.icon_label.setPixmap(pixmap(self._icon, self._icon_px, colour, rtl=rtl))
        self.icon_label.setFixedHeight(self._icon_px)

    def _restyle(self) -> None:
        tone = style.tone(
            str(self.property("role") or ""), enabled=self.isEnabled(), checked=self.isChecked()
        )
        if self.label.property("tone") != tone:
            self.label.setProperty("tone", tone)
            self.label.style().unpolish(self.label)
            self.label.style().polish(self.label)
            self._draw_icon()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.EnabledChange:
            self._restyle()
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._draw_icon()  # an arrow points the way the language reads
        super().changeEvent(event)

    def set_role(self, role: str) -> None:
        """Another look (``primary`` when it becomes the thing to do), its height kept."""
        if self.property("role") != role:
            self.setProperty("role", role)
            self.style().unpolish(self)
            self.style().polish(self)
            self._restyle()

    def set_text(self, text: str) -> None:
        if self.label.text() != text:
            self.label.setText(text)
            self.setAccessibleName(text)
            # A pictogram without words stands alone in the middle (Help before a choice).
            self.label.setVisible(bool(text) or self.icon_label is None)
            self.updateGeometry()

    def text_shown(self) -> str:
        return self.label.text()

    def sizeHint(self) -> QSize:
        hint = self._layout.sizeHint()
        return QSize(
            max(hint.width(), self.minimumWidth()), max(hint.height(), self.minimumHeight())
        )

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        inner = 0
        if not self.label.isHidden():
            inner = self.label.heightForWidth(max(1, width - 2 * self._pad[0]))
        if self.icon_label is not None:
            inner += self._icon_px + (self._layout.spacing() if inner else 0)
        return max(self.minimumHeight(), inner + 2 * self._pad[1])


class TileLayout(QGridLayout):
    """Tiles in equal columns, each row as tall as its tallest tile's wrapped text needs.

    QGridLayout sizes rows from size hints, measured as if each tile's text stood on one line: a
    tile whose text wraps in its real column was squeezed (a closed language's opening time cut
    off). Here rows are measured at the width the grid really gets, each time it is laid out.
    """

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        rows = self._row_heights(width - margins.left() - margins.right())
        gaps = self.verticalSpacing() * max(0, len(rows) - 1)
        return sum(rows) + gaps + margins.top() + margins.bottom()

    def setGeometry(self, rect: QRect) -> None:
        margins = self.contentsMargins()
        heights = self._row_heights(rect.width() - margins.left() - margins.right())
        for row in range(self.rowCount()):  # rows left empty by fewer tiles or more columns: 0
            height = heights[row] if row < len(heights) else 0
            if self.rowMinimumHeight(row) != height:  # setting it asks for another layout pass
                self.setRowMinimumHeight(row, height)
        super().setGeometry(rect)

    def _row_heights(self, width: int) -> list[int]:
        shown: list[tuple[int, int, QWidget]] = []
        for index in range(self.count()):
            item = self.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None and not widget.isHidden():
                row, column, _, _ = cast(tuple[int, int, int, int], self.getItemPosition(index))
                shown.append((row, column, widget))
        if not shown:
            return []
        columns = max(column for _, column, _ in shown) + 1
        cell = max(1, (width - self.horizontalSpacing() * (columns - 1)) // columns)
        rows = [0] * (max(row for row, _, _ in shown) + 1)
        for row, _, widget in shown:
            needed = widget.heightForWidth(cell) if widget.hasHeightForWidth() else -1
            rows[row] = max(
                rows[row], needed, widget.minimumSizeHint().height(), widget.minimumHeight()
            )
        return rows


def place_in_grid(grid: QGridLayout, widgets: Sequence[QWidget], columns: int) -> None:
    """Lay ``widgets`` out row by row in ``columns`` equal columns (mirrored under RTL)."""
    for widget in widgets:
        grid.removeWidget(widget)
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, index // columns, index % columns)
    for column in range(max(columns, grid.columnCount())):
        grid.setColumnStretch(column, 1 if column < columns else 0)


def label(role: str = "", *, wrap: bool = True) -> QLabel:
    widget = QLabel()
    widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


class VideoView(QWidget):
    """Shows the newest frame, scaled to fit; a dark surface with a caption when there is none."""

    def __init__(self, parent: QWidget | None = None, *, mirror: bool = False) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._mirror = mirror  # one's own picture reads naturally only as a mirror image
        self.caption = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def show_frame(self, image: QImage) -> None:
        self._image = image.flipped(Qt.Orientation.Horizontal) if self._mirror else image
        self.update()

    def clear(self) -> None:
        self._image = None
        self.update()

    @property
    def has_frame(self) -> bool:
        return self._image is not None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(style.VIDEO_BACKGROUND))
        if self._image is not None and not self._image.isNull():
            scaled = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (self.width() - scaled.width()) / 2
            y = (self.height() - scaled.height()) / 2
            painter.drawImage(QRectF(x, y, scaled.width(), scaled.height()), self._image)
        elif self.caption:
            painter.setPen(QColor(style.ON_VIDEO))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.caption
            )
        painter.end()


class FaceButton(QPushButton):
    """One of five faces, drawn rather than an emoji, so no colour-emoji font is needed."""

    _COLOURS = ("#B3261E", "#D9622B", "#8A6D00", "#3C7D3E", "#1E6B2F")

    def __init__(self, score: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = score
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.apply_fit(style.REFERENCE)

    def apply_fit(self, fit: Fit) -> None:
        side = fit.target(120)
        self.setMinimumSize(side, side)
        self.setStyleSheet(
            f"QPushButton {{ background: transparent; min-height: {side}px; min-width: {side}px; }}"
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 8
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter.setBrush(QColor(self._COLOURS[self.score - 1]))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(box)
        painter.setBrush(QColor("#FFFFFF"))
        eye = side * 0.09
        for dx in (-0.18, 0.18):
            centre = QPointF(box.center().x() + dx * side, box.top() + side * 0.38)
            painter.drawEllipse(centre, eye, eye)
        # The mouth bends from a frown (1) through a line (3) to a smile (5).
        bend = (self.score - 3) * side * 0.09
        left = QPointF(box.left() + side * 0.28, box.top() + side * 0.68)
        right = QPointF(box.right() - side * 0.28, left.y())
        mouth = QPainterPath(left)
        mouth.quadTo(QPointF(box.center().x(), left.y() + 2 * bend), right)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pen = QPen(QColor("#FFFFFF"), side * 0.06)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPath(mouth)
        painter.end()
