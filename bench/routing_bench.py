"""Routing engine throughput and latency at municipal scale, against a naive baseline.

    .venv/bin/python bench/routing_bench.py [--callers 10000] [--advisers 500] [--languages 20]
                                            [--cpu-time]

Seeded; bounded in count (and each phase stops early past --budget-s seconds). It times:

* join: a caller joining a queue while every adviser is away (queue insert + position effect);
* decision: an adviser becoming free (``set_available`` or ``ready`` after a call) until the
  ``OfferMade`` is returned, with the queue full of callers. Each decision also emits the position
  changes for everyone behind the answered caller, which the numbers include.

Latencies are wall-clock times; ``--cpu-time`` measures the process's CPU time instead, which
other work on a shared machine disturbs less (use it to compare two versions of the router).

The baseline, measured in the same run on the same events, is a per-language deque with no rules:
append on join; on a free adviser, pop the oldest head among their languages. The ratio says what
levels, topics, escalation, fairness, rounds, timers and position updates cost on top of that.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import deque
from dataclasses import dataclass

from signaling.messages import LEVELS
from signaling.routing import (
    AdviserId,
    CallerId,
    Effect,
    Language,
    Level,
    OfferMade,
    Router,
    RoutingRules,
)

clock = time.perf_counter  # main() switches to time.process_time for --cpu-time


@dataclass
class Population:
    languages: list[Language]
    advisers: list[tuple[AdviserId, dict[Language, Level]]]
    callers: list[tuple[CallerId, Language, list[Language], float]]


def population(seed: int, callers: int, advisers: int, languages: int) -> Population:
    rng = random.Random(seed)
    langs = [Language(f"l{n:02d}") for n in range(languages)]
    staff = []
    for n in range(advisers):
        spoken = rng.sample(langs, rng.randint(1, 3))
        # Mostly native or fluent, so most callers are servable from the first step.
        staff.append(
            (AdviserId(f"a{n}"), {lang: rng.choices(LEVELS, (4, 4, 1))[0] for lang in spoken})
        )
    line = []
    t = 0.0
    for n in range(callers):
        t += rng.expovariate(1.0)
        lang = rng.choice(langs)
        fallbacks = [rng.choice(langs)] if rng.random() < 0.3 else []
        line.append((CallerId(f"c{n}"), lang, fallbacks, t))
    return Population(langs, staff, line)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(name: str, latencies: list[float], baseline: list[float], effects: int) -> None:
    total, base = sum(latencies), sum(baseline)
    print(
        f"{name:<10} n={len(latencies):>6}  {len(latencies) / total:>10,.0f}/s  "
        f"p50 {percentile(latencies, 0.5) * 1e6:>8.1f} us  "
        f"p99 {percentile(latencies, 0.99) * 1e6:>8.1f} us  "
        f"effects/event {effects / max(1, len(latencies)):>6.1f}  "
        f"baseline p50 {percentile(baseline, 0.5) * 1e6:>6.2f} us  "
        f"ratio (total time) {total / base:>7.1f}x"
    )


def run_router(pop: Population, budget_s: float) -> tuple[dict[str, list[float]], dict[str, int]]:
    router = Router(RoutingRules(heartbeat_timeout_s=1e9))  # no pings in a bench
    lat: dict[str, list[float]] = {"join": [], "available": [], "ready": []}
    counts = {"join": 0, "available": 0, "ready": 0}
    t0 = 1_750_000_000.0
    for adviser, langs in pop.advisers:
        router.sign_in(adviser, langs, now=t0)

    def note(phase: str, start: float, effects: list[Effect]) -> None:
        lat[phase].append(clock() - start)
        counts[phase] += len(effects)

    deadline = clock() + budget_s
    for caller, lang, fallbacks, at in pop.callers:
        start = clock()
        note("join", start, router.join(caller, lang, fallbacks=fallbacks, now=t0 + at))
        if clock() > deadline:
            break
    now = t0 + pop.callers[-1][3] + 1
    in_call: deque[tuple[AdviserId, CallerId]] = deque()

    def answer(effects: list[Effect]) -> None:
        for e in effects:
            if isinstance(e, OfferMade):
                router.accept(e.adviser, e.caller, now=now)
                in_call.append((e.adviser, e.caller))

    deadline = clock() + budget_s
    for adviser, _ in pop.advisers:
        start = clock()
        effects = router.set_available(adviser, now=now)
        note("available", start, effects)
        answer(effects)
        if clock() > deadline:
            break
    # Calls end one after another; each adviser, ready again, takes the next caller.
    deadline = clock() + budget_s
    for _ in range(5000):
        if not in_call or clock() > deadline:
            break
        adviser, caller = in_call.popleft()
        now += 1
        router.end_call(caller, now=now)
        start = clock()
        effects = router.ready(adviser, now=now)
        note("ready", start, effects)
        answer(effects)
    return lat, counts


def run_baseline(pop: Population) -> dict[str, list[float]]:
    """The same events against plain deques: no levels, no rules, no positions."""
    queues: dict[Language, deque[tuple[float, CallerId]]] = {
        lang: deque() for lang in pop.languages
    }
    lat: dict[str, list[float]] = {"join": [], "available": [], "ready": []}
    for caller, lang, _, at in pop.callers:
        start = clock()
        queues[lang].append((at, caller))
        lat["join"].append(clock() - start)
    free = [(a, list(langs)) for a, langs in pop.advisers]
    for phase, rounds in (("available", 1), ("ready", 10)):
        for _ in range(rounds):
            for _, langs in free:
                start = clock()
                heads = [queues[lang][0] + (lang,) for lang in langs if queues[lang]]
                if heads:
                    queues[min(heads)[2]].popleft()
                lat[phase].append(clock() - start)
    return lat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--callers", type=int, default=10_000)
    parser.add_argument("--advisers", type=int, default=500)
    parser.add_argument("--languages", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--budget-s", type=float, default=60.0)
    parser.add_argument("--cpu-time", action="store_true", help="time with CPU time, not wall")
    args = parser.parse_args()
    if args.cpu_time:
        global clock
        clock = time.process_time
    pop = population(args.seed, args.callers, args.advisers, args.languages)
    print(
        f"{args.callers} callers, {args.advisers} advisers, {args.languages} languages, "
        f"seed {args.seed}"
    )
    base = run_baseline(pop)
    lat, counts = run_router(pop, args.budget_s)
    for phase in ("join", "available", "ready"):
        if lat[phase]:
            report(phase, lat[phase], base[phase] or [1e-9], counts[phase])
    decisions = lat["available"] + lat["ready"]
    print(
        f"routing decisions: {len(decisions) / sum(decisions):,.0f}/s "
        f"(p50 {percentile(decisions, 0.5) * 1e6:.0f} us, "
        f"p99 {percentile(decisions, 0.99) * 1e6:.0f} us), position updates included"
    )


if __name__ == "__main__":
    main()
