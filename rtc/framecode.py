"""A frame counter and capture time stamped into the picture, readable after VP8/H.264 compression.

Why in the picture: aiortc carries no per-frame metadata end to end (the RTP timestamp gets a random
origin), so the only way to know *which* frame arrived, in what order and how late, is to draw it.

Layout: a band across the top of the frame holding two rows of :data:`BITS` large blocks, each block
black (0) or white (1). Row 0 is the 24-bit frame counter, row 1 the capture time in milliseconds
modulo 2**24 (~4.7 h; differences are taken modulo too). Each row ends in a CRC-8 over its 24 bits,
so a row smeared by the codec reads as ``None`` rather than as a wrong number. At 640×480 a block is
20×24 pixels: larger than VP8's 16×16 macroblocks, which is what lets it survive heavy quantisation.

The reader samples only the middle half of each block and works at any resolution, because positions
are proportional to the frame size.

Pure: numpy only, no clock. The caller passes the time it wants stamped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    import av

BITS = 32
PAYLOAD_BITS = 24
MODULUS = 1 << PAYLOAD_BITS
_ROWS = 2
_WHITE = 255
_CRC_XOR = 0xA5
_BLACK = 0

Image = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class Stamp:
    """What a frame carries: its counter and, when readable, its capture time (ms mod 2**24)."""

    counter: int
    time_ms: int | None


def band_height(height: int) -> int:
    """Height in pixels of the whole stamp band (both rows) for a frame of ``height`` rows."""
    return _ROWS * _row_height(height)


def _row_height(height: int) -> int:
    return max(8, height // 20)


def crc8(value: int) -> int:
    """CRC-8 (polynomial 0x07) over the 24 payload bits, most significant byte first, XOR 0xA5.

    The final XOR makes an all-black or all-white band (a muted camera, a blank screen) invalid:
    a plain CRC-8 of zero is zero.
    """
    crc = 0
    for shift in (16, 8, 0):
        crc ^= (value >> shift) & 0xFF
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc ^ _CRC_XOR


def _row_bits(value: int) -> list[int]:
    word = ((value % MODULUS) << 8) | crc8(value % MODULUS)
    return [(word >> (BITS - 1 - i)) & 1 for i in range(BITS)]


def _block_edges(width: int) -> tuple[int, int]:
    block_w = width // BITS
    return block_w, (width - block_w * BITS) // 2


def stamp(image: Image, counter: int, time_ms: int) -> None:
    """Draw ``counter`` and ``time_ms`` (both mod 2**24) into the top band of ``image``, in place.

    ``image`` is H×W (luma) or H×W×C (any channel order: black and white are the same in all).
    """
    height, width = image.shape[0], image.shape[1]
    row_h = _row_height(height)
    block_w, left = _block_edges(width)
    image[: _ROWS * row_h] = _BLACK
    for row, value in enumerate((counter, time_ms)):
        top = row * row_h
        for i, bit in enumerate(_row_bits(value)):
            if bit:
                x = left + i * block_w
                image[top : top + row_h, x : x + block_w] = _WHITE


def _luma(frame: av.VideoFrame | Image) -> Image:
    if isinstance(frame, np.ndarray):
        if frame.ndim == 3:
            return np.asarray(frame.mean(axis=2), dtype=np.uint8)
        return frame
    if frame.format.name == "yuv420p":
        # The Y plane is the first ``height`` rows of the planar array: no colour conversion needed.
        planes = np.asarray(frame.to_ndarray(), dtype=np.uint8)
        return planes[: frame.height]
    return np.asarray(frame.to_ndarray(format="gray"), dtype=np.uint8)


def _read_row(luma: Image, row: int) -> int | None:
    height, width = luma.shape[0], luma.shape[1]
    row_h = _row_height(height)
    block_w, left = _block_edges(width)
    if block_w < 4:
        return None
    y0, y1 = row * row_h + row_h // 4, row * row_h + (3 * row_h) // 4
    word = 0
    for i in range(BITS):
        x = left + i * block_w
        mean = float(luma[y0:y1, x + block_w // 4 : x + (3 * block_w) // 4].mean())
        word = (word << 1) | (1 if mean >= 128 else 0)
    value, check = word >> 8, word & 0xFF
    return value if crc8(value) == check else None


def read_stamp(frame: av.VideoFrame | Image) -> Stamp | None:
    """The stamp of a decoded frame, or None when its counter row is unreadable."""
    luma = _luma(frame)
    if luma.shape[0] < band_height(16) or luma.shape[1] < BITS * 4:
        return None
    counter = _read_row(luma, 0)
    if counter is None:
        return None
    return Stamp(counter=counter, time_ms=_read_row(luma, 1))


def read_frame_counter(frame: av.VideoFrame | Image) -> int | None:
    """The frame counter stamped by :func:`stamp`, or None when unreadable."""
    found = read_stamp(frame)
    return None if found is None else found.counter


def age_ms(stamp_time_ms: int, now_ms: int) -> int:
    """Milliseconds from a stamped capture time to ``now_ms`` (wall clock ms), modulo 2**24."""
    return (now_ms - stamp_time_ms) % MODULUS
