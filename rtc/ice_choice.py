"""Which TURN URL aiortc gets: the first one this machine can actually reach.

aiortc uses only the first TURN URL it is given and silently drops the rest (../shared/AIORTC.md
pitfall 5). The server lists them in the operator's order of preference, typically ``turn:`` on
UDP 3478 first (cheapest) and ``turns:`` on TCP 443 after it, for office networks that pass only
HTTPS. Handed over as they are, a kiosk behind such a firewall would never try 443 and every call
would fail. So before a call the apps run :func:`reachable_first`: it probes the TURN URLs in the
operator's order (a STUN binding request over UDP, a TCP connect for ``?transport=tcp`` and
``turns:``) and moves the first one that answers to the front.

The answer is remembered for :data:`REMEMBER_S` per set of URLs (credentials change every call,
the network does not), so only the first call after start-up, or after a network change, waits for
the probes; with one TURN URL or none there is nothing to choose and nothing is probed.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence

from signaling.ice import DEFAULT_PORTS, probe_url, udp_target
from signaling.messages import IceServer

REMEMBER_S = 600.0
_chosen: dict[tuple[str, ...], tuple[str, float]] = {}


def turn_urls(servers: Sequence[IceServer]) -> list[str]:
    return [url for server in servers for url in server.urls if url.startswith(("turn:", "turns:"))]


async def reachable_first(
    servers: Sequence[IceServer],
    *,
    timeout_s: float = 1.5,
    monotonic: Callable[[], float] = time.monotonic,
) -> list[IceServer]:
    """``servers`` with the first reachable TURN URL first; unchanged when none answers."""
    urls = turn_urls(servers)
    if len(urls) < 2:
        return list(servers)
    key = tuple(urls)
    remembered = _chosen.get(key)
    if remembered is not None and monotonic() - remembered[1] < REMEMBER_S:
        return promote(servers, remembered[0])
    for url in urls:
        if await reachable(url, timeout_s):
            _chosen[key] = (url, monotonic())
            return promote(servers, url)
    return list(servers)


async def ice_warnings(servers: Sequence[IceServer], *, timeout_s: float = 2.0) -> list[str]:
    """One line per STUN/TURN URL this machine cannot reach, for the kiosk's health report: IT
    sees a dead or firewalled relay on the dashboard before residents see failed calls."""
    urls = [url for server in servers for url in server.urls]
    answers = await asyncio.gather(*(reachable(url, timeout_s) for url in urls))
    return [
        f"{url}: unreachable from this kiosk"
        for url, ok in zip(urls, answers, strict=True)
        if not ok
    ]


def forget() -> None:
    """Forget earlier choices, e.g. after the network changed."""
    _chosen.clear()


async def reachable(url: str, timeout_s: float) -> bool:
    if udp_target(url) is not None:
        return await probe_url(url, timeout_s) is None
    host, port = _tcp_target(url)
    try:
        async with asyncio.timeout(timeout_s):
            _, writer = await asyncio.open_connection(host, port)
    except (OSError, TimeoutError):
        return False
    writer.close()
    with contextlib.suppress(OSError):
        await writer.wait_closed()
    return True


def _tcp_target(url: str) -> tuple[str, int]:
    scheme, _, rest = url.partition(":")
    rest = rest.partition("?")[0].removeprefix("//")
    if rest.startswith("["):
        host, _, tail = rest[1:].partition("]")
        port_text = tail.removeprefix(":")
    else:
        host, _, port_text = rest.partition(":")
    return host, int(port_text) if port_text else DEFAULT_PORTS[scheme]


def promote(servers: Sequence[IceServer], url: str) -> list[IceServer]:
    """The entry holding ``url`` first, with ``url`` first in it; everything else in order."""
    for index, server in enumerate(servers):
        if url in server.urls:
            urls = [url, *(u for u in server.urls if u != url)]
            first = server.model_copy(update={"urls": urls})
            return [first, *servers[:index], *servers[index + 1 :]]
    return list(servers)
