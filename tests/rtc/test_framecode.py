"""The frame stamp survives real VP8 at a low bitrate and refuses to guess when damaged."""

from __future__ import annotations

from fractions import Fraction

import av
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtc import framecode


def _gray(width: int = 640, height: int = 480) -> framecode.Image:
    rng = np.random.default_rng(7)
    return rng.integers(0, 256, size=(height, width, 3), dtype=np.uint8)


@given(counter=st.integers(0, framecode.MODULUS - 1), time_ms=st.integers(0, 2**40))
def test_stamp_reads_back_exactly(counter: int, time_ms: int) -> None:
    image = _gray()
    framecode.stamp(image, counter, time_ms)
    assert framecode.read_stamp(image) == framecode.Stamp(counter, time_ms % framecode.MODULUS)


@pytest.mark.parametrize(("width", "height"), [(320, 240), (640, 480), (1280, 720)])
def test_stamp_reads_at_any_resolution(width: int, height: int) -> None:
    image = np.zeros((height, width), dtype=np.uint8)
    framecode.stamp(image, 123_456, 42)
    assert framecode.read_frame_counter(image) == 123_456


def test_an_unstamped_picture_reads_as_none() -> None:
    assert framecode.read_frame_counter(_gray()) is None
    assert framecode.read_frame_counter(np.full((480, 640), 255, dtype=np.uint8)) is None
    assert framecode.read_frame_counter(np.zeros((480, 640), dtype=np.uint8)) is None


def test_a_damaged_counter_row_reads_as_none_not_as_a_wrong_number() -> None:
    image = _gray()
    framecode.stamp(image, 1000, 5)
    row_h = framecode.band_height(480) // 2
    image[:row_h, 300:340] = 255 - image[:row_h, 300:340]  # flip two blocks
    assert framecode.read_stamp(image) is None


def test_age_wraps_around_the_modulus() -> None:
    assert framecode.age_ms(framecode.MODULUS - 10, 30) == 40


def test_stamp_survives_vp8_at_low_bitrate() -> None:
    codec = av.CodecContext.create("libvpx", "w")
    codec.width, codec.height, codec.pix_fmt = 640, 480, "yuv420p"
    codec.bit_rate = 150_000
    codec.time_base = Fraction(1, 30)
    decoder = av.CodecContext.create("libvpx", "r")
    read: list[int | None] = []
    rng = np.random.default_rng(1)
    for n in range(30):
        # Noise is the worst case for a codec: nearly every bit goes to the background.
        image = rng.integers(0, 256, size=(480, 640, 3), dtype=np.uint8)
        framecode.stamp(image, 5000 + n, 77 + n)
        frame = av.VideoFrame.from_ndarray(image, format="rgb24").reformat(format="yuv420p")
        frame.pts = n
        for packet in codec.encode(frame):
            for decoded in decoder.decode(packet):
                read.append(framecode.read_frame_counter(decoded))
    assert read, "the encoder produced nothing"
    readable = [r for r in read if r is not None]
    assert len(readable) >= len(read) * 0.9
    assert readable == sorted(readable) and all(5000 <= r < 5030 for r in readable)
