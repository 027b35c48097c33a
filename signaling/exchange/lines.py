"""The exchange's memory of who is on the line, shared by its input side and its effect side."""

from __future__ import annotations

from dataclasses import dataclass, field

from signaling import routing as r
from signaling.exchange.actions import Action
from signaling.links import AdviserLink, Caller, ConnId, KioskLink


@dataclass(frozen=True)
class FailedSetup:
    """A call that could not be set up, as told by one side (§Negotiation failure)."""

    reason: str
    kiosk: ConnId | None  # the kiosk's connection, to tell it
    requeue: bool  # the kiosk goes back in line (as a new visit) rather than to a clear end


@dataclass
class Lines:
    """Connections by kiosk and adviser id, callers by id, and the actions of the current input.

    ``out`` collects the actions of one input call; the exchange hands it out and clears it.
    """

    kiosks: dict[str, KioskLink] = field(default_factory=dict)
    advisers: dict[str, AdviserLink] = field(default_factory=dict)
    callers: dict[r.CallerId, Caller] = field(default_factory=dict)
    by_resume_hash: dict[str, r.CallerId] = field(default_factory=dict)
    kiosk_left: set[r.CallerId] = field(default_factory=set)  # adviser hears "peer_left"
    rejoined: set[r.CallerId] = field(default_factory=set)  # places taken over by a new join
    failed_setups: dict[r.CallerId, FailedSetup] = field(default_factory=dict)  # being ended
    out: list[Action] = field(default_factory=list)

    def remember(self, caller: Caller) -> None:
        self.callers[caller.id] = caller
        self.by_resume_hash[caller.resume_hash] = caller.id
