"""Chat lines each take their own direction (kiosk.bidi), in the rendered transcript too."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.bidi import Direction, first_strong, isolate
from kiosk.screenshots import states
from kiosk.state import TextLine
from kiosk.views.call_view import CallView
from kiosk.views.catalog import Catalog


def test_first_strong_character_decides() -> None:
    assert first_strong("Hello, world!") is Direction.LEFT_TO_RIGHT
    assert first_strong("مرحبا Anna") is Direction.RIGHT_TO_LEFT
    assert first_strong("12: Hej") is Direction.LEFT_TO_RIGHT  # digits are weak
    assert first_strong("? سلام") is Direction.RIGHT_TO_LEFT
    assert first_strong("ሰላም") is Direction.LEFT_TO_RIGHT
    assert first_strong("ێۆڕ") is Direction.RIGHT_TO_LEFT
    assert first_strong("123 …") is None
    assert first_strong(isolate("أنت:") + " Hello") is Direction.LEFT_TO_RIGHT  # isolates skipped


LINES = (
    TextLine(from_adviser=False, text="Hello, I have a question about rent?"),
    TextLine(from_adviser=True, text="نعم، تفضل. ما هو سؤالك؟"),
    TextLine(from_adviser=False, text="123"),
    TextLine(from_adviser=True, text="OK! Bra."),
)


@pytest.mark.parametrize(
    ("ui", "no_strong"),
    [("ar", Qt.LayoutDirection.RightToLeft), ("sv", Qt.LayoutDirection.LeftToRight)],
)
def test_each_rendered_line_has_its_own_direction(
    qtbot: QtBot, catalog: Catalog, ui: str, no_strong: Qt.LayoutDirection
) -> None:
    state = dict(states(ui))["call"]
    assert state.call is not None
    catalog.install(state.ui_language)
    view = CallView()
    qtbot.addWidget(view)
    view.show_state(replace(state, call=replace(state.call, lines=LINES, remote_draft="Vänta")))
    document = view.transcript.document()
    blocks = [document.findBlockByNumber(i) for i in range(document.blockCount())]
    blocks = [b for b in blocks if b.text().strip()]
    assert len(blocks) == len(LINES) + 1
    ltr, rtl = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft
    want = [ltr, rtl, no_strong, ltr, ltr]
    assert [b.blockFormat().layoutDirection() for b in blocks] == want
    left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
    aligned = [b.blockFormat().alignment() & (left | right) for b in blocks]
    assert aligned == [left if d == ltr else right for d in want]
    # The speaker's name is isolated, so it cannot turn the line or move its punctuation.
    first = blocks[0].text()
    assert first.startswith("\u2068") and "\u2069 Hello, I have a question about rent?" in first
    assert first.endswith("rent?")
