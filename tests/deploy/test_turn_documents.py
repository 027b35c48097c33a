"""A 2 MB still through a real coturn: both parties relay-only, as in test_turn_relay.py.

The document crosses the TURN relay on the call's ``doc`` channel byte-identical; the delivery
time is printed (pytest -s) for docs/performance.md, never asserted.
"""

from __future__ import annotations

import time

import pytest

from rtc.documents import DocumentDelivered, DocumentReceived, Event
from rtc.media.still import synthetic_still
from tests.deploy.conftest import TURN_SECRET
from tests.deploy.coturn import Coturn
from tests.deploy.test_turn_relay import FRAMES, RelayedCall, _until, turn_servers


@pytest.mark.parametrize("transport", ["udp", "tcp"])
async def test_a_still_crosses_the_relay_byte_identical(
    coturn: Coturn, relayed_call: RelayedCall, transport: str
) -> None:
    await relayed_call.start(
        offerer=turn_servers(coturn, transport, TURN_SECRET),
        answerer=turn_servers(coturn, transport, TURN_SECRET),
    )
    kiosk, adviser = relayed_call.session("offerer"), relayed_call.session("answerer")
    sent: list[Event] = []
    received: list[Event] = []
    kiosk.events.on_document, adviser.events.on_document = sent.append, received.append
    await _until(lambda: adviser.remote_video_frames >= FRAMES, "video through the relay")
    await _until(lambda: kiosk.documents.open and adviser.documents.open, "the doc channel")

    still = synthetic_still()
    started = time.monotonic()
    kiosk.send_document(still.data, mime=still.mime, width=still.width, height=still.height)
    await _until(lambda: any(isinstance(e, DocumentDelivered) for e in sent), "delivered", 60)
    took = time.monotonic() - started
    print(f"\n{len(still.data)} bytes through coturn ({transport}): {took:.2f} s")
    (page,) = [e for e in received if isinstance(e, DocumentReceived)]
    assert page.data == still.data
