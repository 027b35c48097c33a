"""The kiosk's look: one high-contrast palette, big type, big targets (EN 301 549, WCAG 2.2).

The numbers here are drawn for a 1080 x 1920 portrait kiosk and scaled to other screens by
:class:`kiosk.fit.Fit`. tests/kiosk/test_views.py holds the screens to them (text on call-critical
screens at least ``MIN_CRITICAL_PT``, every text/background pair of the palette at least 4.5:1),
tests/kiosk/test_layout.py to every supported size (every target at least 48 px at 96 dpi).
"""

from __future__ import annotations

from typing import Final

from kiosk.fit import Fit

MIN_TARGET_PX: Final = 48  # at 96 dpi; kiosk.fit.Fit.min_target_px at other densities
REFERENCE: Final = Fit(1080, 1920)  # the screen the numbers below are drawn for
BUTTON_HEIGHT_PX: Final = 96  # twice the minimum: hands that shake, gloves, a wheelchair's reach
SMALL_BUTTON_HEIGHT_PX: Final = 72
MIN_CRITICAL_PT: Final = 18
BODY_PT: Final = 22
TITLE_PT: Final = 34
BUTTON_PT: Final = 24

# Noto covers Latin, Cyrillic, Arabic script and Ethiopic between these; Qt falls through the list
# per character (tests/kiosk/test_glyphs.py checks every translated string against it).
FONT_FAMILIES: Final = ("Noto Sans", "Noto Sans Arabic", "Noto Sans Ethiopic")

BACKGROUND: Final = "#FFFFFF"
TEXT: Final = "#1B1B1B"
MUTED_TEXT: Final = "#4A4A4A"
PRIMARY: Final = "#0B5CAD"
ON_PRIMARY: Final = "#FFFFFF"
SECONDARY: Final = "#E6EDF5"
ON_SECONDARY: Final = "#0B2545"
DANGER: Final = "#B3261E"
ON_DANGER: Final = "#FFFFFF"
WARNING: Final = "#FFF1C2"
ON_WARNING: Final = "#3B2C00"
SELECTED: Final = "#0B2545"
ON_SELECTED: Final = "#FFFFFF"
DISABLED: Final = "#D9D9D9"
ON_DISABLED: Final = "#4A4A4A"
VIDEO_BACKGROUND: Final = "#202124"
ON_VIDEO: Final = "#FFFFFF"
OVERLAY_PANEL: Final = "#FFFFFF"

# A button label's text colour by its tone (see tone()); its pictogram is drawn in the same.
TONE_COLOURS: Final = {
    "primary": ON_PRIMARY,
    "danger": ON_DANGER,
    "secondary": ON_SECONDARY,
    "selected": ON_SELECTED,
    "disabled": ON_DISABLED,
}

# Every pair the UI draws text in; the contrast test walks this list.
TEXT_PAIRS: Final = (
    (TEXT, BACKGROUND),
    (MUTED_TEXT, BACKGROUND),
    (ON_PRIMARY, PRIMARY),
    (ON_SECONDARY, SECONDARY),
    (ON_DANGER, DANGER),
    (ON_WARNING, WARNING),
    (ON_SELECTED, SELECTED),
    (ON_DISABLED, DISABLED),
    (ON_VIDEO, VIDEO_BACKGROUND),
    (TEXT, OVERLAY_PANEL),
)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: str) -> float:
    """WCAG 2.x relative luminance of a #RRGGBB colour."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def tone(role: str, *, enabled: bool, checked: bool) -> str:
    """The text colour class of a button's label (Qt style sheets cannot select on the state of
    an ancestor, so the button tells its label)."""
    if not enabled:
        return "disabled"
    if checked:
        return "selected"
    return role if role in ("primary", "danger") else "secondary"


def stylesheet(fit: Fit = REFERENCE) -> str:
    """Qt style sheet for the window; a widget picks its look with ``setProperty("role", ...)``.

    Type, paddings and targets are scaled to the window (:class:`kiosk.fit.Fit`).
    """
    pt, px = fit.pt, fit.px
    small, big = fit.target(SMALL_BUTTON_HEIGHT_PX), fit.target(BUTTON_HEIGHT_PX)
    return f"""
    QWidget#kioskRoot {{ background: {BACKGROUND}; }}
    QLabel {{ color: {TEXT}; font-size: {pt(BODY_PT)}pt; }}
    QLabel[role="title"] {{ font-size: {pt(TITLE_PT)}pt; font-weight: bold; }}
    QLabel[role="muted"] {{ color: {MUTED_TEXT}; }}
    QLabel[role="banner"] {{ background: {WARNING}; color: {ON_WARNING}; padding: {px(16)}px;
        border-radius: {px(12)}px; font-weight: bold; }}
    QLabel[role="live"] {{ background: {DANGER}; color: {ON_DANGER}; padding: {px(8)}px {px(16)}px;
        border-radius: {px(20)}px; font-weight: bold; }}
    QLabel[role="onvideo"] {{ color: {ON_VIDEO}; background: {VIDEO_BACKGROUND};
        padding: {px(8)}px; }}
    QPushButton {{ border: none; border-radius: {px(16)}px; padding: {px(8)}px {px(20)}px;
        background: {SECONDARY}; min-height: {small}px; min-width: {fit.target(96)}px; }}
    QPushButton[role="primary"] {{ background: {PRIMARY}; min-height: {big}px; }}
    QPushButton[role="danger"] {{ background: {DANGER}; min-height: {big}px; }}
    QPushButton:checked {{ background: {SELECTED}; }}
    QPushButton:disabled {{ background: {DISABLED}; }}
    QLabel[tone] {{ font-size: {pt(BUTTON_PT)}pt; background: transparent; }}
    QLabel[tone="secondary"] {{ color: {ON_SECONDARY}; }}
    QLabel[tone="primary"] {{ color: {ON_PRIMARY}; font-weight: bold; }}
    QLabel[tone="danger"] {{ color: {ON_DANGER}; font-weight: bold; }}
    QLabel[tone="selected"] {{ color: {ON_SELECTED}; font-weight: bold; }}
    QLabel[tone="disabled"] {{ color: {ON_DISABLED}; }}
    QLineEdit {{ font-size: {pt(BODY_PT)}pt; min-height: {small}px; padding: 0 {px(12)}px;
        border: 2px solid {ON_SECONDARY}; border-radius: {px(12)}px; color: {TEXT}; }}
    QTextBrowser {{ font-size: {pt(BODY_PT)}pt; color: {TEXT}; border: 2px solid {SECONDARY};
        border-radius: {px(12)}px; }}
    QFrame[role="overlay"] {{ background: rgba(0, 0, 0, 150); }}
    QWidget[role="sheet"] {{ background: {BACKGROUND}; }}
    QProgressBar {{ min-height: {px(24)}px; border: 2px solid {ON_SECONDARY};
        border-radius: {px(12)}px; background: {SECONDARY}; }}
    QProgressBar::chunk {{ background: {PRIMARY}; border-radius: {px(10)}px; }}
    QFrame[role="panel"] {{ background: {OVERLAY_PANEL}; border-radius: {px(24)}px; }}
    """
