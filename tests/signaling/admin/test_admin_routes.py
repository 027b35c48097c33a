"""signaling.admin.routes against a real server on 127.0.0.1, with a real headless kiosk client."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import aiohttp

from kiosklink.headless_kiosk_agent import HeadlessKioskAgent
from signaling.admin.routes import PUBLIC
from signaling.embedded import EmbeddedServer
from signaling.messages import DeviceHealth
from tests.signaling.admin.fleet_helpers import (
    ADMIN,
    ADVISER,
    admin_session,
    eventually,
    get_json,
    kiosk_row,
    start_fleet_server,
)


def kiosk_id_of(server: EmbeddedServer, token: str) -> str:
    record = server.with_store(lambda s: s.kiosk_by_token(token))
    assert record is not None
    return record.id


def admin_routes(server: EmbeddedServer) -> list[tuple[str, str]]:
    """Every (method, path) under /admin that is not one of the public sign-in routes."""
    assert server.app is not None
    found = []
    for route in server.app.router.routes():
        info = route.resource.get_info() if route.resource else {}
        path = info.get("path") or info.get("formatter") or info.get("prefix", "")
        if not path.startswith("/admin") or route.method == "HEAD":
            continue
        if path in PUBLIC or path.startswith("/admin/static"):
            continue
        found.append((route.method, re.sub(r"\{[^}]+\}", "x1", path)))
    return sorted(set(found))


async def test_every_admin_route_refused_without_an_admin_session(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start_fleet_server(server_factory)
    routes = admin_routes(server)
    assert ("GET", "/admin/") in routes and ("POST", "/admin/api/faults/x1/ack") in routes
    assert len(routes) >= 10
    async with aiohttp.ClientSession(server.http_url) as http:
        # An adviser's ordinary session is not an admin session, even by bearer token.
        async with http.post(
            "/api/login", json={"username": ADVISER[0], "password": ADVISER[1]}
        ) as resp:
            adviser_token = (await resp.json())["token"]
        async with http.post("/api/login", json={"username": ADMIN[0], "password": ADMIN[1]}) as r:
            console_token = (await r.json())["token"]  # the admin's console session: not admin
        for method, path in routes:
            for headers in (
                {},
                {"Authorization": f"Bearer {adviser_token}"},
                {"Authorization": f"Bearer {console_token}"},
                {"Cookie": f"kiosklink_admin={adviser_token}"},
            ):
                async with http.request(
                    method, path, headers=headers, json={}, allow_redirects=False
                ) as resp:
                    refused = resp.status == 401 or (
                        resp.status == 302 and resp.headers["Location"] == "/admin/login"
                    )
                    assert refused, (method, path, headers, resp.status)


async def test_only_administrators_can_sign_in(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start_fleet_server(server_factory)
    async with aiohttp.ClientSession(server.http_url) as http:
        body = {"username": ADVISER[0], "password": ADVISER[1]}
        async with http.post("/admin/api/login", json=body) as resp:
            assert resp.status == 403
        body = {"username": ADMIN[0], "password": "wrong"}
        async with http.post("/admin/api/login", json=body) as resp:
            assert resp.status == 401
        async with http.get("/admin/", allow_redirects=False) as resp:
            assert resp.status == 302
    http = await admin_session(server)
    async with http:
        async with http.get("/admin/") as resp:
            assert resp.status == 200 and "<title>" in await resp.text()
        me = await get_json(http, "/admin/api/me")
        assert me["username"] == ADMIN[0]
        # A cookie-authenticated POST must be JSON (no cross-site form posts).
        async with http.post("/admin/api/faults/f1/ack", data="x") as resp:
            assert resp.status == 415
        async with http.post("/admin/api/logout", json={}) as resp:
            assert resp.status == 200
        async with http.get("/admin/api/me") as resp:
            assert resp.status == 401


async def test_kiosk_goes_online_offline_and_back(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start_fleet_server(server_factory)
    token = server.add_kiosk("Entrance", "Library Nord")
    kid = kiosk_id_of(server, token)
    http = await admin_session(server)
    agent = HeadlessKioskAgent(server.kiosk_url, token, app_version="2.1.0")
    async with http:
        assert (await kiosk_row(http, kid))["state"] == "offline"
        await agent.start()
        row = await eventually(lambda: kiosk_row(http, kid), lambda r: r["uptime_s"] is not None)
        assert row["state"] == "online" and row["app_version"] == "2.1.0"
        assert row["site"] == "Library Nord" and row["devices"]["camera"]["working"]
        offline_faults = [f for f in row["faults"] if f["kind"] == "no_heartbeat"]
        assert offline_faults == []
        await agent.stop()
        row = await eventually(lambda: kiosk_row(http, kid), lambda r: r["state"] == "offline")
        assert [f["kind"] for f in row["faults"]] == ["no_heartbeat"]
        await agent.start()
        row = await eventually(lambda: kiosk_row(http, kid), lambda r: r["state"] == "online")
        assert row["faults"] == []  # missed heartbeats clear themselves
        filtered = await get_json(http, "/admin/api/fleet?state=offline")
        assert filtered["kiosks"] == []
        by_site = await get_json(http, "/admin/api/fleet?site=Library%20Nord")
        assert [k["id"] for k in by_site["kiosks"]] == [kid]
        await agent.stop()


async def test_camera_fault_stays_until_acknowledged_and_is_audited(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start_fleet_server(server_factory)
    token = server.add_kiosk("Entrance", "Library")
    kid = kiosk_id_of(server, token)
    agent = HeadlessKioskAgent(server.kiosk_url, token)
    agent.devices["camera"] = DeviceHealth(present=False, working=False, detail="camera unplugged")
    http = await admin_session(server)
    async with http:
        await agent.start()
        row = await eventually(lambda: kiosk_row(http, kid), lambda r: bool(r["faults"]))
        [fault] = row["faults"]
        assert (fault["kind"], fault["detail"], fault["active"]) == (
            "camera",
            "camera unplugged",
            True,
        )
        agent.devices["camera"] = DeviceHealth(present=True, working=True)
        row = await eventually(lambda: kiosk_row(http, kid), lambda r: not r["faults"][0]["active"])
        assert row["faults"][0]["acknowledged_at"] is None  # recovered, still listed
        async with http.post(f"/admin/api/faults/{fault['id']}/ack", json={}) as resp:
            assert resp.status == 200
            assert (await resp.json())["acknowledged_by"] == f"admin:{ADMIN[0]}"
        assert (await kiosk_row(http, kid))["faults"] == []
        log = await get_json(http, "/admin/api/audit")
        assert any(
            e["action"] == "ack_fault" and e["actor"] == f"admin:{ADMIN[0]}" and e["target"] == kid
            for e in log
        )
        await agent.stop()


async def test_remote_actions_reach_the_kiosk_and_are_audited(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start_fleet_server(server_factory)
    token = server.add_kiosk("Entrance", "Library")
    kid = kiosk_id_of(server, token)
    agent = HeadlessKioskAgent(server.kiosk_url, token)
    http = await admin_session(server)

    async def command(action: str, text: str = "") -> dict[str, Any]:
        body = {"action": action, "text": text}
        async with http.post(f"/admin/api/kiosks/{kid}/commands", json=body) as resp:
            assert resp.status == 202, await resp.text()
            sent: dict[str, Any] = await resp.json()
        return await eventually(
            lambda: get_json(http, f"/admin/api/commands/{sent['command_id']}"),
            lambda c: c["ok"] is not None,
        )

    async with http:
        async with http.post(
            f"/admin/api/kiosks/{kid}/commands", json={"action": "restart"}
        ) as resp:
            assert resp.status == 409  # not connected: nothing sent
        await agent.start()
        await eventually(lambda: kiosk_row(http, kid), lambda r: r["state"] == "online")
        shown = await command("show_message", "Closed Friday afternoon")
        assert shown["ok"] and agent.notice == "Closed Friday afternoon"
        logs = await command("fetch_logs")
        assert "connected" in logs["output"]
        assert (await command("reload_config"))["ok"]
        before = await eventually(
            lambda: kiosk_row(http, kid), lambda r: (r["uptime_s"] or 0) > 0.5
        )
        restarted = await command("restart")
        assert restarted["output"] == "restarting"
        row = await eventually(
            lambda: kiosk_row(http, kid),
            lambda r: agent.connections == 2 and r["uptime_s"] < before["uptime_s"],
        )
        assert row["state"] == "online" and agent.restarts == 1
        async with http.post(
            f"/admin/api/kiosks/{kid}/commands", json={"action": "camera_view"}
        ) as resp:
            assert resp.status == 400  # there is no live view of camera or screen
        actions = [e["action"] for e in await get_json(http, "/admin/api/audit")]
        for action in ("command:show_message", "command:fetch_logs", "command:restart"):
            assert action in actions
        page = await get_json(http, f"/admin/api/kiosks/{kid}")
        events = [link["event"] for link in page["links"]]
        assert events.count("connected") == 2 and "disconnected" in events
        assert page["health"] and page["commands"][0]["action"] == "restart"
        await agent.stop()
