"""Per-connection protocol state (pure): handshake, role rules and rate limiting.

Rules (docs/protocol.md §Handshake, §Limits):

1. A connection starts in ``AWAITING_HELLO``. The only message allowed there is ``hello``; anything
   else is answered with ``out_of_role`` and the connection stays open until the hello timeout.
2. After a valid hello the adapter authenticates and calls :meth:`ConnectionState.authenticated`;
   the state becomes ``OPEN``. A second ``hello`` is ``out_of_role``.
3. In ``OPEN`` every message of the role's union is allowed; which ones make sense in the current
   call state is the routing engine's business, not this module's.
4. Each frame costs one token from a bucket refilled at ``rate_per_s`` up to ``burst``, before it
   is parsed: binary frames, garbage, oversized, unknown and out-of-role messages cost as much as
   valid ones (:meth:`ConnectionState.charge`). A frame with no token left is refused with
   ``rate_limited``; after ``max_strikes`` refusals in a row the adapter closes the connection
   (1008), so a flooding client cannot keep the server busy, whatever it floods with.
5. The role check (:meth:`ConnectionState.check_role`) runs on the parsed message's type.

The clock is an argument: ``now`` is any monotonic float in seconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from signaling.errors import OutOfRole, RateLimited


class Phase(StrEnum):
    AWAITING_HELLO = "awaiting_hello"
    OPEN = "open"
    CLOSED = "closed"


@dataclass
class TokenBucket:
    rate_per_s: float
    burst: float
    tokens: float = field(init=False)
    updated_at: float | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.tokens = self.burst

    def take(self, now: float) -> bool:
        if self.updated_at is not None:
            elapsed = max(0.0, now - self.updated_at)
            self.tokens = min(self.burst, self.tokens + elapsed * self.rate_per_s)
        self.updated_at = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


@dataclass
class ConnectionState:
    """What one WebSocket connection may do next: charge every frame, check every message's type."""

    rate_per_s: float = 20.0
    burst: float = 40.0
    max_strikes: int = 20
    phase: Phase = Phase.AWAITING_HELLO
    strikes: int = 0
    _bucket: TokenBucket = field(init=False)

    def __post_init__(self) -> None:
        self._bucket = TokenBucket(self.rate_per_s, self.burst)

    def charge(self, now: float) -> None:
        """Charge one frame, whatever it holds, or raise :class:`RateLimited` (rule 4)."""
        if not self._bucket.take(now):
            self.strikes += 1
            raise RateLimited(f"more than {self.rate_per_s:g} messages per second")
        self.strikes = 0

    def check_role(self, message_type: str) -> None:
        """Raise :class:`OutOfRole` for a message this phase does not allow (rules 1-3)."""
        if self.phase is Phase.AWAITING_HELLO and message_type != "hello":
            raise OutOfRole(f"send 'hello' first, not {message_type!r}")
        if self.phase is Phase.OPEN and message_type == "hello":
            raise OutOfRole("already said hello on this connection")
        if self.phase is Phase.CLOSED:
            raise OutOfRole("connection is closing")

    @property
    def should_close(self) -> bool:
        return self.strikes >= self.max_strikes

    def authenticated(self) -> None:
        self.phase = Phase.OPEN

    def closed(self) -> None:
        self.phase = Phase.CLOSED
