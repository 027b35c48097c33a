"""The soak's verdict rules (kiosklink/soak_report.py): each failure the issue names is caught,
and the noise of a healthy run is not mistaken for one."""

from __future__ import annotations

from dataclasses import replace

from kiosklink.soak_report import (
    CallSide,
    Limits,
    ProcessSample,
    call_problems,
    latency_at,
    latency_problems,
    leak_problems,
    slope_per_min,
)

LIMITS = Limits()


def side(call: int, name: str = "kiosk", **changes: object) -> CallSide:
    healthy = CallSide(
        call=call,
        side=name,
        connected=True,
        frames_in=580,
        fps_in=29.0,
        latency_ms=50.0,
        longest_gap_s=0.2,
        text_in=True,
        talk_s=20.0,
        stall_ms=60.0,
    )
    return replace(healthy, **changes)  # type: ignore[arg-type]


def both(call: int, **kiosk_changes: object) -> dict[str, CallSide]:
    kiosk = replace(side(call), **kiosk_changes)  # type: ignore[arg-type]
    return {"kiosk": kiosk, "console": side(call, "console")}


def test_healthy_calls_pass() -> None:
    assert call_problems({1: both(1), 2: both(2)}, LIMITS) == []


def test_each_kind_of_failed_call_is_named() -> None:
    calls = {
        1: both(1, connected=False),
        2: both(2, fps_in=2.0),
        3: both(3, longest_gap_s=4.5),
        4: both(4, text_in=False),
        5: {"console": side(5, "console")},
    }
    problems = call_problems(calls, LIMITS)
    assert problems == [
        "call 1 (kiosk): never showed the other side's video",
        "call 2 (kiosk): 2.0 fps on the screen",
        "call 3 (kiosk): picture frozen for 4.5 s",
        "call 4 (kiosk): no real-time text arrived",
        "call 5: no report from the kiosk",
    ]


def test_journal_lines_read_into_call_sides() -> None:
    record = {
        "event": "call_done",
        "call": 3,
        "side": "console",
        "connected": True,
        "frames_in": 600,
        "fps_in": 29.5,
        "latency_ms": None,
        "longest_gap_s": 0.1,
        "text_in": True,
        "talk_s": 20.3,
        "stall_ms": 40,
    }
    parsed = CallSide.from_journal(record)
    assert (parsed.call, parsed.side, parsed.latency_ms, parsed.stall_ms) == (
        3,
        "console",
        None,
        40,
    )


def test_latency_growth_beyond_one_and_a_half_times_fails() -> None:
    steady = [side(n, latency_ms=50.0 + n % 3) for n in range(1, 10)]
    rising = [side(n, latency_ms=40.0 + 10 * n) for n in range(1, 10)]
    assert latency_problems({"kiosk": steady}, LIMITS) == []
    assert latency_at(rising, end=False) == 60.0 and latency_at(rising, end=True) == 120.0
    assert latency_problems({"kiosk": rising}, LIMITS) == [
        "kiosk: latency rose from 60 ms to 120 ms"
    ]


def test_a_small_rise_on_a_small_latency_is_noise() -> None:
    calls = [side(1, latency_ms=12.0), side(2, latency_ms=20.0)]
    assert latency_problems({"kiosk": calls}, LIMITS) == []


def sample(t: float, rss: float, threads: int = 12, files: int = 14) -> ProcessSample:
    return ProcessSample(t=t, rss_mb=rss, threads=threads, open_files=files)


def test_threads_and_files_that_keep_rising_are_a_leak() -> None:
    threads = [sample(20 * i, 300, threads=12 + 2 * i) for i in range(6)]
    files = [sample(20 * i, 300, files=14 + 5 * i) for i in range(6)]
    assert leak_problems("console", threads, LIMITS) == ["console: threads 12 -> 22 between calls"]
    assert leak_problems("kiosk", files, LIMITS) == ["kiosk: open files 14 -> 39 between calls"]


def test_memory_must_both_grow_and_keep_rising() -> None:
    leak = [sample(60 * i, 300 + 20 * i) for i in range(10)]  # 20 MB a minute, on and on
    plateau = [sample(60 * i, 300 + min(i, 3) * 30) for i in range(10)]  # warm-up, then flat
    noisy = [sample(60 * i, 300 + (7 if i % 2 else 0)) for i in range(10)]
    assert slope_per_min(leak) == 20.0
    assert leak_problems("kiosk", leak, LIMITS) == [
        "kiosk: memory 300 -> 480 MB, still rising 20.0 MB/min"
    ]
    assert leak_problems("kiosk", plateau, LIMITS) == []
    assert leak_problems("kiosk", noisy, LIMITS) == []
