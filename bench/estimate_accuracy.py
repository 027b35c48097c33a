"""How good are the wait estimates? A simulated day through the real Router.

    .venv/bin/python bench/estimate_accuracy.py [--seed 1] [--days 1]

Seeded and bounded: Poisson arrivals over an 8-hour day in three languages (some Tigrinya callers
accept Arabic as a fallback), log-normal handle times, advisers who answer every offer after a few
seconds and take the default wrap-up. Every ``PositionChanged`` a kiosk would show is compared
with the wait that followed (until ``CallConnected``). Printed:

* coverage: how often the actual wait fell inside the range shown;
* median and p90 absolute error of the range's midpoint;
* the same midpoint error for a naive estimate (5 minutes per person ahead, one adviser), measured
  on the same updates, as the baseline.

tests/signaling/test_estimate.py runs :func:`simulate` on a fixed seed and checks coverage stays
above a floor, so a change that makes estimates worse is noticed.
"""

from __future__ import annotations

import argparse
import heapq
import random
from dataclasses import dataclass, field

from signaling.routing import (
    AdviserId,
    CallConnected,
    CallerId,
    Effect,
    Language,
    Level,
    OfferMade,
    PositionChanged,
    Router,
    RoutingRules,
)

SV, AR, TI = Language("sv"), Language("ar"), Language("ti")
DAY_S = 8 * 3600.0
RING_S = 6.0
MAX_STEPS = 200_000
STAFF: list[tuple[str, dict[Language, Level]]] = [
    ("sv1", {SV: "native"}),
    ("sv2", {SV: "native"}),
    ("sv3", {SV: "fluent", AR: "basic"}),
    ("ar1", {AR: "native"}),
    ("ar2", {AR: "native", SV: "fluent"}),
    ("ti1", {TI: "native", AR: "fluent"}),
]
ARRIVALS_PER_HOUR = {SV: 24.0, AR: 16.0, TI: 7.0}  # about 85% of what the staff can take


@dataclass
class Shown:
    at: float
    caller: CallerId
    low: int
    high: int
    position: int


@dataclass
class Accuracy:
    callers: int = 0
    answered: int = 0
    shown: int = 0
    inside: int = 0
    errors: list[float] = field(default_factory=list)
    waits: list[float] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    naive_errors: list[float] = field(default_factory=list)
    at_join_inside: int = 0
    at_join: int = 0

    @property
    def coverage(self) -> float:
        return self.inside / max(1, self.shown)

    @property
    def join_coverage(self) -> float:
        return self.at_join_inside / max(1, self.at_join)


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def arrivals(rng: random.Random) -> list[tuple[float, CallerId, Language, list[Language]]]:
    result: list[tuple[float, CallerId, Language, list[Language]]] = []
    for lang, per_hour in ARRIVALS_PER_HOUR.items():
        t = rng.expovariate(per_hour / 3600)
        while t < DAY_S:
            fallbacks = [AR] if lang == TI and rng.random() < 0.5 else []
            result.append((t, CallerId(f"{lang}{len(result)}"), lang, fallbacks))
            t += rng.expovariate(per_hour / 3600)
    return sorted(result)


def simulate(seed: int) -> Accuracy:
    """One day. Deterministic for a seed; bounded by MAX_STEPS events."""
    rng = random.Random(seed)
    router = Router(RoutingRules(heartbeat_timeout_s=1e9))  # pings are not simulated
    t0 = 1_750_000_000.0
    for name, langs in STAFF:
        router.sign_in(AdviserId(name), langs, now=t0)
        router.set_available(AdviserId(name), now=t0)
    events: list[tuple[float, int, str, str]] = []
    wants: dict[CallerId, tuple[Language, list[Language]]] = {}
    for n, (at, caller, lang, fallbacks) in enumerate(arrivals(rng)):
        events.append((t0 + at, n, "join", caller))
        wants[caller] = (lang, fallbacks)
    heapq.heapify(events)
    shown: list[Shown] = []
    joined: dict[CallerId, float] = {}
    connected: dict[CallerId, float] = {}
    seq = len(events)
    for _ in range(MAX_STEPS):
        deadline = router.next_deadline()
        if not events and (deadline is None or deadline > t0 + DAY_S * 2):
            break
        if events and (deadline is None or events[0][0] <= deadline):
            now, _, kind, who = heapq.heappop(events)
            effects = _perform(router, kind, who, now, joined, wants)
        else:
            now = deadline if deadline is not None else t0
            effects = router.tick(now=now)
        for e in effects:
            seq += 1
            if isinstance(e, OfferMade):
                heapq.heappush(events, (now + RING_S, seq, "accept", f"{e.adviser}|{e.caller}"))
            elif isinstance(e, CallConnected):
                connected[e.caller] = now
                handle = rng.lognormvariate(5.7, 0.5)  # median ~5 min, mean ~5.6 min
                heapq.heappush(events, (now + handle, seq, "end", e.caller))
            elif isinstance(e, PositionChanged) and e.wait is not None:  # None: nobody staffed
                shown.append(Shown(now, e.caller, *e.wait, e.position))
    return _score(shown, joined, connected)


def _perform(
    router: Router,
    kind: str,
    who: str,
    now: float,
    joined: dict[CallerId, float],
    wants: dict[CallerId, tuple[Language, list[Language]]],
) -> list[Effect]:
    if kind == "join":
        caller = CallerId(who)
        lang, fallbacks = wants[caller]
        joined[caller] = now
        return router.join(caller, lang, fallbacks=fallbacks, now=now)
    if kind == "accept":
        adviser, offered = who.split("|")
        if router.caller_of(AdviserId(adviser)) != offered:
            return router.tick(now=now)  # the offer went elsewhere meanwhile
        return router.accept(AdviserId(adviser), CallerId(offered), now=now)
    return router.end_call(CallerId(who), now=now)


def _score(
    shown: list[Shown], joined: dict[CallerId, float], connected: dict[CallerId, float]
) -> Accuracy:
    acc = Accuracy(callers=len(joined), answered=len(connected))
    first: set[CallerId] = set()
    for s in shown:
        if s.caller not in connected:
            continue
        actual = connected[s.caller] - s.at
        inside = s.low <= actual <= s.high
        acc.shown += 1
        acc.inside += inside
        acc.errors.append(abs(actual - (s.low + s.high) / 2))
        acc.waits.append(actual)
        acc.widths.append(s.high - s.low)
        acc.naive_errors.append(abs(actual - s.position * 300.0))
        if s.caller not in first:
            first.add(s.caller)
            acc.at_join += 1
            acc.at_join_inside += inside
    return acc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--days", type=int, default=1, help="simulate this many seeds in a row")
    args = parser.parse_args()
    for seed in range(args.seed, args.seed + args.days):
        acc = simulate(seed)
        print(
            f"seed {seed}: {acc.callers} callers, {acc.answered} answered, "
            f"{acc.shown} estimates shown"
        )
        print(
            f"  actual wait after an update: median {quantile(acc.waits, 0.5):.0f} s, "
            f"p90 {quantile(acc.waits, 0.9):.0f} s; range width median "
            f"{quantile(acc.widths, 0.5):.0f} s"
        )
        print(
            f"  coverage (actual wait inside the range): all updates {acc.coverage:.0%}, "
            f"at join {acc.join_coverage:.0%}"
        )
        print(
            f"  midpoint error: median {quantile(acc.errors, 0.5):.0f} s, "
            f"p90 {quantile(acc.errors, 0.9):.0f} s"
        )
        print(
            f"  naive baseline (5 min x position): median {quantile(acc.naive_errors, 0.5):.0f} s, "
            f"p90 {quantile(acc.naive_errors, 0.9):.0f} s"
        )


if __name__ == "__main__":
    main()
