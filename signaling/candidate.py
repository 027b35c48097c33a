"""The ICE candidate line an ``ice`` message may carry (docs/protocol.md §ICE candidates).

The server relays only candidates the far party can read: a bad one is refused with
``bad_message`` to its sender instead of reaching a peer whose WebRTC stack would choke on it
(issue 11: aiortc raised ``ValueError`` and ended the reader). The grammar is RFC 8839 §5.1's
``candidate-attribute`` as the W3C ``RTCIceCandidate.candidate`` carries it, without ``a=``::

    candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type>
              [raddr <address>] [rport <port>] [<extension name> <value>]...

checked field by field as the readers on both sides (aiortc's ``candidate_from_sdp``, Chromium's
``addIceCandidate``) read them. The empty string is the end of candidates (W3C) and always fine.

Pure: no I/O.
"""

from __future__ import annotations

import re

PREFIX = "candidate:"
_FOUNDATION = re.compile(r"^[A-Za-z0-9+/]{1,32}$")  # ice-char, RFC 8839 §5.1
_TRANSPORTS = frozenset({"udp", "tcp"})
_TYPES = frozenset({"host", "srflx", "prflx", "relay"})
_TCP_TYPES = frozenset({"active", "passive", "so"})
_NAME = re.compile(r"^[A-Za-z0-9-]{1,32}$")


def candidate_problem(candidate: str) -> str | None:
    """What makes ``candidate`` unreadable, or None when it is a readable candidate line or the
    end of candidates (``""``)."""
    if candidate == "":
        return None
    if not candidate.startswith(PREFIX):
        return f'a candidate starts with {PREFIX!r} (the end of candidates is "")'
    fields = candidate[len(PREFIX) :].split(" ")
    if len(fields) < 8 or len(fields) % 2:
        return (
            "a candidate has foundation, component, transport, priority, address, port, "
            "'typ', type, then name-value pairs"
        )
    return _fixed_problem(fields[:8]) or _extensions_problem(fields[8:])


def _fixed_problem(fields: list[str]) -> str | None:
    foundation, component, transport, priority, address, port, typ, kind = fields
    if not _FOUNDATION.match(foundation):
        return "foundation: 1 to 32 letters, digits, '+' or '/'"
    if not _is_number(component, 3) or not 1 <= int(component) <= 256:
        return "component: a number from 1 to 256"
    if transport.lower() not in _TRANSPORTS:
        return "transport: udp or tcp"
    if not _is_number(priority, 10) or int(priority) >= 2**32:
        return "priority: a number below 2^32"
    if not address or len(address) > 255:
        return "address: an IP address or a host name"
    if not _is_port(port):
        return "port: a number from 0 to 65535"
    if typ != "typ" or kind not in _TYPES:
        return "'typ' then host, srflx, prflx or relay"
    return None


def _extensions_problem(fields: list[str]) -> str | None:
    for name, value in zip(fields[::2], fields[1::2], strict=True):
        if not _NAME.match(name) or not value:
            return f"extension {name[:32]!r}: a name then a value"
        if name == "rport" and not _is_port(value):
            return "rport: a number from 0 to 65535"
        if name == "tcptype" and value not in _TCP_TYPES:
            return "tcptype: active, passive or so"
    return None


def _is_number(text: str, digits: int) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= digits


def _is_port(text: str) -> bool:
    return _is_number(text, 5) and int(text) <= 65535
