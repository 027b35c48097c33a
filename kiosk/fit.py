"""How the kiosk fits the screen it has: orientation, one scale for type and targets, grid columns.

Pure: sizes in, sizes out; no Qt. The numbers in :mod:`kiosk.views.style` are drawn for the usual
kiosk, a 1080 x 1920 portrait screen. Every other screen scales them by its short side, so a
3840 x 2160 wall screen draws everything twice as large and a 1024 x 768 one at about 0.7, and
turns them into layouts: a landscape screen puts information and controls side by side (its
height could not hold them stacked), a portrait one stacks them.

Supported: 1024 x 768 up to 3840 x 2160 in either orientation, and 10-inch tablets (1280 x 800,
800 x 1280); tests/kiosk/test_layout.py holds every screen to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

REFERENCE_SHORT_SIDE_PX: Final = 1080
# A touch target of 48 px at 96 dpi (WCAG 2.5.5's 44 CSS px with a margin, about 12.7 mm); on a
# denser screen the pixels grow with the dpi so the finger size stays.
MIN_TARGET_AT_96_DPI: Final = 48
MIN_TARGET_MM: Final = 9.0
# Scales are rounded to this step: a window dragged one pixel wider is not restyled.
SCALE_STEP: Final = 0.05
MIN_SCALE: Final = 0.5
MAX_SCALE: Final = 2.5


@dataclass(frozen=True)
class Fit:
    """A window's size (logical pixels) and the dots per inch Qt reports for its screen."""

    width: int
    height: int
    dpi: float = 96.0

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def scale(self) -> float:
        """How much larger than on the reference portrait screen everything is drawn."""
        raw = min(self.width, self.height) / REFERENCE_SHORT_SIDE_PX
        stepped = round(raw / SCALE_STEP) * SCALE_STEP
        return round(min(MAX_SCALE, max(MIN_SCALE, stepped)), 2)

    @property
    def min_target_px(self) -> int:
        """The smallest side a control may have here: 48 px at 96 dpi, never under 9 mm."""
        by_dpi = MIN_TARGET_AT_96_DPI * self.dpi / 96.0
        by_mm = MIN_TARGET_MM * self.dpi / 25.4
        return math.ceil(max(by_dpi, by_mm))

    def px(self, reference_px: float) -> int:
        """A length drawn ``reference_px`` long on the reference screen, on this one."""
        return max(1, round(reference_px * self.scale))

    def target(self, reference_px: float) -> int:
        """A control's side: scaled, but never under :attr:`min_target_px`."""
        return max(self.min_target_px, self.px(reference_px))

    def pt(self, reference_pt: float) -> int:
        """A font size in points; whole points keep the style sheet stable."""
        return max(1, round(reference_pt * self.scale))

    def columns(self, available_px: int, tile_px: float, *, most: int) -> int:
        """How many tiles of at least ``tile_px`` (reference pixels) fit side by side."""
        fitting = available_px // max(1, self.px(tile_px))
        return max(1, min(most, fitting))

    def style_key(self) -> tuple[float, int]:
        """What the style sheet depends on: an unchanged key needs no restyling (which is slow)."""
        return (self.scale, self.min_target_px)
