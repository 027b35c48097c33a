"""A still picture to show in a call (docs/protocol.md §Documents in a call).

:class:`Still` is what the document channel sends: encoded bytes, their type and size in pixels.
:func:`synthetic_still` stands in for the camera's full-resolution still where there is no camera
(the headless parties, the demo, tests): a page of text lines with sensor-like noise, so its JPEG
is as large as a real photographed letter (about 2 MB at 2560x1920), not a few kilobytes.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np


@dataclass(frozen=True)
class Still:
    data: bytes
    mime: str  # image/jpeg or image/png
    width: int
    height: int


def synthetic_still(
    width: int = 2560, height: int = 1920, *, seed: int = 0, quality: int = 90
) -> Still:
    """A JPEG of a made-up letter; ``seed`` varies the noise so two pages differ."""
    rng = np.random.default_rng(seed)
    page = np.full((height, width), 240, np.uint8)
    scale = max(0.4, width / 2133)
    for y in range(int(100 * scale), height - int(60 * scale), int(60 * scale)):
        line = f"Page {seed + 1}: decision on housing allowance, reference {y:05d} " * 2
        cv2.putText(page, line, (int(80 * scale), y), cv2.FONT_HERSHEY_SIMPLEX, scale, 40, 2)
    page -= rng.integers(0, 32, page.shape, dtype=np.uint8)  # ink is 40: no pixel wraps below 0
    ok, encoded = cv2.imencode(
        ".jpg", cv2.cvtColor(page, cv2.COLOR_GRAY2BGR), [cv2.IMWRITE_JPEG_QUALITY, quality]
    )
    assert ok, "OpenCV could not encode a JPEG"
    return Still(encoded.tobytes(), "image/jpeg", width, height)
