"""The CORS and Origin policy in a real headless Chromium (Debian's): a page on an allowed origin
signs in, reads the adviser's day and opens a WebSocket; a page on another origin can do none of
it. Two small page servers on loopback stand in for a portal and a stranger's site."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from signaling.admin.screenshots import CHROMIUM, launch_chromium
from signaling.embedded import EmbeddedServer

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (Debian package chromium)"
)
playwright_api = pytest.importorskip("playwright.async_api")
PASSWORD = "a long adviser password"

# Run in the page: the documented browser calls, each reported as text for the test to read.
SCRIPT = """
async ([base, wsUrl, password]) => {
  const out = {};
  try {
    const r = await fetch(base + "/api/login", {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({username: "amal", password}),
    });
    const body = await r.json();
    out.login = r.status;
    const t = await fetch(base + "/api/adviser/today", {
      headers: {"Authorization": "Bearer " + body.token},
    });
    out.today = t.status;
  } catch (e) {
    out.login = "blocked: " + e.name;
  }
  out.ws = await new Promise((resolve) => {
    const ws = new WebSocket(wsUrl);
    ws.onopen = () => { ws.close(); resolve("open"); };
    ws.onerror = () => resolve("refused");
  });
  return out;
}
"""


async def page_server() -> tuple[web.AppRunner, str]:
    app = web.Application()

    async def index(request: web.Request) -> web.Response:
        return web.Response(text="<!doctype html><title>portal</title>", content_type="text/html")

    app.router.add_get("/", index)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    return runner, f"http://127.0.0.1:{port}"


@pytest.fixture
async def pages() -> AsyncIterator[tuple[str, str]]:
    portal, portal_url = await page_server()
    stranger, stranger_url = await page_server()
    yield portal_url, stranger_url
    await portal.cleanup()
    await stranger.cleanup()


async def from_page(browser: Any, page_url: str, server: EmbeddedServer) -> dict[str, Any]:
    page = await browser.new_page()
    try:
        await page.goto(page_url)
        result: dict[str, Any] = await page.evaluate(
            SCRIPT, [server.http_url, server.adviser_url, PASSWORD]
        )
        return result
    finally:
        await page.close()


async def test_an_allowed_page_may_sign_in_and_connect_another_may_not(
    server_factory: Callable[..., EmbeddedServer], pages: tuple[str, str]
) -> None:
    portal, stranger = pages
    server = server_factory(server={"allowed_origins": [portal]})
    server.add_adviser("amal", PASSWORD, {"ar": "native"})
    async with playwright_api.async_playwright() as playwright:
        browser = await launch_chromium(playwright)
        try:
            allowed = await from_page(browser, portal, server)
            refused = await from_page(browser, stranger, server)
        finally:
            await browser.close()
    assert allowed == {"login": 200, "today": 200, "ws": "open"}
    assert refused == {"login": "blocked: TypeError", "ws": "refused"}
