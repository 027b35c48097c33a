"""The dashboard in a real headless Chromium (Debian's), against a real server and kiosk client.

Sign in; see a kiosk go online, offline when its client stops and online when it returns;
acknowledge a camera fault; restart the kiosk from the dashboard and see it restart.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosklink.headless_kiosk_agent import HeadlessKioskAgent
from signaling.admin.screenshots import CHROMIUM, launch_chromium, sign_in
from signaling.embedded import EmbeddedServer
from signaling.messages import DeviceHealth
from tests.signaling.admin.fleet_helpers import ADMIN, start_fleet_server

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (Debian package chromium)"
)
playwright_api = pytest.importorskip("playwright.async_api")
WAIT_MS = 20_000


async def state_cell(page: Any, kiosk_id: str, state: str) -> None:
    await page.wait_for_selector(
        f"tr[data-kiosk='{kiosk_id}'] td.state:text-is('{state}')", timeout=WAIT_MS
    )


async def uptime_until(page: Any, ok: Callable[[float], bool]) -> None:
    """Poll the uptime shown on the kiosk's page (the page's CSP forbids wait_for_function)."""
    for _ in range(200):  # bounded: 20 s
        text = await page.locator("#kiosk-uptime").text_content() or ""
        seconds = float(text.split()[0]) if text.endswith(" s") else 1e9
        if ok(seconds):
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"uptime never matched; last shown {text!r}")


async def test_dashboard_live_states_fault_acknowledgement_and_restart(
    server_factory: Callable[..., EmbeddedServer], tmp_path: Path
) -> None:
    server = start_fleet_server(server_factory)
    token = server.add_kiosk("Entrance", "Library Nord")
    record = server.with_store(lambda s: s.kiosk_by_token(token))
    assert record is not None
    kid = record.id
    agent = HeadlessKioskAgent(server.kiosk_url, token)
    agent.devices["camera"] = DeviceHealth(present=False, working=False, detail="camera unplugged")
    async with playwright_api.async_playwright() as playwright:
        browser = await launch_chromium(playwright)
        try:
            page = await browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("dialog", lambda dialog: asyncio.ensure_future(dialog.accept()))
            await sign_in(page, server.http_url, *ADMIN)
            await state_cell(page, kid, "offline")  # registered, never connected

            # Live, without reloading: online, offline when the client stops, online again.
            await agent.start()
            await state_cell(page, kid, "online")
            await page.wait_for_selector(
                f"tr[data-kiosk='{kid}'] td.device.camera:text-is('missing')", timeout=WAIT_MS
            )
            await page.screenshot(path=str(tmp_path / "fleet-online.png"))
            await agent.stop()
            await state_cell(page, kid, "offline")
            await agent.start()
            await state_cell(page, kid, "online")

            # The kiosk's page: the camera fault stays after the camera returns, until acknowledged.
            await page.click(f"tr[data-kiosk='{kid}'] a")
            fault = page.locator("#kiosk-faults li[data-kind='camera']")
            await fault.wait_for(timeout=WAIT_MS)
            agent.devices["camera"] = DeviceHealth(present=True, working=True)
            await page.wait_for_selector(
                "#kiosk-faults li.recovered[data-kind='camera']", timeout=WAIT_MS
            )
            await fault.locator("button.ack").click()
            await fault.wait_for(state="detached", timeout=WAIT_MS)
            await page.wait_for_selector("#kiosk-faults li.none", timeout=WAIT_MS)

            # Restart from the dashboard: the kiosk answers, reconnects, its uptime starts again.
            await uptime_until(page, lambda s: s >= 2)
            connections = agent.connections
            await page.click("#action-restart")
            await page.wait_for_selector("#action-status:text-is('restart: done')", timeout=WAIT_MS)
            await uptime_until(page, lambda s: s < 2)
            await page.wait_for_selector("#kiosk-state:text-is('online')", timeout=WAIT_MS)
            assert agent.restarts == 1 and agent.connections == connections + 1
            await page.screenshot(path=str(tmp_path / "kiosk-restarted.png"), full_page=True)
            log = await server_audit(server)
            assert ("admin:" + ADMIN[0], "command:restart", kid) in log
            assert ("admin:" + ADMIN[0], "ack_fault", kid) in log
        finally:
            await browser.close()
            await agent.stop()


async def server_audit(server: EmbeddedServer) -> list[tuple[str, str, str]]:
    entries = server.with_store(lambda s: s.audit_log(50))
    return [(e.actor, e.action, e.target) for e in entries]
