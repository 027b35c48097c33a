"""Wrap-up over a real server and its SQLite file: the outcome is kept even when the note is
refused (issue #11), a rewritten note is taken, and the console is told how long notes are kept."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from signaling import messages as m
from signaling.embedded import EmbeddedServer
from signaling.privacy import PersonalData as P
from tests.signaling.wire import WireClient, adviser, eventually, kiosk, login

PASSWORD = "correct horse battery"
FATIMA = "Resident Fatima Ali, Storgatan 12, son has diabetes"


def wrap_up_of(server: EmbeddedServer, call_id: str) -> tuple[object, object] | None:
    """(category, note) straight from the SQLite file, None while no category is written."""
    db = sqlite3.connect(server.settings.database.path)
    try:
        row = db.execute(
            "SELECT wrap_up_category, wrap_up_note FROM calls WHERE id = ?", (call_id,)
        ).fetchone()
    finally:
        db.close()
    return None if row is None or row[0] is None else (row[0], row[1])


async def ended_call(server: EmbeddedServer) -> tuple[WireClient, WireClient, str]:
    """amal took a kiosk's call and hung up: she is in wrap-up."""
    server.add_adviser("amal", PASSWORD, {"ar": "native"})
    a = await adviser(server, "amal")
    k = await kiosk(server, server.add_kiosk())
    await k.send(m.Join(language="ar"))
    await k.expect(m.Queued, position=1)
    offer = await a.expect(m.Offer)
    await a.expect(m.AdviserStatus, status="offered")
    await a.send(m.Accept(call_id=offer.call_id))
    await k.expect(m.CallStarted)
    await a.expect(m.CallStarted)
    await a.expect(m.AdviserStatus, status="in_call")
    await a.send(m.Hangup(call_id=offer.call_id))
    await a.expect(m.CallEnded)
    await a.expect(m.AdviserStatus, status="wrap_up")
    return a, k, offer.call_id


async def test_refused_note_keeps_the_outcome(running_server: EmbeddedServer) -> None:
    server = running_server
    a, k, call_id = await ended_call(server)
    await a.send(m.WrapUp(call_id=call_id, outcome="referred", note=FATIMA))
    refused = await a.expect(m.NoteRefused, call_id=call_id)
    assert refused.reasons == [P.ADDRESS, P.NAME, P.HEALTH]
    assert await eventually(lambda: wrap_up_of(server, call_id)) == ("referred", None)
    # The adviser drops the note and takes the next caller: the outcome stays, no note was kept.
    await a.send(m.Ready())
    await a.expect(m.AdviserStatus, status="available")
    assert wrap_up_of(server, call_id) == ("referred", None)
    await a.close()
    await k.close()


async def test_rewritten_note_is_stored(running_server: EmbeddedServer) -> None:
    server = running_server
    a, k, call_id = await ended_call(server)
    await a.send(m.WrapUp(call_id=call_id, outcome="resolved", note="pnr 19811218-9876"))
    assert (await a.expect(m.NoteRefused)).reasons == [P.IDENTITY_NUMBER]
    note = "Helped with the Försäkringskassan form"
    await a.send(m.WrapUp(call_id=call_id, outcome="resolved", note=note))
    await a.expect(m.WrapUpSaved, call_id=call_id)
    # The refused attempt already stored the outcome alone: wait for the note, not for any row.
    assert await eventually(lambda: wrap_up_of(server, call_id) == ("resolved", note))
    await a.expect_quiet()  # no error anywhere on the way
    await a.close()
    await k.close()


async def test_the_welcome_says_how_long_notes_are_kept(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = server_factory(database={"note_retention_days": 14})
    server.add_adviser("amal", PASSWORD, {"ar": "native"})
    client = await WireClient.open(server.adviser_url, "adviser")
    await client.send(m.Hello(protocol=1, token=await login(server, "amal", PASSWORD)))
    welcome = await client.expect(m.AdviserWelcome)
    assert welcome.note_retention_days == 14
    await client.close()
