"""Kiosk tests run Qt offscreen; the catalog of translations is loaded once per session."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import pytest


@pytest.fixture(scope="session")
def catalog(qapp: object) -> object:
    from kiosk.views.catalog import Catalog

    return Catalog()
