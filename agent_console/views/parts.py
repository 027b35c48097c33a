"""Small widget factories, so the views read as layouts rather than set-up code."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QPushButton


def label(text: str = "", name: str = "") -> QLabel:
    """A label; ``name`` picks its look from the style sheet (title, big, muted, notice, pill)."""
    widget = QLabel(text)
    if name:
        widget.setObjectName(name)
    return widget


def button(text: str, name: str = "", *, checkable: bool = False) -> QPushButton:
    widget = QPushButton(text)
    if name:
        widget.setObjectName(name)
    widget.setCheckable(checkable)
    return widget


def card() -> QFrame:
    widget = QFrame()
    widget.setObjectName("card")
    return widget
