"""A three-way call with each party in its own process: CPU per party, frames and latency per link.

The embedded server runs in this process; the kiosk, the adviser and the interpreter (issue 16,
docs/protocol.md §Interpreter) each run in a process of their own, as on three machines, so each
party's CPU is its own: ``time.process_time()`` over the same window of ``seconds`` once every
link has frames (the three processes meet at a barrier before and after). Per link: frames
received in the window, their rate, and glass-to-glass latency read from the stamps in the
picture. Synthetic media (the stamped test pattern and the tone).

    .venv/bin/python -m bench.three_way_call [--width 640 --height 480 --fps 30] [--seconds 10]
    .venv/bin/python -m bench.three_way_call --two     # the same without the interpreter
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import tempfile
import time
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from kiosklink.demo import demo_settings
from kiosklink.headless import (
    HeadlessParty,
    headless_adviser,
    headless_interpreter,
    headless_kiosk,
)
from rtc.media import MediaConfig
from rtc.signaling_client import Connected
from signaling.embedded import EmbeddedServer

PASSWORD = "bench-password-1234"
NAMES = ("kiosk", "adviser", "interpreter")
SETUP_TIMEOUT_S = 60.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=640)
    parser.add_argument("--height", type=int, default=480)
    parser.add_argument("--fps", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--two", action="store_true", help="no interpreter: the two-party call")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiosklink-bench-") as workdir:
        server = EmbeddedServer(demo_settings(Path(workdir))).start()
        try:
            results = _run(server, args)
        finally:
            server.stop()
    _print(results, args)


def _run(server: EmbeddedServer, args: argparse.Namespace) -> list[dict[str, Any]]:
    server.add_adviser("amal", PASSWORD, {"ar": "native"})
    server.add_interpreter("tesfay", PASSWORD, {"ti": "native"})
    urls = {
        "http": server.http_url,
        "adviser": server.adviser_url,
        "kiosk": server.kiosk_url,
        "token": server.add_kiosk("Bench", "Bench site"),
    }
    names = NAMES[:2] if args.two else NAMES
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(names))
    results = context.Queue()
    media = (args.width, args.height, args.fps)
    processes = [
        context.Process(
            target=_party_process, args=(n, names, urls, media, args.seconds, barrier, results)
        )
        for n in names
    ]
    for process in processes:
        process.start()
    try:
        return [results.get(timeout=SETUP_TIMEOUT_S + args.seconds + 30) for _ in names]
    finally:
        for process in processes:
            process.join(30)
            if process.is_alive():
                process.terminate()


def _party_process(
    name: str,
    names: tuple[str, ...],
    urls: dict[str, str],
    media: tuple[int, int, int],
    seconds: float,
    barrier: Barrier,
    results: Any,
) -> None:
    results.put(asyncio.run(_party(name, names, urls, media, seconds, barrier)))


async def _party(
    name: str,
    names: tuple[str, ...],
    urls: dict[str, str],
    size: tuple[int, int, int],
    seconds: float,
    barrier: Barrier,
) -> dict[str, Any]:
    media = MediaConfig(width=size[0], height=size[1], fps=size[2], synthetic_label=name)
    party = await _start(name, urls, media)
    others = [n for n in names if n != name]
    try:
        await party.wait_until(lambda: any(isinstance(e, Connected) for e in party.events), 15)
        if name == "kiosk":
            await asyncio.to_thread(barrier.wait, SETUP_TIMEOUT_S)  # the others are available
            await party.join("ar")
        else:
            await party.go_available()
            await asyncio.to_thread(barrier.wait, SETUP_TIMEOUT_S)
        if name == "adviser" and "interpreter" in names:
            await party.wait_until(lambda: party.frames_from("kiosk") > 0, SETUP_TIMEOUT_S)
            await party.invite_interpreter("ti")
        await party.wait_until(
            lambda: all(party.frames_from(o) > 0 for o in others), SETUP_TIMEOUT_S
        )
        await asyncio.to_thread(barrier.wait, SETUP_TIMEOUT_S)  # every link is up
        return await _measure(name, party, others, seconds, barrier)
    finally:
        await party.close()


async def _start(name: str, urls: dict[str, str], media: MediaConfig) -> HeadlessParty:
    if name == "kiosk":
        return await headless_kiosk(urls["kiosk"], urls["token"], name=name, media=media)
    if name == "adviser":
        return await headless_adviser(
            urls["http"], urls["adviser"], "amal", PASSWORD, name=name, media=media
        )
    return await headless_interpreter(
        urls["http"], urls["adviser"], "tesfay", PASSWORD, media=media
    )


async def _measure(
    name: str, party: HeadlessParty, others: list[str], seconds: float, barrier: Barrier
) -> dict[str, Any]:
    frames_at = {o: party.frames_from(o) for o in others}
    cpu_at, wall_at = time.process_time(), time.monotonic()
    await asyncio.sleep(seconds)
    cpu, wall = time.process_time() - cpu_at, time.monotonic() - wall_at
    links = {}
    for other in others:
        session = party.media.session_of(other)
        meter = session.video_meter.figures(time.monotonic()) if session is not None else None
        links[other] = {
            "fps": (party.frames_from(other) - frames_at[other]) / wall,
            "latency_ms": meter.latency_ms if meter is not None else None,
        }
    await asyncio.to_thread(barrier.wait, SETUP_TIMEOUT_S)  # everyone measured the same window
    return {"name": name, "cpu": cpu / wall, "links": links}


def _print(results: list[dict[str, Any]], args: argparse.Namespace) -> None:
    kind = "two-party" if args.two else "three-way"
    size = f"{args.width}x{args.height} at {args.fps} fps"
    print(f"{kind} call, each party {size}, {args.seconds:g} s window")
    for result in sorted(results, key=lambda r: NAMES.index(r["name"])):
        print(f"{result['name']:<12} CPU {result['cpu']:.0%} of one core")
        for sender, link in result["links"].items():
            latency = link["latency_ms"]
            shown = f"{latency:.0f} ms" if latency is not None else "?"
            print(
                f"    {result['name']} <- {sender}: {link['fps']:.1f} fps, glass-to-glass {shown}"
            )


if __name__ == "__main__":
    main()
