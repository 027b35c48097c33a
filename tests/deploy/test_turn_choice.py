"""The first TURN URL a kiosk can reach goes first, since aiortc uses only the first one.

The scene of AIORTC.md pitfall 5: the operator lists UDP TURN first and TCP TURN after it, and this
kiosk's network lets no UDP through (here: nothing listens on the UDP port named first). Handed over
as they are, the relay-only call fails; reordered by ``rtc.ice_choice.reachable_first``, it
connects through coturn over TCP.
"""

from __future__ import annotations

import socket
import time

from pydantic import SecretStr

from rtc import ice_choice
from signaling.config import IceSettings
from signaling.ice import ice_servers
from signaling.messages import IceServer
from tests.deploy.conftest import TURN_SECRET
from tests.deploy.coturn import Coturn
from tests.deploy.test_turn_relay import FRAMES, RelayedCall, _until


def dead_udp_url() -> str:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"turn:127.0.0.1:{port}?transport=udp"


def minted(urls: tuple[str, ...]) -> list[IceServer]:
    settings = IceSettings(
        stun_url="stun:127.0.0.1:9", turn_urls=urls, turn_secret=SecretStr(TURN_SECRET)
    )
    return ice_servers(settings, now=time.time())


async def test_unreachable_first_turn_url_is_passed_over(
    coturn: Coturn, relayed_call: RelayedCall
) -> None:
    ice_choice.forget()
    dead, tcp = dead_udp_url(), coturn.url("tcp")
    servers = minted((dead, tcp))
    assert ice_choice.turn_urls(servers) == [dead, tcp]

    chosen = await ice_choice.reachable_first(servers, timeout_s=1.0)
    assert ice_choice.turn_urls(chosen) == [tcp, dead]
    turn_entry = next(s for s in chosen if s.urls[0] == tcp)
    assert turn_entry.username == servers[1].username  # the credentials travel with the URLs

    # Remembered: the second call does not wait for the dead URL's probe again.
    started = time.monotonic()
    again = await ice_choice.reachable_first(minted((dead, tcp)), timeout_s=1.0)
    assert ice_choice.turn_urls(again)[0] == tcp and time.monotonic() - started < 0.5

    stun_free = [s for s in chosen if any(u.startswith("turn") for u in s.urls)]
    await relayed_call.start(offerer=stun_free, answerer=stun_free)
    offerer, answerer = relayed_call.session("offerer"), relayed_call.session("answerer")
    await _until(
        lambda: offerer.remote_video_frames >= FRAMES and answerer.remote_video_frames >= FRAMES,
        "video through the TCP relay",
    )


async def test_one_or_no_turn_url_is_left_alone_without_probing() -> None:
    ice_choice.forget()
    only = [IceServer(urls=[dead_udp_url()], username="u", credential="c")]
    started = time.monotonic()
    assert await ice_choice.reachable_first(only, timeout_s=5.0) == only
    assert await ice_choice.reachable_first([], timeout_s=5.0) == []
    assert time.monotonic() - started < 0.5, "nothing to choose: nothing probed"


async def test_nothing_reachable_keeps_the_operators_order() -> None:
    ice_choice.forget()
    servers = [IceServer(urls=[dead_udp_url(), dead_udp_url()], username="u", credential="c")]
    assert await ice_choice.reachable_first(servers, timeout_s=0.5) == servers
