"""What a soak run found, and whether it passes: pure, from the journals and process samples.

A run fails on any of (issue 9):

* a crash: an app that exited other than when told to, or with a non-zero status;
* a call that fails: not connected on either side, no text across either way, or reported by one
  side only;
* frames that stop: fewer than ``min_fps`` on the screen over a call, or a picture frozen for more
  than ``max_gap_s``;
* latency at the end above ``latency_growth`` times the start (medians of the first and last
  calls, per direction; a rise smaller than ``latency_slack_ms`` is noise at these sizes);
* a leak trend in any app: threads or open files that keep rising between calls, or memory
  that grows steadily after warm-up (see :func:`leak_problems`);
* a letter (issue 16, :mod:`kiosklink.soak_plan`): a page sent and not shown on the console, or
  shown with other bytes than the kiosk's still (sha256), or a No that did not reach the adviser;
* an interpreter: a call planned with one where any of the four links showed no frames (resident
  and adviser on the interpreter's console, the interpreter on the kiosk and on the adviser's
  console), their text seen by neither, or the two-party call without frames once they left
  (see :func:`feature_problems`).

Samples between calls are compared, never a sample in a call with one outside it: a call's
decoders and buffers are not a leak.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kiosklink.soak_plan import LetterPlan


@dataclass(frozen=True)
class ProcessSample:
    t: float  # seconds since the soak started
    rss_mb: float
    threads: int
    open_files: int  # file descriptors: sockets, pipes and files


@dataclass(frozen=True)
class Page:
    """A letter's page: its size and sha256, and when it was sent (kiosk: Send pressed) or shown
    (console: on the page view), on the system-wide monotonic clock both processes share."""

    size: int
    sha256: str
    at: float

    @classmethod
    def from_journal(cls, record: object) -> Page:
        fields = record if isinstance(record, Mapping) else {}
        return cls(
            size=int(fields.get("size", 0)),
            sha256=str(fields.get("sha256", "")),
            at=float(fields.get("at", 0.0)),
        )


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
    call_id: str = ""
    letter: str = ""  # the call's LetterPlan
    pages: tuple[Page, ...] = ()  # kiosk: sent; console: shown
    declined: bool = False  # kiosk: the resident said No; console: the adviser was told so
    interpreter: str = ""  # the call's InterpreterPlan
    interpreter_frames: int = 0  # the interpreter's frames on this side's screen
    interpreter_text_in: bool = False
    interpreter_left: bool = False  # this side saw the interpreter go
    interpreter_rejoins: int = 0  # shown as gone, then back in the call
    frames_after_interpreter: int = 0  # the other side's frames after that

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
            call_id=str(record.get("call_id", "")),
            letter=str(record.get("letter", "")),
            pages=tuple(Page.from_journal(p) for p in _items(record.get("pages"))),
            declined=bool(record.get("declined")),
            interpreter=str(record.get("interpreter", "")),
            interpreter_frames=int(number("interpreter_frames")),
            interpreter_text_in=bool(record.get("interpreter_text_in")),
            interpreter_left=bool(record.get("interpreter_left")),
            interpreter_rejoins=int(number("interpreter_rejoins")),
            frames_after_interpreter=int(number("frames_after_interpreter")),
        )


@dataclass(frozen=True)
class Interpreting:
    """The interpreter's console's view of one call it interpreted (``interpreting_done``)."""

    call_id: str
    resident_frames: int
    adviser_frames: int
    typed: bool  # it typed its line
    left_by_itself: bool  # it pressed Leave (else the adviser thanked it, or the call ended)
    stall_ms: float

    @classmethod
    def from_journal(cls, record: Mapping[str, object]) -> Interpreting:
        def number(key: str) -> float:
            value = record.get(key)
            return float(value) if isinstance(value, int | float) else 0.0

        return cls(
            call_id=str(record.get("call_id", "")),
            resident_frames=int(number("resident_frames")),
            adviser_frames=int(number("adviser_frames")),
            typed=bool(record.get("typed")),
            left_by_itself=bool(record.get("left_by_itself")),
            stall_ms=number("stall_ms"),
        )


def _items(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


@dataclass(frozen=True)
class Limits:
    min_fps: float = 5.0
    max_gap_s: float = 2.0
    latency_growth: float = 1.5
    latency_slack_ms: float = 10.0
    min_calls_for_trend: int = 3  # of a kind (two-party, with an interpreter)
    thread_growth: int = 4
    open_file_growth: int = 16
    rss_growth_ratio: float = 0.25  # and a steady rise, see leak_problems
    rss_slope_mb_per_min: float = 1.0
    min_frames_after_interpreter: int = 30  # a second of video: the call went on


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
    """Latency growth per side, two-party calls and calls with an interpreter judged apart: a
    third party's encoders cost the machine more, so a mixed median moves with the mix."""
    problems: list[str] = []
    for side, calls in sorted(by_side.items()):
        for kind, alike in _by_kind(calls):
            if len(alike) < limits.min_calls_for_trend:
                continue  # one call against the next is no trend
            start, end = latency_at(alike, end=False), latency_at(alike, end=True)
            if start is None or end is None:
                continue
            if end > limits.latency_growth * start and end - start > limits.latency_slack_ms:
                problems.append(f"{side}: latency rose from {start:.0f} ms to {end:.0f} ms{kind}")
    return problems


def _by_kind(calls: Sequence[CallSide]) -> list[tuple[str, list[CallSide]]]:
    two = [c for c in calls if not c.interpreter]
    three = [c for c in calls if c.interpreter]
    return [("", two), (" in calls with an interpreter", three)]


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

    The first sample is the baseline: :mod:`kiosklink.soak` keeps samples from the end of call
    ``WARM_AFTER_CALLS`` on (:mod:`kiosklink.soak_plan`), when imports, codecs, caches and the
    asyncio thread pool a page or an interpreter wakes are warm. Threads and open files must come
    back to it, give or take a little; memory fails only when it both grew by
    ``rss_growth_ratio`` and kept rising over the second half of the run.
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


def feature_problems(
    calls: Mapping[int, Mapping[str, CallSide]],
    interpreting: Mapping[str, Interpreting],
    limits: Limits,
) -> list[str]:
    """Problems with a call's letter and interpreter, against the call's plan (which both drivers
    wrote in their ``call_done``); ``interpreting`` maps call id -> the interpreter's view."""
    problems: list[str] = []
    for number in sorted(calls):
        sides = calls[number]
        kiosk, console = sides.get("kiosk"), sides.get("console")
        if kiosk is None or console is None or not (kiosk.connected and console.connected):
            continue  # call_problems names it
        where = f"call {number}"
        problems += [f"{where}: {p}" for p in letter_problems(kiosk, console)]
        if console.interpreter:
            session = interpreting.get(console.call_id)
            found = interpreter_problems(kiosk, console, session, limits)
            problems += [f"{where}: {p}" for p in found]
    return problems


def letter_problems(kiosk: CallSide, console: CallSide) -> list[str]:
    if kiosk.letter == LetterPlan.DECLINED:
        if not kiosk.declined:
            return ["the resident was never asked to show a letter"]
        if not console.declined:
            return ["the resident's No did not reach the adviser"]
        return []
    if not kiosk.letter:
        return []
    problems: list[str] = []
    if not kiosk.pages:
        problems.append(f"no page sent ({kiosk.letter} letter)")
    if len(console.pages) < len(kiosk.pages):
        problems.append(f"{len(kiosk.pages)} pages sent, {len(console.pages)} shown")
    for index, (sent, shown) in enumerate(page_pairs(kiosk, console), start=1):
        if sent.sha256 != shown.sha256 or sent.size != shown.size:
            problems.append(f"page {index} shown is not the page sent (sha256 differs)")
    return problems


def interpreter_problems(
    kiosk: CallSide, console: CallSide, session: Interpreting | None, limits: Limits
) -> list[str]:
    if session is None:
        return ["the interpreter never joined"]
    links = {
        "resident -> interpreter": session.resident_frames,
        "adviser -> interpreter": session.adviser_frames,
        "interpreter -> kiosk": kiosk.interpreter_frames,
        "interpreter -> console": console.interpreter_frames,
    }
    problems = [f"no frames {link}" for link, frames in links.items() if frames == 0]
    if session.typed:
        problems += [
            f"the interpreter's text never reached the {side.side}"
            for side in (kiosk, console)
            if not side.interpreter_text_in
        ]
    for side in (kiosk, console):
        if side.interpreter_rejoins:
            problems.append(
                f"the {side.side} showed the interpreter gone and back "
                f"{side.interpreter_rejoins} times"
            )
        if not side.interpreter_left:
            problems.append(f"the {side.side} never saw the interpreter leave")
        elif side.frames_after_interpreter < limits.min_frames_after_interpreter:
            problems.append(
                f"the {side.side} showed {side.frames_after_interpreter} frames after the "
                "interpreter left: the call did not go on"
            )
    return problems


def page_pairs(kiosk: CallSide, console: CallSide) -> list[tuple[Page, Page]]:
    """Each page sent with the page shown in its place (the console shows them in order)."""
    return list(zip(kiosk.pages, console.pages, strict=False))


def delivery_s(kiosk: CallSide, console: CallSide) -> list[float]:
    """Seconds from each page's Send on the kiosk to it shown on the console."""
    return [shown.at - sent.at for sent, shown in page_pairs(kiosk, console)]


def features_line(kiosk: CallSide, console: CallSide, session: Interpreting | None) -> str:
    """The call's letter and interpreter in brief, e.g. "letter 2.1 MB in 1.4 s; interpreter
    300/290/310/305 frames" (frames: resident and adviser on the interpreter's screen, the
    interpreter on the kiosk's and on the console's)."""
    parts: list[str] = []
    if kiosk.letter == LetterPlan.DECLINED:
        parts.append("letter declined" + ("" if console.declined else " (console not told)"))
    elif kiosk.letter:
        times = delivery_s(kiosk, console)
        size = sum(p.size for p in kiosk.pages) / 1e6
        same = all(a.sha256 == b.sha256 for a, b in page_pairs(kiosk, console))
        shown = f"{len(console.pages)}/{len(kiosk.pages)} pages"
        when = f" in {max(times):.1f} s" if times else ""
        parts.append(f"letter {shown} {size:.1f} MB{when}{'' if same else ' BYTES DIFFER'}")
    if console.interpreter:
        if session is None:
            parts.append("interpreter MISSING")
        else:
            frames = (
                f"{session.resident_frames}/{session.adviser_frames}/"
                f"{kiosk.interpreter_frames}/{console.interpreter_frames}"
            )
            how = "left" if session.left_by_itself else "thanked"
            after = min(kiosk.frames_after_interpreter, console.frames_after_interpreter)
            parts.append(f"interpreter {frames} frames, {how}, {after} frames after")
    return "; ".join(parts)
