"""The ICE servers handed to kiosks and advisers, and a start-up check that they answer.

Clients get the list in ``welcome`` and ``call_started`` (docs/protocol.md §ICE servers). TURN
credentials are minted per message from the shared secret (coturn ``use-auth-secret``), so a copied
credential stops working after ``ice.turn_ttl_s``.

An empty list is a valid answer and the right one on a LAN or loopback: aiortc must be given an
explicit empty list, or it silently adds a public STUN server, and every server that does not answer
adds ~5 s to call setup (AIORTC.md pitfall 4). That is also why :func:`probe_ice_servers` exists:
a dead STUN/TURN address should be a warning in the server log at start, not slow calls later.
aiortc uses only one STUN and one TURN server (pitfall 5), so list the best TURN URL first.
"""

from __future__ import annotations

import asyncio
from typing import NamedTuple
from urllib.parse import parse_qs

from aioice import stun

from signaling.auth import turn_credentials
from signaling.config import IceSettings
from signaling.messages import IceServer

DEFAULT_PORTS = {"stun": 3478, "turn": 3478, "stuns": 5349, "turns": 5349}
MAX_SENDS = 3  # a STUN request is retransmitted over UDP; three tries within the timeout


def ice_servers(ice: IceSettings, *, now: float) -> list[IceServer]:
    """The STUN entry, then the TURN entry with credentials valid for ``ice.turn_ttl_s`` from
    ``now``; whichever are configured, possibly none."""
    servers: list[IceServer] = []
    if ice.stun_url:
        servers.append(IceServer(urls=[ice.stun_url]))
    if ice.turn_urls and ice.turn_secret is not None:
        username, credential = turn_credentials(
            ice.turn_secret.get_secret_value(), ttl_s=ice.turn_ttl_s, now=now
        )
        servers.append(
            IceServer(urls=list(ice.turn_urls), username=username, credential=credential)
        )
    return servers


class UdpTarget(NamedTuple):
    host: str
    port: int


def udp_target(url: str) -> UdpTarget | None:
    """Where to send a STUN binding request for ``url``; None for TLS or TCP-only URLs, which a
    UDP probe cannot check (``stuns:``, ``turns:``, ``?transport=tcp``).

    >>> udp_target("turn:turn.example.se:3478?transport=udp")
    UdpTarget(host='turn.example.se', port=3478)
    """
    scheme, _, rest = url.partition(":")
    rest, _, query = rest.partition("?")
    transport = parse_qs(query).get("transport", ["udp"])[0].lower()
    if scheme not in ("stun", "turn") or transport != "udp":
        return None
    rest = rest.removeprefix("//")  # tolerate stun://host, which some guides write
    if rest.startswith("["):  # [IPv6]:port
        host, _, tail = rest[1:].partition("]")
        port_text = tail.removeprefix(":")
    else:
        host, _, port_text = rest.partition(":")
    if not host:
        raise ValueError(f"{url!r} names no host")
    return UdpTarget(host, int(port_text) if port_text else DEFAULT_PORTS[scheme])


async def probe_ice_servers(servers: list[IceServer], timeout_s: float) -> list[str]:
    """One warning per STUN/TURN URL that does not answer a STUN binding request over UDP within
    ``timeout_s`` seconds (probed concurrently). URLs a UDP probe cannot check are skipped."""
    urls = [url for server in servers for url in server.urls]
    results = await asyncio.gather(*(probe_url(url, timeout_s) for url in urls))
    return [warning for warning in results if warning is not None]


async def probe_url(url: str, timeout_s: float) -> str | None:
    """A warning if ``url`` does not answer a STUN binding request over UDP; None if it does, or
    if it cannot be probed over UDP (TLS, TCP)."""
    try:
        target = udp_target(url)
    except ValueError as exc:
        return f"{url}: cannot be probed: {exc}"
    if target is None:
        return None
    try:
        async with asyncio.timeout(timeout_s):
            await _binding_request(target, interval_s=timeout_s / MAX_SENDS)
    except TimeoutError:
        return f"{url}: no answer to a STUN binding request within {timeout_s:g} s"
    except ConnectionRefusedError:
        return f"{url}: refused (nothing listens on UDP {target.host}:{target.port})"
    except OSError as exc:  # DNS failure, unreachable network
        return f"{url}: {exc.strerror or exc}"
    return None


async def _binding_request(target: UdpTarget, *, interval_s: float) -> None:
    """Send a binding request (RFC 5389 §7) until any response arrives; the caller bounds time."""
    loop = asyncio.get_running_loop()
    request = stun.Message(message_method=stun.Method.BINDING, message_class=stun.Class.REQUEST)
    answered: asyncio.Future[None] = loop.create_future()
    transport, _ = await loop.create_datagram_endpoint(
        lambda: _ProbeProtocol(request.transaction_id, answered), remote_addr=target
    )
    try:
        for _ in range(MAX_SENDS):
            transport.sendto(bytes(request))
            done, _ = await asyncio.wait({answered}, timeout=interval_s)
            if done:
                return answered.result()
        await answered  # no more sends; wait out the caller's deadline
    finally:
        transport.close()


class _ProbeProtocol(asyncio.DatagramProtocol):
    def __init__(self, transaction_id: bytes, answered: asyncio.Future[None]) -> None:
        self._transaction_id = transaction_id
        self._answered = answered

    def datagram_received(self, data: bytes, addr: tuple[str | int, ...]) -> None:
        try:
            message = stun.parse_message(data)
        except ValueError:
            return  # not STUN: ignore, keep waiting
        # Any answer, even an error response, shows a STUN speaker at that address.
        if message.transaction_id == self._transaction_id and not self._answered.done():
            self._answered.set_result(None)

    def error_received(self, exc: Exception) -> None:
        # On a connected UDP socket, an ICMP "port unreachable" arrives here.
        if not self._answered.done():
            self._answered.set_exception(exc)
