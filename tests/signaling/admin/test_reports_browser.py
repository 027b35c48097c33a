"""The report pages in a real headless Chromium (Debian's), against a real server and a real
SQLite file holding the fixed records of tests/signaling/report_records.py (issue #15, part 2).

A manager signs in and lands on the reports (the fleet is not theirs: /admin/ sends them back);
opens a day's report; every chart is drawn and holds the API's figures, a suppressed figure left
out of the picture and written "<5" beside it, and its table holds the same numbers; switching the
grouping and the period redraws; a CSV link downloads the documented columns; the monthly page
prints on A4 with a page per section and no navigation; the page speaks Swedish with Swedish
numbers; every control has a name, the keyboard reaches them with a visible focus, and the text
colours have enough contrast.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from signaling.admin.screenshots import CHROMIUM, launch_chromium, sign_in
from signaling.embedded import EmbeddedServer
from tests.signaling.admin.test_admin_browser import UNNAMED_CONTROL, colours, contrast
from tests.signaling.report_records import CITY, DISTRICTS, RINKEBY, TENSTA, write_records
from tests.signaling.test_reports_api import COLUMNS, HOURLY

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (Debian package chromium)"
)
playwright_api = pytest.importorskip("playwright.async_api")
WAIT_MS = 20_000
MANAGER = ("manager1", "a long manager password")
ADMIN = ("it-admin", "a long admin password")
DAY = "from=2026-03-10&to=2026-03-10"


def start(server_factory: Callable[..., EmbeddedServer]) -> EmbeddedServer:
    server = server_factory(
        reports={"districts": DISTRICTS}, service={"hours": {"default": HOURLY}}
    )
    server.add_adviser(*ADMIN, {}, is_admin=True)
    server.add_adviser(*MANAGER, {})
    server.with_store(lambda s: s.answers.grant_role(MANAGER[0], "manager"))
    server.with_store(write_records)
    return server


async def js(page: Any, expression: str) -> Any:
    return await page.evaluate(expression)


async def api(page: Any, query: str) -> Any:
    """The report as the API gives it, with the page's own session."""
    return await js(page, f"fetch('/admin/api/reports?{query}').then((r) => r.json())")


async def chart(page: Any, figure: str) -> dict[str, Any]:
    """The live Chart.js chart in a <figure>: type, labels, each dataset's data and hidden marks."""
    result: dict[str, Any] = await js(
        page,
        f"""(() => {{
        const canvas = document.querySelector('#{figure} canvas');
        const c = canvas && Chart.getChart(canvas);
        if (!c) return null;
        return {{ type: c.config.type, labels: c.data.labels,
                  name: canvas.getAttribute('aria-label'),
                  drawn: canvas.width > 0 && canvas.height > 0,
                  data: c.data.datasets.map((d) => d.data),
                  suppressed: c.data.datasets.map((d) => d.suppressed) }};
      }})()""",
    )
    return result


async def table(page: Any, table_id: str) -> list[list[str]]:
    """A table's body as text, row by row (the row's header cell first)."""
    rows: list[list[str]] = await js(
        page,
        f"""[...document.querySelectorAll('#{table_id} tbody tr')].map((tr) =>
              [...tr.children].map((c) => c.textContent))""",
    )
    return rows


async def values(page: Any, table_id: str) -> list[list[Any]]:
    """A table's figures as the page was given them (``data-value``)."""
    rows: list[list[Any]] = await js(
        page,
        f"""[...document.querySelectorAll('#{table_id} tbody tr')].map((tr) =>
              [...tr.querySelectorAll('td[data-value]')]
                .map((c) => JSON.parse(c.dataset.value)))""",
    )
    return rows


def plotted(figures: list[Any]) -> tuple[list[Any], list[bool]]:
    """What a chart should hold for figures from the API: numbers, and None where hidden."""
    return [v if isinstance(v, int | float) else None for v in figures], [
        isinstance(v, str) for v in figures
    ]


async def ready(page: Any) -> None:
    await page.wait_for_selector("body[data-ready='true']", timeout=WAIT_MS)


async def test_a_manager_reads_the_reports_as_charts_and_tables(
    server_factory: Callable[..., EmbeddedServer], tmp_path: Path
) -> None:
    server = start(server_factory)
    base = server.http_url
    async with playwright_api.async_playwright() as playwright:
        browser = await launch_chromium(playwright)
        try:
            page = await browser.new_page(viewport={"width": 1400, "height": 1000})
            # Sign in from the fleet's address: a manager lands on the reports.
            await page.goto(base + "/admin/")
            await page.wait_for_url("**/admin/login")
            await page.fill("#username", MANAGER[0])
            await page.fill("#password", MANAGER[1])
            await page.click("#sign-in")
            await page.wait_for_url("**/admin/reports")
            await ready(page)
            assert await page.is_hidden("#nav-fleet")  # the fleet is IT's
            await page.goto(base + "/admin/")  # not a raw 403: back to the reports
            await page.wait_for_url("**/admin/reports*")
            await ready(page)

            await page.goto(f"{base}/admin/reports?{DAY}&by=site,language")
            await ready(page)
            await check_charts(page)
            await check_switching(page)
            await check_csv(page, tmp_path)
            await check_accessibility(page)
            await check_swedish(page)
            await check_month_page(page, base)

            # An admin sees the reports in the dashboard's navigation.
            admin = await browser.new_page(viewport={"width": 1400, "height": 900})
            await sign_in(admin, base, *ADMIN)
            assert await admin.get_attribute("#nav-reports", "href") == "/admin/reports"
            await admin.click("#nav-reports")
            await admin.wait_for_url("**/admin/reports*")
            await ready(admin)
            assert await admin.is_visible("#nav-fleet")  # and the way back to the fleet
        finally:
            await browser.close()


async def check_charts(page: Any) -> None:
    by_language = await api(page, f"{DAY}&by=language")
    rows = by_language["current"]["rows"]
    assert [r["language"] for r in rows] == ["ar", "so", "sv"]
    drawn = await chart(page, "chart-languages")
    assert drawn["type"] == "bar" and drawn["drawn"] and drawn["name"]
    for n, column in enumerate(("visits", "answered", "abandoned")):
        figures = [r[column] for r in rows]
        assert (drawn["data"][n], drawn["suppressed"][n]) == plotted(figures), column
        assert [v[n] for v in await values(page, "table-languages")] == figures
    # Arabic at Rinkeby: 2 left the queue, hidden; not a 0 in the chart, "<5" in the table.
    assert rows[0]["abandoned"] == "<5" and drawn["data"][2][0] is None
    assert (await table(page, "table-languages"))[0][3] == "<5"

    heat = await api(page, f"{DAY}&by=site,weekday,hour")
    sites = await js(
        page, "[...document.querySelectorAll('#heatmap figure')].map((f) => f.dataset.site)"
    )
    assert sites == [RINKEBY, CITY, TENSTA]
    matrix = await chart(page, "chart-heat-0")
    assert matrix["type"] == "matrix" and matrix["drawn"]
    cells = {(c["y"], c["x"]): c for c in matrix["data"][0]}
    assert len(cells) == 7 * 24
    tuesday = await js(
        page, "new Intl.DateTimeFormat('en-GB', {weekday: 'short'}).format(new Date(2026, 2, 10))"
    )
    for row in (r for r in heat["current"]["rows"] if r["site"] == RINKEBY):
        cell = cells[(tuesday, row["hour"])]
        [value], [hidden] = plotted([row["visits"]])
        assert (cell["v"], cell["suppressed"]) == (value, hidden), row
    # Two visits at 11:00 are hidden, and so the six at 10:00 (Tuesday's sum would give them back).
    assert [cells[(tuesday, h)]["suppressed"] for h in ("10", "11")] == [True, True]
    assert [cells[(tuesday, h)]["v"] for h in ("10", "11")] == [None, None]
    heat_rows = await table(page, "table-heat-0")
    assert heat_rows[1][0] == tuesday and heat_rows[1][11:13] == ["<5", "<5"]
    assert heat_rows[0][1:] == ["0"] * 24  # Monday: nobody
    city = {(c["y"], c["x"]): c["v"] for c in (await chart(page, "chart-heat-1"))["data"][0]}
    assert city[(tuesday, "14")] == 12 and (await table(page, "table-heat-1"))[1][15] == "12"

    by_site = await api(page, f"{DAY}&by=site")
    total = by_site["current"]["total"]
    ratings = [total[f"rating_{n}"] for n in range(1, 6)]
    satisfaction = await chart(page, "chart-satisfaction")
    assert (satisfaction["data"][0], satisfaction["suppressed"][0]) == plotted(ratings)
    assert [r[1] for r in await table(page, "table-satisfaction")] == [
        str(v) if isinstance(v, int) else v for v in ratings
    ]
    key = {r[0]: r[1:] for r in await table(page, "table-key-figures")}
    assert key["Visits"] == ["25", "<5", "–"]  # the day before: one visit, hidden
    assert key["Satisfaction, mean (1–5)"][0] == "4.07"

    # The trend: the twelve months to March 2026, March's totals as the month's report gives them.
    march = await api(page, "from=2026-03-01&to=2026-03-31&by=")
    trend = await chart(page, "chart-trend-visits")
    assert (
        trend["type"] == "line" and len(trend["labels"]) == 12 and trend["labels"][-1] == "Mar 2026"
    )
    assert trend["data"][0][-1] == march["current"]["total"]["visits"] == 26
    assert trend["data"][0][:-1] == [0] * 11
    wait = await chart(page, "chart-trend-wait")
    assert [d[-1] for d in wait["data"]] == [
        march["current"]["total"][c] for c in ("wait_p50_s", "wait_p90_s", "rating_mean")
    ]

    districts = {r[0]: r[1:] for r in await table(page, "table-districts")}
    assert districts["Järva"][0] == "13" and districts["(no district)"][0] == "12"
    custom = await table(page, "table-custom")
    assert custom[0][0] == f"{RINKEBY} · Arabic" and custom[-1][0] == "Total"


async def check_switching(page: Any) -> None:
    # Another grouping: the table follows.
    await page.select_option("#by-1", "language")
    await page.select_option("#by-2", "")
    await page.click("#show")
    await page.wait_for_function(
        "() => document.querySelector('#table-custom caption').textContent"
        " === 'Figures by Language'"
    )
    await ready(page)
    assert [r[0] for r in await table(page, "table-custom")] == [
        "Arabic", "Somali", "Swedish", "Total",
    ]  # fmt: skip
    assert "by=language" in page.url
    # Another period: March, against the 31 days before it (nobody then), redraws everything.
    await page.fill("#from", "2026-03-01")
    await page.fill("#to", "2026-03-31")
    await page.click("#show")
    await page.wait_for_function(
        "() => document.querySelector('#table-key-figures tbody td').textContent === '26'"
    )
    await ready(page)
    sites = {r[0]: r[1:] for r in await table(page, "table-sites")}
    # Rinkeby: 9 visits now, none in the 31 days before: up by 9, in words and arrow.
    assert sites[RINKEBY][:3] == ["9", "0", "▲ +9"]
    assert sites[TENSTA][:3] == ["5", "0", "▲ +5"]
    drawn = await chart(page, "chart-languages")
    assert drawn["data"][0] == [9, 5, 12]


async def check_csv(page: Any, tmp_path: Path) -> None:
    async with page.expect_download() as info:
        await page.click("#sites a.csv")
    download = await info.value
    saved = tmp_path / "sites.csv"
    await download.save_as(saved)
    lines = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert lines[0] == ["period", "from", "to", "site", *COLUMNS]
    current = [line for line in lines if line[0] == "current"]
    assert [line[3] for line in current] == [RINKEBY, CITY, TENSTA, "(all)"]
    assert current[0][1:3] == ["2026-03-01", "2026-03-31"] and current[0][4] == "9"


async def check_accessibility(page: Any) -> None:
    tree = await page.locator("body").aria_snapshot()
    unnamed = [line for line in tree.splitlines() if UNNAMED_CONTROL.match(line)]
    assert unnamed == [], unnamed
    # Every chart is a named image, every table has a caption.
    assert await js(
        page,
        "[...document.querySelectorAll('canvas')]"
        ".every((c) => c.getAttribute('role') === 'img' && c.getAttribute('aria-label'))",
    )
    assert await js(
        page,
        "[...document.querySelectorAll('#sections table')]"
        ".every((t) => t.caption && t.caption.textContent)",
    )
    # The charts' tables are hidden from sight until asked for, but not from screen readers.
    assert "Visits by hour and weekday" in tree
    await page.click("#show-tables")
    assert await page.get_attribute("#show-tables", "aria-pressed") == "true"
    assert await page.is_visible("#table-languages")

    await page.reload()
    await ready(page)
    seen: list[str] = []
    for _ in range(30):
        await page.keyboard.press("Tab")
        focus = await js(
            page,
            """(() => { const e = document.activeElement; const s = getComputedStyle(e);
                 return { tag: e.tagName, id: e.id, text: (e.textContent || '').trim().slice(0, 30),
                          style: s.outlineStyle, width: parseFloat(s.outlineWidth) }; })()""",
        )
        assert focus["style"] != "none" and focus["width"] >= 2, focus
        seen.append(f"{focus['tag']}#{focus['id']}:{focus['text']}".rstrip(":"))
        if focus["id"] == "show-tables":
            break
    assert seen[:2] == ["A#:Skip to the report", "A#print-link:Monthly report for print"], seen
    ids = [entry.split(":")[0] for entry in seen]
    for control in (
        "SELECT#ui-language", "BUTTON#sign-out", "SELECT#preset", "INPUT#from", "INPUT#to",
        "SELECT#by-1", "SELECT#by-2", "SELECT#by-3", "BUTTON#show", "BUTTON#show-tables",
    ):  # fmt: skip
        assert control in ids, (control, seen)
    assert ids.index("SELECT#preset") < ids.index("BUTTON#show") < ids.index("BUTTON#show-tables")
    await page.keyboard.press("Enter")  # the toggle works from the keyboard
    assert await page.get_attribute("#show-tables", "aria-pressed") == "true"

    for selector in (
        "body", "#table-key-figures th", "#table-sites td.up", "td.suppressed", "a.csv",
        "label", "#status", "#table-sites caption",
    ):  # fmt: skip
        foreground, background = await colours(page, selector)
        ratio = contrast(foreground, background)
        assert ratio >= 4.5, (selector, foreground, background, round(ratio, 2))


async def check_swedish(page: Any) -> None:
    await page.select_option("#ui-language", "sv")
    await page.wait_for_function("() => document.querySelector('h1').textContent === 'Rapporter'")
    assert await page.text_content("#show") == "Visa rapport"
    assert await page.text_content("#languages-heading") == "Språk"
    key = {r[0]: r[1:] for r in await table(page, "table-key-figures")}
    assert key["Besök"][0] == "26"
    assert key["Nöjdhet, medel (1–5)"][0] == "4,07"  # a decimal comma
    assert (await table(page, "table-heat-0"))[1][0] == "tis"
    await page.select_option("#ui-language", "en")


async def check_month_page(page: Any, base: str) -> None:
    await page.goto(base + "/admin/reports/month?month=2026-03")
    await ready(page)
    assert await page.text_content("#month-heading") == "Monthly report: March 2026"
    key = {r[0]: r[1:] for r in await table(page, "table-key-figures")}
    assert key["Visits"] == ["26", "0", "▲ +26"]  # February: nobody
    assert (await chart(page, "chart-languages"))["data"][0] == [9, 5, 12]
    await page.emulate_media(media="print")
    layout = await js(
        page,
        """(() => ({
          header: getComputedStyle(document.querySelector('header')).display,
          controls: getComputedStyle(document.querySelector('#period-form')).display,
          breaks: [...document.querySelectorAll('.report-section')].slice(1)
                    .map((s) => getComputedStyle(s).breakBefore),
          tableShown:
            document.querySelector('#table-languages').getBoundingClientRect().height > 20,
        }))()""",
    )
    assert layout["header"] == "none" and layout["controls"] == "none"
    assert layout["breaks"] and set(layout["breaks"]) == {"page"}
    assert layout["tableShown"]  # the charts' tables are printed
    pdf = await page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type/Page") >= 7
    await page.emulate_media(media="screen")
