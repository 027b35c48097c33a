"""Numbers, times and dates in the console's language, and one language per screen (issue #12, 8).

The windows are real (offscreen) and the translations the shipped .qm; the states come from the
real flow (agent_console.screenshots).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel

from agent_console import i18n_tool
from agent_console.screenshots import STATES, show_state
from agent_console.translation import install_translator
from agent_console.views.console_window import ConsoleWindow
from agent_console.views.numbers import date_text, decimal_text, time_text


@pytest.fixture
def language(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    translator = install_translator(qapp, request.param)
    yield request.param
    if translator is not None:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.C))


def afternoon() -> float:
    return datetime(2026, 11, 29, 14, 5, tzinfo=ZoneInfo("UTC")).astimezone().timestamp()


@pytest.mark.parametrize("language", ["sv"], indirect=True)
def test_swedish_numbers_times_and_dates(language: str) -> None:
    assert decimal_text(4.6) == "4,6"
    assert time_text(afternoon()) == datetime.fromtimestamp(afternoon()).strftime("%H:%M")
    assert "november" in date_text(afternoon()) and "söndag" in date_text(afternoon())


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_english_is_british_with_a_24_hour_clock(language: str) -> None:
    assert decimal_text(4.6) == "4.6"
    assert time_text(afternoon()) == datetime.fromtimestamp(afternoon()).strftime("%H:%M")
    assert "November" in date_text(afternoon())


@pytest.mark.parametrize("language", ["sv"], indirect=True)
def test_the_today_panel_reads_swedish(qapp: QApplication, language: str) -> None:
    window = ConsoleWindow()
    show_state(window, "03-available")
    assert window.today.rating.text() == "4,6 av 5 (5 betyg)"
    assert window.status.status.text() == "Tillgänglig"
    show_state(window, "04-away")
    assert window.status.status.text() == "Borta · Rast"
    window.close()


def catalogue() -> tuple[set[str], set[str]]:
    """English sources and their Swedish translations, where the two differ."""
    english, swedish = set(), set()
    for message in ET.parse(i18n_tool.TS).iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if source and translation and source != translation:
            english.add(source)
            swedish.add(translation)
    return english - swedish, swedish - english


def visible_texts(window: ConsoleWindow) -> Iterator[str]:
    for label in window.findChildren(QLabel):
        if label.isVisibleTo(window) and label.text():
            yield label.text()
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and button.text():
            yield button.text()
    for box in window.findChildren(QComboBox):
        if box.isVisibleTo(window):
            yield from (box.itemText(i) for i in range(box.count()))
    table = window.queues.table
    for col in range(table.columnCount()):
        header = table.horizontalHeaderItem(col)
        yield header.text() if header else ""
        items = (table.item(r, col) for r in range(table.rowCount()))
        yield from (item.text() for item in items if item is not None)


def contains(text: str, phrase: str) -> bool:
    """``phrase`` in ``text`` as whole words ("Somali" is not in "Somaliska")."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


@pytest.mark.parametrize("language", ["sv", "en"], indirect=True)
def test_every_screen_is_in_one_language(qapp: QApplication, language: str) -> None:
    english, swedish = catalogue()
    other = english if language == "sv" else swedish
    # Whole UI strings of the other language, long enough not to be a shared word ("OK").
    foreign = sorted(s for s in other if len(s) >= 4 and "%" not in s)
    assert len(foreign) > 50  # the catalogue was read
    window = ConsoleWindow()
    found = []
    for name in STATES:
        show_state(window, name)
        QCoreApplication.processEvents()
        found += [(name, t, s) for t in visible_texts(window) for s in foreign if contains(t, s)]
    window.close()
    assert not found, found[:10]
