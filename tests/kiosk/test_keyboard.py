"""Typing through the touch keyboard: real taps on the keys of a real call screen (offscreen).

What a key types must reach the chat entry as the resident's real-time text and be sent with the
keyboard's enter key, in every script the kiosk ships.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk import keyboard_layouts, languages
from kiosk.fit import Fit
from kiosk.screenshots import states
from kiosk.state import KioskState
from kiosk.views.call_view import CallView
from kiosk.views.catalog import Catalog
from kiosk.views.keyboard import Key, TouchKeyboard

# (call language, what the resident types): each script's own letters.
SAMPLES = {
    "sv": "hej, jag bor på åsgatan. även öl",
    "so": "waan ku faraxsanahay. ba'an",
    "ar": "مرحبا، أين المكتب؟",
    "fa": "پچژگکی سلام",
    "prs": "مکتب کجاست؟",
    "uk": "привіт, ґанок і їжак є",
    "ckb": "ێۆڕڵڤ سڵاو",
    "kmr": "çêîşû rojbaş",
    "se": "áčđŋšŧž buorre",
    "ti": "ሰላም ኣሎኹም",
    "am": "ሰላም ነው።",
}


def call_state(language: str) -> KioskState:
    return dict(states(language))["call"]


@pytest.fixture
def screen(qtbot: QtBot, catalog: Catalog) -> Iterator[CallView]:
    catalog.install("sv")
    view = CallView()
    qtbot.addWidget(view)
    view.resize(1080, 1920)
    view.show()
    yield view


def open_keyboard(view: CallView, qtbot: QtBot) -> TouchKeyboard:
    QTest.mouseClick(view.keyboard_toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.keyboard.isVisible())
    return view.keyboard


def tap(key: Key) -> None:
    assert key.isVisible(), key.types
    QTest.mouseClick(key, Qt.MouseButton.LeftButton)


def key_typing(keyboard: TouchKeyboard, text: str) -> Key:
    found = [k for k in keyboard.keys if k.types == text]
    assert found, f"no key types {text!r} on {keyboard.layout_shown}"
    return found[0]


def type_text(keyboard: TouchKeyboard, text: str) -> None:
    layout = keyboard.layout_shown
    assert layout is not None
    for char in text:
        if layout.syllabic and 0x1200 <= ord(char) <= 0x137F and char not in "፣።":
            base = chr(0x1200 + (ord(char) - 0x1200) // 8 * 8)
            tap(key_typing(keyboard, base))
            tap(keyboard.orders[ord(char) - ord(base)])
        else:
            tap(key_typing(keyboard, char))


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_typing_through_the_keys_reaches_the_entry_and_is_sent(
    screen: CallView, qtbot: QtBot, language: str
) -> None:
    screen.show_state(call_state(language))
    keyboard = open_keyboard(screen, qtbot)
    assert keyboard.layout_shown == keyboard_layouts.layout_for(language)
    edits: list[str] = []
    sent: list[str] = []
    screen.text_edited.connect(edits.append)
    screen.text_submitted.connect(sent.append)

    type_text(keyboard, SAMPLES[language])
    assert screen.entry.text() == SAMPLES[language]
    assert edits[-1] == SAMPLES[language]  # the real-time text followed every key
    assert len(edits) >= len(SAMPLES[language])

    tap(keyboard.backspace)
    assert screen.entry.text() == SAMPLES[language][:-1]
    type_text(keyboard, SAMPLES[language][-1])
    tap(keyboard.enter)
    assert sent == [SAMPLES[language]]
    assert screen.entry.text() == ""


def test_shift_gives_one_capital(screen: CallView, qtbot: QtBot) -> None:
    screen.show_state(call_state("sv"))
    keyboard = open_keyboard(screen, qtbot)
    assert keyboard.shift_key is not None
    tap(keyboard.shift_key)
    type_text(keyboard, "h")
    type_text(keyboard, "ej å")
    tap(keyboard.shift_key)
    type_text(keyboard, "ö")
    assert screen.entry.text() == "Hej åÖ"


@pytest.mark.parametrize(
    "screen_direction", [Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight]
)
def test_right_to_left_rows_read_from_the_right(
    screen: CallView, qtbot: QtBot, screen_direction: Qt.LayoutDirection
) -> None:
    # An Arabic call on an Arabic screen (mirrored) and on a Swedish one: the same keyboard.
    screen.setLayoutDirection(screen_direction)
    screen.show_state(call_state("ar"))
    keyboard = open_keyboard(screen, qtbot)
    qtbot.wait(1)

    def x(text: str) -> int:
        return key_typing(keyboard, text).mapTo(keyboard, QPoint(0, 0)).x()

    assert x("ض") > x("د")  # the first letter of the row on the right
    assert x("1") < x("0")  # digits keep their order
    assert x("ض") > keyboard.width() // 2


def test_a_tap_in_the_entry_opens_the_keyboard(screen: CallView, qtbot: QtBot) -> None:
    screen.show_state(call_state("fa"))
    assert not screen.keyboard.isVisible()
    QTest.mouseClick(screen.entry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.keyboard.isVisible())
    QTest.mouseClick(screen.keyboard_toggle, Qt.MouseButton.LeftButton)
    assert not screen.keyboard.isVisible()


@pytest.mark.parametrize("size", [(1080, 1920), (1024, 768), (1280, 800), (1920, 1080)])
@pytest.mark.parametrize("language", ["uk", "ar", "ti", "se"])
def test_keys_are_big_enough_and_on_screen_with_the_entry_above(
    screen: CallView, qtbot: QtBot, size: tuple[int, int], language: str
) -> None:
    screen.resize(*size)
    screen.apply_fit(Fit(*size))  # as the window does for its screens
    screen.show_state(call_state(language))
    keyboard = open_keyboard(screen, qtbot)
    qtbot.wait(1)
    inside = screen.rect()
    fit_min = 48
    for key in keyboard.keys + keyboard.orders:
        box = QRect(key.mapTo(screen, QPoint(0, 0)), key.size())
        assert inside.contains(box), (key.types, box, inside)
        assert box.width() >= fit_min and box.height() >= fit_min, (key.types, box.size())
    entry = QRect(screen.entry.mapTo(screen, QPoint(0, 0)), screen.entry.size())
    top_of_keyboard = keyboard.mapTo(screen, QPoint(0, 0)).y()
    assert entry.bottom() < top_of_keyboard  # what is typed stays in sight


def test_every_layout_types_its_language(qapp: object) -> None:
    # Each shipped language's call gets a keyboard of its own script, not the Latin fallback.
    own = {code: keyboard_layouts.layout_for(code) for code in languages.SHIPPED}
    assert own["ar"].rtl and own["fa"].rtl and own["ckb"].rtl and own["prs"].rtl
    assert own["ti"].syllabic and own["am"].syllabic
    assert {"پ", "چ", "ژ", "گ", "ک", "ی"} <= set(own["fa"].letters())
    assert {"ێ", "ۆ", "ڕ", "ڵ", "ڤ"} <= set(own["ckb"].letters())
    assert {"ç", "ê", "î", "ş", "û"} <= set(own["kmr"].letters())
    assert {"á", "č", "đ", "ŋ", "š", "ŧ", "ž"} <= set(own["se"].letters())
    assert {"å", "ä", "ö"} <= set(own["sv"].letters())
    assert keyboard_layouts.syllables("ለ") == ("ለ", "ሉ", "ሊ", "ላ", "ሌ", "ል", "ሎ")
    with pytest.raises(ValueError):
        keyboard_layouts.syllables("ሉ")
