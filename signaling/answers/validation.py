"""What the common questions accept (docs/answers.md): plain text, safe links, known languages.

Everything an editor types or an import carries passes through here before it reaches the draft,
so the kiosk can show every text as plain text and every link as a QR code without further checks.
Refusals raise :class:`InvalidAnswer` with a message meant for the person who typed it, and the
line of the file when the text came from one. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache
from typing import Final
from urllib.parse import urlsplit

from babel import Locale, localedata

from signaling.admin.language_names import OVERRIDES
from signaling.errors import ErrorCode, KiosklinkError

MAX_TITLE_CHARS: Final = 120
MAX_BODY_CHARS: Final = 2000
MAX_HOURS_CHARS: Final = 200
MAX_LABEL_CHARS: Final = 80
MAX_REVIEWER_CHARS: Final = 100
MAX_URL_CHARS: Final = 500
MAX_LINKS: Final = 5

# An id names a question or topic inside a msgctxt ("housing-queue:title"), so no colon.
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,34}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{2,24}$")
# A tag is "<" then a letter, "/", "!" or "?": "< 5 minuter" stays text, "<b>" and "<!--" do not.
_TAG = re.compile(r"<\s*[/!?A-Za-z][^>]*>?")
_ENTITY = re.compile(r"&(#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);")
_SCRIPT_URL = re.compile(r"\b(javascript|vbscript|data)\s*:", re.IGNORECASE)
_MARKDOWN_LINK = re.compile(r"\]\(")
# Control characters other than the line break: they could hide text or reorder it.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


class InvalidAnswer(KiosklinkError):
    """Content for the common questions is refused; ``str()`` says what and why.

    ``line`` is the line of the imported file the refused text starts on, when there is one."""

    code = ErrorCode.BAD_MESSAGE

    def __init__(self, reason: str, *, line: int | None = None) -> None:
        super().__init__(reason if line is None else f"line {line}: {reason}")
        self.reason = reason
        self.line = line


def check_id(value: str, what: str) -> str:
    if not _ID.match(value):
        raise InvalidAnswer(
            f"{what} {value!r} must be 1 to 35 lowercase letters, digits, '-' or '_'"
        )
    return value


def check_plain_text(value: str, what: str, *, max_chars: int, required: bool = True) -> str:
    """``value`` stripped of surrounding space, refused when empty (if required), too long, or
    when it holds anything a screen could read as markup or a script."""
    text = value.strip()
    if required and not text:
        raise InvalidAnswer(f"{what} is empty")
    if len(text) > max_chars:
        raise InvalidAnswer(f"{what} has {len(text)} characters; at most {max_chars}")
    for pattern, kind in (
        (_TAG, "an HTML tag"),
        (_ENTITY, "an HTML entity"),
        (_SCRIPT_URL, "a script link"),
        (_MARKDOWN_LINK, "a Markdown link"),
        (_CONTROL, "a control character"),
    ):
        found = pattern.search(text)
        if found:
            raise InvalidAnswer(
                f"{what} holds {kind} ({found.group(0)!r}); answers are plain text only"
            )
    return text


def check_link(url: str) -> str:
    """An ``https://`` URL with a host and nothing a QR code reader could be fooled by."""
    url = url.strip()
    if len(url) > MAX_URL_CHARS:
        raise InvalidAnswer(f"link is longer than {MAX_URL_CHARS} characters")
    if any(c.isspace() for c in url) or _CONTROL.search(url):
        raise InvalidAnswer(f"link {url!r} holds a space or a control character")
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise InvalidAnswer(f"link {url!r} is not a URL") from None
    if parts.scheme != "https":
        raise InvalidAnswer(f"link {url!r} must start with https://")
    if not host or "." not in host:
        raise InvalidAnswer(f"link {url!r} has no host name")
    if parts.username is not None or parts.password is not None:
        raise InvalidAnswer(f"link {url!r} carries a user name or password")
    return url


def check_phone(phone: str) -> str:
    phone = phone.strip()
    if not _PHONE.match(phone):
        raise InvalidAnswer(f"phone {phone!r} may hold only digits, spaces, '+', '-' and '()'")
    return phone


def check_language(code: str, configured: Collection[str] = ()) -> str:
    """A language code CLDR knows (through Babel), one of the staffed languages CLDR lacks
    (Dari, Kurmanji), or one the server is configured with; "xx" or "klingon" are refused."""
    if code in configured or is_known_language(code):
        return code
    raise InvalidAnswer(f"unknown language code {code!r}")


@cache
def is_known_language(code: str) -> bool:
    if code in OVERRIDES:
        return True
    if not re.fullmatch(r"[a-z]{2,3}", code):
        return False
    # Either a locale with its own data (sv, ckb, se) or a language CLDR can name (tlh, prs-less).
    return localedata.exists(code) or code in _cldr_language_codes()


@cache
def _cldr_language_codes() -> frozenset[str]:
    return frozenset(Locale("en").languages)


def check_reviewer(name: str) -> str:
    return check_plain_text(name, "reviewer", max_chars=MAX_REVIEWER_CHARS, required=False)
