"""The ``doc`` data channel's adapter: one aiortc channel, one :class:`~rtc.documents.DocumentLink`.

:class:`rtc.call.CallSession` makes one per peer connection and hands it the channel (created by
the offerer before its offer, taken from ``datachannel`` by the answerer). Every input (a message,
the channel opening, its buffer running low, the app's intent) feeds the link, then :meth:`pump`
sends what the link returns and reports its events. Chunks go out only while the channel's
``bufferedAmount`` is under :data:`~rtc.document_wire.HIGH_WATER`; ``bufferedamountlow`` (at
:data:`~rtc.document_wire.LOW_WATER`) refills it, so a picture neither balloons the send queue
nor holds the real-time text behind it for long (docs/protocol.md §Documents in a call).

When the channel opens it caps the call's SCTP slow start at :data:`SLOW_START_CAP`
(:func:`cap_slow_start`): without it the first page of a call overflows the receiving socket and
takes seconds to recover (docs/performance.md §Documents in a call). It also keeps that cap as
the floor of the threshold after a retransmission timeout (:func:`floor_after_timeout`): a
receiver whose loop stalls (an interpreter's connections starting on it) otherwise leaves the rest
of the page crawling at a packet more per round trip (docs/performance.md, "A page while an
interpreter joins").
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from rtc import document_wire as wire
from rtc.documents import DocumentLink, Dropped, Event

log = logging.getLogger(__name__)

# aiortc 1.16's SCTP starts its slow-start threshold at the peer's advertised receive window
# (1 MiB, never enforced), so the first transfer of a call doubles its congestion window until
# the receiving UDP socket overflows (Linux's default 208 KiB buffer holds about 90 packets); a
# third of the page is then sent again, at a few packets per SACK, or after a timeout of at least
# 1 s. 64 KiB is about where later pages settle after that first loss anyway; from there the
# window still grows, by a packet per window acknowledged (congestion avoidance).
SLOW_START_CAP = 64 * 1024


def cap_slow_start(sctp: Any, cap: int) -> bool:
    """Lower ``sctp``'s (an open aiortc RTCSctpTransport) slow-start threshold to ``cap``; never
    raise it. False, and a warning, if this aiortc keeps the threshold elsewhere (an upgrade):
    documents then still arrive, only the first page of a call more slowly."""
    threshold = getattr(sctp, "_ssthresh", None)
    if not isinstance(threshold, int):
        log.warning("document channel: no SCTP slow-start threshold to cap in this aiortc")
        return False
    sctp._ssthresh = min(threshold, cap)
    return True


def floor_after_timeout(sctp: Any, floor: int) -> bool:
    """After each T3 (retransmission) timeout of ``sctp`` (an open aiortc RTCSctpTransport) keep
    its slow-start threshold at ``floor`` at least. The window still restarts at one packet,
    as RFC 9260 §7.2.3 says; only the climb back is slow start up to ``floor`` (where every call
    starts, :data:`SLOW_START_CAP`) instead of aiortc's four packets, from which the window grows
    by one packet per round trip. False, and a warning, if this aiortc has no such timer."""
    expired = getattr(sctp, "_t3_expired", None)
    if not callable(expired) or not isinstance(getattr(sctp, "_ssthresh", None), int):
        log.warning("document channel: no SCTP retransmission timer to floor in this aiortc")
        return False

    def t3_expired() -> None:
        expired()
        sctp._ssthresh = max(sctp._ssthresh, floor)

    # aiortc arms the timer with ``call_later(self._rto, self._t3_expired)``: the instance's.
    sctp._t3_expired = t3_expired
    return True


class DocumentChannel:
    def __init__(
        self,
        link: DocumentLink,
        on_event: Callable[[Event], None],
        *,
        slow_start_cap: int | None = SLOW_START_CAP,
    ) -> None:
        self.link = link
        self._on_event = on_event
        self.slow_start_cap = slow_start_cap  # None leaves aiortc's own (bench/documents_bench.py)
        self._channel: Any = None  # aiortc's RTCDataChannel (untyped)
        self._closed = False

    def attach(self, channel: Any) -> None:
        self._channel = channel
        channel.bufferedAmountLowThreshold = wire.LOW_WATER
        channel.on("open", self._on_open)
        channel.on("bufferedamountlow", self.pump)
        channel.on("message", self._on_message)
        if channel.readyState == "open":  # the answerer's: it opened before "datachannel"
            self._on_open()
        else:
            self.pump()

    @property
    def channel(self) -> Any:
        """The aiortc channel (None until there is one); what a misbehaving peer sends on."""
        return self._channel

    @property
    def open(self) -> bool:
        return self._channel is not None and self._channel.readyState == "open"

    def _on_open(self) -> None:
        # Only now: aiortc sets the threshold from the peer's INIT when the association starts.
        if self.slow_start_cap is not None:
            cap_slow_start(self._channel.transport, self.slow_start_cap)
            floor_after_timeout(self._channel.transport, self.slow_start_cap)
        self.pump()

    def _on_message(self, data: str | bytes) -> None:
        if not self._closed:
            self.link.receive(data)
            self.pump()

    def pump(self) -> None:
        """Send what the link has for the channel's free room, then report the link's events."""
        channel = self._channel
        if self.open and not self._closed:
            for message in self.link.outgoing(wire.HIGH_WATER - channel.bufferedAmount):
                channel.send(message)
        for event in self.link.events_received():
            if isinstance(event, Dropped):
                log.info("document channel: dropped a message (%s)", event.detail)
            if not self._closed:
                self._on_event(event)

    def close(self) -> None:
        """The call ends: forget any transfer; what arrives later is ignored."""
        self._closed = True
        self.link.close()
