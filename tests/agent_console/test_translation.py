"""Every string the console shows has a Swedish translation, and the shipped .qm is current."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from agent_console import i18n_tool
from agent_console.translation import install_translator, qm_path
from agent_console.views.console_window import ConsoleWindow

needs_tools = pytest.mark.skipif(
    i18n_tool.tool("pyside6-lupdate") is None or i18n_tool.tool("pyside6-lrelease") is None,
    reason="Qt linguist tools not installed",
)


def unfinished(ts: Path) -> list[str]:
    missing = []
    for message in ET.parse(ts).iter("message"):
        translation = message.find("translation")
        source = message.find("source")
        assert translation is not None and source is not None
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            missing.append(source.text or "")
    return missing


@needs_tools
def test_every_string_in_the_code_is_translated(tmp_path: Path) -> None:
    ts = tmp_path / "console_sv.ts"
    shutil.copy(i18n_tool.TS, ts)
    i18n_tool.update(ts)  # adds any string the committed .ts lacks, as unfinished
    assert unfinished(ts) == [], "run python -m agent_console.i18n_tool and translate"


@needs_tools
def test_shipped_qm_matches_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "console_sv.qm"
    i18n_tool.release(i18n_tool.TS, fresh)
    assert fresh.read_bytes() == qm_path("sv").read_bytes(), "recompile: i18n_tool"


def test_swedish_window(qtbot: QtBot) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    translator = install_translator(app, "sv")
    assert isinstance(translator, QTranslator)
    try:
        window = ConsoleWindow()
        qtbot.addWidget(window)
        assert window.sign_in.button.text() == "Logga in"
        assert window.offer.accept.text() == "Svara (F2)"
    finally:
        app.removeTranslator(translator)


def test_english_needs_no_translator(qtbot: QtBot) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    assert install_translator(app, "en") is None
    window = ConsoleWindow()
    qtbot.addWidget(window)
    assert window.sign_in.button.text() == "Sign in"
