"""A recording staff upload for an answer: its type from its first bytes, its size, its digest.

The file name and the browser's Content-Type are not trusted: the type is read from the magic
bytes (Ogg, MP3, WAV), so the kiosk's player only ever gets the formats it can play. Pure.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Final

from signaling.answers.validation import InvalidAnswer

MAX_AUDIO_BYTES: Final = 5 * 1024 * 1024


@dataclass(frozen=True)
class Recording:
    sha256: str  # hex; the recording's address (GET /api/kiosk/answers/audio/{sha256})
    mime: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)


def check_recording(data: bytes) -> Recording:
    """The recording with its type and digest; :class:`InvalidAnswer` when it is empty, larger
    than 5 MB or not Ogg, MP3 or WAV."""
    if not data:
        raise InvalidAnswer("the recording is empty")
    if len(data) > MAX_AUDIO_BYTES:
        raise InvalidAnswer(f"the recording has {len(data)} bytes; at most {MAX_AUDIO_BYTES}")
    mime = audio_type(data)
    if mime is None:
        raise InvalidAnswer("the recording is not Ogg, MP3 or WAV audio")
    return Recording(hashlib.sha256(data).hexdigest(), mime, data)


def audio_type(data: bytes) -> str | None:
    """The MIME type the first bytes announce, or None when they are no format we accept."""
    if data.startswith(b"OggS"):
        return "audio/ogg"
    if data.startswith(b"RIFF") and data[8:12] == b"WAVE":
        return "audio/wav"
    if data.startswith(b"ID3"):  # an MP3 with ID3v2 tags in front
        return "audio/mpeg"
    # A bare MPEG audio frame: eleven sync bits, then a layer field that is not "reserved" (00).
    if len(data) >= 2 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0 and data[1] & 0x06:
        return "audio/mpeg"
    return None
