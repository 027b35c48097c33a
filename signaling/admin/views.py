"""What the dashboard's JSON API returns: the fleet list, a kiosk's page, the queue overview.

Built from the monitor, the switchboard and the store at request time. Figures only: kiosks,
sites, devices, quality per kiosk; never a resident, a caller or a call id.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from signaling import routing as r
from signaling.admin import trends
from signaling.admin.fleet import QualitySummary, SortKey, select_kiosks
from signaling.admin.language_names import language_name
from signaling.admin.monitor import FleetMonitor, command_json, fault_json
from signaling.devices import DEVICES, KioskStatus
from signaling.store import Store
from signaling.switchboard import Switchboard

HISTORY_WINDOW_S = 24 * 3600.0
TREND_CALLS_LIMIT = 50_000  # a month of a large fleet's calls; past it the figures say so
ADVISER_STATES = ("available", "busy", "away")


async def fleet_json(
    monitor: FleetMonitor,
    board: Switchboard,
    now: float,
    *,
    site: str | None = None,
    state: KioskStatus | None = None,
    sort: SortKey = "state",
) -> dict[str, Any]:
    quality = await monitor.quality_by_kiosk(now)
    lines = [monitor.line(k.id, now) for k in monitor.kiosks()]
    chosen = select_kiosks(lines, site=site, state=state, sort=sort)
    return {
        "now": now,
        "version": monitor.version,
        "sites": sorted({x.site for x in lines}),
        "kiosks": [kiosk_json(monitor, x.kiosk_id, now, quality.get(x.kiosk_id)) for x in chosen],
        "queues": queues_json(board, now),
        "faults_needing_attention": sum(f.needs_attention for f in monitor.faults.faults()),
    }


def kiosk_json(
    monitor: FleetMonitor, kiosk_id: str, now: float, quality: QualitySummary | None
) -> dict[str, Any]:
    record = monitor.kiosk(kiosk_id)
    assert record is not None, kiosk_id
    health = monitor.health(kiosk_id)
    report = health[1] if health else None
    devices = monitor.devices(kiosk_id)
    return {
        "id": record.id,
        "name": record.name,
        "site": record.site,
        "state": monitor.status_of(kiosk_id, now),  # online, degraded, stale or offline
        "connection": monitor.state_of(kiosk_id, now),
        "lacking": list(devices.lacking),
        "connected": monitor.connected(kiosk_id),
        "last_seen": monitor.last_heard(kiosk_id),
        "app_version": record.app_version,
        "health_at": health[0] if health else None,
        "uptime_s": report.uptime_s if report else None,
        "cpu_ratio": report.cpu_ratio if report else None,
        "memory_ratio": report.memory_ratio if report else None,
        "disk_free_bytes": report.disk_free_bytes if report else None,
        "devices": {d: getattr(report, d).model_dump() if report else None for d in DEVICES},
        "faults": [fault_json(f) for f in monitor.faults.faults(kiosk_id)],
        "quality": _quality_json(quality),
    }


def _quality_json(q: QualitySummary | None) -> dict[str, Any]:
    if q is None:
        return {
            "samples": 0,
            "rtt_ms": None,
            "packet_loss_ratio": None,
            "packet_loss_percent": None,
            "fps": None,
        }
    return {
        "samples": q.samples,
        "rtt_ms": q.rtt_ms,
        "packet_loss_ratio": q.packet_loss_ratio,
        "packet_loss_percent": _percent(q.packet_loss_ratio),
        "fps": q.fps,
    }


def _percent(ratio: float | None) -> float | None:
    # The dashboard shows loss in per cent everywhere (table, charts, trends); the ratio stays for
    # scripts that read it, as /metrics does.
    return None if ratio is None else round(ratio * 100, 2)


async def kiosk_page_json(
    monitor: FleetMonitor, kiosk_id: str, now: float
) -> dict[str, Any] | None:
    """A kiosk's page: its row plus a day of history (health reports, quality, faults, links)."""
    if monitor.kiosk(kiosk_id) is None:
        return None
    since = now - HISTORY_WINDOW_S
    quality = await monitor.quality_by_kiosk(now)
    reports = await monitor.store.health_history(kiosk_id, since=since)
    samples = [
        s for s in await monitor.store.quality_samples(since=since) if s.kiosk_id == kiosk_id
    ]
    return {
        "kiosk": kiosk_json(monitor, kiosk_id, now, quality.get(kiosk_id)),
        "since": since,
        "now": now,
        "health": [
            {
                "at": h.at,
                "cpu_ratio": h.report.cpu_ratio,
                "memory_ratio": h.report.memory_ratio,
                "disk_free_bytes": h.report.disk_free_bytes,
                "uptime_s": h.report.uptime_s,
                "devices_ok": all(
                    getattr(h.report, d).present and getattr(h.report, d).working for d in DEVICES
                ),
            }
            for h in reports
        ],
        "quality": [
            {
                "at": s.at,
                "side": s.side,
                "rtt_ms": s.quality.rtt_ms,
                "packet_loss_ratio": s.quality.packet_loss_ratio,
                "packet_loss_percent": _percent(s.quality.packet_loss_ratio),
                "fps": s.quality.fps,
            }
            for s in samples
        ],
        "links": [{"at": at, "event": what} for at, what in monitor.timeline(kiosk_id)],
        "commands": [command_json(c) for c in monitor.commands_for(kiosk_id)],
    }


def queues_json(board: Switchboard, now: float) -> list[dict[str, Any]]:
    """Per language: waiting, longest wait, and advisers signed in by what they are doing."""
    counts = adviser_counts(board)
    return [
        {
            "language": s.language,
            "endonym": language_name(s.language).endonym,
            "swedish_name": language_name(s.language).swedish,
            "open": s.open,
            "waiting": s.waiting,
            "longest_wait_s": s.longest_wait_s,
            "advisers_available": s.advisers_available,
            "advisers": counts.get(s.language, dict.fromkeys(ADVISER_STATES, 0)),
        }
        for s in board.queue_stats(now)
    ]


async def trends_json(store: Store, now: float, *, days: int, zone: ZoneInfo) -> dict[str, Any]:
    """Call quality per site and the fleet's calls per day over the last ``days`` local days."""
    since = trends.window_start(now, days, zone)
    calls = await store.list_calls(since=since, limit=TREND_CALLS_LIMIT)
    return {
        "days": days,
        "since": since,
        "now": now,
        "timezone": zone.key,
        "truncated": len(calls) >= TREND_CALLS_LIMIT,
        "sites": [{"site": s.site, **_figures_json(s.figures)} for s in trends.per_site(calls)],
        "per_day": [
            {"day": d.day.isoformat(), **_figures_json(d.figures)}
            for d in trends.per_day(calls, now=now, days=days, zone=zone)
        ],
    }


def _figures_json(f: trends.CallFigures) -> dict[str, Any]:
    return {
        "calls": f.calls,
        "answered": f.answered,
        "completed": f.completed,
        "failed": f.failed,
        "rtt_ms": f.rtt_ms,
        "packet_loss_percent": f.packet_loss_percent,
        "fps": f.fps,
    }


def adviser_counts(board: Switchboard) -> dict[str, dict[str, int]]:
    """Connected advisers per language, as available / busy (offered, in call, wrap-up) / away."""
    counts: dict[str, dict[str, int]] = {}
    for aid in sorted(board.advisers):
        link = board.advisers[aid]
        state = board.router.adviser_state(r.AdviserId(aid))
        bucket = _bucket(state)
        if bucket is None:
            continue
        for language in sorted(link.adviser.languages):
            per = counts.setdefault(language, dict.fromkeys(ADVISER_STATES, 0))
            per[bucket] += 1
    return counts


def _bucket(state: r.AdviserState | None) -> str | None:
    if state is r.AdviserState.AVAILABLE:
        return "available"
    if state in (r.AdviserState.OFFERED, r.AdviserState.IN_CALL, r.AdviserState.WRAP_UP):
        return "busy"
    if state is r.AdviserState.AWAY:
        return "away"
    return None  # signed out or gone
