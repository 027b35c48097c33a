"""What a soak run found, and whether it passes: pure, from the journals and process samples.

A run fails on any of (issue 9):

* a crash: an app that exited other than when told to, or with a non-zero status;
* a call that fails: not connected on either side, no text across either way, or reported by one
  side only;
* frames that stop: fewer than ``min_fps`` on the screen over a call, or a picture frozen for more
  than ``max_gap_s``;
* latency at the end above ``latency_growth`` times the start (medians of the first and last
  calls, per direction; a rise smaller than ``latency_slack_ms`` is noise at these sizes);
* a leak trend in either app: threads or open files that keep rising between calls, or memory
  that grows steadily after warm-up (see :func:`leak_problems`).

Samples between calls are compared, never a sample in a call with one outside it: a call's
decoders and buffers are not a leak.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ProcessSample:
    t: float  # seconds since the soak started
    rss_mb: float
    threads: int
    open_files: int  # file descriptors: sockets, pipes and files


@dataclass(frozen=True)
class CallSide:
    """One app's view of one call, from its driver's ``call_done`` line."""

    call: int
    side: str  # "kiosk" | "console"
    connected: bool
    frames_in: int
    fps_in: float
    latency_ms: float | None
    longest_gap_s: float
    text_in: bool
    talk_s: float
    stall_ms: float

    @classmethod
    def from_journal(cls, record: Mapping[str, object]) -> CallSide:
        def number(key: str) -> float:
            value = record.get(key)
            return float(value) if isinstance(value, int | float) else 0.0

        latency = record.get("latency_ms")
        return cls(
            call=int(number("call")),
            side=str(record.get("side", "?")),
            connected=bool(record.get("connected")),
            frames_in=int(number("frames_in")),
            fps_in=number("fps_in"),
            latency_ms=float(latency) if isinstance(latency, int | float) else None,
            longest_gap_s=number("longest_gap_s"),
            text_in=bool(record.get("text_in")),
            talk_s=number("talk_s"),
            stall_ms=number("stall_ms"),
        )


@dataclass(frozen=True)
class Limits:
    min_fps: float = 5.0
    max_gap_s: float = 2.0
    latency_growth: float = 1.5
    latency_slack_ms: float = 10.0
    thread_growth: int = 4
    open_file_growth: int = 16
    rss_growth_ratio: float = 0.25  # and a steady rise, see leak_problems
    rss_slope_mb_per_min: float = 1.0


def call_problems(calls: Mapping[int, Mapping[str, CallSide]], limits: Limits) -> list[str]:
    """Problems with single calls; ``calls`` maps call number -> side -> what that side saw."""
    problems: list[str] = []
    for number in sorted(calls):
        sides = calls[number]
        missing = {"kiosk", "console"} - set(sides)
        if missing:
            problems.append(f"call {number}: no report from the {' and '.join(sorted(missing))}")
        for side in sides.values():
            where = f"call {number} ({side.side})"
            if not side.connected:
                problems.append(f"{where}: never showed the other side's video")
                continue
            if side.fps_in < limits.min_fps:
                problems.append(f"{where}: {side.fps_in:.1f} fps on the screen")
            if side.longest_gap_s > limits.max_gap_s:
                problems.append(f"{where}: picture frozen for {side.longest_gap_s:.1f} s")
            if not side.text_in:
                problems.append(f"{where}: no real-time text arrived")
    return problems


def latency_at(calls: Sequence[CallSide], *, end: bool) -> float | None:
    """Median latency over the first (or last) third of the calls, at least one call."""
    figures = [c.latency_ms for c in calls if c.latency_ms is not None]
    if not figures:
        return None
    count = max(1, len(figures) // 3)
    return float(statistics.median(figures[-count:] if end else figures[:count]))


def latency_problems(by_side: Mapping[str, Sequence[CallSide]], limits: Limits) -> list[str]:
    problems: list[str] = []
    for side, calls in sorted(by_side.items()):
        start, end = latency_at(calls, end=False), latency_at(calls, end=True)
        if start is None or end is None:
            continue
        if end > limits.latency_growth * start and end - start > limits.latency_slack_ms:
            problems.append(f"{side}: latency rose from {start:.0f} ms to {end:.0f} ms")
    return problems


def slope_per_min(samples: Sequence[ProcessSample]) -> float:
    """Least-squares slope of RSS in MB per minute (0 with fewer than three samples)."""
    if len(samples) < 3:
        return 0.0
    ts = [s.t / 60 for s in samples]
    ys = [s.rss_mb for s in samples]
    t_mean, y_mean = statistics.fmean(ts), statistics.fmean(ys)
    spread = sum((t - t_mean) ** 2 for t in ts)
    if spread == 0:
        return 0.0
    return sum((t - t_mean) * (y - y_mean) for t, y in zip(ts, ys, strict=True)) / spread


def leak_problems(app: str, idle: Sequence[ProcessSample], limits: Limits) -> list[str]:
    """A leak trend in ``idle`` (samples between calls, in time order).

    The first sample after the first call is the baseline (imports, codecs and caches are warm by
    then). Threads and open files must come back to it, give or take a little; memory fails only
    when it both grew by ``rss_growth_ratio`` and kept rising over the second half of the run.
    """
    if len(idle) < 2:
        return []
    base, last = idle[0], idle[-1]
    problems: list[str] = []
    if last.threads > base.threads + limits.thread_growth:
        problems.append(f"{app}: threads {base.threads} -> {last.threads} between calls")
    if last.open_files > base.open_files + limits.open_file_growth:
        problems.append(f"{app}: open files {base.open_files} -> {last.open_files} between calls")
    grew = last.rss_mb > base.rss_mb * (1 + limits.rss_growth_ratio)
    second_half = [s for s in idle if s.t >= (base.t + last.t) / 2]
    slope = slope_per_min(second_half)
    if grew and slope > limits.rss_slope_mb_per_min:
        problems.append(
            f"{app}: memory {base.rss_mb:.0f} -> {last.rss_mb:.0f} MB, still rising "
            f"{slope:.1f} MB/min"
        )
    return problems
