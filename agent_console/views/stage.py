"""The call's pictures: the main party large, the own picture small, and in a three-way call
(docs/protocol.md §Interpreter) the third party's tile, named, beside the main picture."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from agent_console.views.parts import label
from agent_console.views.video_widget import VideoWidget

GAP_PX = 8
CORNER_PX = 12


class PartyTile(QWidget):
    """The third party's video with their name under it."""

    def __init__(self, placeholder: str) -> None:
        super().__init__()
        self.video = VideoWidget(placeholder)
        self.name = label("", "subtitle")
        self.name.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.video, 1)
        layout.addWidget(self.name)

    def caption_height(self) -> int:
        return self.name.sizeHint().height() + 4


class Stage(QWidget):
    """Two parties: the remote picture fills the stage, the own one in its lower right corner.
    Three: the remote picture on the left, and a column on the right with the third party's tile
    above the own picture, so no face covers another; on a stage taller than wide, the tile under
    the remote picture instead."""

    def __init__(self, remote: VideoWidget, local: VideoWidget, party: PartyTile) -> None:
        super().__init__()
        self.remote, self.local, self.party = remote, local, party
        for widget in (remote, local, party):
            widget.setParent(self)
        party.hide()
        # A tile's size: beside or under a page the resident shows, the video gives way to it
        # (views/page_split.py); without a page the call view gives the stage all its room.
        self.setMinimumSize(240, 120)

    def show_party(self, shown: bool) -> None:
        if shown != self.party.isVisibleTo(self):
            self.party.setVisible(shown)
            self._place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place()

    def _place(self) -> None:
        if self.party.isVisibleTo(self):
            self._place_three()
            return
        self.remote.setGeometry(self.rect())
        w = max(120, self.width() // 5)
        h = w * 3 // 4
        self.local.setGeometry(self.width() - w - CORNER_PX, self.height() - h - CORNER_PX, w, h)
        self.local.raise_()

    def _place_three(self) -> None:
        if self.height() > self.width():
            self._place_three_stacked()
        else:
            self._place_three_side_by_side()

    def _place_three_stacked(self) -> None:
        """A tall stage (a portrait screen): the third party under the main picture, both the
        whole width, and the own picture small in the lower right corner, where the third
        party's letterboxed picture leaves a dark band."""
        remote_h = (self.height() - GAP_PX) * 11 // 20
        self.remote.setGeometry(0, 0, self.width(), remote_h)
        top = remote_h + GAP_PX
        self.party.setGeometry(0, top, self.width(), self.height() - top)
        own_w = max(120, self.width() // 4)
        own_h = own_w * 3 // 4
        caption = self.party.caption_height()
        self.local.setGeometry(self.width() - own_w, self.height() - caption - own_h, own_w, own_h)
        self.local.raise_()

    def _place_three_side_by_side(self) -> None:
        caption = self.party.caption_height()
        # The column is as wide as a 4:3 tile and its caption allow in the stage's height.
        column = min(self.width() // 3, max(120, (self.height() - caption) * 4 // 3))
        self.remote.setGeometry(0, 0, self.width() - column - GAP_PX, self.height())
        x = self.width() - column
        tile_h = min(column * 3 // 4 + caption, self.height() * 3 // 5)
        self.party.setGeometry(x, 0, column, tile_h)
        own_h = max(0, min(column // 2, self.height() - tile_h - GAP_PX))
        own_w = own_h * 4 // 3
        self.local.setGeometry(self.width() - own_w, self.height() - own_h, own_w, own_h)
