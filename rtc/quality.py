"""Call quality from aiortc's ``getStats()`` plus what the receiver measured itself.

:func:`quality_from_stats` is pure: it takes the stats report as plain mappings (one per stats
object, ``dataclasses.asdict`` of aiortc's), the previous sample's counters and the receiver's own
figures, and returns a :class:`signaling.messages.Quality` and the counters for next time. Figures
that cannot be known yet are None, never 0.

* RTT: ``remote-inbound-rtp.roundTripTime`` (video's when there is one).
* Packet loss: ``inbound-rtp`` lost / (received + lost), over the interval since the last sample.
* Jitter: ``inbound-rtp.jitter`` is in RTP clock units (pitfall 10): divided by the codec clock rate
  (90 kHz video, 48 kHz Opus). The worse of audio and video.
* Bitrate: from the transport's ``bytesReceived`` delta between two samples.
* fps, resolution, A/V skew: from :mod:`rtc.receive_meter`, since aiortc reports none of them.

The sampling every few seconds, during a call, is :class:`rtc.call_media.CallMedia`'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rtc.receive_meter import VideoFigures
from signaling.messages import Quality

CLOCK_RATES = {"audio": 48_000, "video": 90_000}

Stats = Sequence[Mapping[str, object]]


@dataclass(frozen=True)
class Counters:
    """Cumulative counters kept between two samples."""

    at_s: float
    bytes_received: int
    packets_received: int
    packets_lost: int


def _num(stat: Mapping[str, object], key: str) -> float | None:
    value = stat.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _of_type(stats: Stats, kind: str) -> list[Mapping[str, object]]:
    return [s for s in stats if s.get("type") == kind]


def rtt_ms(stats: Stats) -> float | None:
    remote = _of_type(stats, "remote-inbound-rtp")
    remote.sort(key=lambda s: s.get("kind") != "video")  # video first
    for stat in remote:
        rtt = _num(stat, "roundTripTime")
        if rtt is not None and rtt >= 0:
            return rtt * 1000
    return None


def jitter_ms(stats: Stats) -> float | None:
    values = []
    for stat in _of_type(stats, "inbound-rtp"):
        jitter, rate = _num(stat, "jitter"), CLOCK_RATES.get(str(stat.get("kind")))
        if jitter is not None and rate is not None:
            values.append(max(0.0, jitter) / rate * 1000)
    return max(values) if values else None


def counters(stats: Stats, now_s: float) -> Counters:
    inbound = _of_type(stats, "inbound-rtp")
    transport = _of_type(stats, "transport")
    return Counters(
        at_s=now_s,
        bytes_received=int(sum(_num(s, "bytesReceived") or 0 for s in transport)),
        packets_received=int(sum(_num(s, "packetsReceived") or 0 for s in inbound)),
        packets_lost=int(sum(_num(s, "packetsLost") or 0 for s in inbound)),
    )


def loss_ratio(now: Counters, before: Counters | None) -> float | None:
    received, lost = now.packets_received, now.packets_lost
    if before is not None:
        received -= before.packets_received
        lost -= before.packets_lost
    lost = max(0, lost)  # duplicates can make RTP's "lost" negative
    if received + lost <= 0:
        return None
    return min(1.0, lost / (received + lost))


def bitrate_kbps(now: Counters, before: Counters | None) -> float | None:
    if before is None or now.at_s <= before.at_s:
        return None
    return max(0, now.bytes_received - before.bytes_received) * 8 / 1000 / (now.at_s - before.at_s)


def quality_from_stats(
    stats: Stats,
    *,
    now_s: float,
    previous: Counters | None = None,
    video: VideoFigures | None = None,
    skew_ms: float | None = None,
) -> tuple[Quality, Counters]:
    """The call's quality now; pass the returned counters as ``previous`` next time."""
    current = counters(stats, now_s)
    quality = Quality(
        rtt_ms=rtt_ms(stats),
        packet_loss_ratio=loss_ratio(current, previous),
        jitter_ms=jitter_ms(stats),
        fps=None if video is None else video.fps,
        width=None if video is None else video.width,
        height=None if video is None else video.height,
        bitrate_kbps=bitrate_kbps(current, previous),
        audio_video_skew_ms=skew_ms,
    )
    return quality, current
