"""A threaded interpreter for the Qt apps' tests: ThreadedAdviser on an interpreter account joins
a real call on a real server when the adviser invites, and every party sees both others."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from kiosklink.headless_threaded import ThreadedAdviser, ThreadedKiosk, ThreadedParty
from rtc.signaling_client import Connected
from signaling import messages as m
from signaling.embedded import EmbeddedServer

PASSWORD = "correct horse battery"
CEILING_S = 40.0


def wait(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + CEILING_S
    while not condition():  # bounded by the ceiling
        assert time.monotonic() < deadline, "condition not met within the ceiling"
        time.sleep(0.05)


@pytest.fixture
def started() -> Iterator[list[ThreadedParty]]:
    parties: list[ThreadedParty] = []
    yield parties
    for party in parties:
        party.stop()


def test_a_threaded_interpreter_joins_and_everyone_sees_everyone(
    running_server: EmbeddedServer, started: list[ThreadedParty]
) -> None:
    server = running_server
    server.add_adviser("amal", PASSWORD, {"ar": "native"})
    server.add_interpreter("tesfay", PASSWORD, {"ti": "native"})
    adviser = ThreadedAdviser(server.http_url, server.adviser_url, "amal", PASSWORD).start()
    started.append(adviser)
    interpreter = ThreadedAdviser(
        server.http_url, server.adviser_url, "tesfay", PASSWORD, name="interpreter"
    ).start()
    started.append(interpreter)
    kiosk = ThreadedKiosk(server.kiosk_url, server.add_kiosk("K1", "Library")).start()
    started.append(kiosk)
    wait(lambda: bool(kiosk.received(Connected)))

    kiosk.send(m.Join(language="ar"))
    wait(lambda: kiosk.frames_from("adviser") > 0 and adviser.frames_from("kiosk") > 0)
    call_id = adviser.call_id
    assert call_id is not None
    adviser.send(m.InviteInterpreter(call_id=call_id, language="ti"))
    parties = {"kiosk": kiosk, "adviser": adviser, "interpreter": interpreter}
    wait(
        lambda: all(
            parties[receiver].frames_from(sender) > 0
            for receiver in parties
            for sender in parties
            if sender != receiver
        )
    )
    assert interpreter.received(m.CallStarted)[-1].interpreting
    assert interpreter.call_id == call_id
