"""The soak's verdict rules (kiosklink/soak_report.py): each failure the issue names is caught,
and the noise of a healthy run is not mistaken for one."""

from __future__ import annotations

from dataclasses import replace

from kiosklink.soak_report import (
    CallSide,
    Interpreting,
    Limits,
    Page,
    ProcessSample,
    call_problems,
    feature_problems,
    features_line,
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


# --- letters and the interpreter (issue 16) -------------------------------------------------------

PAGE = Page(size=2_100_000, sha256="a" * 64, at=100.0)
SHOWN = replace(PAGE, at=101.4)


def with_letter(call: int, **console_changes: object) -> dict[str, CallSide]:
    kiosk = side(call, letter="asked", pages=(PAGE,), call_id=f"c{call}")
    console = side(call, "console", letter="asked", pages=(SHOWN,), call_id=f"c{call}")
    return {"kiosk": kiosk, "console": replace(console, **console_changes)}  # type: ignore[arg-type]


def test_a_page_shown_byte_identical_passes_and_is_summed_up() -> None:
    calls = {1: with_letter(1)}
    assert feature_problems(calls, {}, LIMITS) == []
    line = features_line(calls[1]["kiosk"], calls[1]["console"], None)
    assert line == "letter 1/1 pages 2.1 MB in 1.4 s"


def test_a_page_not_shown_or_not_the_same_bytes_fails() -> None:
    other = replace(SHOWN, sha256="b" * 64)
    calls = {1: with_letter(1, pages=()), 2: with_letter(2, pages=(other,))}
    assert feature_problems(calls, {}, LIMITS) == [
        "call 1: 1 pages sent, 0 shown",
        "call 2: page 1 shown is not the page sent (sha256 differs)",
    ]
    assert "BYTES DIFFER" in features_line(calls[2]["kiosk"], calls[2]["console"], None)


def test_a_letter_planned_but_never_sent_fails() -> None:
    kiosk = side(1, letter="offered")
    assert feature_problems({1: {"kiosk": kiosk, "console": side(1, "console")}}, {}, LIMITS) == [
        "call 1: no page sent (offered letter)"
    ]


def test_a_no_must_be_said_on_the_kiosk_and_reach_the_adviser() -> None:
    said = side(3, letter="declined", declined=True)
    told = side(3, "console", letter="declined", declined=True)
    assert feature_problems({3: {"kiosk": said, "console": told}}, {}, LIMITS) == []
    untold = replace(told, declined=False)
    assert feature_problems({3: {"kiosk": said, "console": untold}}, {}, LIMITS) == [
        "call 3: the resident's No did not reach the adviser"
    ]
    assert features_line(said, told, None) == "letter declined"


def interpreted(call: int, **kiosk_changes: object) -> dict[str, CallSide]:
    watched = {
        "call_id": f"c{call}",
        "interpreter": "leaves",
        "interpreter_frames": 250,
        "interpreter_text_in": True,
        "interpreter_left": True,
        "frames_after_interpreter": 150,
    }
    kiosk = replace(side(call, **watched), **kiosk_changes)  # type: ignore[arg-type]
    return {"kiosk": kiosk, "console": side(call, "console", **watched)}


def session(call: int, **changes: object) -> dict[str, Interpreting]:
    healthy = Interpreting(
        call_id=f"c{call}",
        resident_frames=300,
        adviser_frames=290,
        typed=True,
        left_by_itself=True,
        stall_ms=50.0,
    )
    return {f"c{call}": replace(healthy, **changes)}  # type: ignore[arg-type]


def test_a_healthy_interpreted_call_passes_and_shows_its_four_links() -> None:
    calls = {2: interpreted(2)}
    assert feature_problems(calls, session(2), LIMITS) == []
    line = features_line(calls[2]["kiosk"], calls[2]["console"], session(2)["c2"])
    assert line == "interpreter 300/290/250/250 frames, left, 150 frames after"


def test_each_broken_interpreter_link_is_named() -> None:
    calls = {
        2: interpreted(2, interpreter_frames=0),
        4: interpreted(4, interpreter_text_in=False),
        6: interpreted(6, frames_after_interpreter=3),
        8: interpreted(8, interpreter_left=False),
        10: interpreted(10),
        12: interpreted(12, interpreter_rejoins=1),
    }
    sessions = session(2) | session(4) | session(6) | session(8) | session(10, adviser_frames=0)
    sessions |= session(12)
    assert feature_problems(calls, sessions, LIMITS) == [
        "call 2: no frames interpreter -> kiosk",
        "call 4: the interpreter's text never reached the kiosk",
        "call 6: the kiosk showed 3 frames after the interpreter left: the call did not go on",
        "call 8: the kiosk never saw the interpreter leave",
        "call 10: no frames adviser -> interpreter",
        "call 12: the kiosk showed the interpreter gone and back 1 times",
    ]


def test_an_interpreter_who_never_joined_fails_the_call() -> None:
    calls = {2: interpreted(2)}
    assert feature_problems(calls, {}, LIMITS) == ["call 2: the interpreter never joined"]
    assert features_line(calls[2]["kiosk"], calls[2]["console"], None) == "interpreter MISSING"


def test_journal_lines_carry_pages_and_the_interpreters_view() -> None:
    record = {
        "event": "call_done",
        "call": 2,
        "side": "kiosk",
        "call_id": "c2",
        "letter": "offered",
        "pages": [{"size": 10, "sha256": "ab", "at": 5.5}, {"size": 11, "sha256": "cd", "at": 7}],
        "interpreter": "dismissed",
        "interpreter_frames": 12,
        "interpreter_left": True,
    }
    parsed = CallSide.from_journal(record)
    assert parsed.pages == (Page(10, "ab", 5.5), Page(11, "cd", 7.0))
    assert (parsed.call_id, parsed.letter, parsed.interpreter) == ("c2", "offered", "dismissed")
    assert (parsed.interpreter_frames, parsed.interpreter_left) == (12, True)
    done = Interpreting.from_journal(
        {"call_id": "c2", "resident_frames": 40, "adviser_frames": 39, "left_by_itself": False}
    )
    assert (done.resident_frames, done.adviser_frames, done.left_by_itself) == (40, 39, False)


def test_latency_is_compared_within_two_party_and_interpreted_calls_apart() -> None:
    # Interpreted calls run slower on a loaded machine; a mix is no trend.
    mixed = [side(n, latency_ms=60.0, interpreter="") for n in range(1, 13, 2)]
    mixed += [side(n, latency_ms=150.0, interpreter="leaves") for n in range(2, 13, 2)]
    mixed.sort(key=lambda c: c.call)
    early_two_party = [side(n, latency_ms=60.0) for n in range(1, 7)]
    late_interpreted = [side(n, latency_ms=150.0, interpreter="leaves") for n in range(7, 13)]
    assert latency_problems({"kiosk": mixed}, LIMITS) == []
    assert latency_problems({"kiosk": early_two_party + late_interpreted}, LIMITS) == []
    rising = [side(n, latency_ms=60.0 + 20 * n, interpreter="dismissed") for n in range(1, 7)]
    assert latency_problems({"console": rising}, LIMITS) == [
        "console: latency rose from 90 ms to 170 ms in calls with an interpreter"
    ]


def test_two_calls_of_a_kind_make_no_trend() -> None:
    two = [
        side(2, latency_ms=70.0, interpreter="leaves"),
        side(4, latency_ms=120.0, interpreter="x"),
    ]
    assert latency_problems({"kiosk": two}, LIMITS) == []
