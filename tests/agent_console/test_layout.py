"""The console fits the screens advisers have, in every state and both languages (issue #12, 8).

Each state of agent_console.screenshots (driven through the real flow) is rendered into a real
window offscreen at 1280x800, 1366x768, 1920x1080 and a portrait 1080x1920, in Swedish and
English, and:

* the window keeps its size: no state's contents force it larger;
* every interactive control is shown wholly inside the window and inside every parent that could
  clip it, and a button's text fits the button;
* no label's text is clipped or elided (QFontMetrics, word-wrap aware), and the queue table shows
  every column and every cell's text without scrolling;
* every input has a name a screen reader says (its accessible name, or a label whose buddy it is);
* the transfer picker's drop-down, opened, shows each colleague's line in full on the screen;
* a page the resident shows takes most of the call's room, the video keeping a tile, and the
  share the adviser drags it to stays for the next page of the session.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)

from agent_console.screenshots import STATES, sample_letter, show_state
from agent_console.translation import install_translator
from agent_console.views.console_window import ConsoleWindow
from tests.qt_layout import SLACK_PX, clipped, shown, text_fits

SIZES = ((1280, 800), (1366, 768), (1920, 1080), (1080, 1920))  # the last a portrait screen
LANGUAGES = ("sv", "en")
CELL_PADDING_PX = 6  # a table cell's text margins


@pytest.fixture
def window(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[ConsoleWindow]:
    language = request.param
    translator = install_translator(qapp, language)
    w = ConsoleWindow()
    w.show()
    yield w
    w.close()
    w.deleteLater()
    if translator is not None:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.C))


def size_to(window: ConsoleWindow, size: tuple[int, int]) -> None:
    """As open_on_screen does for a screen of this size: arrange by its shape, then resize."""
    window.arrange(portrait=size[1] > size[0])
    window.resize(*size)


def settle() -> None:
    for _ in range(3):  # a wrapped label's new height asks for a second layout pass
        QCoreApplication.processEvents()


def named(control: QWidget, window: QWidget) -> bool:
    if control.accessibleName().strip():
        return True
    return any(
        isinstance(label, QLabel) and label.buddy() is control and label.text().strip()
        for label in shown(window, QLabel)
    )


def table_problems(table: QTableWidget, where: str) -> Iterator[str]:
    if table.horizontalScrollBar().maximum() > 0:
        yield f"{where}: the queue table scrolls sideways"
    header = table.horizontalHeader()
    for col in range(table.columnCount()):
        title = table.horizontalHeaderItem(col)
        needed = header.sectionSizeFromContents(col).width()
        if header.sectionSize(col) + SLACK_PX < needed:
            yield f"{where}: column {title.text() if title else col!r} is cut"
        for row in range(table.rowCount()):
            item = table.item(row, col)
            if item is None:
                continue
            width = QFontMetrics(item.font()).horizontalAdvance(item.text()) + CELL_PADDING_PX
            if width > table.columnWidth(col) + SLACK_PX:
                yield f"{where}: cell {item.text()!r} does not fit its column"


def problems(window: ConsoleWindow, where: str) -> Iterator[str]:
    controls = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QTableWidget)
    for control in shown(window, *controls):
        name = control.accessibleName() or getattr(control, "text", lambda: "")() or control
        if clipped(control, window):
            yield f"{where}: control {name!r} is not wholly inside the window"
        if isinstance(control, QAbstractButton) and control.sizeHint().width() > control.width():
            yield f"{where}: button {name!r} is narrower than its text"
    for control in shown(window, QComboBox, QLineEdit, QPlainTextEdit):
        if isinstance(control.parentWidget(), QComboBox):
            continue  # an editable list's own field: the list carries the name
        if not named(control, window):
            yield f"{where}: {type(control).__name__} {control.objectName()!r} has no name"
    for label in shown(window, QLabel):
        assert isinstance(label, QLabel)
        if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
            continue
        if clipped(label, window):
            yield f"{where}: label {label.text()!r} is cut off by the window or a parent"
        elif not text_fits(label):
            yield f"{where}: label {label.text()!r} does not fit its {label.contentsRect()}"
    yield from table_problems(window.queues.table, where)


@pytest.mark.parametrize("window", LANGUAGES, indirect=True)
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_state_fits(window: ConsoleWindow, size: tuple[int, int]) -> None:
    found: list[str] = []
    for name in STATES:
        size_to(window, size)
        show_state(window, name)
        settle()
        assert (window.width(), window.height()) == size, f"{name} forced the window larger"
        found.extend(problems(window, name))
    assert not found, f"{len(found)} problems at {size}:\n" + "\n".join(found[:40])


@pytest.mark.parametrize("window", LANGUAGES, indirect=True)
def test_the_open_transfer_picker_shows_every_colleague_in_full(window: ConsoleWindow) -> None:
    window.resize(1280, 800)
    show_state(window, "06-in-call")
    settle()
    picker = window.call.transfer_adviser
    assert picker.count() >= 2
    picker.showPopup()
    settle()
    try:
        view = picker.view()
        popup = view.window()
        screen = picker.screen().availableGeometry()
        assert screen.contains(popup.geometry()), (popup.geometry(), screen)
        metrics = QFontMetrics(view.font())
        for row in range(picker.count()):
            assert metrics.horizontalAdvance(picker.itemText(row)) <= view.viewport().width()
    finally:
        picker.hidePopup()


@pytest.mark.parametrize("window", LANGUAGES, indirect=True)
def test_every_state_leaves_room_at_1280(window: ConsoleWindow) -> None:
    """Fonts differ between machines by a few per cent: the tightest state keeps 40 px spare."""
    for name in STATES:
        show_state(window, name)
        settle()
        assert window.minimumSizeHint().width() <= 1280 - 40, name


def area(widget: QWidget) -> int:
    return widget.width() * widget.height()


@pytest.mark.parametrize("window", ["sv"], indirect=True)
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_a_page_shown_takes_most_of_the_room(window: ConsoleWindow, size: tuple[int, int]) -> None:
    size_to(window, size)
    show_state(window, "06-in-call")
    settle()
    split, stage, pages = window.call.split, window.call.stage, window.call.documents
    assert not pages.isVisible() and stage.geometry() == split.rect()  # no page: video has it all
    show_state(window, "12-in-call-letter")
    settle()
    assert pages.isVisible() and area(pages) >= 0.55 * area(split), (pages.size(), split.size())
    assert min(stage.width(), stage.height()) >= 120  # the resident still shows, as a tile
    if split.orientation() is Qt.Orientation.Vertical:  # the page under the video
        assert pages.height() >= 0.6 * split.height(), (pages.size(), split.size())
    else:  # beside it, the whole height
        assert pages.width() >= 0.55 * split.width() and pages.height() == split.height()
    assert area(pages.sheet.viewport()) >= 0.45 * area(split)  # the page itself, not its tools


@pytest.mark.parametrize("window", ["en"], indirect=True)
def test_the_share_the_adviser_drags_to_stays_for_the_session(window: ConsoleWindow) -> None:
    window.resize(1280, 800)
    show_state(window, "12-in-call-letter")
    settle()
    split, pages = window.call.split, window.call.documents
    before = pages.height()
    split.moveSplitter(split.height() * 3 // 4, 1)  # the adviser drags the page smaller
    settle()
    dragged = pages.height()
    assert dragged < before - 50
    pages.clear()  # the call ends
    settle()
    assert window.call.stage.geometry() == split.rect()
    pages.add_page(sample_letter(1280, 960, 1))  # a page in the next call
    settle()
    assert abs(pages.height() - dragged) <= 2


@pytest.mark.parametrize("window", ["en"], indirect=True)
def test_the_console_opens_maximised_on_its_screen(window: ConsoleWindow) -> None:
    window.hide()  # the fixture showed it at its default size
    window.open_on_screen()
    settle()
    free = window.screen().availableGeometry()
    assert window.isMaximized() and free.contains(window.geometry()), (window.geometry(), free)
