"""Booking codes (signaling/booking/codes.py): alphabet, reading what residents type, hashing."""

from __future__ import annotations

import secrets

import pytest

from signaling.booking import codes


def test_forty_bits_make_eight_characters_of_the_alphabet() -> None:
    assert codes.code_from_bytes(bytes(5)) == "00000000"
    assert codes.code_from_bytes(b"\xff" * 5) == "ZZZZZZZZ"
    assert len(codes.ALPHABET) == 32 and not set("ILOU") & set(codes.ALPHABET)
    drawn = {codes.code_from_bytes(secrets.token_bytes(5)) for _ in range(200)}
    assert all(len(c) == 8 and set(c) <= set(codes.ALPHABET) for c in drawn)
    assert len(drawn) > 190  # 40 bits: repeats in 200 draws would mean a broken encoder


def test_each_character_carries_five_bits_in_order() -> None:
    # 0x0842108421 is 00001 00001 ... in 5-bit groups: every character is "1".
    assert codes.code_from_bytes((0x0842108421).to_bytes(5, "big")) == "11111111"
    assert codes.code_from_bytes((31).to_bytes(5, "big")) == "0000000Z"


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("K7M4-QX2P", "K7M4QX2P"),
        ("k7m4 qx2p", "K7M4QX2P"),
        ("  k7m4qx2p ", "K7M4QX2P"),
        ("kiosklink:K7M4QX2P", "K7M4QX2P"),
        ("KIOSKLINK:K7M4-QX2P", "K7M4QX2P"),
        ("O1IL-0000", "01110000"),  # Crockford: O is 0, I and L are 1
    ],
)
def test_what_a_resident_types_or_scans_is_read_forgivingly(typed: str, read: str) -> None:
    assert codes.normalize(typed) == read


@pytest.mark.parametrize("typed", ["", "K7M4-QX2", "K7M4-QX2PP", "K7M4-QX2U", "https://x/K7M4QX2P"])
def test_what_cannot_be_a_code_is_none(typed: str) -> None:
    assert codes.normalize(typed) is None


def test_grouped_for_reading_aloud_and_the_qr_payload_has_no_url() -> None:
    assert codes.grouped("K7M4QX2P") == "K7M4-QX2P"
    assert codes.qr_payload("K7M4QX2P") == "kiosklink:K7M4QX2P"


def test_the_hash_depends_on_the_secret_and_the_code() -> None:
    one = codes.code_hash(b"secret-1", "K7M4QX2P")
    assert one == codes.code_hash(b"secret-1", "K7M4QX2P")
    assert one != codes.code_hash(b"secret-2", "K7M4QX2P")
    assert one != codes.code_hash(b"secret-1", "K7M4QX2Q")
    assert "K7M4QX2P" not in one and len(one) == 64
