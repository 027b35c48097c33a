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
    │   ├── UnknownQuestion      an answer_event for no published question  (not_found)
    │   ├── BadReportQuery       signaling.reports: a period or grouping that makes no report
    │   └── RateLimited          too many messages too fast                 (rate_limited)
    ├── AuthError                unknown token, wrong password, expired     (unauthorized)
    │   └── AuthRefused          rtc.signaling_client: the server refused our hello
    ├── IllegalTransition        a state machine got an event its state forbids
    ├── InvalidAnswer            signaling.answers: refused common-questions content  (bad_message)
    │   └── FieldError           signaling.answers.editor_input: names the refused field
    ├── BundleError              kiosk.answers.bundle: a published bundle the kiosk cannot use
    ├── CacheError               kiosk.answers.cache: a download that cannot be installed
    ├── FetchFailed              kiosk.answers_sync: one fetch of the common questions failed
    │   └── NotAllowed           the server refused the kiosk's token
    ├── InvalidBooking           signaling.booking: slots or a booking that cannot be  (bad_message)
    ├── StoreError               signaling.store_records: a store operation cannot be done
    │   ├── NotFound             no such record                             (not_found)
    │   ├── Conflict             a record with that key already exists      (conflict)
    │   └── UnknownRevision      signaling.store_migrations: a newer release's schema
    ├── ClientError              a client (rtc) cannot do what its app asked
    │   ├── NotConnected         rtc.signaling_client: the link is down (also a ConnectionError)
    │   └── LoginFailed          rtc.signaling_client: POST /api/login refused the adviser
    ├── DeviceUnavailable        rtc.media.camera: a camera, microphone or speaker cannot be opened
    ├── KioskNotConnected        signaling.admin.monitor: a remote action for an offline kiosk
    └── UnknownFault             signaling.admin.fleet: no such fault (also a LookupError)

Every exception class the project defines is in this tree (tests/signaling/test_errors.py walks
them). Arguments that break a function's contract (a rating of 7 passed by our own code) raise
ValueError, as pydantic validators must.

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
CLOSE_GOING_AWAY = 1001  # the server is shutting down; clients reconnect and resume
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

    def __init__(self, detail: str, *, ref_type: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.ref_type = ref_type  # the type of the refused message, when it could be read


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


class UnknownQuestion(RemoteProtocolError):
    """An ``answer_event`` names a question the published common questions do not hold."""

    code = ErrorCode.NOT_FOUND


class RateLimited(RemoteProtocolError):
    code = ErrorCode.RATE_LIMITED


class AuthError(KiosklinkError):
    """Unknown kiosk token, wrong password, expired or revoked session."""

    code = ErrorCode.UNAUTHORIZED


class ClientError(KiosklinkError):
    """A client (the kiosk's or the console's ``rtc`` side) cannot do what its app asked."""


class IllegalTransition(KiosklinkError):
    """A state machine got an event its current state does not allow."""

    def __init__(self, machine: str, state: str, event: str) -> None:
        super().__init__(f"{machine}: event {event!r} is not allowed in state {state!r}")
        self.machine = machine
        self.state = state
        self.event = event


class InvalidBooking(KiosklinkError):
    """Staff asked for slots or a booking that cannot be (a series in the past, an unknown
    language, a span that holds no slot): answered ``bad_message`` (docs/booking.md)."""

    code = ErrorCode.BAD_MESSAGE
