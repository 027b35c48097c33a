"""The still of a letter the resident shows in a call (issue #16): where it comes from, as a JPEG
in memory. Never written anywhere: the bytes go to the flow's state and to the document channel.

Where, best first:

* a document camera configured on the kiosk (``document_camera``: an index, a device path, or a
  video file for tests and demos): opened for the one still at the largest size it offers, a few
  frames read so its exposure settles, then released;
* with no camera at all (the synthetic test pattern), :func:`rtc.media.still.synthetic_still`,
  a made-up letter as large as a photographed one;
* otherwise the call camera's newest picture, at the size the call captures it (the camera is
  busy with the call and cannot be opened a second time at another size).
"""

from __future__ import annotations

import asyncio

import cv2
import numpy as np
import numpy.typing as npt

from rtc.media.camera import DeviceUnavailable
from rtc.media.still import Still, synthetic_still

Image = npt.NDArray[np.uint8]
JPEG_QUALITY = 90  # small print stays readable; a 12 MP letter is 2-4 MB (docs/protocol.md)
LARGEST = 10_000  # asked of the driver, which answers with the largest size it has
SETTLE_FRAMES = 5  # a camera just opened sends a few dark or unfocused frames first


def encode(bgr: Image) -> Still:
    """A BGR picture as a JPEG :class:`Still` of the same size."""
    ok, data = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise DeviceUnavailable("the picture could not be encoded")
    height, width = bgr.shape[:2]
    return Still(data.tobytes(), "image/jpeg", width, height)


def grab(device: int | str) -> Still:
    """One still from ``device`` at its largest size. Blocks (opening a camera takes a second):
    call it through ``asyncio.to_thread``. Raises :class:`DeviceUnavailable`."""
    capture = cv2.VideoCapture(device)
    try:
        if not capture.isOpened():
            raise DeviceUnavailable(f"document camera {device!r} cannot be opened")
        if isinstance(device, int) or str(device).startswith("/dev/"):
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, LARGEST)
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, LARGEST)
        image: Image | None = None
        for _ in range(SETTLE_FRAMES):
            ok, frame = capture.read()
            if ok:
                image = np.asarray(frame, dtype=np.uint8)
        if image is None:
            raise DeviceUnavailable(f"document camera {device!r} gave no picture")
        return encode(image)
    finally:
        capture.release()


def device_of(setting: str) -> int | str | None:
    """``document_camera`` as OpenCV takes it; None when none is configured."""
    setting = setting.strip()
    if not setting or setting == "none":
        return None
    return int(setting) if setting.isdigit() else setting


async def take_still(
    document_camera: str, *, page: int, synthetic: bool, newest_rgb: Image | None
) -> Still:
    """The still for page ``page`` (1, 2, ...) by the order in the module docstring. Raises
    :class:`DeviceUnavailable` when there is none to take."""
    device = device_of(document_camera)
    if device is not None:
        return await asyncio.to_thread(grab, device)
    if synthetic:
        return await asyncio.to_thread(synthetic_still, seed=page - 1)
    if newest_rgb is None:
        raise DeviceUnavailable("the camera has given no picture yet")
    bgr = np.ascontiguousarray(newest_rgb[:, :, ::-1])
    return await asyncio.to_thread(encode, bgr)
