"""``kiosklink soak --minutes N``: the real kiosk and console apps in real calls, for minutes.

Starts a server on 127.0.0.1 (a fresh SQLite file), then the real kiosk app, the real console
app signed in as an adviser and a second console signed in as an interpreter, as three processes
on a display (a virtual one, Xvfb, of ``--screen`` when there is none), each with a driver that
presses its buttons (:mod:`kiosklink.soak_kiosk`, :mod:`kiosklink.soak_console`,
:mod:`kiosklink.soak_interpreter`). Kiosk and adviser call each other again and again: accept,
video both ways, real-time text both ways, hang up (each side in turn), rate, wrap up, ready,
next caller. Each call also shows a letter and every other call brings in the interpreter, as
:mod:`kiosklink.soak_plan` says: the adviser asks to see the letter (once a run the resident
says No) or the resident offers it, takes the picture and sends it, and the console shows the
page, byte-identical; the adviser invites an interpreter for the call's language, the
interpreter's console accepts, types, and leaves (or is thanked), and the call goes on.

Per call and at the end it prints what each side saw on its screen, glass-to-glass latency, the
letter's size and delivery time (Send on the kiosk to the page on the console), the frames on
the interpreter's four links, each process's memory, threads and open files, the longest GUI
stall, and any crash with its log. Screenshots of the moments that matter land in the output
folder. The verdict rules are in :mod:`kiosklink.soak_report`; the exit status is 0 only when
nothing failed.

Every wait is bounded: the run ends at ``--minutes`` (plus the current call), and a run with no
completed call for ``STUCK_AFTER_S`` ends early as a failure.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

from kiosklink.soak_driver import DriverSpec
from kiosklink.soak_plan import WARM_AFTER_CALLS
from kiosklink.soak_report import (
    CallSide,
    Interpreting,
    Limits,
    ProcessSample,
    call_problems,
    delivery_s,
    feature_problems,
    features_line,
    latency_at,
    latency_problems,
    leak_problems,
    page_pairs,
)
from signaling.config import Settings
from signaling.embedded import EmbeddedServer

STUCK_AFTER_S = 120.0
SAMPLE_EVERY_S = 5.0
STOP_TIMEOUT_S = 90.0
LOG_TAIL_LINES = 40
PASSWORD = "soak-password-not-secret"
APPS = ("kiosk", "console")  # the two ends of every call
PROCESSES = (*APPS, "interpreter")  # stopped in this order


@dataclass
class App:
    """One app process, its journal and what was sampled of it."""

    name: str
    proc: subprocess.Popen[bytes]
    journal: Path
    stop_file: Path
    log: Path
    samples: list[ProcessSample] = field(default_factory=list)
    idle: list[ProcessSample] = field(default_factory=list)  # between calls, once warm
    records: list[dict[str, object]] = field(default_factory=list)
    _read_upto: int = 0
    stop_sent: bool = False

    def read_journal(self) -> list[dict[str, object]]:
        if not self.journal.exists():
            return []
        with self.journal.open(encoding="utf-8") as f:
            f.seek(self._read_upto)
            chunk = f.read()
        complete = chunk[: chunk.rfind("\n") + 1]
        self._read_upto += len(complete.encode("utf-8"))
        fresh = [json.loads(line) for line in complete.splitlines() if line.strip()]
        self.records += fresh
        return fresh

    def sample(self, t: float) -> ProcessSample | None:
        try:
            p = psutil.Process(self.proc.pid)
            with p.oneshot():
                sample = ProcessSample(
                    t=round(t, 1),
                    rss_mb=round(p.memory_info().rss / 2**20, 1),
                    threads=p.num_threads(),
                    open_files=p.num_fds(),
                )
        except psutil.Error:
            return None
        self.samples.append(sample)
        return sample

    def log_tail(self) -> str:
        lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(lines[-LOG_TAIL_LINES:])


@dataclass
class Run:
    minutes: float
    out: Path
    started: float = field(default_factory=time.monotonic)
    calls: dict[int, dict[str, CallSide]] = field(default_factory=dict)
    interpreting: dict[str, Interpreting] = field(default_factory=dict)  # by call id
    problems: list[str] = field(default_factory=list)
    unreachable: set[str] = field(default_factory=set)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def completed(self) -> list[int]:
        """The calls both ends reported, in order."""
        return sorted(n for n, sides in self.calls.items() if set(sides) == set(APPS))


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kiosklink soak", description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=2.0, help="how long to keep calling")
    parser.add_argument("--talk", type=float, default=20.0, help="seconds of talk per call")
    parser.add_argument(
        "--interpreter-stays",
        type=float,
        default=DriverSpec.stay_s,
        help="seconds an interpreter stays before leaving by themself",
    )
    parser.add_argument("--screen", default="1920x1080", help="virtual screen size, WxH")
    parser.add_argument("--out", type=Path, help="keep logs, journals and screenshots here")
    return parser.parse_args(list(argv))


def main(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    width, _, height = args.screen.partition("x")
    screen = (int(width), int(height))
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        return soak(args.minutes, args.out, args.talk, screen, stay_s=args.interpreter_stays)
    with tempfile.TemporaryDirectory(prefix="kiosklink-soak-") as out:
        return soak(args.minutes, Path(out), args.talk, screen, stay_s=args.interpreter_stays)


def soak(
    minutes: float,
    out: Path,
    talk_s: float,
    screen: tuple[int, int],
    *,
    stay_s: float = DriverSpec.stay_s,
) -> int:
    run = Run(minutes=minutes, out=out)
    say(f"soak: {minutes:g} min of calls, {talk_s:g} s talk each, output in {out}")
    with display(screen) as env:
        server = EmbeddedServer(_settings(out)).start()
        try:
            token = server.add_kiosk("Soak kiosk", "Soak library")
            server.add_adviser("soak", PASSWORD, {"ar": "native"}, display_name="Soak Adviser")
            server.add_interpreter(
                "soak-interpreter", PASSWORD, {"ar": "native"}, display_name="Soak Interpreter"
            )
            apps = {
                "console": _launch("console", server.http_url, out, env, talk_s, username="soak"),
                "interpreter": _launch(
                    "interpreter",
                    server.http_url,
                    out,
                    env,
                    talk_s,
                    username="soak-interpreter",
                    stay_s=stay_s,
                ),
                "kiosk": _launch("kiosk", server.kiosk_url, out, env, talk_s, token=token),
            }
            try:
                _watch(run, apps)
                _stop(run, apps)
            finally:
                for app in apps.values():
                    _kill(app)
        finally:
            server.stop()
    _summary(run, apps)
    return 0 if not run.problems else 1


@contextlib.contextmanager
def display(screen: tuple[int, int]) -> Iterator[dict[str, str]]:
    """The apps' environment: this display, or a fresh Xvfb of ``screen`` when there is none."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["QT_QPA_PLATFORM"] = "xcb"
    if os.environ.get("DISPLAY"):
        yield env
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SystemExit(
            "kiosklink soak: no display and no Xvfb (bash scripts/setup.sh installs it)"
        )
    read, write = os.pipe()
    size = f"{screen[0]}x{screen[1]}x24"
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            raise SystemExit("kiosklink soak: Xvfb did not start")
        env["DISPLAY"] = f":{number}"
        say(f"soak: virtual display :{number} at {screen[0]}x{screen[1]}")
        yield env
    finally:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(10)


def _settings(out: Path) -> Settings:
    database = out / "soak.sqlite3"
    for stale in out.glob("soak.sqlite3*"):  # a fresh store for every run
        stale.unlink()
    return Settings.model_validate({"server": {"port": 0}, "database": {"path": str(database)}})


def _launch(
    name: str,
    url: str,
    out: Path,
    env: dict[str, str],
    talk_s: float,
    *,
    token: str = "",
    username: str = "",
    stay_s: float = DriverSpec.stay_s,
) -> App:
    spec = DriverSpec(
        journal=str(out / f"{name}.jsonl"),
        stop_file=str(out / f"{name}.stop"),
        server_url=url,
        talk_s=talk_s,
        stay_s=stay_s,
        hang_up_on="odd" if name == "kiosk" else "even",
        screenshot_dir=str(out),
        token=token,
        username=username,
        password=PASSWORD if username else "",
    )
    for stale in (Path(spec.journal), Path(spec.stop_file)):
        stale.unlink(missing_ok=True)
    spec_file = out / f"{name}.spec.json"
    spec.save(spec_file)
    log = out / f"{name}.log"
    with log.open("wb") as log_file:
        proc = subprocess.Popen(
            [sys.executable, "-X", "faulthandler", "-m", f"kiosklink.soak_{name}", str(spec_file)],
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    return App(
        name=name, proc=proc, journal=Path(spec.journal), stop_file=Path(spec.stop_file), log=log
    )


def _watch(run: Run, apps: dict[str, App]) -> None:
    """Until the time is up: read the journals, sample the processes, report each call."""
    deadline = run.started + run.minutes * 60
    last_sample = 0.0
    last_progress = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.5)
        for app in apps.values():
            for record in app.read_journal():
                if _note(run, app, record):
                    last_progress = time.monotonic()
                    _sample_idle(run, apps, completed=len(run.completed()))
        if _crashed(run, apps):
            return
        now = time.monotonic()
        if now - last_sample >= SAMPLE_EVERY_S:
            last_sample = now
            for app in apps.values():
                app.sample(run.elapsed())
        if now - last_progress > STUCK_AFTER_S:
            run.problems.append(f"no call completed for {STUCK_AFTER_S:.0f} s")
            return


def _note(run: Run, app: App, record: dict[str, object]) -> bool:
    """Take one journal line; True when it completed a call."""
    match record.get("event"):
        case "call_done":
            side = CallSide.from_journal(record)
            run.calls.setdefault(side.call, {})[app.name] = side
            if set(run.calls[side.call]) == set(APPS):
                _print_call(run, side.call)
                return True
        case "interpreting_done":
            session = Interpreting.from_journal(record)
            run.interpreting[session.call_id] = session
        case "unreachable":
            run.unreachable.add(f"{app.name}: {record.get('widget')}")
        case "driver_error":
            run.problems.append(f"{app.name} driver: {record.get('detail')}")
    return False


def _sample_idle(run: Run, apps: dict[str, App], *, completed: int) -> None:
    """Both ends just finished a call: a sample of every process between calls, kept once every
    kind of call has run (the pools and codecs a letter or an interpreter wake are warm then)."""
    for app in apps.values():
        sample = app.sample(run.elapsed())
        if sample is not None and completed >= WARM_AFTER_CALLS:
            app.idle.append(sample)


def _crashed(run: Run, apps: dict[str, App]) -> bool:
    for app in apps.values():
        code = app.proc.poll()
        if code is not None and not app.stop_sent:
            run.problems.append(f"{app.name} exited with status {code} during the run")
            say(f"--- {app.name} log (last {LOG_TAIL_LINES} lines) ---\n{app.log_tail()}")
            return True
    return False


def _stop(run: Run, apps: dict[str, App]) -> None:
    """The kiosk first (it finishes its call, rates, and quits at the welcome screen), then the
    console (which by then has wrapped up), then the interpreter's; each must exit by itself
    with status 0."""
    if run.problems:
        return
    for name in PROCESSES:
        app = apps[name]
        app.sample(run.elapsed())
        app.stop_file.touch()
        app.stop_sent = True
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while app.proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)
            for each in apps.values():
                for record in each.read_journal():
                    _note(run, each, record)
        code = app.proc.poll()
        if code is None:
            run.problems.append(f"{name} did not quit within {STOP_TIMEOUT_S:.0f} s of the stop")
        elif code != 0:
            run.problems.append(f"{name} exited with status {code}")
            say(f"--- {name} log (last {LOG_TAIL_LINES} lines) ---\n{app.log_tail()}")


def _kill(app: App) -> None:
    if app.proc.poll() is None:
        app.proc.terminate()
        try:
            app.proc.wait(10)
        except subprocess.TimeoutExpired:
            app.proc.kill()
            app.proc.wait(10)


def _print_call(run: Run, number: int) -> None:
    sides = run.calls[number]
    k, c = sides["kiosk"], sides["console"]
    say(
        f"call {number:3d} at {run.elapsed() / 60:5.1f} min: "
        f"kiosk saw {k.frames_in} frames ({k.fps_in:.0f} fps, {_ms(k.latency_ms)}), "
        f"console saw {c.frames_in} frames ({c.fps_in:.0f} fps, {_ms(c.latency_ms)}); "
        f"text {'both ways' if k.text_in and c.text_in else 'MISSING'}; "
        f"GUI stall kiosk {k.stall_ms:.0f} ms, console {c.stall_ms:.0f} ms",
    )
    features = features_line(k, c, run.interpreting.get(c.call_id))
    if features:
        say(f"{'':24s}{features}")


def _summary(run: Run, apps: dict[str, App]) -> None:
    limits = Limits()
    completed = run.completed()
    by_side = {
        name: [run.calls[n][name] for n in sorted(run.calls) if name in run.calls[n]]
        for name in APPS
    }
    run.problems += call_problems(run.calls, limits)
    run.problems += latency_problems(by_side, limits)
    run.problems += feature_problems(run.calls, run.interpreting, limits)
    if not completed:
        run.problems.append("no call completed")
    say(f"\nsoak: {len(completed)} calls completed in {run.elapsed() / 60:.1f} min")
    for name in PROCESSES:
        app, calls = apps[name], by_side.get(name, [])
        run.problems += leak_problems(name, app.idle, limits)
        if calls:
            worst = max(c.stall_ms for c in calls)
            say(
                f"  {name:11s} frames received {sum(c.frames_in for c in calls):7d}; "
                f"latency start {_ms(latency_at(calls, end=False))}, "
                f"end {_ms(latency_at(calls, end=True))}; "
                f"longest GUI stall {worst:.0f} ms",
            )
        _say_resources(name, app)
    _say_features(run, completed)
    for note in sorted(run.unreachable):
        say(f"  note: the driver pressed a button a person could not see on the screen: {note}")
    _write_summary(run, apps, completed, by_side)
    if run.problems:
        say("soak: FAILED")
        for problem in run.problems:
            say(f"  - {problem}")
    else:
        say("soak: passed")


def _say_resources(name: str, app: App) -> None:
    # Between calls at both ends: a sample in a call (its decoders, the stop) is not comparable.
    first = app.idle[0] if app.idle else (app.samples[0] if app.samples else None)
    last = app.idle[-1] if app.idle else (app.samples[-1] if app.samples else None)
    if first is not None and last is not None:
        say(
            f"  {name:11s} RSS {first.rss_mb:.0f} -> {last.rss_mb:.0f} MB, threads "
            f"{first.threads} -> {last.threads}, open files {first.open_files} -> "
            f"{last.open_files} (between calls: after call {WARM_AFTER_CALLS} -> the last)",
        )


def _say_features(run: Run, completed: list[int]) -> None:
    """The letters and the interpreter over the whole run."""
    pairs = [(run.calls[n]["kiosk"], run.calls[n]["console"]) for n in completed]
    sent = [p for k, _ in pairs for p in k.pages]
    shown = [p for _, c in pairs for p in c.pages]
    same = sum(a.sha256 == b.sha256 for k, c in pairs for a, b in page_pairs(k, c))
    times = sorted(t for k, c in pairs for t in delivery_s(k, c))
    if times:
        say(
            f"  letters     {len(sent)} pages sent, {len(shown)} shown, {same} byte-identical; "
            f"{sum(p.size for p in sent) / len(sent) / 1e6:.1f} MB a page, delivered in "
            f"{statistics.median(times):.1f} s median, {times[-1]:.1f} s at most",
        )
    sessions = [run.interpreting[c.call_id] for _, c in pairs if c.call_id in run.interpreting]
    if sessions:
        worst = min(min(s.resident_frames, s.adviser_frames) for s in sessions)
        say(
            f"  interpreter {len(sessions)} calls interpreted "
            f"({sum(s.left_by_itself for s in sessions)} left, the rest thanked); "
            f"fewest frames on its screen in a call {worst}",
        )


def _write_summary(
    run: Run, apps: dict[str, App], completed: list[int], by_side: dict[str, list[CallSide]]
) -> None:
    summary = {
        "minutes": run.minutes,
        "calls_completed": len(completed),
        "problems": run.problems,
        "calls": {name: [asdict(c) for c in calls] for name, calls in by_side.items()},
        "interpreting": [asdict(session) for session in run.interpreting.values()],
        "samples": {name: [asdict(s) for s in app.samples] for name, app in apps.items()},
        "idle_samples": {name: [asdict(s) for s in app.idle] for name, app in apps.items()},
    }
    (run.out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f} ms"


def say(line: str) -> None:
    print(line, flush=True)
