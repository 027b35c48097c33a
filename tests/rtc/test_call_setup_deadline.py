"""A call whose peer never answers fails after the setup deadline, not never, and says so."""

from __future__ import annotations

import asyncio

from rtc.call import CallEvents, CallSession, Outgoing
from rtc.media import MediaConfig, open_local_media
from signaling.messages import NegotiationFailed, SessionDescription


async def test_unanswered_offer_fails_after_the_deadline() -> None:
    local = await open_local_media(MediaConfig())
    failed = asyncio.Event()
    states: list[str] = []

    def on_state(state: str) -> None:
        states.append(state)
        if state == "failed":
            failed.set()

    sent: list[Outgoing] = []

    async def into_the_void(message: Outgoing) -> None:
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
        # The server hears it (docs/protocol.md §Negotiation failure): the call is ended and
        # recorded as failed rather than left open until someone hangs up.
        assert sent[1:] == [NegotiationFailed(call_id="c1", reason="not connected within 0.5 s")]
    finally:
        await session.close("test")
        await local.close()
