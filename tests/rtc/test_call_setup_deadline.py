"""A call whose peer never answers reports "failed" after the setup deadline, not never."""

from __future__ import annotations

import asyncio

from rtc.call import CallEvents, CallSession
from rtc.media import MediaConfig, open_local_media
from signaling.messages import IceCandidate, SessionDescription


async def test_unanswered_offer_fails_after_the_deadline() -> None:
    local = await open_local_media(MediaConfig())
    failed = asyncio.Event()
    states: list[str] = []

    def on_state(state: str) -> None:
        states.append(state)
        if state == "failed":
            failed.set()

    sent: list[SessionDescription | IceCandidate] = []

    async def into_the_void(message: SessionDescription | IceCandidate) -> None:
        sent.append(message)  # the peer is gone: nothing ever comes back

    session = CallSession(
        call_id="c1",
        role="offerer",
        ice_servers=[],
        local=local,
        send=into_the_void,
        events=CallEvents(on_state=on_state),
        connect_timeout_s=0.5,
    )
    try:
        await session.start()
        assert isinstance(sent[0], SessionDescription) and sent[0].sdp_type == "offer"
        await asyncio.wait_for(failed.wait(), 10)
        assert session.state == "failed" and "connected" not in states
    finally:
        await session.close("test")
        await local.close()
