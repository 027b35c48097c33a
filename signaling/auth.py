"""Secrets: bearer tokens, adviser passwords, and short-lived TURN credentials.

Two kinds of secret, hashed two ways on purpose:

* **Tokens** (kiosk tokens, adviser session tokens) are 32 random bytes from :mod:`secrets`. With
  256 bits of entropy there is nothing to guess, so a slow hash adds no protection; it would only
  cost CPU on every connect and every reconnect. They are stored as SHA-256 digests, which lets the
  store look a token up by its digest (an index hit, no scan) and means a copied database file does
  not hand out working tokens.
* **Passwords** are chosen by people and guessable, so they get argon2id (argon2-cffi's
  ``PasswordHasher``), which is slow and memory-hard by design. The store hashes in a worker
  thread so the event loop keeps serving meanwhile.

TURN credentials follow coturn's ``use-auth-secret`` scheme (the "TURN REST API" draft,
draft-uberti-behave-turn-rest-00 §2.2): the username is ``<expiry unix time>:<user>``, and the
password is ``base64(HMAC-SHA1(shared secret, username))``. coturn recomputes it with the same
secret, so the server never tells coturn about individual credentials.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

TOKEN_BYTES = 32


def new_token() -> str:
    """A fresh bearer token: 32 random bytes, URL-safe base64 (43 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    """The digest stored in place of a token (hex SHA-256); see the module docstring for why."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_id(prefix: str) -> str:
    """A short random identifier such as ``k_3f9a1c02d4e6``: fits a wire ``Tag``, easy to type."""
    return f"{prefix}_{secrets.token_hex(6)}"


def password_hasher() -> PasswordHasher:
    """argon2id with argon2-cffi's defaults (RFC 9106 low-memory profile)."""
    return PasswordHasher()


def hash_password(hasher: PasswordHasher, password: str) -> str:
    return hasher.hash(password)


def check_password(hasher: PasswordHasher, stored: str, password: str) -> bool:
    """Whether ``password`` matches ``stored``; a corrupt stored hash is a plain mismatch."""
    try:
        return hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def dummy_hash(hasher: PasswordHasher) -> str:
    """A hash to verify against when the username is unknown, so that case costs as much time
    as a wrong password and does not reveal which usernames exist."""
    return hasher.hash(secrets.token_urlsafe(16))


def turn_credentials(
    secret: str, *, ttl_s: float, now: float, user: str = "kiosklink"
) -> tuple[str, str]:
    """``(username, credential)`` for coturn's ``use-auth-secret``, valid until ``now + ttl_s``."""
    username = f"{int(now + ttl_s)}:{user}"
    digest = hmac.new(secret.encode(), username.encode(), hashlib.sha1).digest()
    return username, base64.b64encode(digest).decode("ascii")
