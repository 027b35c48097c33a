"""``kiosklink demo``: a real call between a kiosk and an adviser, through a real local server.

Everything runs on this machine: the signaling server on 127.0.0.1 with a fresh SQLite file (the
embedded default), a kiosk and an adviser, each with a real WebRTC peer connection sending a
stamped test pattern and a tone. With a display and the apps installed it opens the two windows;
without, it runs the same call headless and prints each step as it happens. Exit status 0 means the
call worked end to end: frames crossed both ways in order, quality figures reached the server and
the call record is complete.

``--document`` (headless) also has the kiosk show the adviser two pages of a letter, synthetic
stills at 2560x1920 (docs/protocol.md §Documents in a call), and prints each page's delivery time
and its sha256 as each end computed it; they must be equal.

``--interpreter`` (headless) makes it a three-way call (docs/protocol.md §Interpreter): an
interpreter account signs in, the adviser invites an interpreter for Tigrinya once the call is
up, and the demo prints the frames received on each of the six links (who received from whom,
rate and glass-to-glass latency), checks that each party's real-time text reached both others,
then the interpreter leaves and the two-party call must go on. With ``--document`` the pages
are shown during the three-way call. Exit status 1 if any link had no frames.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

from kiosklink.headless import HeadlessParty, headless_adviser, headless_kiosk
from rtc.documents import DocumentDelivered, DocumentReceived, DocumentRefused
from rtc.media.still import synthetic_still
from rtc.signaling_client import Connected
from signaling.config import Settings
from signaling.embedded import EmbeddedServer

DEMO_PASSWORD = "demo-password-not-secret"


def run_demo(
    *,
    headless: bool = False,
    call_seconds: float = 6.0,
    document: bool = False,
    interpreter: bool = False,
) -> int:
    """The windows only for the plain two-party call on a display; every other demo headless."""
    if not headless and (document or interpreter) and _has_display():
        print("demo: --document and --interpreter run headless (the windows show two parties)")
    if not headless and not document and not interpreter and _has_display():
        try:
            from kiosklink.demo_windows import run_windowed_demo
        except ImportError as exc:
            print(f"demo: windows unavailable ({exc}); running headless", flush=True)
        else:
            return run_windowed_demo()
    with tempfile.TemporaryDirectory(prefix="kiosklink-demo-") as workdir:
        return asyncio.run(_headless_demo(Path(workdir), call_seconds, document, interpreter))


def _has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


class _Printer:
    def __init__(self) -> None:
        self.started = time.monotonic()

    def __call__(self, who: str, what: str) -> None:
        print(f"[{time.monotonic() - self.started:6.2f} s] {who:<8} {what}", flush=True)


def demo_settings(workdir: Path) -> Settings:
    return Settings.model_validate(
        {"server": {"port": 0}, "database": {"path": str(workdir / "kiosklink.sqlite3")}}
    )


async def _headless_demo(
    workdir: Path, call_seconds: float, document: bool, interpreter: bool
) -> int:
    say = _Printer()
    server = EmbeddedServer(demo_settings(workdir)).start()
    try:
        say("server", f"listening on {server.http_url} (database {server.settings.database.path})")
        token = server.add_kiosk("Demo kiosk", "Demo library")
        server.add_adviser(
            "amal", DEMO_PASSWORD, {"ar": "native", "sv": "fluent"}, display_name="Amal Demo"
        )
        say(
            "server", "registered kiosk 'Demo kiosk' and adviser 'Amal Demo' (ar native, sv fluent)"
        )
        if interpreter:
            server.add_interpreter(
                "tesfay", DEMO_PASSWORD, {"ti": "native"}, display_name="Tesfay Demo"
            )
            say("server", "registered interpreter 'Tesfay Demo' (ti native)")
        async with asyncio.timeout(max(90.0, call_seconds + 75.0)):
            if interpreter:
                from kiosklink.demo_interpreter import run_three_way

                ok = await run_three_way(server, token, say, call_seconds, document)
            else:
                ok = await _call(server, token, say, call_seconds, document)
    except TimeoutError:
        say("demo", "FAILED: the call did not complete in time")
        ok = False
    finally:
        server.stop()
    say("demo", "done: the call worked end to end" if ok else "FAILED")
    return 0 if ok else 1


async def _call(
    server: EmbeddedServer, token: str, say: _Printer, call_seconds: float, document: bool
) -> bool:
    adviser = await headless_adviser(
        server.http_url, server.adviser_url, "amal", DEMO_PASSWORD, name="adviser", on_step=say
    )
    kiosk = await headless_kiosk(server.kiosk_url, token, name="kiosk", on_step=say)
    try:
        await adviser.wait_until(lambda: _connected(adviser), 15)
        await adviser.go_available()
        await kiosk.wait_until(lambda: _connected(kiosk), 15)
        await kiosk.join("ar", topic="letter")
        both = (kiosk, adviser)
        for party in both:
            await party.wait_until(lambda p=party: _has_frames(p), 30)  # type: ignore[misc]
        shown = not document or await _show_document(say, kiosk, adviser)
        await asyncio.sleep(call_seconds)
        _print_media(say, both)
        await kiosk.hang_up()
        for party in both:
            await party.wait_until(lambda p=party: p.session is None, 10)  # type: ignore[misc]
        await asyncio.sleep(0.3)  # let the server write the record
        return _check(say, server, both) and shown
    finally:
        await kiosk.close()
        await adviser.close()


async def _show_document(say: _Printer, kiosk: HeadlessParty, adviser: HeadlessParty) -> bool:
    """Two pages from the kiosk to the adviser, one after the other; True when both arrived
    byte-identical. Times: from the kiosk's offer to its ack (kiosk), from the offer's arrival
    to the checked page (adviser)."""
    ok = True
    for page in (1, 2):
        still = synthetic_still(seed=page - 1)
        sent_at = time.monotonic()
        doc_id = kiosk.send_document(still)
        await kiosk.wait_until(lambda d=doc_id: _settled(kiosk, d), 60)  # type: ignore[misc]
        delivered = [e for e in kiosk.documents_of(DocumentDelivered) if e.doc_id == doc_id]
        received = [e for e in adviser.documents_of(DocumentReceived) if e.doc_id == doc_id]
        if not delivered or not received:
            say("demo", f"FAILED: page {page} was refused")
            return False
        arrived_at = next(t for t, e in adviser.document_events if e is received[0])
        say(
            "kiosk",
            f"page {page}: {len(still.data)} bytes {still.width}x{still.height}, "
            f"sha256 {hashlib.sha256(still.data).hexdigest()}, "
            f"delivered in {_at(kiosk, delivered[0]) - sent_at:.2f} s",
        )
        say(
            "adviser",
            f"page {page}: {len(received[0].data)} bytes, "
            f"sha256 {hashlib.sha256(received[0].data).hexdigest()}, "
            f"arrived {arrived_at - sent_at:.2f} s after the kiosk sent it",
        )
        ok = ok and received[0].data == still.data
    say("demo", "both pages byte-identical" if ok else "FAILED: a page differs")
    return ok


def _settled(party: HeadlessParty, doc_id: int) -> bool:
    delivered = party.documents_of(DocumentDelivered)
    refused = party.documents_of(DocumentRefused)
    return any(e.doc_id == doc_id for e in delivered) or any(e.doc_id == doc_id for e in refused)


def _at(party: HeadlessParty, event: object) -> float:
    return next(t for t, e in party.document_events if e is event)


def _connected(party: HeadlessParty) -> bool:
    return any(isinstance(e, Connected) for e in party.events)


def _has_frames(party: HeadlessParty) -> bool:
    return party.call is not None and party.call.frames > 0


def _print_media(say: _Printer, parties: tuple[HeadlessParty, ...]) -> None:
    for party in parties:
        session = party.session
        if session is None:
            continue
        figures = session.video_meter.figures(time.monotonic())
        fps = f"{figures.fps:.1f}" if figures.fps else "?"
        latency = f"{figures.latency_ms:.0f} ms" if figures.latency_ms is not None else "?"
        say(
            party.name,
            f"frames received: {figures.frames} ({figures.stamped} with readable counters, "
            f"{figures.out_of_order} out of order), {figures.width}x{figures.height} at {fps} fps, "
            f"glass-to-glass {latency}",
        )


def _check(say: _Printer, server: EmbeddedServer, parties: tuple[HeadlessParty, ...]) -> bool:
    ok = True
    for party in parties:
        call = party.call
        if call is None or call.frames == 0:
            say("demo", f"{party.name} received no video")
            ok = False
    call_id = parties[0].call.call_id if parties[0].call else ""
    record = server.with_store(lambda store: store.call(call_id))
    if record is None:
        say("demo", "no call record")
        return False
    say(
        "server",
        f"call record {record.id}: kiosk={record.kiosk_id} site={record.site!r} "
        f"language={record.language} outcome={record.outcome} "
        f"waited={_span(record.joined_at, record.answered_at)} "
        f"talked={_span(record.answered_at, record.ended_at)}",
    )
    for side, quality in (("kiosk", record.kiosk_quality), ("adviser", record.adviser_quality)):
        say("server", f"stored quality from the {side}: {quality}")
        ok = ok and quality is not None
    return ok and record.outcome == "completed" and record.answered_at is not None


def _span(start: float | None, end: float | None) -> str:
    return "?" if start is None or end is None else f"{end - start:.1f} s"


if __name__ == "__main__":
    sys.exit(run_demo(headless=True))
