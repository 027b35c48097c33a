"""The common questions on the real KioskWindow, driven by taps (offscreen): in Arabic (right to
left) and in Tigrinya (Ethiopic, typed on the touch keyboard), from the welcome screen and from
the waiting screen, where the call still comes. Real flow and controller; effects in a list."""

from __future__ import annotations

from collections.abc import Iterator

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.answers.browse import Page
from kiosk.answers.bundle import parse_bundle
from kiosk.answers.sample import sample_bundle
from kiosk.controller import KioskController
from kiosk.flow import KioskFlow
from kiosk.screenshots import sample_welcome
from kiosk.state import (
    AnswersLoaded,
    Effect,
    ReadAloud,
    Screen,
    ServerUp,
    StartCall,
    StopReading,
)
from kiosk.views.catalog import Catalog
from kiosk.views.keyboard import TouchKeyboard
from kiosk.views.window_view import KioskWindow
from signaling import messages as m
from tests.kiosk.answers.sample import RECORDING_SHA, bundle_bytes
from tests.kiosk.test_controller import Clock, Kiosk, Recorder, queued, screen_of, tap, to_waiting


@pytest.fixture
def k(qtbot: QtBot, catalog: Catalog) -> Iterator[Kiosk]:
    clock = Clock()
    window = KioskWindow(catalog, ("sv", "ar", "ti"))
    qtbot.addWidget(window)
    window.resize(1080, 1920)
    window.show()
    flow = KioskFlow(now=clock(), idle_timeout_s=90, waiting_idle_timeout_s=600)
    sink = Recorder()
    controller = KioskController(window, flow, sink, clock=clock)
    controller.feed(ServerUp(sample_welcome()))
    controller.feed(AnswersLoaded(sample_bundle()))
    yield Kiosk(window, controller, sink, clock, [])
    window.allow_close = True


def page(k: Kiosk) -> Page | None:
    browse = k.controller.flow.state.browse
    return browse.page if browse else None


def events(k: Kiosk) -> list[tuple[str, str | None, str]]:
    return [
        (e.event, e.question, e.language) for e in k.sink.sent() if isinstance(e, m.AnswerEvent)
    ]


def last(k: Kiosk) -> Effect:
    return k.sink.effects[-1]


def rtl(widget: QWidget) -> bool:
    return widget.layoutDirection() == Qt.LayoutDirection.RightToLeft


def decode_qr(widget: QWidget) -> str:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    pixels = np.frombuffer(image.constBits(), np.uint8, count=stride * height)
    grey = pixels.reshape(height, stride)[:, :width].copy()
    text, _, _ = cv2.QRCodeDetector().detectAndDecode(grey)
    return str(text)


def test_arabic_from_the_welcome_screen_right_to_left_with_notes_and_qr(
    k: Kiosk, qtbot: QtBot
) -> None:
    w, a = k.window, k.window.answers
    tap(qtbot, w.welcome.answers)
    assert screen_of(k) is Screen.ANSWERS and page(k) is Page.LANGUAGE
    tap(qtbot, a.tiles["ar"])  # the language first: the greeting's turn may be any language
    assert rtl(w) and a.title.text() == "أسئلة شائعة"
    assert "BankID and e-services" in [b.text_shown() for b in a.tiles.values()]  # English fallback
    tap(qtbot, a.tiles["housing"])
    assert page(k) is Page.QUESTIONS and a.title.text() == "السكن"
    tap(qtbot, a.tiles["housing-allowance"])
    assert events(k) == [("viewed", "housing-allowance", "ar")]
    assert a.note.isVisible() and a.note.text().startswith("تغيّر النص السويدي")  # outdated
    assert rtl(a.body) and "إعانة السكن" in a.body.text()
    assert a.body.font().pointSize() > w.font().pointSize()  # large type
    assert [decode_qr(link.code) for link in a.links] == ["https://www.forsakringskassan.se/"]
    assert a.links[0].host.text() == "www.forsakringskassan.se"
    assert not a.read.isVisible()  # no recording in this bundle
    tap(qtbot, a.yes)
    assert events(k)[-1] == ("helped", "housing-allowance", "ar")
    assert a.thanks.isVisible() and not a.yes.isVisible()
    tap(qtbot, a.back)
    tap(qtbot, a.back)
    tap(qtbot, a.tiles["letters"])
    tap(qtbot, a.tiles["decision-letter"])  # no Arabic text: English, with the note in Arabic
    assert a.note.text() == "هذه الإجابة غير مترجمة إلى لغتك بعد. إليك النص بلغة: English."
    assert not rtl(a.body) and a.body.text().startswith("The top says")
    tap(qtbot, a.adviser)
    assert screen_of(k) is Screen.WAITING
    assert m.Join(language="ar", topic="letter", fallback_languages=[]) in k.sink.sent()
    assert events(k)[-1] == ("to_adviser", "decision-letter", "ar")


def type_on(keyboard: TouchKeyboard, qtbot: QtBot, base: str, order: int) -> None:
    """One Ethiopic syllable: its consonant, then the vowel order, as a resident taps them."""
    tap(qtbot, next(key for key in keyboard.keys if key.types == base))
    tap(qtbot, keyboard.orders[order])


def test_tigrinya_search_on_the_ethiopic_keyboard(k: Kiosk, qtbot: QtBot) -> None:
    w, a = k.window, k.window.answers
    tap(qtbot, w.welcome.start)
    tap(qtbot, w.language.buttons["ti"])
    tap(qtbot, w.confirm.call)  # in line
    k.controller.feed(queued("ti", 2))
    tap(qtbot, w.waiting.answers)
    assert page(k) is Page.TOPICS and not rtl(w)
    tap(qtbot, a.keyboard_toggle)
    assert a.keyboard.isVisible() and a.keyboard.layout_shown is not None
    assert a.keyboard.layout_shown.name == "ethiopic"
    type_on(a.keyboard, qtbot, "ገ", 0)
    type_on(a.keyboard, qtbot, "ዘ", 3)
    assert a.search.text() == "ገዛ"
    assert k.controller.flow.state.browse is not None
    assert k.controller.flow.state.browse.results == ("housing-queue",)
    assert list(a.tiles) == ["housing-queue"]
    tap(qtbot, a.keyboard.enter)
    assert not a.keyboard.isVisible()
    tap(qtbot, a.tiles["housing-queue"])
    assert a.title.text() == "ኣብ መስርዕ ገዛ ከመይ እምዝገብ?" and not a.note.isVisible()
    assert "ሰዓታት ስራሕ" in a.hours.text() and "+46 8 508 00 000" in a.phone.text()
    # A fruitless search counts, without its words.
    tap(qtbot, a.back)
    a.search.clear()
    tap(qtbot, a.keyboard_toggle)
    type_on(a.keyboard, qtbot, "ፐ", 6)
    tap(qtbot, a.keyboard.enter)
    assert events(k)[-1] == ("no_result", None, "ti")
    assert a.empty.isVisible() and a.empty.text() == "ዝተረኽበ የለን። ካልእ ቃላት ፈትን፡ ወይ ኣርእስቲ ምረጽ።"


def test_from_the_line_the_strip_updates_and_the_call_takes_over(k: Kiosk, qtbot: QtBot) -> None:
    w, a = k.window, k.window.answers
    k.controller.feed(AnswersLoaded(parse_bundle(bundle_bytes(2))))  # with an Arabic recording
    to_waiting(k, qtbot, "ar")
    k.controller.feed(queued("ar", 4))
    tap(qtbot, w.waiting.answers)
    assert a.strip.isVisible() and "4" in a.place.text()
    k.controller.feed(queued("ar", 2))
    assert "2" in a.place.text()
    tap(qtbot, a.tiles["housing"])
    tap(qtbot, a.tiles["housing-queue"])
    assert a.read.isVisible()
    tap(qtbot, a.read)
    assert last(k) == ReadAloud(RECORDING_SHA)
    assert a.read.text_shown() == "أوقف القراءة"
    k.controller.feed(
        m.CallStarted(call_id="c1", role="offerer", peer_name="Amal", language="ar", ice_servers=[])
    )
    assert screen_of(k) is Screen.CALL
    assert any(isinstance(e, StartCall) for e in k.sink.effects)
    assert last(k) == StopReading()  # the speaker stops with the answer screen


def test_back_to_the_line_keeps_the_place(k: Kiosk, qtbot: QtBot) -> None:
    w, a = k.window, k.window.answers
    to_waiting(k, qtbot, "sv")
    k.controller.feed(queued("sv", 3))
    tap(qtbot, w.waiting.answers)
    tap(qtbot, a.to_line)
    assert screen_of(k) is Screen.WAITING and "3" in w.waiting.position.text()
    assert m.Cancel() not in k.sink.sent()


def test_idle_on_the_answers_forgets_the_search(k: Kiosk, qtbot: QtBot) -> None:
    w, a = k.window, k.window.answers
    tap(qtbot, w.welcome.answers)
    tap(qtbot, a.tiles["sv"])
    a.search.setText("")
    QTest.keyClicks(a.search, "bostad")
    assert k.controller.flow.state.browse is not None
    assert k.controller.flow.state.browse.query == "bostad"
    k.clock.now += 91
    k.controller.tick()
    assert screen_of(k) is Screen.WELCOME and k.controller.flow.state.browse is None
    tap(qtbot, w.welcome.answers)
    tap(qtbot, a.tiles["sv"])
    assert a.search.text() == "" and "Bostad" in [b.text_shown() for b in a.tiles.values()]


def test_when_nobody_can_answer_the_questions_come_first(k: Kiosk, qtbot: QtBot) -> None:
    w = k.window
    assert w.welcome.answers.property("role") == ""
    closed = sample_welcome()
    closed = closed.model_copy(
        update={"languages": [lang.model_copy(update={"open": False}) for lang in closed.languages]}
    )
    k.controller.feed(ServerUp(closed))
    assert not w.welcome.start.isEnabled()
    assert w.welcome.answers.property("role") == "primary" and w.welcome.answers.isEnabled()


def buttons(widget: QWidget) -> list[QAbstractButton]:
    return [b for b in widget.findChildren(QAbstractButton) if b.isVisibleTo(widget)]
