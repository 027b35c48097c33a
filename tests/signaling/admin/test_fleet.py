"""signaling.admin.fleet: state, fault rules, quality summary, sorting. No loop, no sockets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from signaling.admin.fleet import (
    FaultBook,
    FleetRules,
    KioskLine,
    UnknownFault,
    kiosk_state,
    select_kiosks,
    summarize_quality,
)
from signaling.messages import DeviceHealth, HealthReport, Quality

OK = DeviceHealth(present=True, working=True)
GONE = DeviceHealth(present=False, working=False, detail="no camera found")


def report(*, camera: DeviceHealth = OK, disk: int = 50 * 1024**3) -> HealthReport:
    return HealthReport(
        app_version="1.0.0",
        uptime_s=10,
        camera=camera,
        microphone=OK,
        speaker=OK,
        cpu_ratio=0.2,
        memory_ratio=0.3,
        disk_free_bytes=disk,
    )


# --- state -----------------------------------------------------------------------------------


def test_state_follows_the_two_minute_rule() -> None:
    assert kiosk_state(connected=True, last_heard=1000, now=1000 + 120) == "online"
    assert kiosk_state(connected=True, last_heard=1000, now=1000 + 121) == "stale"
    assert kiosk_state(connected=True, last_heard=1000, now=1000 + 301) == "offline"


def test_a_disconnected_kiosk_is_offline_at_once() -> None:
    assert kiosk_state(connected=False, last_heard=1000, now=1001) == "offline"
    assert kiosk_state(connected=True, last_heard=None, now=1001) == "offline"


@given(
    last=st.floats(0, 1e6),
    gap=st.floats(0, 1e4),
    more=st.floats(0, 1e4),
)
def test_state_never_improves_with_silence(last: float, gap: float, more: float) -> None:
    rank = {"offline": 0, "stale": 1, "online": 2}
    earlier = kiosk_state(connected=True, last_heard=last, now=last + gap)
    later = kiosk_state(connected=True, last_heard=last, now=last + gap + more)
    assert rank[later] <= rank[earlier]


# --- self-clearing faults --------------------------------------------------------------------


def test_missed_heartbeat_fault_clears_itself_when_the_kiosk_returns() -> None:
    book = FaultBook()
    assert book.observe_state("k1", "offline", 100)
    [fault] = book.faults("k1")
    assert (fault.kind, fault.detail) == ("no_heartbeat", "offline")
    assert not book.observe_state("k1", "offline", 110)  # nothing new
    assert book.observe_state("k1", "stale", 120)  # still a fault, detail changes
    assert book.observe_state("k1", "online", 130)
    assert book.faults() == []


def test_acknowledging_a_self_clearing_fault_keeps_it_until_the_condition_ends() -> None:
    book = FaultBook()
    book.observe_health("k1", report(disk=10), 100)
    [fault] = book.faults()
    assert fault.kind == "disk_low"
    acked = book.acknowledge(fault.id, by="admin:it", now=105)
    assert not acked.needs_attention
    assert book.faults() == [acked]
    book.observe_health("k1", report(), 110)
    assert book.faults() == []


# --- device faults ---------------------------------------------------------------------------


def test_device_fault_stays_after_recovery_until_acknowledged() -> None:
    book = FaultBook()
    assert book.observe_health("k1", report(camera=GONE), 100)
    [fault] = book.faults("k1")
    assert (fault.kind, fault.detail, fault.active) == ("camera", "no camera found", True)
    assert book.observe_health("k1", report(), 200)  # the camera is back
    [recovered] = book.faults("k1")
    assert (recovered.active, recovered.cleared_at) == (False, 200)
    assert not book.observe_health("k1", report(), 300)  # still listed, nothing changed
    book.acknowledge(fault.id, by="admin:it", now=310)
    assert book.faults() == []


def test_acknowledged_broken_device_closes_when_it_works_again() -> None:
    book = FaultBook()
    book.observe_health("k1", report(camera=GONE), 100)
    [fault] = book.faults()
    book.acknowledge(fault.id, by="admin:it", now=110)
    [acked] = book.faults()
    assert acked.active and acked.acknowledged_by == "admin:it"
    book.observe_health("k1", report(), 120)
    assert book.faults() == []


def test_a_device_that_breaks_again_reopens_its_listed_fault() -> None:
    book = FaultBook()
    book.observe_health("k1", report(camera=GONE), 100)
    book.observe_health("k1", report(), 110)
    book.observe_health("k1", report(camera=DeviceHealth(present=True, working=False)), 120)
    [fault] = book.faults()
    assert (fault.active, fault.cleared_at, fault.detail) == (True, None, "not working")
    assert fault.opened_at == 100


def test_acknowledging_an_unknown_fault_raises() -> None:
    with pytest.raises(UnknownFault):
        FaultBook().acknowledge("f404", by="admin:it", now=1)


def test_faults_are_per_kiosk_and_forgotten_with_the_kiosk() -> None:
    book = FaultBook()
    book.observe_health("k1", report(camera=GONE), 100)
    book.observe_health("k2", report(camera=GONE), 90)
    assert [f.kiosk_id for f in book.faults()] == ["k2", "k1"]  # oldest first
    book.forget_kiosk("k2")
    assert [f.kiosk_id for f in book.faults()] == ["k1"]


broken_or_not = st.sampled_from([OK, GONE, DeviceHealth(present=True, working=False)])


@given(st.lists(st.one_of(broken_or_not, st.just("ack")), max_size=30))
def test_device_fault_invariants(steps: list[DeviceHealth | str]) -> None:
    """Whatever happens: at most one camera fault; an unacknowledged one never silently goes;
    a listed fault is either still broken or waiting for its acknowledgement."""
    book = FaultBook()
    now = 0.0
    for step in steps:
        now += 1
        before = book.faults("k1")
        if isinstance(step, str):
            for fault in before:
                book.acknowledge(fault.id, by="admin:it", now=now)
            continue
        book.observe_health("k1", report(camera=step), now)
        after = book.faults("k1")
        assert len(after) <= 1
        if before and before[0].needs_attention:
            assert after, "an unacknowledged device fault vanished without an acknowledgement"
        for fault in after:
            assert fault.active or fault.needs_attention


# --- quality and the list --------------------------------------------------------------------


def test_quality_summary_averages_only_reported_figures() -> None:
    summary = summarize_quality(
        [Quality(rtt_ms=100, packet_loss_ratio=0.01), Quality(rtt_ms=200, fps=30), Quality()]
    )
    assert summary.samples == 3
    assert summary.rtt_ms == 150
    assert summary.packet_loss_ratio == 0.01
    assert summary.fps == 30
    assert summarize_quality([]).rtt_ms is None


def test_select_filters_by_site_and_state_and_puts_offline_first() -> None:
    lines = [
        KioskLine("k1", "Entrance", "Library", "online", 100),
        KioskLine("k2", "Hall", "Town hall", "offline", 50),
        KioskLine("k3", "Upstairs", "Library", "stale", 90),
    ]
    assert [x.kiosk_id for x in select_kiosks(lines)] == ["k2", "k3", "k1"]
    assert [x.kiosk_id for x in select_kiosks(lines, site="Library")] == ["k3", "k1"]
    assert [x.kiosk_id for x in select_kiosks(lines, state="online")] == ["k1"]
    assert [x.kiosk_id for x in select_kiosks(lines, sort="last_seen")] == ["k1", "k3", "k2"]
    assert [x.kiosk_id for x in select_kiosks(lines, sort="name")] == ["k1", "k2", "k3"]


def test_rules_are_adjustable() -> None:
    rules = FleetRules(online_within_s=5, offline_after_s=10)
    assert kiosk_state(connected=True, last_heard=0, now=6, rules=rules) == "stale"


def test_unreachable_relay_is_a_self_clearing_fault() -> None:
    from signaling.admin.fleet import FaultBook
    from signaling.messages import DeviceHealth, HealthReport

    ok = DeviceHealth(present=True, working=True)
    base = dict(app_version="1", uptime_s=1, camera=ok, microphone=ok, speaker=ok,
                cpu_ratio=0.1, memory_ratio=0.1, disk_free_bytes=10**11)  # fmt: skip
    book = FaultBook()
    warning = "turn:turn.example.se:3478?transport=udp: unreachable from this kiosk"
    assert book.observe_health("k1", HealthReport(**base, ice_warnings=[warning]), 10.0)
    (fault,) = book.faults("k1")
    assert fault.kind == "relay_unreachable" and warning in fault.detail
    assert book.observe_health("k1", HealthReport(**base), 20.0)  # the relay answers again
    assert book.faults("k1") == []


def test_degraded_kiosks_come_after_the_silent_ones_and_before_the_online_ones() -> None:
    lines = [
        KioskLine("k1", "Entrance", "Library", "online", 100),
        KioskLine("k2", "Hall", "Library", "degraded", 100),
        KioskLine("k3", "Upstairs", "Library", "stale", 90),
        KioskLine("k4", "Desk", "Library", "offline", 50),
    ]
    assert [x.state for x in select_kiosks(lines)] == ["offline", "stale", "degraded", "online"]
    assert [x.kiosk_id for x in select_kiosks(lines, state="degraded")] == ["k2"]
