"""Threaded headless parties against a real server on 127.0.0.1, driven from this (plain) thread
as the Qt tests drive them. Waits poll with a ceiling; nothing is timed."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest

from kiosklink.headless_threaded import ThreadedAdviser, ThreadedKiosk, ThreadedParty
from rtc.signaling_client import Connected, LoginFailed
from signaling import messages as m
from signaling.embedded import EmbeddedServer

PASSWORD = "correct horse"
CEILING_S = 20.0


def wait(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + CEILING_S
    while not condition():  # bounded by the ceiling
        assert time.monotonic() < deadline, "condition not met within the ceiling"
        time.sleep(0.02)


@pytest.fixture
def started() -> Iterator[list[ThreadedParty]]:
    parties: list[ThreadedParty] = []
    yield parties
    for party in parties:
        party.stop()


def test_a_call_with_text_both_ways_and_the_adviser_ready_again(
    running_server: EmbeddedServer, started: list[ThreadedParty]
) -> None:
    server = running_server
    server.add_adviser("amal", PASSWORD, {"ar": "native"})
    adviser = ThreadedAdviser(server.http_url, server.adviser_url, "amal", PASSWORD).start()
    started.append(adviser)
    kiosk = ThreadedKiosk(server.kiosk_url, server.add_kiosk("K1", "Library")).start()
    started.append(kiosk)
    wait(lambda: bool(kiosk.received(Connected)))
    assert not kiosk.in_call and kiosk.call_id is None

    kiosk.send(m.Join(language="ar"))
    wait(lambda: adviser.connected_call and kiosk.remote_frames > 0 and adviser.remote_frames > 0)
    assert kiosk.call_id == adviser.call_id is not None

    kiosk.type_text("Hej, jag beh")
    wait(lambda: any(u.text == "Hej, jag beh" and not u.committed for u in adviser.remote_text))
    adviser.type_line("Välkommen")
    wait(lambda: any(u.text == "Välkommen" and u.committed for u in kiosk.remote_text))

    adviser.hang_up()
    wait(lambda: not kiosk.in_call and not adviser.in_call)
    assert [e.reason for e in kiosk.received(m.CallEnded)] == ["hangup"]
    # Ready after the call: out of wrap-up at once, available for the next caller.
    wait(lambda: adviser.received(m.AdviserStatus)[-1].status == "available")


def test_an_adviser_who_starts_away_is_not_offered(
    running_server: EmbeddedServer, started: list[ThreadedParty]
) -> None:
    server = running_server
    server.add_adviser("amal", PASSWORD, {"ar": "native"})
    adviser = ThreadedAdviser(
        server.http_url, server.adviser_url, "amal", PASSWORD, available=False
    ).start()
    started.append(adviser)
    kiosk = ThreadedKiosk(server.kiosk_url, server.add_kiosk("K1", "Library")).start()
    started.append(kiosk)
    wait(lambda: bool(kiosk.received(Connected)))
    kiosk.send(m.Join(language="ar"))
    wait(lambda: bool(kiosk.received(m.Queued)))
    assert not adviser.received(m.Offer) and not kiosk.in_call


def test_a_refused_sign_in_fails_start_and_stop_ends_its_thread(
    running_server: EmbeddedServer,
) -> None:
    server = running_server
    server.add_adviser("amal", PASSWORD, {"ar": "native"})
    adviser = ThreadedAdviser(server.http_url, server.adviser_url, "amal", "wrong password")
    with pytest.raises(LoginFailed):
        adviser.start()
    adviser.stop()
    assert not [t for t in threading.enumerate() if t.name == "headless-adviser"]
    with pytest.raises(RuntimeError):
        adviser.events()
