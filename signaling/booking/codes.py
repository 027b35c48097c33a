"""Booking and ticket codes (docs/booking.md §Codes).

Eight characters of Crockford's base 32 (no I, L, O or U: nothing to confuse when read aloud or
typed, no accidental words), 40 bits, shown as two groups of four (``K7M4-QX2P``). The QR code
holds ``kiosklink:K7M4QX2P``: no URL, nothing a phone would open. The store keeps only
:func:`code_hash`, an HMAC under the server's secret.
"""

from __future__ import annotations

import hashlib
import hmac

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
RANDOM_BYTES = 5  # 40 bits: exactly eight characters of five bits
QR_PREFIX = "kiosklink:"
# Crockford's decoding: what a resident may type for what they read.
_READ_AS = {"I": "1", "L": "1", "O": "0"}
_IGNORED = frozenset(" -\t")


def code_from_bytes(raw: bytes) -> str:
    """The code for ``RANDOM_BYTES`` random bytes (the adapter draws them from ``secrets``)."""
    if len(raw) != RANDOM_BYTES:
        raise ValueError(f"a code needs {RANDOM_BYTES} random bytes, not {len(raw)}")
    number = int.from_bytes(raw, "big")
    return "".join(ALPHABET[(number >> shift) & 31] for shift in range(35, -1, -5))


def normalize(text: str) -> str | None:
    """The code in what was typed or scanned, or None if it cannot be one.

    Case does not matter, spaces and hyphens are ignored, ``I``/``L`` read as ``1`` and ``O`` as
    ``0``, and a QR code's ``kiosklink:`` is stripped."""
    text = text.strip()
    if text[: len(QR_PREFIX)].lower() == QR_PREFIX:
        text = text[len(QR_PREFIX) :]
    chars = [_READ_AS.get(ch, ch) for ch in text.upper() if ch not in _IGNORED]
    code = "".join(chars)
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def grouped(code: str) -> str:
    """For reading aloud and printing: ``K7M4-QX2P``."""
    return f"{code[:4]}-{code[4:]}"


def qr_payload(code: str) -> str:
    return QR_PREFIX + code


def code_hash(secret: bytes, code: str) -> str:
    """What the store keeps: HMAC-SHA256 of the normalised code under the server's secret."""
    return hmac.new(secret, code.encode("ascii"), hashlib.sha256).hexdigest()
