"""The offer tells the adviser what the kiosk lacks, from its latest health report (issue #12, 6).

Through a real server on loopback: the exchange keeps each kiosk's latest report and reads it with
signaling.devices.device_state, the one rule the dashboard uses too.
"""

from __future__ import annotations

from signaling import messages as m
from signaling.embedded import EmbeddedServer
from tests.signaling.wire import adviser, kiosk

WORKS = m.DeviceHealth(present=True, working=True)


def report(camera: m.DeviceHealth = WORKS, microphone: m.DeviceHealth = WORKS) -> m.Health:
    return m.Health(
        report=m.HealthReport(
            app_version="1.0",
            uptime_s=60,
            camera=camera,
            microphone=microphone,
            speaker=WORKS,
            cpu_ratio=0.1,
            memory_ratio=0.2,
            disk_free_bytes=10**9,
        )
    )


async def test_the_offer_names_what_the_kiosk_lacks(running_server: EmbeddedServer) -> None:
    server = running_server
    server.add_adviser("amal", "correct horse battery", {"ar": "native"})
    a = await adviser(server, "amal")
    k = await kiosk(server, server.add_kiosk())
    k.ignore(m.Queued)
    no_camera = m.DeviceHealth(present=False, working=False, detail="USB camera not found")
    broken_microphone = m.DeviceHealth(present=True, working=False)
    await k.send(report(camera=no_camera, microphone=broken_microphone))
    await k.send(m.Join(language="ar"))
    offer = await a.expect(m.Offer)
    assert offer.kiosk_lacks == ["camera", "microphone"]

    await k.send(report())  # repaired while ringing: the next offer says so
    await k.expect_quiet()
    await a.send(m.Decline(call_id=offer.call_id))
    await a.send(m.SetStatus(status="available"))
    again = await a.expect_skipping(m.Offer, (m.AdviserStatus, m.OfferRevoked))
    assert again.kiosk_lacks == []
    await a.close()
    await k.close()


async def test_a_kiosk_that_never_reported_is_unknown(running_server: EmbeddedServer) -> None:
    server = running_server
    server.add_adviser("amal", "correct horse battery", {"ar": "native"})
    a = await adviser(server, "amal")
    k = await kiosk(server, server.add_kiosk())
    await k.send(m.Join(language="ar"))
    offer = await a.expect(m.Offer)
    assert offer.kiosk_lacks is None
    await a.close()
    await k.close()
