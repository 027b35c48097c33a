"""The routing engine's vocabulary: ids, levels, rules, states, effects and query results.

Everything here is public through :mod:`signaling.routing`; import from there. ``Level`` and its
rank have one definition, in :mod:`signaling.messages` (the wire vocabulary the console shares).
Pure: no clock, no I/O.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar, Literal, NewType, TypeAlias

from signaling.errors import ConfigError
from signaling.messages import LEVEL_RANK, Level

CallerId = NewType("CallerId", str)
AdviserId = NewType("AdviserId", str)
Language = NewType("Language", str)
Party = Literal["kiosk", "adviser"]  # one side of a call


@dataclass(frozen=True)
class EscalationStep:
    """From ``after_s`` seconds of waiting, advisers of ``min_level`` or better qualify; with
    ``include_fallbacks`` the caller's fallback languages count too (at the same level).

    The one definition: the settings' ``[routing] escalation`` tables are read straight into it
    (signaling.config), and :func:`escalation_problem` is the one check of a sequence of steps."""

    after_s: float
    min_level: Level
    include_fallbacks: bool = False
    # Read by pydantic when signaling.config validates settings: an unknown key is a typo.
    __pydantic_config__: ClassVar[dict[str, str]] = {"extra": "forbid"}


DEFAULT_ESCALATION: tuple[EscalationStep, ...] = (
    EscalationStep(0.0, "fluent", False),
    EscalationStep(120.0, "basic", False),
    EscalationStep(240.0, "basic", True),
)


@dataclass(frozen=True)
class RoutingRules:
    """Every number the router uses. Escalation must only ever loosen: steps start at 0 s, their
    times rise, their level never rises, and fallbacks once included stay included. The router
    relies on that to skip, in one jump, every caller who joined later than one too recent to
    qualify."""

    ring_timeout_s: float = 20.0
    max_missed_offers: int = 2
    wrap_up_s: float = 60.0
    adviser_grace_s: float = 15.0
    caller_grace_s: float = 60.0
    heartbeat_timeout_s: float = 30.0
    media_grace_s: float = 8.0
    escalation: tuple[EscalationStep, ...] = DEFAULT_ESCALATION
    handle_time_window: int = 50
    prior_handle_time_s: float = 300.0

    def __post_init__(self) -> None:
        positive = {
            "ring_timeout_s": self.ring_timeout_s,
            "heartbeat_timeout_s": self.heartbeat_timeout_s,
            "prior_handle_time_s": self.prior_handle_time_s,
        }
        for name, value in positive.items():
            if not value > 0:
                raise ConfigError(f"routing.{name} must be positive, not {value}")
        for name in ("wrap_up_s", "adviser_grace_s", "caller_grace_s", "media_grace_s"):
            if not getattr(self, name) >= 0:
                raise ConfigError(f"routing.{name} must not be negative")
        if self.max_missed_offers < 1 or self.handle_time_window < 1:
            raise ConfigError("routing.max_missed_offers and handle_time_window must be >= 1")
        problem = escalation_problem(self.escalation)
        if problem is not None:
            raise ConfigError(f"routing.escalation: {problem}")

    def step_at(self, joined_at: float, now: float) -> EscalationStep:
        """The active step: the last one with ``joined_at + after_s <= now`` (the first if none)."""
        active = self.escalation[0]
        for step in self.escalation[1:]:
            if joined_at + step.after_s <= now:
                active = step
            else:
                break
        return active

    def next_step_time(self, joined_at: float, now: float) -> float | None:
        """When the caller's rules loosen next, or None once the last step is reached."""
        for step in self.escalation:
            when = joined_at + step.after_s
            if when > now:
                return when
        return None


def escalation_problem(steps: tuple[EscalationStep, ...]) -> str | None:
    """Why ``steps`` are not a valid escalation, or None. Escalation must only ever loosen: it
    starts at 0 s, its times rise, its level never rises, and fallbacks once included stay."""
    if not steps:
        return "needs at least one step"
    if steps[0].after_s != 0:
        return "the first step must start at after_s = 0"
    for step in steps:
        if step.min_level not in LEVEL_RANK:
            return f"unknown level {step.min_level!r}"
    for before, after in itertools.pairwise(steps):
        if after.after_s <= before.after_s:
            return "after_s must strictly increase from step to step"
        if LEVEL_RANK[after.min_level] > LEVEL_RANK[before.min_level]:
            return "min_level may only go down over time (native > fluent > basic)"
        if before.include_fallbacks and not after.include_fallbacks:
            return "include_fallbacks, once true, must stay true in later steps"
    return None


class AdviserState(StrEnum):
    """Values match ``messages.AdviserStatus.status`` where they overlap."""

    AWAY = "away"
    AVAILABLE = "available"
    OFFERED = "offered"
    IN_CALL = "in_call"
    WRAP_UP = "wrap_up"
    DISCONNECTED = "disconnected"
    SIGNED_OUT = "signed_out"


class CallerState(StrEnum):
    WAITING = "waiting"
    OFFERED = "offered"
    IN_CALL = "in_call"
    HELD = "held"  # the adviser vanished mid-call; their grace is running
    ENDED = "ended"


# --------------------------------------------------------------------------------------------------
# Effects: what the adapter must carry out, in order.


@dataclass(frozen=True)
class OfferMade:
    caller: CallerId
    adviser: AdviserId
    expires_at: float


@dataclass(frozen=True)
class OfferRevoked:
    caller: CallerId
    adviser: AdviserId
    reason: Literal["timeout", "caller_left", "declined", "disconnected"]


@dataclass(frozen=True)
class CallConnected:
    caller: CallerId
    adviser: AdviserId


@dataclass(frozen=True)
class CallHeld:
    """The adviser vanished mid-call; the kiosk shows "reconnecting" until ``until``."""

    caller: CallerId
    adviser: AdviserId
    until: float


@dataclass(frozen=True)
class CallResumed:
    caller: CallerId
    adviser: AdviserId


@dataclass(frozen=True)
class MediaInterrupted:
    """One party of the call reported the other's media stopped: both are told, and the call
    ends at ``until`` unless the media comes back (docs/protocol.md §Faults)."""

    caller: CallerId
    adviser: AdviserId
    until: float


@dataclass(frozen=True)
class MediaRestored:
    """The media of an interrupted call flows again, both ways."""

    caller: CallerId
    adviser: AdviserId


# A silent adviser or kiosk: the media grace ran out (docs/protocol.md §Faults).
SilentReason = Literal["adviser_silent", "kiosk_silent"]


@dataclass(frozen=True)
class CallerRequeued:
    """Back in a queue with the original joined_at, so near or at its head."""

    caller: CallerId
    reason: Literal["adviser_lost", "transferred"] | SilentReason


@dataclass(frozen=True)
class CallEnded:
    caller: CallerId
    adviser: AdviserId
    reason: Literal["hangup", "adviser_lost", "transferred", "negotiation_failed"] | SilentReason


@dataclass(frozen=True)
class CallerRemoved:
    caller: CallerId
    reason: Literal["cancelled", "abandoned", "ended", "failed"]


@dataclass(frozen=True)
class PositionChanged:
    caller: CallerId
    language: Language
    position: int
    wait: tuple[int, int] | None  # (low_s, high_s); None: no adviser for the language is staffed


@dataclass(frozen=True)
class AdviserStateChanged:
    adviser: AdviserId
    state: AdviserState
    reason: str
    until: float | None  # wrap-up end, when state is WRAP_UP


Effect: TypeAlias = (
    OfferMade
    | OfferRevoked
    | CallConnected
    | CallHeld
    | CallResumed
    | MediaInterrupted
    | MediaRestored
    | CallerRequeued
    | CallEnded
    | CallerRemoved
    | PositionChanged
    | AdviserStateChanged
)


# --------------------------------------------------------------------------------------------------
# Query results


@dataclass(frozen=True)
class WaitingCaller:
    """What the adapter persists so a restart loses nobody in line."""

    caller: CallerId
    language: Language
    topic: str | None
    fallbacks: tuple[Language, ...]
    priority: int
    joined_at: float


@dataclass(frozen=True)
class QueueStats:
    language: Language
    waiting: int
    longest_wait_s: float
    advisers_available: int
    advisers_staffed: int
