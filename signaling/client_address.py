"""Who is asking (pure): the client's address, read through the proxies we trust and no others.

``X-Forwarded-For`` is written by whoever sent the request, so it is only as honest as the sender.
The rule (as in RFC 7239 §7.4 and nginx's ``real_ip_recursive``):

1. The direct peer (the TCP connection) is always true. If it is not a trusted proxy, it *is* the
   client, and every forwarding header is ignored: anyone can write one.
2. If it is trusted, the chain ``X-Forwarded-For: a, b, c`` is read from the right (each proxy
   appends the address it saw); trusted addresses are skipped, and the first untrusted one is
   the client. Entries left of it were written by the client itself and are never believed.
3. An entry that is not an IP address ends the walk: the last address before it (a trusted proxy,
   which saw the connection) is the best we know.

``server.trusted_proxies`` lists addresses and networks (``127.0.0.1``, ``10.0.0.0/8``); the default
trusts none. Sign-in throttling, ``/metrics``'s allow-list and the own-origin check
(``X-Forwarded-Proto``) all read the address from here.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_networks(texts: Iterable[str]) -> tuple[Network, ...]:
    """``["127.0.0.1", "10.0.0.0/8", "::1"]`` as networks; raises ValueError naming a bad entry."""
    networks = []
    for text in texts:
        try:
            networks.append(ipaddress.ip_network(text.strip(), strict=False))
        except ValueError:
            raise ValueError(f"{text!r} is not an IP address or network (CIDR)") from None
    return tuple(networks)


def parse_address(text: str | None) -> Address | None:
    """An IP address, or None for anything else (a unix socket, a name, garbage, a port)."""
    if not text:
        return None
    candidate = text.strip()
    if candidate.startswith("[") and "]" in candidate:  # "[::1]:443" from RFC 7239 habits
        candidate = candidate[1 : candidate.index("]")]
    try:
        address = ipaddress.ip_address(candidate.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped  # "::ffff:192.0.2.1" from a dual-stack socket
    return address


def is_within(address: Address | None, networks: Sequence[Network]) -> bool:
    return address is not None and any(address in network for network in networks)


def client_address(
    peer: str | None, forwarded_for: Sequence[str], trusted: Sequence[Network]
) -> str | None:
    """The client's address by the rule above.

    ``peer`` is the TCP peer (``request.remote``); ``forwarded_for`` every ``X-Forwarded-For``
    header in the order received. Returns the address as text, or ``peer`` unchanged when it is
    not an IP address (then nothing is trusted).
    """
    current = parse_address(peer)
    if current is None or not is_within(current, trusted):
        return peer
    hops = [hop for header in forwarded_for for hop in header.split(",") if hop.strip()]
    for hop in reversed(hops):
        address = parse_address(hop)
        if address is None:
            break  # rule 3
        current = address
        if not is_within(address, trusted):
            break  # rule 2: the right-most untrusted address
    return str(current)


def forwarded_scheme(
    peer: str | None, forwarded_proto: str | None, scheme: str, trusted: Sequence[Network]
) -> str:
    """``https`` when a trusted proxy says it took the request over TLS, else the socket's own."""
    if forwarded_proto and is_within(parse_address(peer), trusted):
        said = forwarded_proto.split(",")[0].strip().lower()
        if said in ("http", "https"):
            return said
    return scheme
