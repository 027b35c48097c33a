"""Shared by the editor's tests: a server with an editor, an admin and a plain adviser, and an
HTTP session signed in by cookie as the browser is."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import aiohttp

from signaling.embedded import EmbeddedServer

EDITOR = ("eva", "a long editor password")
EDITOR_NAME = "Eva Editor"
ADMIN = ("it-admin", "a long admin password")
ADVISER = ("adviser1", "a long adviser password")
MANAGER = ("manager1", "a long manager password")
API = "/admin/api/answers"
LANGUAGES = ["sv", "en", "ar", "so"]


def start_editor_server(server_factory: Callable[..., EmbeddedServer]) -> EmbeddedServer:
    server = server_factory(service={"languages": LANGUAGES})
    server.add_adviser(*EDITOR, {}, display_name=EDITOR_NAME)
    server.with_store(lambda s: s.answers.grant_role(EDITOR[0], "editor"))
    server.add_adviser(*ADMIN, {"sv": "native"}, display_name="IT Desk", is_admin=True)
    server.add_adviser(*ADVISER, {"sv": "native", "ar": "fluent"})
    server.add_adviser(*MANAGER, {})
    server.with_store(lambda s: s.answers.grant_role(MANAGER[0], "manager"))
    return server


async def signed_in(server: EmbeddedServer, account: tuple[str, str]) -> aiohttp.ClientSession:
    """A session holding the admin-web cookie of ``account`` (which must be let in)."""
    # unsafe=True: aiohttp's jar otherwise ignores cookies set by an IP address like 127.0.0.1.
    http = aiohttp.ClientSession(server.http_url, cookie_jar=aiohttp.CookieJar(unsafe=True))
    body = {"username": account[0], "password": account[1]}
    async with http.post("/admin/api/login", json=body) as resp:
        assert resp.status == 200, await resp.text()
    return http


async def call(
    http: aiohttp.ClientSession, method: str, path: str, body: Any = None
) -> tuple[int, Any]:
    if method == "POST" and body is None:
        body = {}  # the admin web takes JSON POSTs only, as the page sends them
    async with http.request(method, path, json=body) as resp:
        text = await resp.text()
        return resp.status, (
            await resp.json() if text and resp.content_type.endswith("json") else text
        )


async def ok(http: aiohttp.ClientSession, method: str, path: str, body: Any = None) -> Any:
    status, answer = await call(http, method, path, body)
    assert status == 200, (status, answer)
    return answer


async def write_housing(http: aiohttp.ClientSession) -> None:
    """A topic and one question in Swedish with a link, the way the page saves them."""
    await ok(http, "POST", f"{API}/topics/housing", {"titles": {"sv": "Bostad", "en": "Housing"}})
    await ok(http, "POST", f"{API}/questions/housing-queue", QUEUE)


QUEUE: dict[str, Any] = {
    "topic": "housing",
    "order": 1,
    "route_topic": "housing",
    "links": ["https://bostad.stockholm.se/"],
    "phone": "+46 8 508 00 000",
    "title": "Hur ställer jag mig i bostadskön?",
    "body": "Du registrerar dig på Bostadsförmedlingens webbplats.",
    "hours": "Mån–fre 9–15",
    "link_labels": ["Bostadsförmedlingen"],
}
ARABIC: dict[str, Any] = {
    "title": "كيف أسجل في طابور السكن؟",
    "body": "تسجل على موقع مكتب السكن.",
    "hours": "",
    "link_labels": ["مكتب السكن"],
}
