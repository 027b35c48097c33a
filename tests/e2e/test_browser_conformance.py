"""A browser client written from docs/protocol.md alone calls the project's own clients.

Chromium (Debian's, headless, fake camera and microphone) runs tests/e2e/browser/client.js: plain
WebSocket messages as the document gives them, a standard RTCPeerConnection and the real-time
text channel. The page comes from another origin (a small web server on 127.0.0.1) that the real
server allows (``server.allowed_origins``), as a third party's page would. Both ways:

* the browser as the kiosk, the project's headless adviser answering: with a complete offer, and
  trickling its candidates as Chromium gives them;
* the project's headless kiosk calling, the browser as the adviser (signed in through
  ``POST /api/login`` across origins).

Each checks video frames decoded on both sides, text both ways over the data channel, the hangup
(``call_ended`` on both sides) and the stored call record; the browser must see no ``error``.
The kiosk page of protocol.md §Browsers is run too, its JavaScript served straight from the
document; and a page from an origin the server does not allow is refused.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from kiosklink.headless import HeadlessParty, headless_adviser, headless_kiosk
from rtc.signaling_client import Connected
from signaling import messages as m
from signaling.admin.screenshots import CHROMIUM, CHROMIUM_ARGS
from signaling.embedded import EmbeddedServer
from signaling.store_records import CallRecord
from tests.e2e.test_call import negotiated_codec

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (Debian package chromium)"
)
playwright_api = pytest.importorskip("playwright.async_api")

PAGE_DIR = Path(__file__).with_name("browser")
PROTOCOL_DOC = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"
# Fake devices: a generated picture and tone, and camera permission granted without asking.
MEDIA_ARGS = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]
PASSWORD = "correct horse battery"
MIN_FRAMES = 30  # one second of video at 30 fps, on each side
WAIT_S = 30  # every wait is bounded; a call connects in well under a second on loopback
BROWSER_LINE = "Hej, jag behöver hjälp med ett brev"
PROJECT_LINE = "Visst, läs upp det för mig"


@pytest.fixture
async def page_origin() -> AsyncIterator[str]:
    """The page's own web server, on 127.0.0.1: another origin than the signaling server's."""
    app = web.Application()
    app.router.add_get("/protocol-example.js", serve_protocol_example)
    app.router.add_static("/", PAGE_DIR)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server = site._server
    assert isinstance(server, asyncio.base_events.Server)
    yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    await runner.cleanup()


async def serve_protocol_example(request: web.Request) -> web.Response:
    return web.Response(text=protocol_example(), content_type="text/javascript")


def protocol_example() -> str:
    """The JavaScript of docs/protocol.md §Browsers, exactly as the document gives it."""
    browsers = PROTOCOL_DOC.read_text().split("\n## Browsers\n", 1)[1].split("\n## ", 1)[0]
    return browsers.split("```js\n", 1)[1].split("\n```", 1)[0]


@pytest.fixture
def conformance_server(
    server_factory: Callable[..., EmbeddedServer], page_origin: str
) -> EmbeddedServer:
    return server_factory(server={"allowed_origins": [page_origin]})


@dataclass
class Tab:
    """A Chromium page (playwright's ``Page``), the origin it came from, what it logged."""

    page: Any
    origin: str
    console: list[str] = field(default_factory=list)

    async def goto(self, path: str) -> None:
        await self.page.goto(f"{self.origin}/{path}")

    async def run(self, expression: str, arg: object = None) -> Any:
        return await self.page.evaluate(expression, arg)

    async def until(self, condition: str, what: str) -> None:
        """Wait for a JavaScript condition (``c`` is client.js's ``conformance``); fail with
        what the page knew."""
        try:
            await self.page.wait_for_function(
                f"() => {{ const c = window.conformance; return {condition}; }}"
            )
        except playwright_api.TimeoutError:
            state = await self.run("window.conformance ?? window.peerText")
            raise AssertionError(
                f"browser: {what} never happened; {state}; console {self.console}"
            ) from None

    async def state(self) -> dict[str, Any]:
        state: dict[str, Any] = await self.run("window.conformance")
        return state


@pytest.fixture
async def tab(page_origin: str) -> AsyncIterator[Tab]:
    """Chromium with this test's client page (client.js) open; go elsewhere with ``goto``."""
    async with playwright_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *MEDIA_ARGS]
        )
        try:
            tab = Tab(await browser.new_page(), page_origin)
            tab.page.set_default_timeout(WAIT_S * 1000)
            tab.page.on("console", lambda message: tab.console.append(message.text))
            tab.page.on("pageerror", lambda error: tab.console.append(f"page error: {error}"))
            await tab.goto("index.html")
            yield tab
        finally:
            await browser.close()


@pytest.fixture
async def parties() -> AsyncIterator[list[HeadlessParty]]:
    started: list[HeadlessParty] = []
    yield started
    for party in started:
        await party.close()


async def record_when(
    server: EmbeddedServer, call_id: str, done: Callable[[CallRecord], bool]
) -> CallRecord:
    """The stored call record, once ``done`` holds (the server writes it on its own thread)."""
    async with asyncio.timeout(WAIT_S):
        while True:
            record: CallRecord | None = await asyncio.to_thread(
                server.with_store, lambda s: s.call(call_id)
            )
            if record is not None and done(record):
                return record
            await asyncio.sleep(0.05)


def frames(party: HeadlessParty) -> int:
    return party.calls[0].frames if party.calls else 0


def committed_lines(party: HeadlessParty) -> list[str]:
    return [update.text for update in party.remote_text if update.committed]


def saw(party: HeadlessParty, kind: type[object]) -> bool:
    return any(isinstance(event, kind) for event in party.events)


async def media_and_text_both_ways(tab: Tab, party: HeadlessParty) -> None:
    """Frames decoded on each side, then a line typed on each side read on the other."""
    await tab.until(f"c.framesDecoded >= {MIN_FRAMES}", "video from the project")
    await tab.until("c.framesRendered > 0", "a frame shown in the <video>")
    await party.wait_until(lambda: frames(party) >= MIN_FRAMES, WAIT_S)

    await tab.until("c.channelOpen", "the rtt data channel open")
    for draft in ("H", "Hej", "Hej, jag"):  # typed as it goes, corrections are just shorter
        await tab.run("(draft) => typeText(draft)", draft)
    await tab.run("(line) => commitText(line)", BROWSER_LINE)
    await party.wait_until(lambda: BROWSER_LINE in committed_lines(party), WAIT_S)
    drafts = [update.text for update in party.remote_text if not update.committed]
    assert drafts == ["H", "Hej", "Hej, jag"], "each keystroke's line arrives, in order"

    await party.send_text("Visst")
    await party.commit_text(PROJECT_LINE)
    await tab.until(f"c.remoteLines.includes({PROJECT_LINE!r})", "the project's text")


@pytest.mark.parametrize("trickle", [False, True], ids=["complete-sdp", "trickle"])
async def test_browser_kiosk_calls_the_project_adviser(
    conformance_server: EmbeddedServer, tab: Tab, parties: list[HeadlessParty], trickle: bool
) -> None:
    """Complete descriptions, as the project's clients send them; or Chromium's own trickling,
    its candidates in ``ice`` and its ``null`` at the end (§ICE candidates)."""
    server = conformance_server
    server.add_adviser("amal", PASSWORD, {"ar": "native"})
    adviser = await headless_adviser(
        server.http_url, server.adviser_url, "amal", PASSWORD, quality_interval_s=0.5
    )
    parties.append(adviser)
    await adviser.wait_until(lambda: saw(adviser, Connected), WAIT_S)
    await adviser.go_available()
    token = server.add_kiosk("Browser kiosk", "Rinkeby bibliotek")

    await tab.run(
        "([url, token, trickle]) => startKiosk(url, token, 'ar', 'letter', trickle)",
        [server.kiosk_url, token, trickle],
    )
    await tab.until("c.received.includes('queued')", "queued after join")
    await media_and_text_both_ways(tab, adviser)
    session = adviser.session
    assert session is not None
    assert negotiated_codec(session.pc.localDescription.sdp, "audio").lower() == "opus/48000/2"
    assert negotiated_codec(session.pc.localDescription.sdp, "video").split("/")[0] in (
        "VP8",
        "H264",
    )
    state = await tab.state()
    offer, sent = state["descriptionSent"], state["candidatesSent"]
    if trickle:
        assert "a=candidate:" not in offer
        assert sent[-1] is None and all(c.startswith("candidate:") for c in sent[:-1] if c)
        assert any(sent), "candidates trickled before the end"
    else:
        assert "a=candidate:" in offer and sent == [], "a complete offer, no trickle"

    await tab.run("hangUp()")
    await tab.until("c.callEnded !== null", "call_ended")
    await adviser.wait_until(lambda: saw(adviser, m.CallEnded), WAIT_S)
    state = await tab.state()
    assert state["callEnded"]["reason"] == "hangup"
    # The browser kiosk rated the call after it ended (§Messages, rating).
    record = await record_when(server, state["callId"], lambda r: r.rating is not None)
    assert (record.outcome, record.rating, record.language, record.topic) == (
        "completed",
        5,
        "ar",
        "letter",
    )
    assert record.site == "Rinkeby bibliotek" and record.ended_at is not None
    assert state["errors"] == [], "the browser sent nothing the server refused"


async def test_project_kiosk_calls_the_browser_adviser(
    conformance_server: EmbeddedServer, tab: Tab, parties: list[HeadlessParty]
) -> None:
    server = conformance_server
    server.add_adviser("webadviser", PASSWORD, {"ar": "native"})
    await tab.run(
        "([http, ws, user, password]) => startAdviser(http, ws, user, password)",
        [server.http_url, server.adviser_url, "webadviser", PASSWORD],
    )
    await tab.until("c.received.includes('status')", "status after set_status")
    kiosk = await headless_kiosk(
        server.kiosk_url, server.add_kiosk("K1", "Tensta träff"), quality_interval_s=0.5
    )
    parties.append(kiosk)
    await kiosk.wait_until(lambda: saw(kiosk, Connected), WAIT_S)
    await kiosk.join("ar", topic="letter")

    await tab.until("c.received.includes('offer')", "an offer")
    await media_and_text_both_ways(tab, kiosk)
    session = kiosk.session
    assert session is not None
    answer = session.pc.remoteDescription.sdp  # Chromium's answer to the project's offer
    assert negotiated_codec(answer, "audio").lower() == "opus/48000/2"
    assert negotiated_codec(answer, "video").split("/")[0] in ("VP8", "H264")

    await kiosk.hang_up()
    await tab.until("c.callEnded !== null", "call_ended")
    await kiosk.wait_until(lambda: saw(kiosk, m.CallEnded), WAIT_S)
    # After the call the browser adviser wraps up (§Wrap-up) and the server saves it.
    await tab.until("c.wrapUpSaved", "wrap_up_saved")
    state = await tab.state()
    assert state["callEnded"]["reason"] == "hangup"
    outcome = state["welcome"]["outcomes"][0]
    record = await record_when(server, state["callId"], lambda r: r.wrap_up_category is not None)
    assert (record.outcome, record.wrap_up_category, record.site) == (
        "completed",
        outcome,
        "Tensta träff",
    )
    assert record.adviser_quality is None, "the browser sends no quality; only the kiosk did"
    assert record.kiosk_quality is not None and record.kiosk_quality.fps
    assert state["errors"] == [], "the browser sent nothing the server refused"


async def test_the_documented_kiosk_page_calls_the_project_adviser(
    conformance_server: EmbeddedServer, tab: Tab, parties: list[HeadlessParty]
) -> None:
    """The JavaScript of protocol.md §Browsers, unchanged, is a working kiosk."""
    server = conformance_server
    server.add_adviser("amal", PASSWORD, {"ar": "native"})
    adviser = await headless_adviser(
        server.http_url, server.adviser_url, "amal", PASSWORD, quality_interval_s=0.5
    )
    parties.append(adviser)
    await adviser.wait_until(lambda: saw(adviser, Connected), WAIT_S)
    await adviser.go_available()
    token = server.add_kiosk("Documented kiosk", "Husby bibliotek")
    await tab.goto("example.html")

    await tab.run("([url, token]) => startKiosk(url, token)", [server.kiosk_url, token])
    await adviser.wait_until(lambda: frames(adviser) >= MIN_FRAMES, WAIT_S)
    shown = "document.querySelector('video').getVideoPlaybackQuality().totalVideoFrames"
    await tab.until(f"{shown} >= {MIN_FRAMES}", "video shown from the project")

    await adviser.send_text("Visst")
    await adviser.commit_text(PROJECT_LINE)
    await tab.until(
        f"window.peerText.some((u) => u.committed && u.text === {PROJECT_LINE!r})",
        "the project's text given to showPeerText",
    )
    await tab.run("typed('Hej')")
    await tab.run("(line) => typed(line, true)", BROWSER_LINE)
    await adviser.wait_until(lambda: BROWSER_LINE in committed_lines(adviser), WAIT_S)
    assert [(u.text, u.committed) for u in adviser.remote_text] == [
        ("Hej", False),
        (BROWSER_LINE, True),
    ]

    call_id = adviser.calls[0].call_id
    await tab.run("hangUp()")
    await adviser.wait_until(lambda: saw(adviser, m.CallEnded), WAIT_S)
    record = await record_when(server, call_id, lambda r: r.rating is not None)
    assert (record.outcome, record.rating, record.site) == ("completed", 5, "Husby bibliotek")
    assert not [line for line in tab.console if "kiosklink error" in line], tab.console


async def test_a_page_from_an_origin_not_allowed_sees_only_a_failed_websocket(
    server_factory: Callable[..., EmbeddedServer], tab: Tab
) -> None:
    """What protocol.md §Browsers tells page authors to look for: the server refuses the
    handshake with 403, and the page learns no more than close code 1006."""
    server = server_factory()  # no allowed_origins: the page's origin is foreign
    token = server.add_kiosk("K1", "Library")
    closed = await tab.run(
        """([url, token]) => new Promise((done) => {
             const ws = new WebSocket(url);
             ws.onopen = () => ws.send(JSON.stringify({type: "hello", protocol: 1, token}));
             ws.onmessage = (event) => done({message: event.data});
             ws.onclose = (event) => done({code: event.code});
             setTimeout(() => done({timeout: true}), 10000);
           })""",
        [server.kiosk_url, token],
    )
    assert closed == {"code": 1006}
