"""ICE server lists and the UDP STUN probe, against real sockets on 127.0.0.1."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from typing import cast

import pytest
from aioice import stun

from signaling.auth import turn_credentials
from signaling.config import load_settings
from signaling.ice import UdpTarget, ice_servers, probe_ice_servers, udp_target
from signaling.messages import IceServer

NOW = 1_800_000_000.0


def test_nothing_configured_gives_an_explicit_empty_list() -> None:
    assert ice_servers(load_settings(env={}).ice, now=NOW) == []


def test_stun_only() -> None:
    ice = load_settings(env={"KIOSKLINK_ICE_STUN_URL": "stun:stun.example.se:3478"}).ice
    assert ice_servers(ice, now=NOW) == [IceServer(urls=["stun:stun.example.se:3478"])]


def test_turn_gets_fresh_short_lived_credentials_after_stun() -> None:
    env = {
        "KIOSKLINK_ICE_STUN_URL": "stun:t.example.se",
        "KIOSKLINK_ICE_TURN_URLS": "turn:t.example.se:3478,turns:t.example.se:443",
        "KIOSKLINK_TURN_SECRET": "shared",
        "KIOSKLINK_ICE_TURN_TTL_S": "600",
    }
    stun_entry, turn_entry = ice_servers(load_settings(env=env).ice, now=NOW)
    assert stun_entry.urls == ["stun:t.example.se"]
    assert turn_entry.urls == ["turn:t.example.se:3478", "turns:t.example.se:443"]
    assert (turn_entry.username, turn_entry.credential) == turn_credentials(
        "shared", ttl_s=600, now=NOW
    )
    assert turn_entry.username == f"{int(NOW) + 600}:kiosklink"
    later = ice_servers(load_settings(env=env).ice, now=NOW + 60)[1]
    assert later.credential != turn_entry.credential


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("stun:stun.example.se", UdpTarget("stun.example.se", 3478)),
        ("stun:127.0.0.1:19302", UdpTarget("127.0.0.1", 19302)),
        ("turn:t.example.se:3478?transport=udp", UdpTarget("t.example.se", 3478)),
        ("turn:[::1]:3479", UdpTarget("::1", 3479)),
        ("turn:t.example.se?transport=tcp", None),
        ("turns:t.example.se:443", None),
        ("stuns:t.example.se", None),
    ],
)
def test_which_urls_a_udp_probe_can_check(url: str, target: UdpTarget | None) -> None:
    assert udp_target(url) == target


class StunResponder(asyncio.DatagramProtocol):
    """The smallest STUN server: answers binding requests with the sender's address."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        request = stun.parse_message(data)
        response = stun.Message(
            message_method=stun.Method.BINDING,
            message_class=stun.Class.RESPONSE,
            transaction_id=request.transaction_id,
        )
        response.attributes["XOR-MAPPED-ADDRESS"] = addr
        self.transport.sendto(bytes(response), addr)


async def udp_endpoint(
    factory: type[asyncio.DatagramProtocol],
) -> tuple[asyncio.DatagramTransport, asyncio.DatagramProtocol, int]:
    loop = asyncio.get_running_loop()
    transport, protocol = await loop.create_datagram_endpoint(factory, local_addr=("127.0.0.1", 0))
    return transport, protocol, transport.get_extra_info("sockname")[1]


@pytest.fixture
async def stun_port() -> AsyncIterator[int]:
    transport, _, port = await udp_endpoint(StunResponder)
    yield port
    transport.close()


@pytest.fixture
async def silent_port() -> AsyncIterator[int]:
    """A UDP port that receives and never answers, like a firewalled server."""
    transport, _, port = await udp_endpoint(asyncio.DatagramProtocol)
    yield port
    transport.close()


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def test_a_server_that_answers_gives_no_warning(stun_port: int) -> None:
    servers = [
        IceServer(urls=[f"stun:127.0.0.1:{stun_port}"]),
        IceServer(urls=[f"turn:127.0.0.1:{stun_port}"], username="u", credential="c"),
    ]
    assert await probe_ice_servers(servers, timeout_s=5.0) == []


async def test_a_closed_port_is_a_warning_naming_the_url() -> None:
    url = f"stun:127.0.0.1:{closed_port()}"
    warnings = await probe_ice_servers([IceServer(urls=[url])], timeout_s=2.0)
    assert len(warnings) == 1
    assert warnings[0].startswith(url)


async def test_a_silent_server_is_a_warning_after_the_timeout(silent_port: int) -> None:
    url = f"turn:127.0.0.1:{silent_port}?transport=udp"
    warnings = await probe_ice_servers([IceServer(urls=[url])], timeout_s=0.3)
    assert len(warnings) == 1
    assert warnings[0].startswith(url)
    assert "no answer" in warnings[0]


async def test_only_the_dead_servers_are_reported(stun_port: int, silent_port: int) -> None:
    alive, dead = f"stun:127.0.0.1:{stun_port}", f"turn:127.0.0.1:{silent_port}"
    servers = [IceServer(urls=[alive]), IceServer(urls=[dead, "turns:127.0.0.1:1"])]
    warnings = await probe_ice_servers(servers, timeout_s=0.5)
    assert [w.split(": ")[0] for w in warnings] == [dead]


async def test_nothing_to_probe_gives_no_warning() -> None:
    assert await probe_ice_servers([], timeout_s=0.1) == []
