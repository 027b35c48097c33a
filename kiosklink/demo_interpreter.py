"""``kiosklink demo --interpreter``: the three-way call, headless (docs/protocol.md §Interpreter).

A kiosk calls an adviser in Arabic, the adviser invites an interpreter for Tigrinya, and the
interpreter (an account with the interpreter role, signed in and available) joins: three peer
connections, each party sending its camera and microphone on both of its own. The demo prints
what every party received from every other, checks the real-time text of each reached both
others, shows the pages (``--document``) while the call is three-way, lets the interpreter leave
and checks the two-party call goes on, then prints the call record with its interpretation.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable

from kiosklink.headless import (
    HeadlessParty,
    headless_adviser,
    headless_interpreter,
    headless_kiosk,
)
from rtc.media import MediaConfig
from signaling import messages as m
from signaling.embedded import EmbeddedServer

Say = Callable[[str, str], None]
PARTIES = ("kiosk", "adviser", "interpreter")
# Every direction of the mesh, as (receiver, sender).
LINKS = tuple(
    (receiver, sender) for receiver in PARTIES for sender in PARTIES if sender != receiver
)
INTERPRETER_LANGUAGE = "ti"
# Three parties share this machine (six encoders, six decoders): each sends what a slow network
# would carry, so the demo still runs on a loaded two-core machine.
DEMO_WIDTH, DEMO_HEIGHT, DEMO_FPS = 320, 240, 15


async def run_three_way(
    server: EmbeddedServer, token: str, say: Say, call_seconds: float, document: bool
) -> bool:
    """The three-way call on ``server`` (the kiosk ``token``, accounts "amal" and "tesfay");
    True when every link had frames, the text reached everyone, the pages (if any) arrived
    byte-identical, the call outlived the interpreter and its record is complete."""
    from kiosklink.demo import DEMO_PASSWORD

    def media(name: str) -> MediaConfig:
        return MediaConfig(
            width=DEMO_WIDTH,
            height=DEMO_HEIGHT,
            fps=DEMO_FPS,
            synthetic_label=f"TEST PATTERN: {name}",
        )

    say("demo", f"each party sends {DEMO_WIDTH}x{DEMO_HEIGHT} at {DEMO_FPS} fps")
    adviser = await headless_adviser(
        server.http_url,
        server.adviser_url,
        "amal",
        DEMO_PASSWORD,
        on_step=say,
        media=media("adviser"),
    )
    interpreter = await headless_interpreter(
        server.http_url,
        server.adviser_url,
        "tesfay",
        DEMO_PASSWORD,
        on_step=say,
        media=media("interpreter"),
    )
    kiosk = await headless_kiosk(server.kiosk_url, token, on_step=say, media=media("kiosk"))
    parties = {"kiosk": kiosk, "adviser": adviser, "interpreter": interpreter}
    try:
        return await _three_way(server, parties, say, call_seconds, document)
    finally:
        for party in parties.values():
            await party.close()


async def _three_way(
    server: EmbeddedServer,
    parties: dict[str, HeadlessParty],
    say: Say,
    call_seconds: float,
    document: bool,
) -> bool:
    from kiosklink.demo import _check, _connected, _show_document

    kiosk, adviser, interpreter = (parties[name] for name in PARTIES)
    for party in parties.values():
        await party.wait_until(lambda p=party: _connected(p), 15)  # type: ignore[misc]
    await adviser.go_available()
    await interpreter.go_available()
    await kiosk.join("ar", topic="letter")
    await kiosk.wait_until(lambda: kiosk.frames_from("adviser") > 0, 30)
    await adviser.wait_until(lambda: adviser.frames_from("kiosk") > 0, 30)
    await adviser.invite_interpreter(INTERPRETER_LANGUAGE)
    with contextlib.suppress(TimeoutError):
        await kiosk.wait_until(lambda: _every_link_has_frames(parties), 45)
    cpu_at, wall_at = time.process_time(), time.monotonic()
    text_ok = await _exchange_text(say, parties)
    shown = not document or await _show_document(say, kiosk, adviser)  # type: ignore[arg-type]
    await asyncio.sleep(call_seconds)
    links_ok = _print_links(say, parties)
    cpu = (time.process_time() - cpu_at) / (time.monotonic() - wall_at)
    say("demo", f"CPU of this process (three parties and the server): {cpu:.0%} of one core")
    call_id = kiosk.media.call_id or ""
    goes_on = await _interpreter_leaves(say, parties)
    await kiosk.hang_up()
    for party in (kiosk, adviser):
        await party.wait_until(lambda p=party: p.session is None, 10)  # type: ignore[misc]
    await asyncio.sleep(0.3)  # let the server write the record
    record_ok = _check(say, server, (kiosk, adviser))  # type: ignore[arg-type]
    _print_interpretations(say, server, call_id)
    return links_ok and text_ok and shown and goes_on and record_ok


def _every_link_has_frames(parties: dict[str, HeadlessParty]) -> bool:
    return all(parties[receiver].frames_from(sender) > 0 for receiver, sender in LINKS)


async def _exchange_text(say: Say, parties: dict[str, HeadlessParty]) -> bool:
    """Each party commits a line; True when each read both others' lines."""
    for name, party in parties.items():
        if party.in_call:
            await party.commit_text(f"hello from the {name}")

    def everyone_read() -> bool:
        return all(
            parties[receiver].lines.get(sender) == f"hello from the {sender}"
            for receiver, sender in LINKS
        )

    with contextlib.suppress(TimeoutError):
        await parties["kiosk"].wait_until(everyone_read, 10)
    for receiver in PARTIES:
        read = {s: parties[receiver].lines.get(s) for r, s in LINKS if r == receiver}
        say(receiver, f"text received: {read}")
    ok = everyone_read()
    say("demo", "text reached all three" if ok else "FAILED: some text did not arrive")
    return ok


def _print_links(say: Say, parties: dict[str, HeadlessParty]) -> bool:
    """One line per link; True when every link had frames."""
    ok = True
    now = time.monotonic()
    for receiver, sender in LINKS:
        frames = parties[receiver].frames_from(sender)
        session = parties[receiver].media.session_of(sender)
        if session is None:
            say("demo", f"{receiver} <- {sender}: no connection, {frames} frames")
        else:
            meter = session.video_meter.figures(now)
            fps = f"{meter.fps:.1f}" if meter.fps else "?"
            latency = f"{meter.latency_ms:.0f} ms" if meter.latency_ms is not None else "?"
            say(
                "demo",
                f"{receiver} <- {sender}: {frames} frames, {meter.width}x{meter.height} at "
                f"{fps} fps, glass-to-glass {latency}, {session.remote_audio_frames} audio frames",
            )
        if frames == 0:
            say("demo", f"FAILED: {receiver} received no video from {sender}")
            ok = False
    return ok


async def _interpreter_leaves(say: Say, parties: dict[str, HeadlessParty]) -> bool:
    """The interpreter hangs up; True when kiosk and adviser were told and still see each other."""
    kiosk, adviser, interpreter = (parties[name] for name in PARTIES)
    before = (kiosk.frames_from("adviser"), adviser.frames_from("kiosk"))
    await interpreter.hang_up()
    try:
        for party in (kiosk, adviser):
            await party.wait_until(lambda p=party: _told_left(p), 10)  # type: ignore[misc]
        await kiosk.wait_until(lambda: kiosk.frames_from("adviser") > before[0] + 15, 15)
        await adviser.wait_until(lambda: adviser.frames_from("kiosk") > before[1] + 15, 15)
    except TimeoutError:
        say("demo", "FAILED: the call did not go on after the interpreter left")
        return False
    say("demo", "the interpreter left; kiosk and adviser still see each other")
    return True


def _told_left(party: HeadlessParty) -> bool:
    return any(isinstance(e, m.Interpreter) and e.state == "left" for e in party.events)


def _print_interpretations(say: Say, server: EmbeddedServer, call_id: str) -> None:
    records = server.with_store(lambda store: store.interpreting.of_calls([call_id]))
    for record in records.get(call_id, []):
        say(
            "server",
            f"interpretation of call {call_id}: language={record.language} "
            f"outcome={record.outcome} interpreter minutes={record.minutes:.2f}",
        )
