"""A booking or ticket code as the resident types it or shows it to the camera (docs/booking.md
§Codes). The alphabet and the forgiving reading are the server's (signaling/booking/codes.py), so
the kiosk accepts exactly what the server will: one rule, one place."""

from __future__ import annotations

from typing import Final

from kiosk.keyboard_layouts import KeyboardLayout
from signaling.booking.codes import ALPHABET, LENGTH, QR_PREFIX, grouped, normalize

__all__ = ["CODE_KEYS", "entry_text", "grouped", "normalize", "scanned_code", "spoken"]

# Crockford's decoding: letters a resident may type for the digits they look like.
_READ_AS: Final = {"I": "1", "L": "1", "O": "0"}


def entry_text(typed: str) -> str:
    """What the entry field shows for ``typed``: upper case, ``I``/``L`` as ``1`` and ``O`` as
    ``0``, anything outside the alphabet dropped, at most eight characters, grouped ``K7M4-QX2P``
    as the code is printed. Typing into it again gives the same text (idempotent)."""
    chars = [_READ_AS.get(ch, ch) for ch in typed.upper()]
    code = "".join(ch for ch in chars if ch in ALPHABET)[:LENGTH]
    return code if len(code) <= LENGTH // 2 else grouped(code)


def scanned_code(payload: str) -> str | None:
    """The code in a QR code the camera read, or None when it is not one of ours.

    Only ``kiosklink:`` payloads count: a poster's web address held up by chance must not spend
    one of the kiosk's few wrong-code tries (docs/booking.md §Codes, the guess limit)."""
    if payload.strip()[: len(QR_PREFIX)].lower() != QR_PREFIX:
        return None
    return normalize(payload)


def spoken(code: str) -> str:
    """The grouped code spaced out for reading aloud character by character: ``K 7 M 4 - Q X 2 P``
    (read to staff on the phone, or copied by hand)."""
    return " - ".join(" ".join(group) for group in grouped(code).split("-"))


# The touch keyboard for a code: the digits row the keyboard always has, then the letters of the
# alphabet only (no I, L, O, U: they are never in a code), in alphabetical order, since a code is
# copied letter by letter rather than typed as words.
CODE_KEYS: Final = KeyboardLayout(
    "code",
    (tuple("ABCDEFGH"), tuple("JKMNPQRS"), tuple("TVWXYZ")),
    ("-",),
)
