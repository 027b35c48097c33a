"""Every translated sentence and every language name draws with the fonts the app asks for."""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from kiosk import languages
from kiosk.i18n import build
from kiosk.views import style
from kiosk.views.texts import all_sources


@pytest.fixture(scope="module")
def fonts(qapp: object) -> list[QRawFont]:
    installed = set(QFontDatabase.families())
    missing = [f for f in style.FONT_FAMILIES if f not in installed]
    assert not missing, f"fonts not installed: {missing} (apt install fonts-noto-core)"
    return [QRawFont.fromFont(QFont(family)) for family in style.FONT_FAMILIES]


def _drawn(text: str) -> set[str]:
    """Characters that need a glyph: not spaces, not invisible format marks (ZWNJ, bidi)."""
    return {c for c in text if not c.isspace() and unicodedata.category(c) not in ("Cf", "Cc")}


def _missing(text: str, fonts: list[QRawFont]) -> list[str]:
    return sorted(
        f"U+{ord(c):04X} {c}"
        for c in _drawn(text)
        if not any(font.supportsCharacter(ord(c)) for font in fonts)
    )


@pytest.mark.parametrize("code", build.TRANSLATED)
def test_every_translation_has_its_glyphs(code: str, fonts: list[QRawFont]) -> None:
    root = ET.parse(build.ts_path(code)).getroot()
    texts = [m.findtext("translation") or "" for m in root.iter("message")]
    problems = {t: _missing(t, fonts) for t in texts if _missing(t, fonts)}
    assert not problems, f"{code}: missing glyphs: {problems}"


def test_source_sentences_and_language_names_have_their_glyphs(fonts: list[QRawFont]) -> None:
    texts = [*all_sources(), *languages.ENDONYMS.values(), "• × – + ? OK"]
    problems = {t: _missing(t, fonts) for t in texts if _missing(t, fonts)}
    assert not problems, f"missing glyphs: {problems}"


def test_every_key_of_every_keyboard_has_its_glyphs(fonts: list[QRawFont]) -> None:
    from kiosk.keyboard_layouts import DIGITS, LAYOUTS, syllables

    keys: set[str] = set(DIGITS)
    for layout in LAYOUTS.values():
        keys |= {*layout.letters(), *layout.punctuation}
        if layout.has_case:
            keys |= {key.upper() for key in layout.letters()}
        if layout.syllabic:
            keys |= {s for base in layout.letters() for s in syllables(base)}
    problems = {key: _missing(key, fonts) for key in sorted(keys) if _missing(key, fonts)}
    assert not problems, f"keys without a glyph: {problems}"
