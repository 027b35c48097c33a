"""Before a language is chosen nothing is in Swedish only; after, Back and Help speak the choice.

A real window (offscreen) shows each screen a resident meets before choosing (welcome, the
language tiles, help, the welcome while the server is unreachable); the screens take turns in
every language (KioskWindow.next_greeting, turned by hand here). Every visible text must be
iconic (no letters), name a language in its own script, take turns through several languages, or
stand in a group of its siblings saying the same in other languages (the welcome greetings).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk import languages
from kiosk.screenshots import states
from kiosk.state import Alert, KioskState
from kiosk.views.catalog import Catalog
from kiosk.views.texts import T, all_sources
from kiosk.views.window_view import KioskWindow

WELCOME = ("sv", "ar", "so", "ti", "fa", "uk", "en", "fi")


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> Iterator[KioskWindow]:
    w = KioskWindow(catalog, WELCOME)
    qtbot.addWidget(w)
    w.resize(1080, 1920)
    w.set_reach_ratio(0.3)
    w.show()
    yield w
    w.allow_close = True


def before_choice() -> dict[str, KioskState]:
    shown = dict(states("ar"))
    screens = {name: shown[name] for name in ("welcome", "language", "help")}
    screens["welcome offline"] = replace(
        shown["welcome"], online=False, alerts=(Alert.SERVER_UNREACHABLE,)
    )
    assert all(state.language is None for state in screens.values())
    return screens


def languages_in(text: str, catalog: Catalog) -> set[str]:
    """The shipped languages one of whose sentences ``text`` contains."""
    found = set()
    for source in all_sources():
        for code in languages.SHIPPED:
            sentence = catalog.text(code, source)
            if len(sentence) >= 4 and (code == "en" or sentence != source) and sentence in text:
                found.add(code)
    return found


def visible_texts(window: KioskWindow) -> dict[QLabel, str]:
    return {
        label: label.text()
        for label in window.findChildren(QLabel)
        if label.isVisibleTo(window) and label.text().strip()
    }


@pytest.mark.parametrize("screen", sorted(before_choice()))
def test_nothing_before_the_choice_is_in_swedish_only(
    window: KioskWindow, qtbot: QtBot, catalog: Catalog, screen: str
) -> None:
    state = before_choice()[screen]
    window.show_state(state)
    seen: dict[QLabel, list[str]] = {}
    for _ in range(len(window.greetings)):
        for label, text in visible_texts(window).items():
            seen.setdefault(label, []).append(text)
        window.next_greeting()
    endonyms = set(languages.ENDONYMS.values())
    problems = []
    for label, texts in seen.items():
        if not any(c.isalpha() for t in texts for c in t):
            continue  # iconic: numbers, dots
        if any(name in t for t in texts for name in endonyms):
            continue  # a language's own tile, named in its own script
        spoken = set().union(*(languages_in(t, catalog) for t in texts))
        if len(spoken) >= 3:
            continue  # takes turns, or says it in several languages at once
        if spoken and _said_by_siblings(label, window, catalog) >= 3:
            continue  # one of a group saying the same in several languages
        problems.append((texts[0], sorted(spoken)))
    assert not problems, f"{screen}: text a resident may not read: {problems}"


def _said_by_siblings(label: QLabel, window: KioskWindow, catalog: Catalog) -> int:
    parent = label.parentWidget()
    assert parent is not None
    siblings = [w for w in parent.findChildren(QLabel) if w.parentWidget() is parent]
    return len(set().union(*(languages_in(w.text(), catalog) for w in siblings)))


def test_the_screens_take_turns_through_every_shipped_language(
    window: KioskWindow, catalog: Catalog
) -> None:
    assert set(window.greetings) == set(languages.SHIPPED)
    assert window.greetings[: len(WELCOME)] == WELCOME  # the site's own languages first
    state = before_choice()["welcome"]
    window.show_state(state)
    titles = []
    for _ in window.greetings:
        titles.append(window.welcome.title.text())
        window.next_greeting()
    assert titles == [catalog.text(code, T.TAP_TO_START) for code in window.greetings]
    assert len(set(titles)) >= 12  # Dari and Persian may say it alike


def test_start_back_and_help_are_pictograms_before_the_choice(
    window: KioskWindow, catalog: Catalog
) -> None:
    window.show_state(before_choice()["welcome"])
    assert window.welcome.start.icon_label is not None
    assert not window.welcome.start.icon_label.pixmap().isNull()
    assert window.help.text_shown() == ""  # no word: the drawn question mark
    assert window.help.icon_label is not None
    window.show_state(before_choice()["language"])
    assert window.language.back.text_shown() == ""
    assert window.language.back.icon_label is not None
    # Screen readers still get a name, in the language whose turn it is.
    assert window.language.back.accessibleName() == catalog.text(window.greeting_language(), T.BACK)


@pytest.mark.parametrize("code", ["ar", "am", "se", "prs"])
def test_after_the_choice_back_help_and_help_text_are_in_the_chosen_language(
    window: KioskWindow, catalog: Catalog, code: str
) -> None:
    confirm = dict(states(code))["confirm"]
    window.show_state(replace(confirm, help_open=True))
    assert window.confirm.back.text_shown() == catalog.text(code, T.BACK)
    assert window.confirm.back.icon_label is not None
    assert window.help.text_shown() == catalog.text(code, T.HELP)
    assert window.help_overlay.title.text() == catalog.text(code, T.HELP)
    assert window.help_overlay.text.text() == catalog.text(code, T.HELP_TEXT)
    window.next_greeting()  # turns stop once a language is chosen
    assert window.help_overlay.text.text() == catalog.text(code, T.HELP_TEXT)


@pytest.mark.parametrize("code", ["sv", "ar", "ti"])
def test_offline_the_waiting_screen_shows_no_stale_place_or_wait(
    window: KioskWindow, qtbot: QtBot, catalog: Catalog, code: str
) -> None:
    shown = dict(states(code))
    window.show_state(shown["waiting"])
    assert window.waiting.position.isVisibleTo(window)
    assert any(c.isdigit() for c in window.waiting.position.text())  # number 2 while online
    window.show_state(shown["offline"])
    assert window.banner.text() == catalog.text(code, T.SERVER_UNREACHABLE)
    figures = [t for t in visible_texts(window).values() if any(c.isdigit() for c in t)]
    assert figures == [], f"stale figures while offline: {figures}"
    assert not _visible(window.waiting.position, window)
    assert not _visible(window.waiting.estimate, window)


def _visible(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window)
