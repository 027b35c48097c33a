"""The dashboard's static files: the vendored chart library is the pinned, licensed release, and
the pages load nothing from another host (kiosk servers may have no internet)."""

from __future__ import annotations

import hashlib
import re

from signaling.admin.routes import STATIC


def test_the_vendored_chart_library_matches_its_pinned_checksum_and_licence() -> None:
    notes = (STATIC / "VENDORED.md").read_text()
    pinned = re.search(r"sha256 of `chart.umd.min.js`: `([0-9a-f]{64})`", notes)
    assert pinned is not None
    library = (STATIC / "chart.umd.min.js").read_bytes()
    assert hashlib.sha256(library).hexdigest() == pinned.group(1)
    version = re.search(rb"Chart\.js v(\d+\.\d+\.\d+)", library[:200])
    assert version is not None and f"| {version.group(1).decode()} |" in notes
    assert "MIT License" in (STATIC / "chart.js.LICENSE.md").read_text()


def test_the_vendored_matrix_plugin_matches_its_pinned_checksum_and_licence() -> None:
    notes = (STATIC / "VENDORED.md").read_text()
    pinned = re.search(r"sha256 of `chartjs-chart-matrix.min.js`: `([0-9a-f]{64})`", notes)
    assert pinned is not None
    plugin = (STATIC / "chartjs-chart-matrix.min.js").read_bytes()
    assert hashlib.sha256(plugin).hexdigest() == pinned.group(1)
    version = re.search(rb"chartjs-chart-matrix v(\d+\.\d+\.\d+)", plugin[:200])
    assert version is not None and f"| {version.group(1).decode()} |" in notes
    assert "MIT License" in (STATIC / "chartjs-chart-matrix.LICENSE.md").read_text()


def test_pages_load_only_their_own_files() -> None:
    for page in (
        "dashboard.html",
        "login.html",
        "answers.html",
        "reports.html",
        "report_month.html",
        "bookings.html",
    ):
        html = (STATIC / page).read_text()
        # What the page loads (scripts, styles, images); links to other pages are not loads.
        sources = re.findall(r'<(?:script|link|img)\b[^>]*?(?:src|href)="([^"#]+)"', html)
        assert sources, page
        assert all(s.startswith("/admin/static/") for s in sources), (page, sources)
