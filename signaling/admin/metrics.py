"""``GET /metrics``: the fleet, the queues and call quality in the Prometheus exposition format.

Names follow the Prometheus conventions: the ``kiosklink_`` prefix, base units in the suffix
(``_seconds``, ``_bytes``, ``_ratio``), ``_total`` only on counters, ``_info`` for versions. Labels
are ``kiosk``, ``site`` and ``language`` only (plus ``version`` on the ``_info`` metrics, the
histograms' own ``le``, and ``event`` on ``kiosklink_answer_events_total``: what a resident did
with a common question): never a caller, a call id or a question's search words, so nothing here
can single out a resident.
Where another dimension would be a label elsewhere (a device, an adviser state, a call outcome), it
is part of the metric name instead.

Each app has its own :class:`~prometheus_client.CollectorRegistry` (tests run several servers in
one process). Gauges and counters are read from the monitor, the switchboard and the store at scrape
time; the quality histograms are observed as kiosks report quality, per site.
deploy/prometheus/ holds the alert rules and the Grafana dashboard built on these names; a test
checks that every name they use exists here.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from importlib.metadata import PackageNotFoundError, version

from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric

from signaling import exchange as x
from signaling import messages as m
from signaling import server as srv
from signaling.admin.fleet import STATES
from signaling.admin.monitor import FleetMonitor
from signaling.admin.views import ADVISER_STATES, adviser_counts
from signaling.devices import DEVICES
from signaling.http_security import metrics_refusal
from signaling.store import KioskRecord
from signaling.store_records import OutcomeCount
from signaling.switchboard import Switchboard

PREFIX = "kiosklink_"
OUTCOMES = ("completed", "abandoned", "cancelled")  # anything else that ended counts as "failed"


class FleetCollector:
    """Yields the metric families prepared by :meth:`prepare` (collect() cannot await the store)."""

    def __init__(self) -> None:
        self.families: list[Metric] = []

    def describe(self) -> list[Metric]:
        return []  # no collect() at registration time: nothing is prepared yet

    def collect(self) -> Iterator[Metric]:
        yield from self.families


class QualityObserver:
    """Feeds kiosks' quality reports into per-site histograms (a switchboard KioskObserver)."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self._site: dict[str, str] = {}
        self.rtt = Histogram(
            PREFIX + "call_rtt_seconds",
            "Round-trip time reported by kiosks during calls.",
            ["site"],
            buckets=(0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0, 2.0),
            registry=registry,
        )
        self.loss = Histogram(
            PREFIX + "call_packet_loss_ratio",
            "Share of packets lost, as reported by kiosks during calls.",
            ["site"],
            buckets=(0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5),
            registry=registry,
        )
        self.fps = Histogram(
            PREFIX + "call_frame_rate_hertz",
            "Video frames per second received by kiosks during calls.",
            ["site"],
            buckets=(5, 10, 15, 20, 25, 30),
            registry=registry,
        )

    def kiosk_connected(self, kiosk: KioskRecord, app_version: str, at: float) -> None:
        self._site[kiosk.id] = kiosk.site

    def kiosk_message(self, kiosk_id: str, message: m.KioskMessage, at: float) -> None:
        if not isinstance(message, m.QualityReport):
            return
        site, q = self._site.get(kiosk_id, ""), message.quality
        if q.rtt_ms is not None:
            self.rtt.labels(site=site).observe(q.rtt_ms / 1000)
        if q.packet_loss_ratio is not None:
            self.loss.labels(site=site).observe(q.packet_loss_ratio)
        if q.fps is not None:
            self.fps.labels(site=site).observe(q.fps)

    def kiosk_disconnected(self, kiosk_id: str, at: float) -> None:
        pass


class AnswerEventCounter:
    """Counts the ``answer_event`` messages the server accepted (a switchboard KioskObserver: it
    hears only what the exchange let through, so a refused event is not counted), by event and
    the resident's language. Per process, as Prometheus counters are: it starts at 0 with the
    server; the day-by-day counts for reports are in the store (``/admin/api/answers/stats``)."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.events = Counter(
            PREFIX + "answer_events",
            "What residents did with the common questions: viewed, helped, not_helped,"
            " to_adviser, or a search with no_result.",
            ["event", "language"],
            registry=registry,
        )

    def kiosk_connected(self, kiosk: KioskRecord, app_version: str, at: float) -> None:
        pass

    def kiosk_message(self, kiosk_id: str, message: m.KioskMessage, at: float) -> None:
        if isinstance(message, m.AnswerEvent):
            self.events.labels(event=message.event, language=message.language).inc()

    def kiosk_disconnected(self, kiosk_id: str, at: float) -> None:
        pass


class CallRecordObserver:
    """Queue waits and residents' ratings per language, from the call records as the exchange
    decides them (a switchboard record observer). Per process, as Prometheus histograms are; the
    whole history is in the reports (docs/reports.md).

    * ``kiosklink_queue_wait_seconds``: from asking for a call to an adviser answering it.
    * ``kiosklink_call_rating``: the one-tap score, 1 to 5, in buckets of one: ``_sum / _count``
      is the mean, ``_bucket{le="2"} / _count`` the share of low scores. The language is the one
      the resident asked for.

    Calls are remembered from opening to rating, at most :data:`REMEMBERED` of them (the oldest
    forgotten first), so memory stays bounded when residents leave without rating.
    """

    REMEMBERED = 10_000

    def __init__(self, registry: CollectorRegistry) -> None:
        self._language: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self.wait = Histogram(
            PREFIX + "queue_wait_seconds",
            "How long residents waited from asking for a call to an adviser answering it.",
            ["language"],
            buckets=(10, 30, 60, 120, 180, 300, 600, 900, 1800),
            registry=registry,
        )
        self.rating = Histogram(
            PREFIX + "call_rating",
            "Residents' one-tap rating of their call, 1 (bad) to 5 (good).",
            ["language"],
            buckets=(1, 2, 3, 4, 5),
            registry=registry,
        )

    def __call__(self, command: x.StoreCommand) -> None:
        match command:
            case x.OpenCall(call_id=call_id, language=language, joined_at=joined_at):
                self._language[call_id] = (language, joined_at)
                while len(self._language) > self.REMEMBERED:
                    self._language.popitem(last=False)
            case x.AnswerCall(call_id=call_id, at=at) if call_id in self._language:
                language, joined_at = self._language[call_id]
                self.wait.labels(language=language).observe(max(0.0, at - joined_at))
            case x.SetRating(call_id=call_id, score=score) if call_id in self._language:
                language, _ = self._language.pop(call_id)
                self.rating.labels(language=language).observe(score)


REGISTRY = web.AppKey("metrics_registry", CollectorRegistry)
_COLLECTOR = web.AppKey("metrics_collector", FleetCollector)
_LOCK = web.AppKey("metrics_lock", asyncio.Lock)


def setup_metrics(app: web.Application, monitor: Callable[[], FleetMonitor]) -> None:
    registry = CollectorRegistry(auto_describe=False)
    collector = FleetCollector()
    registry.register(collector)
    app[REGISTRY] = registry
    app[_COLLECTOR] = collector
    observers = (QualityObserver(registry), AnswerEventCounter(registry))
    records = CallRecordObserver(registry)

    async def observe(app: web.Application) -> AsyncIterator[None]:
        app[_LOCK] = asyncio.Lock()
        board = app[srv.SWITCHBOARD]
        for observer in observers:
            board.add_observer(observer)
        board.add_record_observer(records)
        try:
            yield
        finally:
            for observer in observers:
                board.remove_observer(observer)
            board.remove_record_observer(records)

    async def scrape(request: web.Request) -> web.Response:
        refusal = metrics_refusal(request)  # a token, or an allowed address (metrics.allow_from)
        if refusal is not None:
            return refusal
        now = request.app[srv.CLOCK]()
        await request.app[srv.SWITCHBOARD].flush()  # counts include every call decided so far
        outcomes = await request.app[srv.STORE].call_outcome_counts()
        families = [
            *fleet_families(monitor(), now),
            *queue_families(request.app[srv.SWITCHBOARD], now),
            *call_families(outcomes),
            _build_info(),
        ]
        async with request.app[_LOCK]:
            collector.families = families
            body = generate_latest(registry)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    app.cleanup_ctx.append(observe)
    app.router.add_get("/metrics", scrape)


# --- families ----------------------------------------------------------------------------------


def _gauge(name: str, doc: str, labels: Iterable[str]) -> GaugeMetricFamily:
    return GaugeMetricFamily(PREFIX + name, doc, labels=list(labels))


def fleet_families(monitor: FleetMonitor, now: float) -> list[Metric]:
    k = ("kiosk", "site")
    info = _gauge("kiosk_info", "The app version each kiosk runs (value 1).", (*k, "version"))
    up = _gauge("kiosk_up", "1 when the kiosk is online (heard within two minutes).", k)
    connected = _gauge("kiosk_connected", "1 while the kiosk holds a connection.", k)
    heartbeat = _gauge(
        "kiosk_last_heartbeat_timestamp_seconds", "When the kiosk was last heard (UNIX time).", k
    )
    uptime = _gauge("kiosk_uptime_seconds", "Kiosk app uptime at its latest health report.", k)
    cpu = _gauge("kiosk_cpu_ratio", "Kiosk CPU use, 0 to 1, at its latest health report.", k)
    memory = _gauge("kiosk_memory_ratio", "Kiosk memory use, 0 to 1.", k)
    disk = _gauge("kiosk_disk_free_bytes", "Free disk space on the kiosk.", k)
    devices = {
        d: _gauge(f"kiosk_{d}_working", f"1 when the kiosk's {d} is present and working.", k)
        for d in DEVICES
    }
    faults = _gauge("kiosk_faults_unacknowledged", "Faults IT has not acknowledged yet.", k)
    by_state = {
        s: _gauge(f"kiosks_{s}", f"Kiosks per site that are {s}.", ["site"]) for s in STATES
    }
    degraded = _gauge(
        "kiosks_degraded",
        "Online kiosks per site lacking a camera, microphone or speaker (counted online too).",
        ["site"],
    )
    per_site: dict[str, dict[str, int]] = {}
    for kiosk in monitor.kiosks():
        labels = [kiosk.id, kiosk.site]
        state = monitor.state_of(kiosk.id, now)
        per_site.setdefault(kiosk.site, dict.fromkeys((*STATES, "degraded"), 0))[state] += 1
        if monitor.status_of(kiosk.id, now) == "degraded":
            per_site[kiosk.site]["degraded"] += 1
        info.add_metric([*labels, kiosk.app_version or "unknown"], 1)
        up.add_metric(labels, 1 if state == "online" else 0)
        connected.add_metric(labels, 1 if monitor.connected(kiosk.id) else 0)
        heard = monitor.last_heard(kiosk.id)
        if heard is not None:
            heartbeat.add_metric(labels, heard)
        waiting = sum(f.needs_attention for f in monitor.faults.faults(kiosk.id))
        faults.add_metric(labels, waiting)
        health = monitor.health(kiosk.id)
        if health is None:
            continue
        report = health[1]
        uptime.add_metric(labels, report.uptime_s)
        cpu.add_metric(labels, report.cpu_ratio)
        memory.add_metric(labels, report.memory_ratio)
        disk.add_metric(labels, report.disk_free_bytes)
        for d, family in devices.items():
            device = getattr(report, d)
            family.add_metric(labels, 1 if device.present and device.working else 0)
    for site in sorted(per_site):
        for s in STATES:
            by_state[s].add_metric([site], per_site[site][s])
        degraded.add_metric([site], per_site[site]["degraded"])
    return [
        info,
        up,
        connected,
        heartbeat,
        uptime,
        cpu,
        memory,
        disk,
        *devices.values(),
        faults,
        *by_state.values(),
        degraded,
    ]


def queue_families(board: Switchboard, now: float) -> list[Metric]:
    lang = ["language"]
    depth = _gauge(
        "queue_waiting_callers", "Callers waiting (or being offered) per language.", lang
    )
    longest = _gauge(
        "queue_longest_wait_seconds", "How long the longest-waiting caller has waited.", lang
    )
    is_open = _gauge("language_open", "1 while the language is within its opening hours.", lang)
    advisers = {
        s: _gauge(f"advisers_{s}", f"Signed-in advisers per language who are {s}.", lang)
        for s in ADVISER_STATES
    }
    signed_in = _gauge("advisers_signed_in", "Advisers signed in per language, in any state.", lang)
    counts = adviser_counts(board)
    for stat in board.queue_stats(now):
        labels = [stat.language]
        depth.add_metric(labels, stat.waiting)
        longest.add_metric(labels, stat.longest_wait_s)
        is_open.add_metric(labels, 1 if stat.open else 0)
        per = counts.get(stat.language, dict.fromkeys(ADVISER_STATES, 0))
        for s, family in advisers.items():
            family.add_metric(labels, per[s])
        signed_in.add_metric(labels, sum(per.values()))
    return [depth, longest, is_open, *advisers.values(), signed_in]


def call_families(counts: list[OutcomeCount]) -> list[Metric]:
    labels = ["site", "language"]
    joined = CounterMetricFamily(PREFIX + "calls", "Residents who asked for a call.", labels=labels)
    ended = {
        o: CounterMetricFamily(PREFIX + f"calls_{o}", f"Calls that ended {o}.", labels=labels)
        for o in (*OUTCOMES, "failed")
    }
    totals: dict[tuple[str, str], dict[str, int]] = {}
    for c in counts:
        if c.outcome == "rejoined":
            continue  # a place taken over by the same kiosk's new join: one resident, one call
        per = totals.setdefault((c.site, c.language), dict.fromkeys(("joined", *ended), 0))
        per["joined"] += c.count
        if c.outcome is not None:
            per[c.outcome if c.outcome in OUTCOMES else "failed"] += c.count
    for (site, language), per in sorted(totals.items()):
        joined.add_metric([site, language], per["joined"])
        for o, family in ended.items():
            family.add_metric([site, language], per[o])
    return [joined, *ended.values()]


def _build_info() -> Metric:
    info = _gauge("build_info", "The server's version (value 1).", ["version"])
    info.add_metric([server_version()], 1)
    return info


def server_version() -> str:
    with contextlib.suppress(PackageNotFoundError):
        return version("kiosklink")
    return "unknown"
