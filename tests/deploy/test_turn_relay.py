"""A real call relayed by a real coturn: the deploy config, Kiosklink's TURN credentials, aiortc.

Both parties run with the relay-only ICE policy, so they offer nothing but the address coturn
allocated for them; the call can only work if coturn accepts the credentials that
``signaling.ice.ice_servers`` minted from ``ice.turn_secret`` and relays the media. The test then
checks that it did, three ways: every candidate in both SDPs is ``typ relay``, the pair each side
sends on joins two relay candidates, and coturn's own log counts relayed peer traffic for the
minted usernames. The negative: credentials from another secret (the Kiosklink server and coturn
configured apart) get no allocation, and both parties report "failed" at once.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from pydantic import SecretStr

from rtc.call import CallEvents, CallSession, Outgoing
from rtc.media import LocalMedia, MediaConfig, open_local_media
from signaling.config import IceSettings
from signaling.ice import ice_servers
from signaling.messages import IceServer, NegotiationFailed
from tests.deploy.conftest import TURN_SECRET
from tests.deploy.coturn import Coturn

CALL = "relay-call"
FRAMES = 15  # decoded video frames each way that prove media flows
# Small pictures: the point is the path, not the picture; keeps two encoders cheap on CI.
MEDIA = MediaConfig(width=320, height=240, fps=15)


@dataclass
class Party:
    session: CallSession
    local: LocalMedia
    states: list[str] = field(default_factory=list)


class Link:
    """In-memory signaling: what one session sends, the other handles, in order."""

    def __init__(self) -> None:
        self.queues: dict[str, asyncio.Queue[Outgoing]] = {
            "offerer": asyncio.Queue(),
            "answerer": asyncio.Queue(),
        }
        self._pumps: list[asyncio.Task[None]] = []

    def start(self, parties: dict[str, Party]) -> None:
        self._pumps = [
            asyncio.create_task(self._pump(self.queues[role], party.session))
            for role, party in parties.items()
        ]

    @staticmethod
    async def _pump(queue: asyncio.Queue[Outgoing], session: CallSession) -> None:
        while True:
            message = await queue.get()
            if not isinstance(message, NegotiationFailed):  # for the server, not the peer
                await session.handle(message)

    async def stop(self) -> None:
        for task in self._pumps:
            task.cancel()
        await asyncio.gather(*self._pumps, return_exceptions=True)


def turn_servers(coturn: Coturn, transport: str, secret: str) -> list[IceServer]:
    """What the Kiosklink server would hand a kiosk in ``call_started``, minted now."""
    settings = IceSettings(turn_urls=(coturn.url(transport),), turn_secret=SecretStr(secret))
    return ice_servers(settings, now=time.time())


class RelayedCall:
    """Two relay-only parties joined by a :class:`Link`; ``close()`` ends everything."""

    def __init__(self) -> None:
        self.link = Link()
        self.parties: dict[str, Party] = {}

    async def start(self, *, offerer: list[IceServer], answerer: list[IceServer]) -> None:
        for role, ice in (("answerer", answerer), ("offerer", offerer)):
            local = await open_local_media(MEDIA)
            states: list[str] = []
            session = CallSession(
                call_id=CALL,
                role="offerer" if role == "offerer" else "answerer",
                ice_servers=ice,
                local=local,
                send=self.link.queues["answerer" if role == "offerer" else "offerer"].put,
                events=CallEvents(on_state=states.append),
                relay_only=True,
            )
            self.parties[role] = Party(session, local, states)
        self.link.start(self.parties)
        await self.parties["offerer"].session.start()

    def session(self, role: str) -> CallSession:
        return self.parties[role].session

    async def close(self) -> None:
        await self.link.stop()
        for party in self.parties.values():
            await party.session.close()
            await party.local.close()


async def _until(predicate: Callable[[], bool], what: str, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)


def _candidate_types(sdp: str) -> list[str]:
    return re.findall(r"^a=candidate:.* typ (\w+)", sdp, flags=re.MULTILINE)


def _selected_pair_types(session: CallSession) -> tuple[str, str]:
    """(local, remote) candidate type of the pair media is sent on. aiortc reports no candidate
    pair stats (AIORTC.md pitfall 10), so this reads aioice's nominated pair directly."""
    dtls = session.pc.getTransceivers()[0].sender.transport
    pair = dtls.transport._connection._nominated[1]
    return pair.local_candidate.type, pair.remote_candidate.type


# udp and tcp: turn: on 3478 in production; tls: turns: on 443, for networks that pass only HTTPS.
@pytest.mark.parametrize("transport", ["udp", "tcp", "tls"])
async def test_media_flows_through_the_relay_only(
    coturn: Coturn, relayed_call: RelayedCall, transport: str
) -> None:
    # Each party gets its own credentials, as each gets its own call_started from the server.
    offerer_ice = turn_servers(coturn, transport, TURN_SECRET)
    answerer_ice = turn_servers(coturn, transport, TURN_SECRET)
    await relayed_call.start(offerer=offerer_ice, answerer=answerer_ice)

    offerer, answerer = relayed_call.session("offerer"), relayed_call.session("answerer")
    await _until(
        lambda: offerer.remote_video_frames >= FRAMES and answerer.remote_video_frames >= FRAMES,
        "video frames decoded both ways",
    )
    assert offerer.remote_audio_frames > 0 and answerer.remote_audio_frames > 0

    for session in (offerer, answerer):
        types = _candidate_types(session.pc.localDescription.sdp)
        assert types and set(types) == {"relay"}, types
        assert _selected_pair_types(session) == ("relay", "relay")

    # coturn's side of the story: both minted usernames allocated, and peer data went through.
    log = coturn.log()
    for ice in (offerer_ice, answerer_ice):
        assert f"user <{ice[0].username}>" in log
    assert "ALLOCATE processed, success" in log
    if transport == "tls":
        assert re.search(r"username=<\d+:kiosklink>, .*method=TLSv1\.[23]", log)
    await relayed_call.close()  # deallocates, so coturn writes each session's usage line
    await _until(lambda: len(_peer_bytes(coturn.log())) >= 2, "coturn's usage lines", 10.0)
    assert all(received > 0 for received in _peer_bytes(coturn.log()))


def _peer_bytes(log: str) -> list[int]:
    """Bytes received from peers, per closed session with a Kiosklink username."""
    pattern = r"peer usage: realm=<[^>]*>, username=<\d+:kiosklink>, rp=\d+, rb=(\d+)"
    return [int(found) for found in re.findall(pattern, log)]


async def test_credentials_from_another_secret_do_not_connect(
    coturn: Coturn, relayed_call: RelayedCall
) -> None:
    # The classic mistake: KIOSKLINK_TURN_SECRET differs from coturn's static-auth-secret.
    wrong = "not-" + TURN_SECRET
    offerer_ice, answerer_ice = (
        turn_servers(coturn, "udp", wrong),
        turn_servers(coturn, "udp", wrong),
    )
    await relayed_call.start(offerer=offerer_ice, answerer=answerer_ice)
    # coturn refused both allocations, so relay-only leaves no candidate at all, and the session
    # says "failed" at once instead of waiting in "new" (aiortc never starts ICE then).
    parties = relayed_call.parties
    await _until(lambda: len(parties) == 2 and "failed" in parties["answerer"].states, "failed")
    for party in parties.values():
        assert party.states == ["failed"]
        assert _candidate_types(party.session.pc.localDescription.sdp) == []
        assert party.session.remote_video_frames == 0
    log = coturn.log()
    assert "ALLOCATE processed, success" not in log
    for ice in (offerer_ice, answerer_ice):
        refused = rf"user <{re.escape(str(ice[0].username))}>: .* error 401: Unauthorized"
        assert re.search(refused, log), log[-2000:]
