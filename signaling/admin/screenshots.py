"""Screenshots of the fleet dashboard, for docs and reviews: ``kiosklink dashboard-screenshots``.

Starts a real server on 127.0.0.1 with a scratch database, a small demo fleet of headless kiosks
(one with a broken camera, one switched off, a few calls' quality figures), signs in with a real
headless Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright) and saves PNGs of the
sign-in page, the fleet (in English and in Swedish) and one kiosk's page. Nothing leaves the
machine.

    kiosklink dashboard-screenshots [--out DIR] [--chromium PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from signaling import messages as m

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ADMIN = ("it-admin", "demo password for screenshots")
DEMO_KIOSKS = (
    ("Entrance", "Library Nord"),
    ("Reading room", "Library Nord"),
    ("Reception", "Town hall"),
    ("Service desk", "Citizen office Väst"),
)


async def launch_chromium(playwright: Any, executable: str = CHROMIUM) -> Any:
    """A headless Chromium from the system (never a downloaded one)."""
    return await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


async def sign_in(page: Any, base_url: str, username: str, password: str) -> None:
    await page.goto(base_url + "/admin/")
    await page.wait_for_url("**/admin/login")
    await page.fill("#username", username)
    await page.fill("#password", password)
    await page.click("#sign-in")
    await page.wait_for_url("**/admin/")
    await page.wait_for_selector("#live.on")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosklink dashboard-screenshots", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots/admin"))
    parser.add_argument("--chromium", default=CHROMIUM)
    args = parser.parse_args(argv)
    if not Path(args.chromium).exists():
        print(f"no Chromium at {args.chromium}: install Debian's chromium package", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kiosklink-shots-") as scratch:
        saved = asyncio.run(_shoot(Path(scratch), args.out, args.chromium))
    for path in saved:
        print(path)
    return 0


async def _shoot(scratch: Path, out: Path, chromium: str) -> list[Path]:
    from playwright.async_api import async_playwright

    from kiosklink.headless_kiosk_agent import HeadlessKioskAgent
    from signaling.config import Settings
    from signaling.embedded import EmbeddedServer

    settings = Settings.model_validate(
        {
            "server": {"port": 0, "kiosk_health_interval_s": 2.0},
            "database": {"path": str(scratch / "demo.sqlite3")},
            "service": {"languages": ["sv", "ar", "so", "uk"]},
        }
    )
    with EmbeddedServer(settings) as server:
        server.add_adviser(*ADMIN, {"sv": "native"}, display_name="IT Desk", is_admin=True)
        agents = []
        for index, (name, site) in enumerate(DEMO_KIOSKS):
            token = server.add_kiosk(name, site)
            agent = HeadlessKioskAgent(server.kiosk_url, token, app_version="1.4.2")
            if index == 1:
                agent.devices["camera"] = m.DeviceHealth(
                    present=False, working=False, detail="USB camera not found"
                )
            if index == 2:
                agent.app_version = "1.3.9"
            agents.append(agent)
        kiosks = server.with_store(lambda s: s.list_kiosks())
        server.with_store(lambda s: _demo_calls(s, kiosks))
        for agent in agents[:3]:  # the last one stays switched off
            await agent.start()
            await agent.connected.wait()
        try:
            async with async_playwright() as playwright:
                browser = await launch_chromium(playwright, chromium)
                page = await browser.new_page(viewport={"width": 1500, "height": 900})
                await page.goto(server.http_url + "/admin/login")
                saved = [out / "01-sign-in.png"]
                await page.screenshot(path=str(saved[-1]))
                await sign_in(page, server.http_url, *ADMIN)
                await page.wait_for_selector("#count-online:has-text('2 online')")
                await page.wait_for_selector("#count-degraded:has-text('1 degraded')")
                await page.wait_for_selector("#sites tbody tr[data-site]")
                await page.wait_for_selector("#chart-calls canvas")
                saved.append(out / "02-fleet.png")
                await page.screenshot(path=str(saved[-1]), full_page=True)
                await page.select_option("#ui-language", "sv")  # the same page in Swedish
                await page.wait_for_selector("#count-degraded:has-text('1 begränsad')")
                saved.append(out / "02-fleet-sv.png")
                await page.screenshot(path=str(saved[-1]), full_page=True)
                await page.select_option("#ui-language", "en")
                await page.goto(f"{server.http_url}/admin/#/kiosk/{kiosks[1].id}")
                await page.wait_for_selector("#kiosk-faults li[data-kind='camera']")
                await page.wait_for_selector("#chart-quality canvas")
                saved.append(out / "03-kiosk.png")
                await page.screenshot(path=str(saved[-1]), full_page=True)
                await browser.close()
        finally:
            for agent in agents:
                await agent.stop()
    return saved


async def _demo_calls(store: Any, kiosks: list[Any]) -> None:
    """A week of past calls' figures so the quality columns, per-site table and charts show some."""
    now = time.time()
    for n in range(40):
        kiosk = kiosks[n % 3]
        call_id = f"demo{n}"
        at = now - (40 - n) * 4 * 3600
        await store.open_call(
            call_id, kiosk_id=kiosk.id, site=kiosk.site, language="sv", topic=None, joined_at=at
        )
        await store.answer_call(call_id, adviser_id="demo", at=at + 40)
        quality = m.Quality(
            rtt_ms=60 + 15 * (n % 4), packet_loss_ratio=0.002 * (n % 5), fps=24 + n % 6
        )
        await store.add_quality(call_id, side="kiosk", quality=quality, at=at + 60)
        outcome = "adviser_lost" if n % 9 == 4 else "completed"
        await store.close_call(call_id, at=at + 600, outcome=outcome)


if __name__ == "__main__":
    raise SystemExit(main())
