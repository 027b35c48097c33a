"""A link as a QR code (OpenCV's encoder) with its host name under it: a resident opens the
authority's page on their own phone; the kiosk never shows clickable markup (docs/answers.md)."""

from __future__ import annotations

import cv2
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.fit import Fit
from kiosk.views.widgets import label

QR_PX = 200  # on the reference kiosk: a phone reads it from arm's length
QR_LANDSCAPE_PX = 150  # a short screen: the answer beside it needs the height


def qr_image(text: str) -> QImage:
    """``text`` as a QR code, one pixel a module, black on white with its quiet zone."""
    modules = cv2.QRCodeEncoder.create().encode(text)
    grey = np.ascontiguousarray(modules, dtype=np.uint8)
    height, width = grey.shape
    return QImage(grey.data, width, height, width, QImage.Format.Format_Grayscale8).copy()


class QrLink(QWidget):
    """One link: the code with the host name (what the resident checks their phone opens) and the
    link's label under it; beside it on a landscape screen, whose height the answer needs."""

    def __init__(self, url: str, host: str, caption: str = "") -> None:
        super().__init__()
        self.url = url
        self.code = QLabel()
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.host = label(wrap=False)
        self.host.setText(host)
        self.host.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a host reads left to right
        self.host.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        self.caption = label("muted")
        self.caption.setText(caption)  # the label an editor gave the link, if any
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        self.caption.setVisible(bool(caption))
        words = QVBoxLayout()
        words.addStretch(1)
        words.addWidget(self.host)
        words.addWidget(self.caption)
        words.addStretch(1)
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.code, 0)
        self._layout.addLayout(words, 1)
        self._image = qr_image(url)

    def apply_fit(self, fit: Fit) -> None:
        side = fit.px(QR_LANDSCAPE_PX if fit.landscape else QR_PX)
        scaled = self._image.scaled(
            side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
        )
        self.code.setPixmap(QPixmap.fromImage(scaled))
        self.code.setFixedSize(side, side)
        beside = fit.landscape
        self._layout.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )
        centre = Qt.AlignmentFlag.AlignHCenter
        self._layout.setAlignment(self.code, Qt.AlignmentFlag(0) if beside else centre)
        words = Qt.AlignmentFlag.AlignLeading if beside else centre
        for text in (self.host, self.caption):
            text.setAlignment(words | Qt.AlignmentFlag.AlignVCenter)
