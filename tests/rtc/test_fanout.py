"""One camera and one microphone to several connections (rtc/media/fanout.py), real tracks."""

from __future__ import annotations

import asyncio

import av
import pytest
from aiortc.contrib.media import MediaRelay
from aiortc.mediastreams import MediaStreamError

from rtc.media import SyntheticVideoTrack, ToneAudioTrack
from rtc.media.fanout import AudioFanout, OwnFrameTrack


async def test_each_branch_gets_every_microphone_frame() -> None:
    tone = ToneAudioTrack()
    fanout = AudioFanout(tone)
    first, second = fanout.subscribe(), fanout.subscribe()
    got: dict[str, list[int]] = {"first": [], "second": []}

    async def read(name: str, track: object) -> None:
        for _ in range(25):
            frame = await track.recv()  # type: ignore[attr-defined]
            got[name].append(frame.pts)

    await asyncio.gather(read("first", first), read("second", second))
    # The same 25 frames each, none split between them (a shared source would alternate).
    assert got["first"] == got["second"] and len(set(got["first"])) == 25
    first.stop()
    second.stop()
    tone.stop()


async def test_a_branch_that_falls_behind_keeps_only_the_newest_frames() -> None:
    tone = ToneAudioTrack()
    fanout = AudioFanout(tone, max_frames=5)
    reading, idle = fanout.subscribe(), fanout.subscribe()
    for _ in range(20):  # 400 ms while ``idle`` reads nothing
        await reading.recv()
    stamps = [int((await idle.recv()).pts or 0) for _ in range(5)]
    assert stamps == sorted(stamps)
    assert stamps[-1] >= 960 * 18  # the oldest were dropped: at most 5 frames of lag
    assert idle.dropped >= 10  # type: ignore[attr-defined]
    reading.stop()
    idle.stop()
    tone.stop()


async def test_a_stopped_branch_ends_its_reader_and_the_last_one_stops_pulling() -> None:
    tone = ToneAudioTrack()
    fanout = AudioFanout(tone)
    branch = fanout.subscribe()
    await branch.recv()
    waiting = asyncio.create_task(branch.recv())
    branch.stop()
    with pytest.raises(MediaStreamError):
        await waiting
    made = tone.frames_sent
    await asyncio.sleep(0.2)
    assert tone.frames_sent <= made + 1  # nobody listens: the microphone is not read
    tone.stop()


async def test_each_connection_encodes_a_frame_of_its_own() -> None:
    camera = SyntheticVideoTrack(320, 240, 30, "OWN")
    relay = MediaRelay()
    first = OwnFrameTrack(relay.subscribe(camera, buffered=False))
    second = OwnFrameTrack(relay.subscribe(camera, buffered=False))
    a, b = await asyncio.gather(first.recv(), second.recv())
    assert isinstance(a, av.VideoFrame) and isinstance(b, av.VideoFrame)
    assert a is not b and a.format.name == b.format.name == "yuv420p"
    assert (a.width, a.height) == (320, 240) and a.pts is not None
    first.stop()
    second.stop()
    camera.stop()
