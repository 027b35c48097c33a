"""Local media: a video file as the camera, synthetic fallbacks, muting, and what is reported."""

from __future__ import annotations

import threading
from collections import deque
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from rtc import framecode
from rtc.media import (
    CameraVideoTrack,
    DeviceUnavailable,
    MediaConfig,
    NullSink,
    SyntheticVideoTrack,
    ToneAudioTrack,
    open_local_media,
)
from rtc.media.audio import DropOldest, _drain_into
from rtc.media.clock import MediaClock, next_index
from rtc.media.mute import MuteableTrack
from rtc.media.synthetic import AUDIO_FRAME_SAMPLES, AUDIO_RATE, BEEP_LEVEL


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-second 320×240 MJPEG clip whose frames carry their own number."""
    path = tmp_path_factory.mktemp("camera") / "clip.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 30, (320, 240))
    assert writer.isOpened()
    for n in range(60):
        image = np.full((240, 320, 3), 90, dtype=np.uint8)
        framecode.stamp(image, n, 0)
        writer.write(image)
    writer.release()
    return path


def _camera_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "kiosklink-camera"]


async def test_a_video_file_stands_in_for_the_camera(clip: Path) -> None:
    camera = CameraVideoTrack(str(clip), 320, 240, 30)
    try:
        frames = [await camera.recv() for _ in range(20)]
    finally:
        camera.stop()
    assert all((f.width, f.height) == (320, 240) for f in frames)
    pts = [f.pts for f in frames if f.pts is not None]
    assert len(pts) == len(frames) and pts == sorted(set(pts)), "strictly increasing times"
    counters = [c for c in (framecode.read_frame_counter(f) for f in frames) if c is not None]
    assert len(counters) == len(frames)
    # Only the newest frame is kept, so some may be skipped, but never out of order before the loop.
    assert counters[:10] == sorted(counters[:10])
    assert not _camera_threads()


async def test_the_camera_picture_is_scaled_to_the_asked_size(clip: Path) -> None:
    camera = CameraVideoTrack(str(clip), 640, 480, 15)
    try:
        frame = await camera.recv()
    finally:
        camera.stop()
    assert (frame.width, frame.height) == (640, 480)
    assert framecode.read_frame_counter(frame) is not None


def test_a_missing_camera_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DeviceUnavailable, match="cannot be opened"):
        CameraVideoTrack(str(tmp_path / "no-such-camera.avi"))


async def test_open_local_media_falls_back_and_says_so(tmp_path: Path) -> None:
    config = MediaConfig(camera=str(tmp_path / "none.avi"), microphone=True, speaker=True)
    local = await open_local_media(config)
    try:
        assert isinstance(local.video, SyntheticVideoTrack)
        assert isinstance(local.audio, ToneAudioTrack)
        assert isinstance(local.speaker, NullSink)
        assert local.sources == {"camera": "synthetic", "microphone": "tone", "speaker": "none"}
        health = local.health()
        assert not health["camera"].present and "cannot be opened" in health["camera"].detail
        assert not health["microphone"].present and health["microphone"].detail
        assert not health["speaker"].present
    finally:
        await local.close()
        await local.close()  # idempotent


async def test_open_local_media_with_a_camera(clip: Path) -> None:
    local = await open_local_media(MediaConfig(camera=str(clip), width=320, height=240))
    try:
        assert isinstance(local.video, CameraVideoTrack)
        assert local.sources["camera"].startswith("device ")
        await local.video.recv()
        camera = local.health()["camera"]
        assert camera.present and camera.working
    finally:
        await local.close()
    assert not _camera_threads()


async def test_synthetic_video_counts_frames_and_labels_itself() -> None:
    track = SyntheticVideoTrack(320, 240, 30, "TEST PATTERN")
    frames = [await track.recv() for _ in range(5)]
    track.stop()
    assert [framecode.read_frame_counter(f) for f in frames] == [0, 1, 2, 3, 4]
    assert [f.pts for f in frames] == [0, 3000, 6000, 9000, 12000]


async def test_tone_beeps_at_each_whole_second_of_media_time() -> None:
    clock = MediaClock()
    tone = ToneAudioTrack(clock=clock)
    frames = [await tone.recv() for _ in range(3)]
    tone.stop()
    assert [f.pts for f in frames] == [0, AUDIO_FRAME_SAMPLES, 2 * AUDIO_FRAME_SAMPLES]
    assert all(f.sample_rate == AUDIO_RATE for f in frames)
    peak = int(np.abs(frames[0].to_ndarray()).max())
    assert peak > 0.9 * BEEP_LEVEL * 32767  # media time 0 is a whole second: the beep


def test_a_late_source_skips_ahead_instead_of_bunching() -> None:
    assert next_index(4, 0.1, 0.55) == 5  # on time: the next one
    assert next_index(4, 0.1, 1.23) == 12  # late by several: now


async def test_muted_tracks_send_black_and_silence_with_the_same_timing() -> None:
    video = MuteableTrack(SyntheticVideoTrack(320, 240, 30))
    audio = MuteableTrack(ToneAudioTrack())
    video.muted = audio.muted = True
    frame = await video.recv()
    sound = await audio.recv()
    assert isinstance(frame, av.VideoFrame) and isinstance(sound, av.AudioFrame)
    assert framecode.read_frame_counter(frame) is None
    assert int(frame.to_ndarray(format="rgb24").max()) == 0
    assert int(np.abs(sound.to_ndarray()).max()) == 0
    assert (frame.pts, sound.pts) == (0, 0)
    video.muted = False
    unmuted = await video.recv()
    assert isinstance(unmuted, av.VideoFrame) and framecode.read_frame_counter(unmuted) == 1
    video.source.stop()
    audio.source.stop()


def test_microphone_queue_drops_the_oldest_block() -> None:
    queue = DropOldest(2)
    for n in range(4):
        queue.push(np.full(4, n, dtype=np.int16))
    assert queue.dropped == 2
    first = queue.pop()
    assert first is not None and int(first[0]) == 2


def test_speaker_buffer_drains_across_blocks() -> None:
    buffer = deque([np.arange(3, dtype=np.int16), np.arange(3, 6, dtype=np.int16)])
    out = np.zeros(4, dtype=np.int16)
    assert _drain_into(buffer, out, 4) == 4
    assert out.tolist() == [0, 1, 2, 3] and buffer[0].tolist() == [4, 5]


def test_frame_rgb_matches_ffmpeg_conversion_without_swscale() -> None:
    import av
    import numpy as np

    from rtc.frames import frame_rgb

    rgb = np.zeros((48, 64, 3), dtype=np.uint8)
    rgb[:, :32] = (200, 30, 40)
    rgb[:, 32:] = (20, 180, 90)
    yuv = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format="yuv420p")
    ours = frame_rgb(yuv).astype(int)
    assert ours.shape == (48, 64, 3)
    # Colour conversion round trip through 4:2:0: close to the original away from the edge.
    assert np.abs(ours[:, :28] - (200, 30, 40)).max() < 12
    assert np.abs(ours[:, 36:] - (20, 180, 90)).max() < 12
