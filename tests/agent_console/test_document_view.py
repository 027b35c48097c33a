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


def room(view: DocumentView) -> int:
    """The sheet's width a fitted page fills: its viewport less a vertical scroll bar."""
    return view.sheet.viewport().width() - view.sheet.verticalScrollBar().sizeHint().width()


def test_a_page_is_shown_fitted_then_zoomed_and_rotated(qtbot: QtBot) -> None:
    view = DocumentView()
    qtbot.addWidget(view)
    assert view.isHidden()  # nothing to show: the video keeps the room
    view.resize(700, 500)
    view.add_page(page())
    qtbot.waitExposed(view)
    assert not view.isHidden()
    assert abs(view.picture.width() - room(view)) <= 1  # fitted to the sheet's width
    assert view.picture.width() * 3 == view.picture.height() * 4  # the page's own shape
    view.zoom_in.click()  # the next step above the fitted scale
    assert (view.picture.width(), view.picture.height()) == (960, 720)
    view.rotate.click()
    assert (view.picture.width(), view.picture.height()) == (720, 960)  # a quarter turn
    for _ in range(10):
        view.zoom_in.click()
    assert view.picture.width() == 1920 and not view.zoom_in.isEnabled()
    view.fit.click()  # the turned page's width, 960 px of the photo, fills the sheet again
    assert abs(view.picture.width() - room(view)) <= 1 and view.zoom_in.isEnabled()


def test_a_fitted_page_follows_the_sheet_and_a_zoomed_one_keeps_its_zoom(qtbot: QtBot) -> None:
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.add_page(page())
    qtbot.waitExposed(view)
    narrow = view.picture.width()
    view.resize(900, 400)  # the adviser drags the split wider
    qtbot.waitUntil(lambda: view.picture.width() > narrow, timeout=1000)
    assert abs(view.picture.width() - room(view)) <= 1
    view.zoom_out.click()
    zoomed = view.picture.width()
    assert zoomed < room(view)
    view.resize(600, 400)
    qtbot.waitUntil(lambda: view.sheet.viewport().width() < 600, timeout=1000)
    assert view.picture.width() == zoomed  # their zoom stays


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
