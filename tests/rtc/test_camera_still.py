"""A still at the camera's full resolution while the call goes on (rtc/media/camera.py, issue #16).

A 1600x1200 clip made here stands in for the camera (OpenCV opens both alike); the call's track
scales it to 640x480 and sends it over a real aiortc peer connection on this machine, and
``take_still()`` returns the clip's own size. The V4L2 mode switch a real camera needs cannot run
here (no camera device on the test machines); these tests cover the file path, the request
hand-over to the reader thread, and the errors.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import av
import cv2
import numpy as np
import pytest
from aiortc import RTCConfiguration, RTCPeerConnection
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from rtc.media.camera import CameraVideoTrack, DeviceUnavailable

FULL = (1600, 1200)


def _letter() -> np.ndarray:
    """Paper with a dark bar and fine stripes (2 px) that only the full size resolves."""
    frame = np.full((FULL[1], FULL[0], 3), 235, np.uint8)
    frame[500:700, 200:1400] = 30
    for x in range(200, 600, 4):
        frame[900:1100, x : x + 2] = 20
    return frame


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    path = tmp_path / "camera.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15, FULL)
    for _ in range(8):
        writer.write(_letter())
    writer.release()
    return path


@pytest.fixture
async def camera(clip: Path) -> AsyncIterator[CameraVideoTrack]:
    track = await asyncio.to_thread(CameraVideoTrack, str(clip), 640, 480, 15)
    yield track
    await asyncio.to_thread(track.stop)


class Receiver:
    """The far end's decoded frames: their sizes and mean brightness."""

    def __init__(self) -> None:
        self.frames: list[tuple[int, int, float]] = []
        self.task: asyncio.Task[None] | None = None

    def take(self, track: MediaStreamTrack) -> None:
        self.task = asyncio.create_task(self._read(track))

    async def _read(self, track: MediaStreamTrack) -> None:
        for _ in range(10_000):  # bounded; the call ends long before
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            assert isinstance(frame, av.VideoFrame)
            mean = float(frame.to_ndarray(format="gray").mean())
            self.frames.append((frame.width, frame.height, mean))

    async def wait_for(self, count: int) -> None:
        for _ in range(600):  # bounded: 30 s
            if len(self.frames) >= count:
                return
            await asyncio.sleep(0.05)
        raise AssertionError(f"{len(self.frames)} frames arrived, {count} expected")


async def _call(camera: CameraVideoTrack, receiver: Receiver) -> list[RTCPeerConnection]:
    sender, answerer = (RTCPeerConnection(RTCConfiguration(iceServers=[])) for _ in range(2))
    answerer.on("track", receiver.take)
    sender.addTrack(camera)
    await sender.setLocalDescription(await sender.createOffer())
    await answerer.setRemoteDescription(sender.localDescription)
    await answerer.setLocalDescription(await answerer.createAnswer())
    await sender.setRemoteDescription(answerer.localDescription)
    return [sender, answerer]


def _decoded(data: bytes) -> np.ndarray:
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    assert image is not None
    return image


async def test_the_still_is_full_size_while_the_call_sends_its_own_size(
    camera: CameraVideoTrack,
) -> None:
    receiver = Receiver()
    peers = await _call(camera, receiver)
    try:
        await receiver.wait_for(5)
        read_before, received_before = camera.frames_read, len(receiver.frames)
        stills = [await camera.take_still(timeout_s=10) for _ in range(3)]
        # Each still is a frame the reader also scaled for the call: the call went on.
        assert camera.frames_read >= read_before + 3
        await receiver.wait_for(received_before + 10)
    finally:
        for peer in peers:
            await peer.close()

    for still in stills:
        assert (still.mime, still.width, still.height) == ("image/jpeg", *FULL)
        image = _decoded(still.data)
        assert image.shape == (FULL[1], FULL[0])
        assert image[600, 800] < 80 and image[100, 100] > 200  # the bar, the paper
        assert image[1000, 200:600].std() > 60  # the 2 px stripes, resolved
    assert {(width, height) for width, height, _ in receiver.frames} == {(640, 480)}
    assert min(mean for _, _, mean in receiver.frames) > 100  # never a black stall frame


def _delete_frames(folder: Path) -> None:
    for path in folder.glob("frame*.png"):
        path.unlink()


async def test_a_source_that_stops_gives_a_clear_error(tmp_path: Path) -> None:
    # An image sequence reads each file as it goes: deleting them stops the source for good.
    for index in range(5):
        cv2.imwrite(str(tmp_path / f"frame{index:03d}.png"), _letter())
    camera = await asyncio.to_thread(
        CameraVideoTrack, str(tmp_path / "frame%03d.png"), 640, 480, 30, stall_s=0.2
    )
    try:
        await camera.recv()
        await asyncio.to_thread(_delete_frames, tmp_path)
        for _ in range(200):  # bounded: 10 s; ffmpeg may still hold a frame or two
            if not camera.working():
                break
            await asyncio.sleep(0.05)
        # The outer bound only catches a hang: the error itself comes within timeout_s.
        with pytest.raises(DeviceUnavailable, match=r"no still within|stopped giving pictures"):
            await asyncio.wait_for(camera.take_still(timeout_s=0.5), 10)
        for _ in range(200):  # bounded: the reader gives up after 30 failed reads
            if camera.failed:
                break
            await asyncio.sleep(0.05)
        assert camera.failed
        with pytest.raises(DeviceUnavailable, match="stopped giving pictures"):
            await asyncio.wait_for(camera.take_still(timeout_s=60), 10)  # at once, not at 60 s
    finally:
        await asyncio.to_thread(camera.stop)


async def test_a_stopped_camera_takes_no_still(camera: CameraVideoTrack) -> None:
    await camera.recv()
    await asyncio.to_thread(camera.stop)
    with pytest.raises(DeviceUnavailable, match="stopped giving pictures"):
        await camera.take_still()
