"""The console's pages beside the video: real widgets offscreen, real JPEGs decoded by Qt."""

from __future__ import annotations

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from agent_console.views.document_view import DocumentView
from rtc.media.still import synthetic_still


def page(seed: int = 0) -> QImage:
    still = synthetic_still(1280, 960, seed=seed)
    image = QImage.fromData(still.data)
    assert not image.isNull()
    return image


def test_a_page_is_shown_fitted_then_zoomed_and_rotated(qtbot: QtBot) -> None:
    view = DocumentView()
    qtbot.addWidget(view)
    assert view.isHidden()  # nothing to show: the video keeps the width
    view.add_page(page())
    assert not view.isHidden()
    assert (view.picture.width(), view.picture.height()) == (320, 240)  # a quarter: fitted
    view.zoom_in.click()
    assert (view.picture.width(), view.picture.height()) == (480, 360)
    view.rotate.click()
    assert (view.picture.width(), view.picture.height()) == (360, 480)  # a quarter turn
    for _ in range(10):
        view.zoom_in.click()
    assert view.picture.width() == 1920 and not view.zoom_in.isEnabled()


def test_several_pages_step_through_and_go_at_the_call_end(qtbot: QtBot) -> None:
    view = DocumentView()
    qtbot.addWidget(view)
    view.show_progress(500, 1000)
    assert not view.progress.isHidden() and view.progress.value() == 500
    view.add_page(page(0))
    view.add_page(page(1))
    assert view.pages == 2 and view.page_label.text() == "Page 2 of 2"
    assert view.progress.isHidden() and not view.next.isEnabled()
    view.previous.click()
    assert view.page_label.text() == "Page 1 of 2" and not view.previous.isEnabled()
    view.clear()
    assert view.pages == 0 and view.picture.pixmap().isNull()
    assert view.isHidden()


def test_asking_emits_the_intent(qtbot: QtBot) -> None:
    view = DocumentView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.ask_requested, timeout=1000):
        view.ask.click()
