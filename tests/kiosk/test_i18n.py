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
