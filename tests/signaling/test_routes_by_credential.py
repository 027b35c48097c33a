"""Every route of the app, asked with every kind of credential, answers as this table says.

The routes come from the running app's own route table (``app.router.routes()``), so a route
added without an entry here fails :func:`test_every_route_has_an_entry`: decide who may call it,
write it down, and the test checks it from then on.

Credentials: none; a kiosk token; an adviser's session (bearer, and smuggled in the admin cookie);
an admin session (bearer and cookie, the cookie also from a foreign page); the metrics token; a
foreign Origin with nothing else. Requests go to a real server over loopback, where /metrics is
configured to ask loopback for its token too (``metrics.allow_from = []``).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import aiohttp
import pytest

from signaling.embedded import EmbeddedServer

METRICS_TOKEN = "route-table-metrics-token-0123456789"
EVIL = "https://evil.example"
CREDENTIALS = (
    "none",
    "kiosk",
    "adviser",
    "adviser_as_cookie",
    "admin",
    "admin_cookie",
    "admin_cookie_foreign",
    "manager",
    "manager_cookie",
    "editor",
    "editor_cookie",
    "role_revoked",
    "metrics",
    "foreign_origin",
)
FOREIGN = ("admin_cookie_foreign", "foreign_origin")
ADMINS = ("admin", "admin_cookie")
MANAGERS = ("manager", "manager_cookie")
EDITORS = ("editor", "editor_cookie")
Answer = int | str  # a status, or "302 <Location>" for a redirect
SESSIONS = ("adviser", "admin", "manager", "editor", "role_revoked")  # as bearer tokens
WS = 101  # the WebSocket handshake succeeded (the hello then checks the token)
SIGN_IN = "302 /admin/login"
REPORTS = "302 /admin/reports"
# No admin-web session: a page sends them to the sign-in page.
NOT_SIGNED_IN = ("none", "kiosk", "adviser", "adviser_as_cookie", "role_revoked", "metrics")


def everyone(status: Answer) -> dict[str, Answer]:
    """Open to all, but never to a page from a foreign origin."""
    return {c: 403 if c in FOREIGN else status for c in CREDENTIALS}


def admins(status: Answer, others: Answer = 401) -> dict[str, Answer]:
    """Admins only: a signed-in manager or editor is refused (403), everyone else as ``others``."""
    table = {c: status if c in ADMINS else others for c in CREDENTIALS}
    refused = dict.fromkeys(MANAGERS + EDITORS, 403)
    return {**table, **refused, "admin_cookie_foreign": 403, "foreign_origin": 403}


def report_readers(status: Answer) -> dict[str, Answer]:
    """Managers and admins (signaling.roles.REPORT_READERS); a signed-in editor gets 403."""
    return {**only(status, ADMINS + MANAGERS), **dict.fromkeys(EDITORS, 403)}


def editors(status: Answer) -> dict[str, Answer]:
    """Editors and admins (signaling.roles.EDITORS); a signed-in manager gets 403."""
    return {**only(status, ADMINS + EDITORS), **dict.fromkeys(MANAGERS, 403)}


def web_roles(status: Answer) -> dict[str, Answer]:
    """Any account with a role in the admin web."""
    return only(status, ADMINS + MANAGERS + EDITORS)


def only(status: Answer, who: tuple[str, ...], others: Answer = 401) -> dict[str, Answer]:
    table = {c: status if c in who else others for c in CREDENTIALS}
    return {**table, "admin_cookie_foreign": 403, "foreign_origin": 403}


# (method, path with {params} as x1) -> credential -> status. Bodies are "{}" for POSTs.
EXPECTED: dict[tuple[str, str], dict[str, Answer]] = {
    ("GET", "/healthz"): everyone(200),
    ("GET", "/readyz"): everyone(200),
    ("POST", "/api/login"): everyone(400),  # no username and password in "{}"
    ("POST", "/api/logout"): everyone(200),  # revokes the bearer token if it is a session
    # An admin-web session is an adviser's session too: admins and managers are adviser accounts.
    ("GET", "/api/adviser/today"): only(
        200, ("adviser", "admin", "manager", "editor", "role_revoked")
    ),
    # Booking (docs/booking.md §Staff): any adviser session, as a bearer token only. "{}" is no
    # series, slot or code; x1 names no slot or booking.
    ("GET", "/api/booking/slots"): only(200, SESSIONS),
    ("POST", "/api/booking/slots"): only(400, SESSIONS),
    ("DELETE", "/api/booking/slots/x1"): only(404, SESSIONS),
    ("POST", "/api/booking/bookings"): only(400, SESSIONS),
    ("DELETE", "/api/booking/bookings/x1"): only(404, SESSIONS),
    ("POST", "/api/booking/cancel"): only(400, SESSIONS),
    ("GET", "/api/adviser/bookings"): only(200, SESSIONS),
    ("GET", "/api/adviser/bookings.ics"): only(200, SESSIONS),
    # The common questions for kiosks: nothing is published in this server, and x1 is no digest.
    ("GET", "/api/kiosk/answers"): only(404, ("kiosk",)),
    ("GET", "/api/kiosk/answers/audio/x1"): only(400, ("kiosk",)),
    ("GET", "/ws/kiosk"): everyone(WS),
    ("GET", "/ws/adviser"): everyone(WS),
    ("GET", "/metrics"): only(200, ("metrics",)),
    # A manager who opens a page that is not theirs is sent to the reports (not a raw 403).
    ("GET", "/admin"): {**admins("302 /admin/", SIGN_IN), **dict.fromkeys(MANAGERS, REPORTS)},
    ("GET", "/admin/"): {**admins(200, SIGN_IN), **dict.fromkeys(MANAGERS, REPORTS)},
    ("GET", "/admin/login"): everyone(200),
    ("GET", "/admin/static/x1"): everyone(404),  # no such file; /admin/static/login.js is public
    ("POST", "/admin/api/login"): everyone(400),
    ("POST", "/admin/api/logout"): web_roles(200),
    ("GET", "/admin/api/me"): web_roles(200),
    ("GET", "/admin/api/fleet"): admins(200),
    ("GET", "/admin/api/events"): admins(200),
    ("GET", "/admin/api/kiosks/x1"): admins(404),
    ("POST", "/admin/api/kiosks/x1/commands"): admins(400),  # "{}" has no action
    ("GET", "/admin/api/commands/x1"): admins(404),
    ("POST", "/admin/api/faults/x1/ack"): admins(404),
    ("GET", "/admin/api/audit"): admins(200),
    ("GET", "/admin/api/trends"): admins(200),
    ("GET", "/admin/api/answers/stats"): report_readers(200),
    ("GET", "/admin/api/reports"): report_readers(400),  # no from and to
    ("GET", "/admin/api/reports/interpreting"): report_readers(400),  # no from and to
    # The report pages: an editor, whose pages are elsewhere, gets 403.
    ("GET", "/admin/reports"): {**report_readers(200), **dict.fromkeys(NOT_SIGNED_IN, SIGN_IN)},
    ("GET", "/admin/reports/month"): {
        **report_readers(200),
        **dict.fromkeys(NOT_SIGNED_IN, SIGN_IN),
    },
    # The common questions' editor: the draft is empty here, so x1 names no question or version.
    ("GET", "/admin/answers"): {
        **editors(200),
        **dict.fromkeys(NOT_SIGNED_IN, SIGN_IN),
        **dict.fromkeys(MANAGERS, REPORTS),
    },
    ("GET", "/admin/api/answers/draft"): editors(200),
    ("GET", "/admin/api/answers/questions/x1"): editors(404),
    ("POST", "/admin/api/answers/questions/x1"): editors(400),  # "{}" has no topic or words
    ("POST", "/admin/api/answers/topics/x1"): editors(400),  # "{}" has no titles
    ("POST", "/admin/api/answers/questions/x1/texts/x1"): editors(404),
    ("POST", "/admin/api/answers/questions/x1/texts/x1/current"): editors(400),
    # A recording comes as multipart ("{}" is none); test_answers_editor_api checks the header.
    ("POST", "/admin/api/answers/questions/x1/audio/x1"): editors(400),
    ("POST", "/admin/api/answers/questions/x1/audio/x1/remove"): editors(404),
    ("GET", "/admin/api/answers/questions/x1/preview"): editors(404),
    ("POST", "/admin/api/answers/publish"): editors(400),  # nothing to publish
    ("GET", "/admin/api/answers/versions"): editors(200),
    ("GET", "/admin/api/answers/versions/compare"): editors(404),  # no "from"
    ("POST", "/admin/api/answers/versions/x1/republish"): editors(404),
    # Bookable times (issue #14): managers see the day; only admins change it.
    ("GET", "/admin/bookings"): {**report_readers(200), **dict.fromkeys(NOT_SIGNED_IN, SIGN_IN)},
    ("GET", "/admin/api/bookings/day"): report_readers(200),
    ("POST", "/admin/api/bookings/slots"): admins(400),  # "{}" has no language
    ("POST", "/admin/api/bookings/slots/x1/withdraw"): admins(404),
    ("POST", "/admin/api/bookings/book"): admins(400),  # "{}" has no slot
    ("POST", "/admin/api/bookings/bookings/x1/cancel"): admins(404),
}


def route_table(server: EmbeddedServer) -> list[tuple[str, str]]:
    """Every (method, path) the app routes; HEAD is GET's twin and answered like it."""
    assert server.app is not None
    found = set()
    for route in server.app.router.routes():
        info = route.resource.get_info() if route.resource else {}
        path = info.get("path") or info.get("formatter") or info.get("prefix", "")
        if route.method == "HEAD":
            continue
        if "prefix" in info and "path" not in info and "formatter" not in info:
            path = path.rstrip("/") + "/{file}"  # a static directory
        found.add((route.method, re.sub(r"\{[^}]+\}", "x1", path)))
    return sorted(found)


@dataclass
class Credentials:
    server: EmbeddedServer
    kiosk_token: str
    adviser_id: str
    admin_id: str
    manager_id: str
    editor_id: str

    def session(self, adviser_id: str, *, admin: bool = False) -> str:
        """A fresh session each time: logout routes revoke the one they are given."""
        return self.server.with_store(
            lambda s: s.create_session(adviser_id, ttl_s=600, now=time.time(), admin=admin)
        )

    def headers(self, credential: str) -> dict[str, str]:
        match credential:
            case "none":
                return {}
            case "kiosk":
                return bearer(self.kiosk_token)
            case "adviser":
                return bearer(self.session(self.adviser_id))
            case "adviser_as_cookie":
                return cookie(self.session(self.adviser_id))
            case "admin":
                return bearer(self.session(self.admin_id, admin=True))
            case "admin_cookie":
                return cookie(self.session(self.admin_id, admin=True))
            case "admin_cookie_foreign":
                return {**cookie(self.session(self.admin_id, admin=True)), "Origin": EVIL}
            case "manager":
                return bearer(self.session(self.manager_id, admin=True))
            case "manager_cookie":
                return cookie(self.session(self.manager_id, admin=True))
            case "editor":
                return bearer(self.session(self.editor_id, admin=True))
            case "editor_cookie":
                return cookie(self.session(self.editor_id, admin=True))
            case "role_revoked":
                # An admin-web session whose account has no web role (any more): nothing.
                return bearer(self.session(self.adviser_id, admin=True))
            case "metrics":
                return bearer(METRICS_TOKEN)
            case "foreign_origin":
                return {"Origin": EVIL}
        raise AssertionError(f"unknown credential {credential}")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def cookie(token: str) -> dict[str, str]:
    return {"Cookie": f"kiosklink_admin={token}"}


@pytest.fixture
def credentials(server_factory: Callable[..., EmbeddedServer]) -> Credentials:
    server = server_factory(metrics={"token": METRICS_TOKEN, "allow_from": []})
    return Credentials(
        server=server,
        kiosk_token=server.add_kiosk("K1", "Library"),
        adviser_id=server.add_adviser("adviser1", "a long adviser password", {"sv": "native"}),
        admin_id=server.add_adviser(
            "it-admin", "a long admin password", {"sv": "native"}, is_admin=True
        ),
        manager_id=_manager(server),
        editor_id=_editor(server),
    )


def _manager(server: EmbeddedServer) -> str:
    server.add_adviser("manager1", "a long manager password", {})
    return server.with_store(lambda s: s.answers.grant_role("manager1", "manager"))


def _editor(server: EmbeddedServer) -> str:
    server.add_adviser("editor1", "a long editor password", {})
    return server.with_store(lambda s: s.answers.grant_role("editor1", "editor"))


async def answer(
    http: aiohttp.ClientSession, base: str, method: str, path: str, headers: Mapping[str, str]
) -> Answer:
    if path.startswith("/ws/"):
        ws_headers = {k: v for k, v in headers.items() if k != "Origin"}
        try:
            async with http.ws_connect(
                base.replace("http", "ws", 1) + path,
                headers=ws_headers,
                origin=headers.get("Origin"),
            ):
                return WS
        except aiohttp.WSServerHandshakeError as exc:
            return exc.status
    body: dict[str, str] | None = {} if method == "POST" else None
    async with http.request(
        method, base + path, headers=headers, allow_redirects=False, json=body
    ) as resp:
        if resp.status == 302:
            return f"302 {resp.headers['Location']}"
        return resp.status


def test_every_route_has_an_entry(credentials: Credentials) -> None:
    missing = [route for route in route_table(credentials.server) if route not in EXPECTED]
    assert missing == [], f"new route without an entry in EXPECTED: {missing}"


async def test_every_route_answers_every_credential_as_expected(credentials: Credentials) -> None:
    base = credentials.server.http_url
    wrong = []
    async with aiohttp.ClientSession() as http:
        for method, path in route_table(credentials.server):
            for credential, status in EXPECTED.get((method, path), {}).items():
                headers = credentials.headers(credential)
                got = await answer(http, base, method, path, headers)
                if got != status:
                    wrong.append(f"{method} {path} as {credential}: {got}, expected {status}")
    assert wrong == [], "\n".join(wrong)


def test_the_table_names_every_credential() -> None:
    for route, table in EXPECTED.items():
        assert set(table) == set(CREDENTIALS), route
