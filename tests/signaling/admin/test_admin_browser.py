"""The dashboard in a real headless Chromium (Debian's), against a real server and kiosk client.

Sign in; see a kiosk without a camera come up degraded, go offline when its client stops and come
back; acknowledge the camera fault; restart the kiosk from the dashboard and see it restart. Then
the dashboard as IT reads it: degraded kiosks, language names, 24-hour times, charts with axes and
units, per-cent loss, plural forms in English and Swedish, and an accessible page (names for every
control, keyboard focus that shows, text colours with enough contrast).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosklink.headless_kiosk_agent import HeadlessKioskAgent
from signaling.admin.screenshots import CHROMIUM, launch_chromium, sign_in
from signaling.embedded import EmbeddedServer
from signaling.messages import DeviceHealth, Quality
from signaling.store import Store
from tests.signaling.admin.fleet_helpers import ADMIN, start_fleet_server

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (Debian package chromium)"
)
playwright_api = pytest.importorskip("playwright.async_api")
WAIT_MS = 20_000


async def state_cell(page: Any, kiosk_id: str, state: str) -> None:
    await page.wait_for_selector(
        f"tr[data-kiosk='{kiosk_id}'] td.state[data-state='{state}']", timeout=WAIT_MS
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

            # Live, without reloading: degraded (no camera), offline when the client stops, back.
            await agent.start()
            await state_cell(page, kid, "degraded")
            await page.wait_for_selector(
                f"tr[data-kiosk='{kid}'] td.device.camera:text-is('missing')", timeout=WAIT_MS
            )
            await page.screenshot(path=str(tmp_path / "fleet-online.png"))
            await agent.stop()
            await state_cell(page, kid, "offline")
            await agent.start()
            await state_cell(page, kid, "degraded")

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
            await page.wait_for_selector("#kiosk-state[data-state='online']", timeout=WAIT_MS)
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


# --- the dashboard as IT reads it (issue #12, item 9) ------------------------------------------

CLOCK_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")  # 24-hour "HH:MM", never "5:43 PM"
UNNAMED_CONTROL = re.compile(r"^\s*- (button|link|combobox|textbox|checkbox)\s*(\[.*\])?:?$")


async def js(page: Any, expression: str) -> Any:
    """Evaluate in the page (allowed by its CSP: DevTools evaluation is not the page's eval)."""
    return await page.evaluate(expression)


async def until(probe: Callable[[], Any], ok: Callable[[Any], bool]) -> Any:
    """Poll a coroutine function until ``ok`` (bounded: 20 s)."""
    value = None
    for _ in range(200):
        value = await probe()
        if ok(value):
            return value
        await asyncio.sleep(0.1)
    raise AssertionError(f"never true; last value {value!r}")


async def chart(page: Any, figure: str) -> dict[str, Any]:
    """The live Chart.js chart in a <figure>: axis titles, range, tick labels, data, summary."""
    result: dict[str, Any] = await js(
        page,
        f"""(() => {{
        const canvas = document.querySelector('#{figure} canvas');
        const c = canvas && Chart.getChart(canvas);
        if (!c) return null;
        const axes = {{}};
        for (const [id, s] of Object.entries(c.scales)) {{
          axes[id] = {{ title: s.options.title.text, min: s.min, max: s.max,
                        ticks: s.ticks.map((t) => ({{ value: t.value, label: t.label }})) }};
        }}
        const y = (p) => (p && p.y !== undefined ? p.y : p);
        return {{ axes, label: canvas.getAttribute('aria-label'),
                  data: c.data.datasets.map((d) => d.data.map(y)) }};
      }})()""",
    )
    return result


def luminance(css: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"\d+", css)[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two computed CSS colours ("rgb(r, g, b)")."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


async def colours(page: Any, selector: str) -> tuple[str, str]:
    """Text colour and the first opaque background behind it."""
    pair: list[str] = await js(
        page,
        f"""(() => {{
        let node = document.querySelector({selector!r});
        const colour = getComputedStyle(node).color;
        while (node) {{
          const bg = getComputedStyle(node).backgroundColor;
          if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return [colour, bg];
          node = node.parentElement;
        }}
        return [colour, 'rgb(255, 255, 255)'];
      }})()""",
    )
    return pair[0], pair[1]


def add_calls(server: EmbeddedServer, kiosk_id: str) -> None:
    now = time.time()

    async def write(store: Store) -> None:
        for n, outcome in enumerate(("completed", "completed", "adviser_lost")):
            at = now - 3600 * (n + 1)
            await store.open_call(
                f"b{n}", kiosk_id=kiosk_id, site="Library Nord", language="ar", topic=None,
                joined_at=at,
            )  # fmt: skip
            quality = Quality(rtt_ms=80 + 40 * n, packet_loss_ratio=0.004 * (n + 1), fps=25)
            await store.add_quality(f"b{n}", side="kiosk", quality=quality, at=at + 60)
            await store.close_call(f"b{n}", at=at + 300, outcome=outcome)

    server.with_store(write)


async def test_dashboard_reads_as_it_would_trust_it(
    server_factory: Callable[..., EmbeddedServer], tmp_path: Path
) -> None:
    server = start_fleet_server(server_factory)
    broken_token = server.add_kiosk("Reading room", "Library Nord")
    fine_token = server.add_kiosk("Entrance", "Library Nord")
    broken = server.with_store(lambda s: s.kiosk_by_token(broken_token))
    assert broken is not None
    add_calls(server, broken.id)
    agents = [
        HeadlessKioskAgent(server.kiosk_url, broken_token),
        HeadlessKioskAgent(server.kiosk_url, fine_token),
    ]
    agents[0].devices["camera"] = DeviceHealth(present=False, working=False, detail="unplugged")
    agents[0].devices["speaker"] = DeviceHealth(present=True, working=False)
    row = f"tr[data-kiosk='{broken.id}']"
    async with playwright_api.async_playwright() as playwright:
        browser = await launch_chromium(playwright)
        try:
            for agent in agents:
                await agent.start()
            page = await browser.new_page(viewport={"width": 1400, "height": 900})
            await sign_in(page, server.http_url, *ADMIN)

            # Degraded, with what it lacks, and plural forms.
            await state_cell(page, broken.id, "degraded")
            state_text = await page.locator(f"{row} td.state").inner_text()
            assert "Degraded" in state_text and "no camera, speaker" in state_text
            await page.wait_for_selector("#count-degraded:text-is('1 degraded')", timeout=WAIT_MS)
            await page.wait_for_selector("#count-online:text-is('1 online')", timeout=WAIT_MS)
            await page.wait_for_selector(f"{row} td.faults:text-is('2 faults')", timeout=WAIT_MS)

            # Language names: the Swedish name and the endonym, tagged with its language.
            arabic = page.locator("#queues tr[data-language='ar'] td.language")
            assert "Arabiska" in await arabic.inner_text()
            assert await arabic.locator("span[lang='ar']").inner_text() == "العربية"

            # Call quality per site and trends, loss in per cent in table and chart alike.
            site_row = page.locator("#sites tr[data-site='Library Nord']")
            await site_row.wait_for(timeout=WAIT_MS)
            cells = await site_row.locator("td").all_inner_texts()
            assert cells[:4] == ["Library Nord", "3", "0%", "1"]  # calls, answered, failed
            assert cells[5] == "0.8%"  # mean of 0.4, 0.8 and 1.2 per cent
            calls = await until(lambda: chart(page, "chart-calls"), lambda c: c is not None)
            assert calls["axes"]["y"]["title"] == "Calls" and calls["axes"]["x"]["title"] == "Day"
            assert sum(calls["data"][0]) == 2 and sum(calls["data"][1]) == 1  # completed, failed
            assert "Calls per day" in calls["label"]

            # A kiosk's page: 24-hour ticks inside the range, axes titled with units.
            await page.click(f"{row} a")
            focused = await js(page, "document.activeElement.id")
            assert focused == "kiosk-title"  # the keyboard lands on the new view's heading
            quality = await until(lambda: chart(page, "chart-quality"), lambda c: c is not None)
            assert quality["axes"]["y"]["title"] == "Round-trip time (ms)"
            assert quality["axes"]["loss"]["title"] == "Packet loss (%)"
            assert quality["axes"]["x"]["title"] == "Time"
            assert sorted(v for v in quality["data"][1] if v is not None) == [0.4, 0.8, 1.2]
            assert "Round-trip time (ms)" in quality["label"]
            load = await until(lambda: chart(page, "chart-load"), lambda c: c is not None)
            assert (load["axes"]["y"]["title"], load["axes"]["y"]["max"]) == ("Use (%)", 100)
            for figure in (quality, load):
                x = figure["axes"]["x"]
                labels = [t["label"] for t in x["ticks"]]
                assert len(labels) >= 2 and all(CLOCK_TIME.match(label) for label in labels), labels
                assert all(x["min"] <= t["value"] <= x["max"] for t in x["ticks"])
            # A fresh kiosk's few seconds are not squeezed into a day-wide axis.
            assert load["axes"]["x"]["max"] - load["axes"]["x"]["min"] < 3600
            await page.screenshot(path=str(tmp_path / "kiosk-page.png"), full_page=True)

            # Acknowledge one fault: "1 fault"; in Swedish "1 fel".
            await page.locator("#kiosk-faults li[data-kind='camera'] button.ack").click()
            await page.click("a[href='#/']")
            await page.wait_for_selector(f"{row} td.faults:text-is('1 fault')", timeout=WAIT_MS)
            await page.wait_for_selector("#count-faults:text-is('1 fault to acknowledge')")
            await page.select_option("#ui-language", "sv")
            await page.wait_for_selector(f"{row} td.faults:text-is('1 fel')", timeout=WAIT_MS)
            await page.wait_for_selector("#count-faults:text-is('1 fel att kvittera')")
            assert await js(page, "document.documentElement.lang") == "sv"
            assert "Begränsad" in await page.locator(f"{row} td.state").inner_text()
            cells = await site_row.locator("td").all_inner_texts()
            assert cells[5] == "0,8\u00a0%"  # Swedish: decimal comma, no-break space, per cent
            await page.screenshot(path=str(tmp_path / "fleet-sv.png"), full_page=True)
            await page.select_option("#ui-language", "en")

            await check_accessibility(page)
        finally:
            await browser.close()
            for agent in agents:
                await agent.stop()


async def check_accessibility(page: Any) -> None:
    # Every button, link, list box and field has a name a screen reader can say.
    tree = await page.locator("body").aria_snapshot()
    unnamed = [line for line in tree.splitlines() if UNNAMED_CONTROL.match(line)]
    assert unnamed == [], unnamed
    assert "button" in tree and "link" in tree and "combobox" in tree

    # Keyboard: Tab from the top reaches every control in order, each with a visible focus ring.
    await page.goto(page.url.split("#")[0] + "#/")
    await page.reload()  # focus starts from the top of a fresh page
    await page.wait_for_selector("#live.on", timeout=WAIT_MS)
    await page.wait_for_selector("#kiosks tbody a", timeout=WAIT_MS)
    seen: list[str] = []
    for _ in range(40):  # bounded: the header, filters and the kiosk links come first
        await page.keyboard.press("Tab")
        focus = await js(
            page,
            """(() => { const e = document.activeElement; const s = getComputedStyle(e);
                 return { tag: e.tagName, text: (e.textContent || '').trim().slice(0, 40),
                          style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                          inView: e.getBoundingClientRect().top >= 0 }; })()""",
        )
        assert focus["style"] != "none" and focus["width"] >= 2, focus
        assert focus["inView"], focus
        seen.append(f"{focus['tag']}:{focus['text']}")
        if focus["text"] == "Reading room":
            break
    assert seen[:2] == ["A:Skip to the kiosk list", "A:Kiosklink fleet"], seen
    assert any(s.startswith("SELECT") for s in seen) and any(s.startswith("BUTTON") for s in seen)
    assert seen[-1] == "A:Reading room", seen
    # The stream rebuilds the table every few seconds: the keyboard focus stays on the same kiosk.
    await js(page, "(() => { window.focusedRow = document.activeElement.closest('tr'); })()")
    rebuilt = """(() => document.activeElement.closest('tr') === null
        || !document.querySelector('#kiosks tbody').contains(window.focusedRow))()"""
    await until(lambda: js(page, rebuilt), bool)
    focus = await js(
        page,
        "(() => { const e = document.activeElement;"
        " return e.tagName + ':' + e.textContent.trim().slice(0, 40); })()",
    )
    assert focus == "A:Reading room", f"after the table was rebuilt the focus is on {focus!r}"
    await page.keyboard.press("Enter")  # follows the link: the kiosk's page
    await page.wait_for_selector("#kiosk-view:not([hidden])", timeout=WAIT_MS)

    # The main text colours against their backgrounds: WCAG AA, 4.5:1.
    await page.click("a[href='#/']")
    await page.wait_for_selector("#kiosks tbody tr", timeout=WAIT_MS)
    for selector in (
        "body",
        "#kiosks th",
        "#kiosks td.state .badge.degraded",
        "#kiosks td.state .badge.online",
        "#kiosks td .lacking",
        "#kiosks tbody a",
        "#sign-out",
        "#summary .pill.degraded",
        "#summary .pill.faults",
        "label",
        "td.language .code",
    ):
        foreground, background = await colours(page, selector)
        ratio = contrast(foreground, background)
        assert ratio >= 4.5, (selector, foreground, background, round(ratio, 2))
