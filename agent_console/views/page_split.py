"""The call's room for pictures and pages: the video alone, or, once the resident shows a page
(issue #16), the page taking most of the room and the video shrinking to a tile.

On a wide room (a landscape screen of 1920 px) the page stands beside the video; on a narrower one
(1280 or 1366 px, where the page beside would be some 440 px wide and its text too small to read
when fitted) or a portrait one it goes under it, the whole width. The adviser can drag the handle
between them; the share they leave the page is kept in this widget's memory for the rest of the
session (per orientation) and forgotten when the console closes: nothing is saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

BESIDE_RATIO = 1.7  # a room this much wider than tall puts the page beside the video...
BESIDE_MIN_WIDTH_PX = 1000  # ...if it is this wide, so the page beside gets some 600 px
PAGE_SHARE = {Qt.Orientation.Horizontal: 0.62, Qt.Orientation.Vertical: 0.66}


class PageSplit(QSplitter):
    """The stage first, the page view second; the page view hides itself while there is none."""

    def __init__(self, stage: QWidget, pages: QWidget) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.stage, self.pages = stage, pages
        self.addWidget(stage)
        self.addWidget(pages)
        # A collapsed video or page would be lost to an adviser who did not see the handle move.
        self.setChildrenCollapsible(False)
        self.setHandleWidth(8)
        self._page_share = dict(PAGE_SHARE)
        self._page_shown = False
        self.splitterMoved.connect(self._remember_share)

    def page_shown_changed(self, shown: bool) -> None:
        """The page view appeared or went: give the page its share, or the video all."""
        self._page_shown = shown
        self._apply()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply()

    def _apply(self) -> None:
        beside = self.width() >= max(BESIDE_MIN_WIDTH_PX, BESIDE_RATIO * self.height())
        orientation = Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical
        if orientation != self.orientation():
            self.setOrientation(orientation)
        if not self._page_shown:
            return
        total = self._length() - self.handleWidth()
        page = round(total * self._page_share[orientation])
        self.setSizes([total - page, page])

    def _remember_share(self, _pos: int, _index: int) -> None:
        if not self._page_shown:
            return
        sizes = self.sizes()
        if sum(sizes) > 0:
            self._page_share[self.orientation()] = sizes[1] / sum(sizes)

    def _length(self) -> int:
        return self.width() if self.orientation() is Qt.Orientation.Horizontal else self.height()
