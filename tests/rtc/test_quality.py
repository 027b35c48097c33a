"""Quality figures from a getStats() report, in the units Quality promises."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from rtc.quality import quality_from_stats
from rtc.receive_meter import VideoFigures


def _report(
    *, received: int, lost: int, bytes_: int, rtt: float | None = 0.05
) -> list[Mapping[str, object]]:
    stats: list[Mapping[str, object]] = [
        {
            "type": "inbound-rtp",
            "kind": "video",
            "packetsReceived": received,
            "packetsLost": lost,
            "jitter": 900,
        },
        {
            "type": "inbound-rtp",
            "kind": "audio",
            "packetsReceived": 100,
            "packetsLost": 0,
            "jitter": 96,
        },
        {"type": "transport", "bytesReceived": bytes_, "bytesSent": 0},
        {"type": "outbound-rtp", "kind": "video", "bytesSent": 10},
    ]
    if rtt is not None:
        stats.append({"type": "remote-inbound-rtp", "kind": "audio", "roundTripTime": 0.2})
        stats.append({"type": "remote-inbound-rtp", "kind": "video", "roundTripTime": rtt})
    return stats


def test_first_sample_has_cumulative_loss_and_no_bitrate() -> None:
    quality, _ = quality_from_stats(_report(received=900, lost=100, bytes_=1000), now_s=10.0)
    assert quality.rtt_ms == pytest.approx(50)  # video's RTT is preferred
    assert quality.packet_loss_ratio == pytest.approx(100 / 1100)
    # 900 units at 90 kHz = 10 ms (video); 96 at 48 kHz = 2 ms (audio): the worse one.
    assert quality.jitter_ms == pytest.approx(10)
    assert quality.bitrate_kbps is None


def test_second_sample_covers_the_interval() -> None:
    _, before = quality_from_stats(_report(received=900, lost=100, bytes_=1000), now_s=10.0)
    quality, _ = quality_from_stats(
        _report(received=1000, lost=100, bytes_=251_000), now_s=12.0, previous=before
    )
    assert quality.packet_loss_ratio == 0
    assert quality.bitrate_kbps == pytest.approx(250_000 * 8 / 1000 / 2)


def test_unknown_figures_are_none_not_zero() -> None:
    quality, _ = quality_from_stats([], now_s=0.0)
    assert quality.model_dump(exclude_none=True) == {}


def test_receiver_figures_and_skew_are_carried() -> None:
    video = VideoFigures(
        fps=29.5, width=640, height=480, frames=10, stamped=10, out_of_order=0, latency_ms=40.0
    )
    quality, _ = quality_from_stats(
        _report(received=1, lost=0, bytes_=0, rtt=None), now_s=1.0, video=video, skew_ms=-12.0
    )
    assert (quality.fps, quality.width, quality.height) == (29.5, 640, 480)
    assert quality.audio_video_skew_ms == -12.0
    assert quality.rtt_ms is None  # no receiver report yet


def test_negative_loss_from_duplicates_is_clamped() -> None:
    quality, _ = quality_from_stats(_report(received=10, lost=-3, bytes_=0), now_s=1.0)
    assert quality.packet_loss_ratio == 0
