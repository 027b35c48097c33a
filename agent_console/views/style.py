"""Colours and the one style sheet: calm by default, loud only for a ringing call."""

from __future__ import annotations

INK = "#1d2733"
MUTED = "#5b6875"
PAPER = "#f4f6f8"
CARD = "#ffffff"
LINE = "#d5dbe1"
ACCENT = "#1f5f99"
GOOD = "#1e7d46"
FAIR = "#b7791f"
POOR = "#b3261e"
RING = "#f2b705"
RING_DIM = "#fbe7a1"
OWN_QUEUE = "#e3eefa"
ALERT_ROW = "#fbe3e1"  # a queue waiting too long with nobody free; ALERT_INK on it is 7:1
ALERT_INK = "#8c1d18"

SHEET = f"""
QWidget {{ color: {INK}; font-size: 14px; }}
QMainWindow, #workspace, #signIn {{ background: {PAPER}; }}
QFrame#card {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 8px; }}
QLabel#title {{ font-size: 22px; font-weight: 600; }}
QLabel#big {{ font-size: 30px; font-weight: 600; }}
QLabel#subtitle {{ font-size: 17px; font-weight: 600; }}
QLabel#code {{ font-size: 44px; font-weight: 700; font-family: monospace; letter-spacing: 4px; }}
QLabel#muted {{ color: {MUTED}; }}
QLabel#notice {{ background: #fff4e5; border: 1px solid {FAIR}; border-radius: 6px; padding: 8px; }}
QLabel#banner {{ background: {POOR}; color: white; padding: 6px; font-weight: 600; }}
QLabel#pill {{ border-radius: 10px; padding: 3px 12px; color: white; font-weight: 600; }}
QPushButton {{ padding: 8px 16px; border-radius: 6px; border: 1px solid {LINE};
               background: {CARD}; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:disabled {{ color: #9aa5b1; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: 3px solid transparent; }}
QPushButton#accept {{ background: {GOOD}; color: white; border: 3px solid transparent;
                      font-size: 18px; padding: 14px 28px; }}
QPushButton#danger {{ background: {POOR}; color: white; border: 3px solid transparent; }}
/* The focus ring replaces a transparent border of the same width: focus never shrinks the text. */
QPushButton#accept:focus, QPushButton#danger:focus, QPushButton#primary:focus {{
    border: 3px solid {INK}; }}
QPushButton:checked {{ background: {INK}; color: white; }}
QPushButton#primary:disabled, QPushButton#accept:disabled, QPushButton#danger:disabled {{
    background: #dde3e9; color: #8a96a3; }}
QLineEdit, QComboBox, QPlainTextEdit {{ padding: 6px; border: 1px solid {LINE}; border-radius: 6px;
                                        background: {CARD}; }}
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus {{ border: 2px solid {ACCENT}; }}
QTableWidget {{ background: {CARD}; border: none; gridline-color: {LINE}; }}
QProgressBar {{ border: none; background: {RING_DIM}; height: 12px; border-radius: 6px; }}
QProgressBar::chunk {{ background: {INK}; border-radius: 6px; }}
"""

STATUS_COLOURS = {
    "available": GOOD,
    "away": MUTED,
    "offered": "#8a5a00",
    "in_call": ACCENT,
    "wrap_up": "#6b4fa0",
}
