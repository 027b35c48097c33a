"""Every shipped language is complete, its .qm is built from its .ts, and Qt loads it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from kiosk import languages
from kiosk.i18n import build
from kiosk.views.texts import all_sources

PLACEHOLDER = re.compile(r"%\d")


def messages(code: str) -> dict[str, tuple[str, str | None]]:
    """source -> (translation, type attribute) from kiosk_<code>.ts."""
    root = ET.parse(build.ts_path(code)).getroot()
    found = {}
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        found[source] = (translation.text or "", translation.get("type"))
    return found


@pytest.mark.parametrize("code", build.TRANSLATED)
def test_every_sentence_is_translated(code: str) -> None:
    found = messages(code)
    missing = [s for s in all_sources() if s not in found or not found[s][0].strip()]
    unfinished = [s for s, (_, kind) in found.items() if kind in ("unfinished", "vanished")]
    assert not missing, f"{code}: not translated: {missing}"
    assert not unfinished, f"{code}: unfinished: {unfinished}"
    assert set(found) == set(all_sources()), f"{code}: .ts out of step with texts.py"


@pytest.mark.parametrize("code", build.TRANSLATED)
def test_placeholders_survive_translation(code: str) -> None:
    for source, (text, _) in messages(code).items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (
            code,
            source,
            text,
        )


def test_every_shipped_language_but_the_source_has_a_catalogue() -> None:
    assert set(build.TRANSLATED) | {languages.SOURCE_LANGUAGE} == set(languages.SHIPPED)
    # Issue #12 item 10: today's eight plus Dari, Sorani, Kurmanji, Amharic and North Sami.
    eight = {"sv", "en", "ar", "fa", "so", "ti", "uk", "fi"}
    assert eight | {"prs", "ckb", "kmr", "am", "se"} <= set(languages.SHIPPED)
    assert len(languages.SHIPPED) >= 13


def test_every_shipped_language_has_a_name_in_its_own_script() -> None:
    missing = [code for code in languages.SHIPPED if code not in languages.ENDONYMS]
    assert not missing


def test_right_to_left_languages_are_marked() -> None:
    assert {"ar", "fa", "prs", "ckb"} <= languages.RIGHT_TO_LEFT
    assert not {"kmr", "am", "se", "so"} & languages.RIGHT_TO_LEFT


def test_committed_qm_files_match_their_ts() -> None:
    assert build.stale_qm() == [], "run: python -m kiosk.i18n.build"


def test_qt_loads_each_language(catalog: object) -> None:
    from kiosk.views.catalog import Catalog
    from kiosk.views.texts import T

    assert isinstance(catalog, Catalog)
    assert catalog.text("sv", T.CALL) == "Ring"
    assert catalog.text("ar", T.CALL) == "اتصال"
    assert catalog.text("ti", T.CALL) == "ደውል"
    assert catalog.text("en", T.CALL) == "Call"
    assert catalog.text("prs", T.TOPIC_SCHOOL) == "مکتب"  # Dari, not Persian's مدرسه
    assert catalog.text("ckb", T.SEND) == "ناردن"
    assert catalog.text("kmr", T.SEND) == "Bişîne"
    assert catalog.text("am", T.CALL) == "ደውል"
    assert catalog.text("se", T.CALL) == "Riŋge"
    assert catalog.text("ps", T.CALL) == "Call"  # staffed but not shipped: English


def test_every_server_default_topic_has_a_kiosk_sentence() -> None:
    from kiosk.views.texts import TOPICS
    from signaling.config import DEFAULT_TOPICS, ServiceSettings

    assert ServiceSettings().topics == DEFAULT_TOPICS
    assert [code for code in DEFAULT_TOPICS if code not in TOPICS] == []


@pytest.mark.parametrize("code", ["ar", "ti", "se", "sv"])
def test_topic_buttons_never_show_a_code(qtbot: object, catalog: object, code: str) -> None:
    from pytestqt.qtbot import QtBot

    from kiosk.screenshots import states
    from kiosk.views.catalog import Catalog
    from kiosk.views.confirm_view import ConfirmView
    from kiosk.views.texts import T
    from signaling.config import DEFAULT_TOPICS

    assert isinstance(qtbot, QtBot) and isinstance(catalog, Catalog)
    confirm = dict(states(code))["confirm"]
    catalog.install(confirm.ui_language)
    view = ConfirmView()
    qtbot.addWidget(view)
    # The server's defaults, then codes a site added without a kiosk translation.
    topics = (*DEFAULT_TOPICS, "parking_permit", "tax_return")
    from dataclasses import replace

    view.show_state(replace(confirm, topics=topics))
    shown = {key: button.text_shown() for key, button in view.topic_buttons.items()}
    for key, text in shown.items():
        assert key not in text.lower(), (key, text)
    assert shown["letter"] == catalog.text(code, T.TOPIC_LETTER)
    assert shown["application"] == catalog.text(code, T.TOPIC_APPLICATION)
    generic = catalog.text(code, T.TOPIC_OTHER)
    # "other" is a default, so the untranslated codes add no second "Something else" button.
    assert list(shown.values()).count(generic) == 1
    assert "parking_permit" not in shown and "tax_return" not in shown


def test_an_untranslated_topic_alone_reads_as_the_generic_label(catalog: object) -> None:
    from kiosk.views.texts import T, topic_choices

    assert topic_choices(("parking_permit", "housing")) == {
        "parking_permit": T.TOPIC_OTHER,
        "housing": T.TOPIC_HOUSING,
    }
