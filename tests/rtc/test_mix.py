"""The speaker's mixer: the pure block mixer, and the adapter fed real av.AudioFrames."""

from __future__ import annotations

from fractions import Fraction

import av
import numpy as np

from rtc.media.mix import MixedSpeaker, Mixer

BLOCK = 960  # 20 ms at 48 kHz


class Collect:
    def __init__(self) -> None:
        self.frames: list[av.AudioFrame] = []

    def play(self, frame: av.AudioFrame) -> None:
        self.frames.append(frame)

    def close(self) -> None:
        pass

    def samples(self) -> np.ndarray:
        return np.concatenate([f.to_ndarray().reshape(-1) for f in self.frames])


def _constant(value: int, n: int = BLOCK) -> np.ndarray:
    return np.full(n, value, dtype=np.int16)


def _stereo_frame(left: int, right: int, pts: int = 0) -> av.AudioFrame:
    """What aiortc's Opus decoder gives: packed s16 stereo, 48 kHz, 960 samples."""
    interleaved = np.empty(2 * BLOCK, dtype=np.int16)
    interleaved[0::2], interleaved[1::2] = left, right
    frame = av.AudioFrame.from_ndarray(interleaved.reshape(1, -1), format="s16", layout="stereo")
    frame.sample_rate, frame.pts, frame.time_base = 48000, pts, Fraction(1, 48000)
    return frame


def test_two_sources_are_summed_block_by_block() -> None:
    mixer = Mixer()
    mixer.add_source("a")
    mixer.add_source("b")
    assert mixer.push("a", _constant(1000)) == []  # b has nothing yet: wait for it
    out = mixer.push("b", _constant(-300))
    assert len(out) == 1 and out[0].dtype == np.int16 and len(out[0]) == BLOCK
    assert set(out[0].tolist()) == {700}


def test_the_sum_is_clipped_to_int16() -> None:
    mixer = Mixer()
    for name in ("a", "b"):
        mixer.add_source(name)
    mixer.push("a", _constant(30000))
    loud = mixer.push("b", _constant(30000))[0]
    mixer.push("a", _constant(-30000))
    quiet = mixer.push("b", _constant(-30000))[0]
    assert set(loud.tolist()) == {32767} and set(quiet.tolist()) == {-32768}


def test_partial_pushes_make_whole_blocks() -> None:
    mixer = Mixer()
    mixer.add_source("a")
    assert mixer.push("a", _constant(5, 500)) == []
    out = mixer.push("a", _constant(5, 1500))  # 2000 in all: two blocks, 80 samples kept
    assert [len(b) for b in out] == [BLOCK, BLOCK]
    assert len(mixer.push("a", _constant(5, BLOCK - 80))) == 1


def test_a_silent_source_holds_the_other_back_only_a_few_blocks() -> None:
    mixer = Mixer(max_lag_blocks=3)
    mixer.add_source("talking")
    mixer.add_source("silent")
    released = [len(mixer.push("talking", _constant(100))) for _ in range(10)]
    assert released == [0, 0, 0, 1, 1, 1, 1, 1, 1, 1]  # 60 ms of lag, then one block per block


def test_removing_a_source_releases_what_waited_for_it() -> None:
    mixer = Mixer()
    mixer.add_source("a")
    mixer.add_source("b")
    mixer.push("a", _constant(7))
    mixer.push("a", _constant(7))
    out = mixer.remove_source("b")
    assert len(out) == 2 and mixer.sources == ["a"]


def test_one_source_passes_frames_through_untouched() -> None:
    out = Collect()
    speaker = MixedSpeaker(out)
    main = speaker.source("main")
    frame = _stereo_frame(10, 20)
    main.play(frame)
    assert out.frames == [frame]


def test_two_decoded_stereo_streams_come_out_as_one_mono_mix() -> None:
    out = Collect()
    speaker = MixedSpeaker(out)
    main, leg = speaker.source("main"), speaker.source("interpreter")
    for i in range(5):
        main.play(_stereo_frame(1000, 1000, pts=i * BLOCK))
        leg.play(_stereo_frame(2000, 2000, pts=i * BLOCK))
    mixed = out.samples()
    assert all(f.layout.name == "mono" and f.sample_rate == 48000 for f in out.frames)
    assert [f.pts for f in out.frames] == [i * BLOCK for i in range(len(out.frames))]
    # The resampler may hold back a few samples; what came out is the sum, nothing else.
    assert len(mixed) >= 4 * BLOCK
    steady = mixed[BLOCK:]  # past the resampler's first-frame ramp, if any
    assert abs(int(np.median(steady)) - 3000) <= 3


def test_a_closed_source_is_no_longer_waited_for() -> None:
    out = Collect()
    speaker = MixedSpeaker(out)
    main, leg = speaker.source("main"), speaker.source("interpreter")
    leg.play(_stereo_frame(500, 500))
    leg.close()
    leg.play(_stereo_frame(500, 500))  # a late frame of a closed connection is dropped
    frame = _stereo_frame(1, 2)
    main.play(frame)
    assert out.frames[-1] is frame  # alone again: passthrough
