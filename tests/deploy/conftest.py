"""A real coturn per test, from deploy/coturn/turnserver.conf with loopback addresses."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.deploy.coturn import TURNSERVER, Coturn

TURN_SECRET = "kiosklink-test-secret-0123456789abcdef"


@pytest.fixture
def coturn(tmp_path: Path) -> Iterator[Coturn]:
    if not os.access(TURNSERVER, os.X_OK):
        pytest.skip(f"coturn is not installed ({TURNSERVER}); apt-get install coturn")
    server = Coturn(tmp_path, secret=TURN_SECRET).start()
    try:
        yield server
    finally:
        server.stop()
