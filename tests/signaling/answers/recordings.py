"""Real recordings for the common-questions tests: WAV from the standard library, Ogg/Opus and MP3
encoded by PyAV (FFmpeg), each a tenth of a second of a quiet tone."""

from __future__ import annotations

import io
import wave

import av
import av.audio.stream
import numpy as np

RATE = 48000


def _tone() -> np.ndarray:
    t = np.arange(RATE // 10) / RATE
    return (np.sin(2 * np.pi * 440 * t) * 3000).astype(np.int16)


def wav_bytes() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(_tone().tobytes())
    return out.getvalue()


def encoded(container: str, codec: str) -> bytes:
    out = io.BytesIO()
    with av.open(out, "w", format=container) as media:
        stream = media.add_stream(codec, rate=RATE)
        assert isinstance(stream, av.audio.stream.AudioStream)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(_tone().reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = RATE
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            media.mux(packet)
    return out.getvalue()


def ogg_bytes() -> bytes:
    return encoded("ogg", "libopus")


def mp3_bytes() -> bytes:
    return encoded("mp3", "libmp3lame")
