"""The ``doc`` data channel's adapter: one aiortc channel, one :class:`~rtc.documents.DocumentLink`.

:class:`rtc.call.CallSession` makes one per peer connection and hands it the channel (created by
the offerer before its offer, taken from ``datachannel`` by the answerer). Every input (a message,
the channel opening, its buffer running low, the app's intent) feeds the link, then :meth:`pump`
sends what the link returns and reports its events. Chunks go out only while the channel's
``bufferedAmount`` is under :data:`~rtc.document_wire.HIGH_WATER`; ``bufferedamountlow`` (at
:data:`~rtc.document_wire.LOW_WATER`) refills it, so a picture neither balloons the send queue
nor holds the real-time text behind it for long (docs/protocol.md §Documents in a call).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from rtc import document_wire as wire
from rtc.documents import DocumentLink, Dropped, Event

log = logging.getLogger(__name__)


class DocumentChannel:
    def __init__(self, link: DocumentLink, on_event: Callable[[Event], None]) -> None:
        self.link = link
        self._on_event = on_event
        self._channel: Any = None  # aiortc's RTCDataChannel (untyped)
        self._closed = False

    def attach(self, channel: Any) -> None:
        self._channel = channel
        channel.bufferedAmountLowThreshold = wire.LOW_WATER
        channel.on("open", self.pump)
        channel.on("bufferedamountlow", self.pump)
        channel.on("message", self._on_message)
        self.pump()

    @property
    def channel(self) -> Any:
        """The aiortc channel (None until there is one); what a misbehaving peer sends on."""
        return self._channel

    @property
    def open(self) -> bool:
        return self._channel is not None and self._channel.readyState == "open"

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
