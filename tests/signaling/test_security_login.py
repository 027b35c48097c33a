"""Sign-in throttling against a real server: per person, per account, per address, through a
trusted proxy only (signaling.throttle, signaling.client_address)."""

from __future__ import annotations

from collections.abc import Callable

import aiohttp

from signaling.embedded import EmbeddedServer

LIMITS = {"login_per_person": 3, "login_per_account": 6, "login_accounts_per_address": 4}
PASSWORDS = {"amal": "amal's long password", "omar": "omar's long password"}


def start(server_factory: Callable[..., EmbeddedServer], **server: object) -> EmbeddedServer:
    started = server_factory(auth=LIMITS, server=server)
    for name, password in PASSWORDS.items():
        started.add_adviser(name, password, {"sv": "native"}, is_admin=name == "amal")
    return started


async def sign_in(
    http: aiohttp.ClientSession,
    username: str,
    password: str,
    path: str = "/api/login",
    via: str | None = None,
) -> int:
    headers = {"X-Forwarded-For": via} if via else {}
    body = {"username": username, "password": password}
    async with http.post(path, json=body, headers=headers) as resp:
        return resp.status


async def test_a_persons_typos_lock_them_out_not_their_colleagues(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start(server_factory)
    async with aiohttp.ClientSession(server.http_url) as http:
        statuses = [await sign_in(http, "amal", "typo") for _ in range(4)]  # bounded
        assert statuses == [401, 401, 401, 429]
        assert await sign_in(http, "amal", PASSWORDS["amal"]) == 429, "waits, right or wrong"
        async with http.post(
            "/api/login", json={"username": "amal", "password": PASSWORDS["amal"]}
        ) as resp:
            assert int(resp.headers["Retry-After"]) > 0
            assert (await resp.json())["code"] == "rate_limited"
        # The same address (127.0.0.1 here: one office behind one NAT), another person.
        assert await sign_in(http, "omar", PASSWORDS["omar"]) == 200
        assert await sign_in(http, "omar", "one typo") == 401
        assert await sign_in(http, "omar", PASSWORDS["omar"]) == 200


async def test_the_admin_sign_in_shares_the_throttle(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start(server_factory)
    async with aiohttp.ClientSession(server.http_url) as http:
        for _ in range(3):
            assert await sign_in(http, "amal", "typo", "/admin/api/login") == 401
        assert await sign_in(http, "amal", PASSWORDS["amal"], "/api/login") == 429


async def test_spraying_many_accounts_from_one_address_is_slowed(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start(server_factory)
    async with aiohttp.ClientSession(server.http_url) as http:
        for name in ("amal", "omar", "sara", "lena"):  # four accounts, one guess each
            assert await sign_in(http, name, "Summer2026!") == 401
        assert await sign_in(http, "omar", PASSWORDS["omar"]) == 429


async def test_forged_forwarded_for_is_ignored_without_a_trusted_proxy(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start(server_factory)  # trusted_proxies: none (the default)
    async with aiohttp.ClientSession(server.http_url) as http:
        statuses = [await sign_in(http, "amal", "guess", via=f"203.0.113.{i}") for i in range(4)]
        assert statuses == [401, 401, 401, 429], "a new forged address per guess gains nothing"


async def test_behind_a_trusted_proxy_each_client_address_counts_on_its_own(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start(server_factory, trusted_proxies=["127.0.0.1"])
    async with aiohttp.ClientSession(server.http_url) as http:
        office, home = "198.51.100.7", "203.0.113.9"
        for _ in range(3):
            assert await sign_in(http, "amal", "typo", via=office) == 401
        assert await sign_in(http, "amal", PASSWORDS["amal"], via=office) == 429
        assert await sign_in(http, "amal", PASSWORDS["amal"], via=home) == 200, "from home"
        # What the client wrote left of the proxy's own entry is not believed.
        assert await sign_in(http, "amal", PASSWORDS["amal"], via=f"{home}, {office}") == 429


async def test_the_account_waits_everywhere_when_guessed_from_many_addresses(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start(server_factory, trusted_proxies=["127.0.0.1"])
    async with aiohttp.ClientSession(server.http_url) as http:
        office = "198.51.100.7"
        assert await sign_in(http, "amal", PASSWORDS["amal"], via=office) == 200
        for i in range(6):  # two guesses from each of three addresses: no person lock
            assert await sign_in(http, "amal", "guess", via=f"203.0.113.{i // 2}") == 401
        assert await sign_in(http, "amal", PASSWORDS["amal"], via="192.0.2.44") == 429
        assert await sign_in(http, "omar", PASSWORDS["omar"], via="203.0.113.0") == 200
        # Where Amal signed in before, the attack on her account does not keep her out.
        assert await sign_in(http, "amal", PASSWORDS["amal"], via=office) == 200
