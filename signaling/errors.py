"""Every error Kiosklink raises on purpose.

::

    KiosklinkError
    ├── ConfigError              settings file or environment is invalid
    ├── LocalProtocolError       we tried to break the protocol (our bug)
    ├── RemoteProtocolError      the peer sent something invalid; carries the reply code
    │   ├── MalformedMessage     not JSON, not an object, fails validation  (bad_message)
    │   ├── UnknownMessageType   a ``type`` we do not know                  (unknown_type)
    │   ├── MessageTooLarge      over the size limit                        (too_large)
    │   ├── UnsupportedVersion   a protocol version we do not speak  (unsupported_version)
    │   ├── OutOfRole            valid, but not for this role or state      (out_of_role)
    │   └── RateLimited          too many messages too fast                 (rate_limited)
    ├── AuthError                unknown token, wrong password, expired     (unauthorized)
    └── IllegalTransition        a state machine got an event its state forbids

Normal outcomes (no adviser free, queue closed) are never exceptions: the routing engine returns
them as effects. See docs/protocol.md §Errors for the codes on the wire.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Codes sent to clients in an ``error`` message (docs/protocol.md §Errors)."""

    BAD_MESSAGE = "bad_message"
    UNKNOWN_TYPE = "unknown_type"
    TOO_LARGE = "too_large"
    UNSUPPORTED_VERSION = "unsupported_version"
    OUT_OF_ROLE = "out_of_role"
    RATE_LIMITED = "rate_limited"
    UNAUTHORIZED = "unauthorized"
    NOT_FOUND = "not_found"
    CONFLICT = "conflict"
    INTERNAL = "internal"


# WebSocket close codes (RFC 6455 §7.4 plus the private 4000-4999 range).
CLOSE_NORMAL = 1000
CLOSE_POLICY = 1008
CLOSE_TOO_LARGE = 1009
CLOSE_UNAUTHORIZED = 4001
CLOSE_UNSUPPORTED_VERSION = 4002
CLOSE_REPLACED = 4003
CLOSE_HELLO_TIMEOUT = 4004
CLOSE_SILENT = 4005  # no heartbeat within the timeout


class KiosklinkError(Exception):
    """Root of every error Kiosklink raises on purpose."""


class ConfigError(KiosklinkError):
    """The settings file or the environment holds an invalid value."""


class LocalProtocolError(KiosklinkError):
    """We were about to break the protocol: a bug on our side, never the peer's."""


class RemoteProtocolError(KiosklinkError):
    """The peer sent something invalid. ``code`` goes back in an ``error`` message."""

    code: ErrorCode = ErrorCode.BAD_MESSAGE
    # Whether the connection can go on after the error reply. Most errors are answered and
    # forgotten; a session that cannot be trusted any more is closed with ``close_code``.
    fatal: bool = False
    close_code: int = CLOSE_POLICY

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class MalformedMessage(RemoteProtocolError):
    code = ErrorCode.BAD_MESSAGE


class UnknownMessageType(RemoteProtocolError):
    code = ErrorCode.UNKNOWN_TYPE


class MessageTooLarge(RemoteProtocolError):
    code = ErrorCode.TOO_LARGE


class UnsupportedVersion(RemoteProtocolError):
    code = ErrorCode.UNSUPPORTED_VERSION
    fatal = True
    close_code = CLOSE_UNSUPPORTED_VERSION


class OutOfRole(RemoteProtocolError):
    code = ErrorCode.OUT_OF_ROLE


class RateLimited(RemoteProtocolError):
    code = ErrorCode.RATE_LIMITED


class AuthError(KiosklinkError):
    """Unknown kiosk token, wrong password, expired or revoked session."""

    code = ErrorCode.UNAUTHORIZED


class IllegalTransition(KiosklinkError):
    """A state machine got an event its current state does not allow."""

    def __init__(self, machine: str, state: str, event: str) -> None:
        super().__init__(f"{machine}: event {event!r} is not allowed in state {state!r}")
        self.machine = machine
        self.state = state
        self.event = event
