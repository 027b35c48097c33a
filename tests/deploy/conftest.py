"""A real coturn per test, from deploy/coturn/turnserver.conf with loopback addresses."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.deploy.certs import self_signed
from tests.deploy.coturn import TURNSERVER, Coturn

if TYPE_CHECKING:
    from tests.deploy.test_turn_relay import RelayedCall

TURN_SECRET = "kiosklink-test-secret-0123456789abcdef"


@pytest.fixture
def coturn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Coturn]:
    """coturn on UDP and TCP, and over TLS with a self-signed certificate that this process
    trusts (aioice verifies turns: against the default CA file, which SSL_CERT_FILE replaces)."""
    if not os.access(TURNSERVER, os.X_OK):
        pytest.skip(f"coturn is not installed ({TURNSERVER}); apt-get install coturn")
    cert = self_signed(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert.cert))
    server = Coturn(tmp_path, secret=TURN_SECRET, cert=cert).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
async def relayed_call() -> AsyncIterator[RelayedCall]:
    """Two relay-only call parties joined in memory; closed at the end whatever happened."""
    from tests.deploy.test_turn_relay import RelayedCall

    call = RelayedCall()
    yield call
    await call.close()
