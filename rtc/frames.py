"""Decoded video frames to RGB pixels for the apps' screens, without FFmpeg's swscale.

Why: swscale contexts built and freed per frame from a worker thread deadlocked in
``avpriv_slicethread_free`` (seen here with PyAV 18, about 1 run in 6), hanging the app and keeping
its process from exiting. Taking the frame in its own pixel format involves no swscale; OpenCV does
the colour conversion. Both apps use this one function.
"""

from __future__ import annotations

import av
import cv2
import numpy as np
import numpy.typing as npt


def frame_rgb(frame: av.VideoFrame) -> npt.NDArray[np.uint8]:
    name = frame.format.name
    pixels = np.asarray(frame.to_ndarray(), dtype=np.uint8)  # own format: no conversion
    if name == "yuv420p":
        return np.asarray(cv2.cvtColor(pixels, cv2.COLOR_YUV2RGB_I420), dtype=np.uint8)
    if name == "bgr24":
        return np.asarray(cv2.cvtColor(pixels, cv2.COLOR_BGR2RGB), dtype=np.uint8)
    if name == "rgb24":
        return pixels
    return np.asarray(frame.to_ndarray(format="rgb24"), dtype=np.uint8)  # rare formats
