"""Tokens, password hashing and coturn TURN REST credentials."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

from argon2 import PasswordHasher

from signaling import auth

# Cheap argon2 parameters: the tests check behaviour, not cost.
FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def test_tokens_are_long_random_and_url_safe() -> None:
    tokens = {auth.new_token() for _ in range(200)}
    assert len(tokens) == 200
    for token in tokens:
        assert re.fullmatch(r"[A-Za-z0-9_-]{43}", token)


def test_a_token_hash_is_a_stable_sha256_digest_and_not_the_token() -> None:
    token = auth.new_token()
    digest = auth.hash_token(token)
    assert digest == auth.hash_token(token)
    assert digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in digest
    assert auth.hash_token(auth.new_token()) != digest


def test_ids_fit_the_wire_tag_pattern() -> None:
    for prefix in ("k", "a"):
        assert re.fullmatch(r"[A-Za-z0-9_.-]{1,35}", auth.new_id(prefix))


def test_a_password_matches_only_itself() -> None:
    stored = auth.hash_password(FAST, "correct horse battery")
    assert stored.startswith("$argon2id$")
    assert auth.check_password(FAST, stored, "correct horse battery")
    assert not auth.check_password(FAST, stored, "correct horse batterY")
    assert not auth.check_password(FAST, stored, "")


def test_a_corrupt_stored_hash_is_a_mismatch_not_a_crash() -> None:
    assert not auth.check_password(FAST, "not-a-hash", "anything")


def test_turn_credentials_follow_the_turn_rest_scheme() -> None:
    username, credential = auth.turn_credentials("north-wind", ttl_s=3600, now=1_700_000_000.7)
    assert username == "1700003600:kiosklink"
    # Computed independently: base64(HMAC-SHA1(secret, username)), as coturn does.
    expected = hmac.new(b"north-wind", username.encode(), hashlib.sha1).digest()
    assert credential == base64.b64encode(expected).decode()
    assert credential == "swE/7xxm7gOazBairYRIM20FR9Y="  # pinned, so both sides cannot drift


def test_turn_credentials_carry_the_user_and_the_expiry() -> None:
    username, _ = auth.turn_credentials("s", ttl_s=60, now=100.0, user="kiosk-7")
    assert username == "160:kiosk-7"
    _, other = auth.turn_credentials("t", ttl_s=60, now=100.0, user="kiosk-7")
    assert other != auth.turn_credentials("s", ttl_s=60, now=100.0, user="kiosk-7")[1]
