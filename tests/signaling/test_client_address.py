"""The client's address through trusted proxies only (signaling.client_address), pure."""

from __future__ import annotations

import re

import pytest

from signaling.client_address import client_address, forwarded_scheme, parse_networks

NGINX = parse_networks(["127.0.0.1", "::1"])
TWO_HOPS = parse_networks(["127.0.0.1", "10.0.0.0/8"])


def test_an_untrusted_peer_is_the_client_whatever_it_writes() -> None:
    assert client_address("203.0.113.9", ["198.51.100.1"], ()) == "203.0.113.9"
    assert client_address("203.0.113.9", ["198.51.100.1"], NGINX) == "203.0.113.9"


def test_a_trusted_proxy_is_believed_for_the_address_it_appended() -> None:
    assert client_address("127.0.0.1", ["203.0.113.9"], NGINX) == "203.0.113.9"
    assert client_address("::1", ["2001:db8::5"], NGINX) == "2001:db8::5"


def test_addresses_the_client_wrote_itself_are_ignored() -> None:
    # The client sent "X-Forwarded-For: 198.51.100.1"; nginx appended what it saw.
    spoofed = ["198.51.100.1, 203.0.113.9"]
    assert client_address("127.0.0.1", spoofed, NGINX) == "203.0.113.9"


def test_the_right_most_untrusted_address_across_proxies_and_headers() -> None:
    chain = ["198.51.100.1, 203.0.113.9", "10.1.2.3"]  # two headers: one per proxy
    assert client_address("127.0.0.1", chain, TWO_HOPS) == "203.0.113.9"


def test_all_trusted_gives_the_left_most() -> None:
    assert client_address("127.0.0.1", ["10.0.0.5, 10.0.0.6"], TWO_HOPS) == "10.0.0.5"
    assert client_address("127.0.0.1", [], TWO_HOPS) == "127.0.0.1"


@pytest.mark.parametrize("garbage", ["unknown", "203.0.113.9:5555", "", "<script>", "999.1.1.1"])
def test_an_entry_that_is_no_address_stops_the_walk_at_the_last_proxy(garbage: str) -> None:
    assert client_address("127.0.0.1", [f"{garbage}, 10.0.0.7"], TWO_HOPS) == "10.0.0.7"


def test_dual_stack_and_bracketed_forms() -> None:
    assert client_address("::ffff:127.0.0.1", ["[2001:db8::5]"], NGINX) == "2001:db8::5"
    assert client_address(None, ["203.0.113.9"], NGINX) is None


def test_the_scheme_is_believed_from_trusted_proxies_only() -> None:
    assert forwarded_scheme("127.0.0.1", "https", "http", NGINX) == "https"
    assert forwarded_scheme("203.0.113.9", "https", "http", NGINX) == "http"
    assert forwarded_scheme("127.0.0.1", "gopher", "http", NGINX) == "http"


def test_bad_networks_are_named() -> None:
    with pytest.raises(ValueError, match=re.escape("'10.0.0.0/33'")):
        parse_networks(["127.0.0.1", "10.0.0.0/33"])
