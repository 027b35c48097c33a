"""An editor's preview: one question of the draft as a kiosk would show it to a resident reading a
given language (docs/answers.md §Fallback, §Editing in the admin web).

The entry is the one :func:`~signaling.answers.bundle.build_bundle` would publish, so the preview
shows exactly what a kiosk receives; the choice of text follows the kiosk's own rule
(``kiosk/answers/choice.py``, which the server may not import; a test holds the two to the same
answers): the resident's language, then English, then Swedish, with a note when the text shown is
a fallback (``missing``) or a translation of an older original (``outdated``). Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, Final, Literal
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError

from signaling.answers.bundle import AudioIndex, build_bundle
from signaling.answers.model import ORIGINAL, Draft

FALLBACK_ORDER: Final = ("en", ORIGINAL)
# Languages the service staffs that CLDR does not describe (signaling.admin.language_names).
_DIRECTIONS: Final = {"prs": "rtl", "kmr": "ltr"}

Note = Literal["none", "missing", "outdated"]
Direction = Literal["ltr", "rtl"]


def reading_order(language: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys((language, *FALLBACK_ORDER)))


@cache
def direction(language: str) -> Direction:
    """Which way ``language`` is written, from CLDR; left to right when CLDR does not know it."""
    if language in _DIRECTIONS:
        return "rtl" if _DIRECTIONS[language] == "rtl" else "ltr"
    try:
        order = Locale.parse(language).character_order
    except (UnknownLocaleError, ValueError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


def preview(
    draft: Draft, question_id: str, language: str, *, audio: AudioIndex
) -> dict[str, Any] | None:
    """The question as a resident reading ``language`` would see it, or None without such a
    question. ``entry`` is the bundle's entry as published; the rest is what the screen shows."""
    bundle = build_bundle(draft, version=0, published_at=0.0, audio=audio)
    entry = next((q for q in bundle["questions"] if q["id"] == question_id), None)
    if entry is None:
        return None
    shown, note = shown_language(entry["texts"], language)
    text = entry["texts"][shown]
    topic = next(t for t in bundle["topics"] if t["id"] == entry["topic"])
    return {
        "asked": language,
        "language": shown,
        "direction": direction(shown),
        "note": note,
        "topic": _first(topic["titles"], language) or topic["id"],
        "title": text["title"],
        "body": text["body"],
        "hours": text["hours"],
        "phone": entry["phone"],
        "links": [_link(link, language) for link in entry["links"]],
        "audio": shown in entry["audio"],
        "entry": entry,
    }


def shown_language(texts: Mapping[str, Mapping[str, Any]], language: str) -> tuple[str, Note]:
    """The language whose text is shown to a resident reading ``language``, and the note."""
    for code in reading_order(language):
        text = texts.get(code)
        if text is None:
            continue
        if code != language:
            return code, "missing"
        return code, "outdated" if code != ORIGINAL and not text["current"] else "none"
    raise ValueError("a question without a Swedish or English text cannot be shown")


def _link(link: Mapping[str, Any], language: str) -> dict[str, str]:
    """A link as the kiosk shows it: a QR code of the URL, with the host name under it."""
    host = urlsplit(link["url"]).hostname or ""
    return {"url": link["url"], "host": host, "label": _first(link["labels"], language) or host}


def _first(texts: Mapping[str, str], language: str) -> str:
    return next((texts[c] for c in reading_order(language) if c in texts), "")
