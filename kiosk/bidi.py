"""Direction of a line of text, by Unicode's rule for paragraphs (UAX #9, P2 and P3).

Pure. A chat line takes its own direction from its first strong character, whatever the screen's
language: Latin in an Arabic call reads left to right, with its full stop and question mark on the
right, and Arabic in a Swedish call the other way. The speaker's name before it is wrapped in an
isolate (FSI ... PDI), so a name in another script neither takes the line's direction nor moves
its punctuation.
"""

from __future__ import annotations

import unicodedata
from enum import Enum
from typing import Final

FIRST_STRONG_ISOLATE: Final = "\u2068"
POP_DIRECTIONAL_ISOLATE: Final = "\u2069"
_ISOLATE_STARTS: Final = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI


class Direction(Enum):
    LEFT_TO_RIGHT = "ltr"
    RIGHT_TO_LEFT = "rtl"


def first_strong(text: str) -> Direction | None:
    """The direction of the first strongly directional character outside isolates; ``None``
    for text with none (digits, punctuation, emoji): the caller's default applies."""
    depth = 0
    for char in text:
        if char in _ISOLATE_STARTS:
            depth += 1
        elif char == POP_DIRECTIONAL_ISOLATE:
            depth = max(0, depth - 1)
        elif depth == 0:
            kind = unicodedata.bidirectional(char)
            if kind == "L":
                return Direction.LEFT_TO_RIGHT
            if kind in ("R", "AL"):
                return Direction.RIGHT_TO_LEFT
    return None


def isolate(text: str) -> str:
    """``text`` as a unit of its own direction inside any line (FSI ... PDI)."""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"
