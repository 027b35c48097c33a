"""A real published bundle, as docs/answers.md describes it, for the kiosk's tests: Swedish and
English everywhere, Arabic and Tigrinya for some questions (one Arabic text outdated), one Arabic
recording (a real WAV file, built here)."""

from __future__ import annotations

import hashlib
import io
import json
import math
import struct
import wave
from typing import Any


def tone_wav(seconds: float = 0.5, rate: int = 16_000) -> bytes:
    """A short 440 Hz tone as a WAV file: a recording PyAV can decode."""
    samples = [
        int(8000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(int(rate * seconds))
    ]
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return out.getvalue()


RECORDING = tone_wav()
RECORDING_SHA = hashlib.sha256(RECORDING).hexdigest()


def bundle_dict(
    version: int = 1, *, housing_title_sv: str = "Hur står jag i bostadskö?"
) -> dict[str, Any]:
    return {
        "version": version,
        "published_at": 1764400000.0,
        "topics": [
            {
                "id": "housing",
                "titles": {"sv": "Bostad", "en": "Housing", "ar": "السكن", "ti": "ገዛ"},
            },
            {"id": "money", "titles": {"sv": "Pengar", "en": "Money"}},
        ],
        "questions": [
            {
                "id": "housing-queue",
                "topic": "housing",
                "route_topic": "housing",
                "phone": "+46 8 508 00 000",
                "links": [
                    {"url": "https://bostad.stockholm.se/", "labels": {"sv": "Bostadsförmedlingen"}}
                ],
                "texts": {
                    "sv": {
                        "title": housing_title_sv,
                        "body": "Anmäl dig till bostadskön på webben.",
                        "hours": "Mån–fre 8–16",
                        "current": True,
                    },
                    "en": {
                        "title": "How do I join the housing queue?",
                        "body": "Register for the housing queue online.",
                        "hours": "Mon–Fri 8–16",
                        "current": True,
                    },
                    "ar": {
                        "title": "كيف أسجّل في طابور السكن؟",
                        "body": "سجّل في طابور السَّكَن عبر الإنترنت.",
                        "hours": "",
                        "current": True,
                    },
                    "ti": {
                        "title": "ኣብ መስርዕ ገዛ ከመይ እምዝገብ?",
                        "body": "ኣብ ኢንተርነት ተመዝገብ።",
                        "hours": "",
                        "current": True,
                    },
                },
                "audio": {
                    "ar": {"sha256": RECORDING_SHA, "bytes": len(RECORDING), "mime": "audio/wav"}
                },
            },
            {
                "id": "housing-allowance",
                "topic": "housing",
                "route_topic": "housing",
                "texts": {
                    "sv": {
                        "title": "Bostadsbidrag",
                        "body": "Försäkringskassan betalar bostadsbidrag.",
                        "current": True,
                    },
                    "en": {
                        "title": "Housing allowance",
                        "body": "Försäkringskassan pays housing allowance.",
                        "current": True,
                    },
                    "ar": {
                        "title": "إعانة السكن",
                        "body": "تدفع مصلحة التأمينات إعانة السكن.",
                        "current": False,
                    },
                },
            },
            {
                "id": "bankid",
                "topic": "money",
                "route_topic": "benefits",
                "links": [{"url": "https://www.bankid.com/", "labels": {}}],
                "texts": {
                    "sv": {
                        "title": "BankID och e-tjänster",
                        "body": "Du får BankID från din bank. Bostad behövs inte.",
                        "current": True,
                    },
                    "en": {
                        "title": "BankID and e-services",
                        "body": "Your bank gives you BankID.",
                        "current": True,
                    },
                },
            },
        ],
    }


def bundle_bytes(version: int = 1, **changes: Any) -> bytes:
    return json.dumps(bundle_dict(version, **changes), ensure_ascii=False).encode()
