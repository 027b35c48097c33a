"""The admin side of the server: sign-in, the dashboard, its JSON API and live stream, /metrics.

:func:`setup_admin` is the one entry point: ``create_app`` calls it and it registers the routes,
the admin-session middleware and the background work (the fleet monitor's clock, health retention).

Access: everything under ``/admin`` needs an *admin-web session* (``POST /admin/api/login`` with
an account that has a web role: ``admin`` for IT, ``manager`` for reports, ``editor`` for the
common questions; signaling/roles.py), sent as the ``kiosklink_admin`` cookie (the browser) or as
``Authorization: Bearer <token>`` (scripts). Each route says which roles may use it with
:func:`allow`; a route that says nothing is for admins only. The roles are read again on every
request, so a revoked role stops working at once. A signed-in account without the route's role
gets 403, except that a manager who opens a page that is not theirs (the fleet) is sent to the
reports. Only the sign-in page, its static files and the sign-in call itself are open;
:data:`PUBLIC` lists them and a test enumerates every other route with every kind of account.
A POST authenticated by cookie must be JSON: a cross-site form cannot send that without a CORS
preflight, which this server never grants for /admin. Three fences against cross-site requests:
the SameSite=Strict cookie, JSON only, and the Origin check that runs before this module's
middleware (signaling/origin.py: a request carrying the cookie whose Origin, or failing that
Referer, is not this server or an allowed origin is refused with 403, event stream included).

Every remote action and every acknowledgement goes to the audit log with who and when. There is no
route that shows a kiosk's camera or screen, by design (issue #6).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, NoReturn, get_args

from aiohttp import web

from signaling import messages as m
from signaling import server as srv
from signaling.admin import answer_stats, answers_routes, bookings, metrics, reports, retention
from signaling.admin.fleet import FleetRules, SortKey, UnknownFault
from signaling.admin.monitor import FleetMonitor, KioskNotConnected, command_json, fault_json
from signaling.admin.trends import WINDOWS_DAYS
from signaling.admin.views import fleet_json, kiosk_page_json, trends_json
from signaling.devices import STATUSES, KioskStatus
from signaling.errors import ErrorCode
from signaling.http_security import ADMIN_COOKIE
from signaling.roles import REPORT_READERS, Role, may_use, web_roles
from signaling.store import AdviserRecord, AuditRecord
from signaling.today import service_timezone

log = logging.getLogger(__name__)

MONITOR = web.AppKey("fleet_monitor", FleetMonitor)
RULES = web.AppKey("fleet_rules", FleetRules)
COOKIE = ADMIN_COOKIE  # the Origin check (signaling.http_security) knows it by this name
STATIC = Path(__file__).parent / "static"
PUBLIC = frozenset({"/admin/login", "/admin/api/login", "/admin/static"})
TICK_S = 5.0
REFRESH_EVERY_TICKS = 6
STREAM_PING_S = 15.0
ACTIONS = frozenset(get_args(m.Command.model_fields["action"].annotation))

ACCESS: web.AppKey[dict[str, frozenset[Role]]] = web.AppKey("admin_route_roles", dict)
UPLOADS: web.AppKey[dict[str, str]] = web.AppKey("admin_upload_routes", dict)
_ADMIN = web.RequestKey("admin", AdviserRecord)
_ROLES: web.RequestKey[frozenset[Role]] = web.RequestKey("admin_roles", frozenset)
_BY_COOKIE = web.RequestKey("admin_by_cookie", bool)


def setup_admin(app: web.Application) -> None:
    """Add the dashboard, its API, /metrics and the fleet's background work to ``app``.

    Call after ``create_app`` has added its store-and-switchboard context: ours needs both.
    """
    if RULES not in app:  # tests may set tighter thresholds before this runs
        app[RULES] = FleetRules()
    if ACCESS not in app:
        app[ACCESS] = {}
    app.middlewares.append(admin_only)
    app.cleanup_ctx.append(_fleet)
    app.on_shutdown.append(_end_streams)
    app.router.add_get("/admin", to_dashboard)
    app.router.add_get("/admin/", dashboard_page)
    app.router.add_get("/admin/login", login_page)
    app.router.add_static("/admin/static", STATIC, append_version=True)
    app.router.add_post("/admin/api/login", login)
    app.router.add_post("/admin/api/logout", logout)
    app.router.add_get("/admin/api/me", me)
    allow(app, "/admin/api/me", ALL_WEB_ROLES)
    allow(app, "/admin/api/logout", ALL_WEB_ROLES)
    app.router.add_get("/admin/api/fleet", fleet)
    app.router.add_get("/admin/api/events", events)
    app.router.add_get("/admin/api/kiosks/{kiosk_id}", kiosk_page)
    app.router.add_post("/admin/api/kiosks/{kiosk_id}/commands", send_command)
    app.router.add_get("/admin/api/commands/{command_id}", command_status)
    app.router.add_post("/admin/api/faults/{fault_id}/ack", acknowledge)
    app.router.add_get("/admin/api/audit", audit)
    app.router.add_get("/admin/api/trends", fleet_trends)
    answer_stats.setup_answer_stats(app)  # the common questions' use, for reports (issue #13)
    allow(app, answer_stats.PATH, REPORT_READERS)
    reports.setup_reports(app)  # reports for service managers (issue #15)
    answers_routes.setup_answers_editor(app)  # the common questions' editor (issue #13)
    bookings.setup_bookings(app)  # bookable times, booking for residents who phone (issue #14)
    metrics.setup_metrics(app, lambda: app[MONITOR])


async def _fleet(app: web.Application) -> AsyncIterator[None]:
    board, now = app[srv.SWITCHBOARD], app[srv.CLOCK]
    monitor = FleetMonitor(app[srv.STORE], clock=now, send=board.send_command, rules=app[RULES])
    app[MONITOR] = monitor
    await monitor.load()
    board.add_observer(monitor)
    tasks = [
        asyncio.create_task(_tick(monitor, now), name="fleet-tick"),
        asyncio.create_task(
            retention.run(app[srv.STORE], app[srv.SETTINGS].database, clock=now),
            name="health-retention",
        ),
    ]
    try:
        yield
    finally:
        board.remove_observer(monitor)
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def _tick(monitor: FleetMonitor, clock: Callable[[], float]) -> None:
    """Let time pass: silent kiosks turn stale, then offline (runs until cancelled)."""
    count = 0
    while True:
        await asyncio.sleep(TICK_S)
        count += 1
        try:
            if count % REFRESH_EVERY_TICKS == 0:
                await monitor.refresh_kiosks()
            monitor.tick(clock())
        except Exception:  # a database hiccup must not stop the fleet's clock
            log.exception("fleet tick failed")


async def _end_streams(app: web.Application) -> None:
    if MONITOR in app:
        app[MONITOR].close()


# --- access ----------------------------------------------------------------------------------


ALL_WEB_ROLES: frozenset[Role] = frozenset({"admin", "manager", "editor"})


def allow(app: web.Application, path: str, roles: frozenset[Role]) -> None:
    """Let accounts with any of ``roles`` use the route ``path`` (as registered, with its
    ``{placeholders}``); admins always may. Call from ``setup_*`` before the app starts."""
    app.setdefault(ACCESS, {})[path] = roles


def accept_upload(app: web.Application, path: str, header: str) -> None:
    """Let the POST route ``path`` take a multipart upload by cookie when the request carries
    ``header``: a cross-site form cannot add a header without a CORS preflight, which /admin never
    grants, so the upload keeps the fence that "JSON only" is for every other POST."""
    app.setdefault(UPLOADS, {})[path] = header


def signed_in_account(request: web.Request) -> AdviserRecord:
    """The signed-in account (for routes in other modules)."""
    return request[_ADMIN]


@web.middleware
async def admin_only(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    path = request.path
    if not path.startswith("/admin") or _is_public(path):
        return await handler(request)
    token, by_cookie = _token(request)
    signed_in = await _signed_in(request, token) if token else None
    if signed_in is None:
        if request.method == "GET" and not path.startswith("/admin/api/"):
            return _redirect("/admin/login")
        return _error(401, ErrorCode.UNAUTHORIZED, "sign in with an account of the admin web")
    account, roles = signed_in
    if not may_use(roles, request.app[ACCESS].get(_route_path(request))):
        if request.method == "GET" and not path.startswith("/admin/api/") and "manager" in roles:
            _redirect(reports.PAGE)  # a manager's pages are the reports: no raw 403 for a page
        return _error(403, ErrorCode.UNAUTHORIZED, "this account's roles do not include this page")
    if request.method == "POST" and by_cookie and not _sent_as_allowed(request):
        return _error(415, ErrorCode.BAD_MESSAGE, "send JSON")
    request[_ADMIN] = account
    request[_ROLES] = roles
    request[_BY_COOKIE] = by_cookie
    return await handler(request)


def _route_path(request: web.Request) -> str:
    """The route as registered (``/admin/api/kiosks/{kiosk_id}``), or the path when none."""
    resource = request.match_info.route.resource
    return resource.canonical if resource is not None else request.path


def _sent_as_allowed(request: web.Request) -> bool:
    """JSON, or an upload to a route that takes one (:func:`accept_upload`)."""
    if request.content_type == "application/json":
        return True
    header = request.app.get(UPLOADS, {}).get(_route_path(request))
    return (
        header is not None
        and request.content_type == "multipart/form-data"
        and header in request.headers
    )


def _is_public(path: str) -> bool:
    return path in PUBLIC or path.startswith("/admin/static/")


def _token(request: web.Request) -> tuple[str, bool]:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header.removeprefix("Bearer ").strip(), False
    return request.cookies.get(COOKIE, ""), True


async def _signed_in(
    request: web.Request, token: str
) -> tuple[AdviserRecord, frozenset[Role]] | None:
    """The account and its web roles behind an admin-web session; None without a role."""
    now = request.app[srv.CLOCK]()
    store = request.app[srv.STORE]
    info = await store.session_info(token[:200], now=now)
    if info is None or not info.admin:
        return None
    roles = await _roles(request, info.adviser)
    return (info.adviser, roles) if roles else None


async def _roles(request: web.Request, account: AdviserRecord) -> frozenset[Role]:
    granted = await request.app[srv.STORE].answers.roles_of(account.id)
    return web_roles(is_admin=account.is_admin, granted=granted)


def _actor(request: web.Request) -> str:
    """Who did it, for the audit log: ``admin:NAME``, else the account's other role."""
    roles = request[_ROLES]
    role = "admin" if "admin" in roles else min(roles)
    return f"{role}:{request[_ADMIN].username}"


def actor(request: web.Request) -> str:
    """The audit log's name for the signed-in account (for routes in other modules)."""
    return _actor(request)


def _redirect(location: str) -> NoReturn:
    raise web.HTTPFound(location)


def _error(status: int, code: ErrorCode, message: str) -> web.Response:
    return web.json_response({"code": code.value, "message": message}, status=status)


# --- pages -----------------------------------------------------------------------------------


async def to_dashboard(request: web.Request) -> web.Response:
    _redirect("/admin/")


async def dashboard_page(request: web.Request) -> web.FileResponse:
    return _page("dashboard.html")


async def login_page(request: web.Request) -> web.FileResponse:
    return _page("login.html")


def _page(name: str) -> web.FileResponse:
    response = web.FileResponse(STATIC / name)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'"
    )
    return response


# --- sign-in ---------------------------------------------------------------------------------


async def login(request: web.Request) -> web.Response:
    try:
        body = await request.json()
        username, password = str(body["username"])[:100], str(body["password"])[:1000]
    except (ValueError, KeyError, TypeError):
        return _error(400, ErrorCode.BAD_MESSAGE, "send JSON with 'username' and 'password'")
    store, settings, now = (
        request.app[srv.STORE],
        request.app[srv.SETTINGS],
        request.app[srv.CLOCK](),
    )
    adviser = await srv.check_password(request, username, password)
    if isinstance(adviser, web.Response):
        return adviser
    roles = await _roles(request, adviser)
    if not roles:
        return _error(403, ErrorCode.UNAUTHORIZED, "this account has no role in the admin web")
    ttl = settings.auth.admin_session_ttl_s
    token = await store.create_session(adviser.id, ttl_s=ttl, now=now, admin=True)
    role = "admin" if "admin" in roles else min(roles)
    await store.audit(f"{role}:{adviser.username}", "admin_sign_in", "dashboard", now)
    response = web.json_response(
        {
            "token": token,
            "expires_at": now + ttl,
            "display_name": adviser.display_name,
            "roles": sorted(roles),
        }
    )
    response.set_cookie(
        COOKIE,
        token,
        max_age=int(ttl),
        path="/admin",
        httponly=True,
        samesite="Strict",
        secure=settings.server.tls,
    )
    return response


async def logout(request: web.Request) -> web.Response:
    token, _ = _token(request)
    await request.app[srv.STORE].revoke_session(token)
    response = web.json_response({"status": "signed out"})
    response.del_cookie(COOKIE, path="/admin")
    return response


async def me(request: web.Request) -> web.Response:
    admin, roles = request[_ADMIN], request[_ROLES]
    body = {"username": admin.username, "display_name": admin.display_name, "roles": sorted(roles)}
    return web.json_response(body)


# --- the fleet -------------------------------------------------------------------------------


async def fleet(request: web.Request) -> web.Response:
    site = request.query.get("site") or None
    state = request.query.get("state") or None
    sort = request.query.get("sort", "state")
    if state is not None and state not in STATUSES:
        return _error(400, ErrorCode.BAD_MESSAGE, f"state is one of {', '.join(STATUSES)}")
    if sort not in get_args(SortKey):
        return _error(400, ErrorCode.BAD_MESSAGE, f"sort is one of {', '.join(get_args(SortKey))}")
    await request.app[srv.SWITCHBOARD].flush()  # versions and last seen written so far
    await request.app[MONITOR].refresh_kiosks()  # one cheap query; shows kiosks added by the CLI
    body = await fleet_json(
        request.app[MONITOR],
        request.app[srv.SWITCHBOARD],
        request.app[srv.CLOCK](),
        site=site,
        state=state if state is None else _state(state),
        sort=sort,  # type: ignore[arg-type]
    )
    return web.json_response(body)


def _state(text: str) -> KioskStatus:
    return next(s for s in STATUSES if s == text)


async def fleet_trends(request: web.Request) -> web.Response:
    """Call quality per site and calls per day over ``?days=`` 7 or 30 (from call records)."""
    days = request.query.get("days", "7")
    if days not in {str(d) for d in WINDOWS_DAYS}:
        allowed = " or ".join(str(d) for d in WINDOWS_DAYS)
        return _error(400, ErrorCode.BAD_MESSAGE, f"days is {allowed}")
    await request.app[srv.SWITCHBOARD].flush()  # calls decided so far are in the store
    body = await trends_json(
        request.app[srv.STORE],
        request.app[srv.CLOCK](),
        days=int(days),
        zone=service_timezone(request.app[srv.SETTINGS]),
    )
    return web.json_response(body)


async def events(request: web.Request) -> web.StreamResponse:
    """Server-sent events: the whole fleet as ``event: fleet`` on every change (and every 15 s).

    Ends when the admin session expires, the browser goes, or the server shuts down.
    """
    monitor, board, clock = (
        request.app[MONITOR],
        request.app[srv.SWITCHBOARD],
        request.app[srv.CLOCK],
    )
    token, _ = _token(request)
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store"}
    )
    await response.prepare(request)
    while not monitor.closed and await _signed_in(request, token) is not None:
        await monitor.refresh_kiosks()
        body = await fleet_json(monitor, board, clock())
        try:
            await response.write(f"event: fleet\ndata: {json.dumps(body)}\n\n".encode())
        except ConnectionError:
            break
        await monitor.wait_change(body["version"], STREAM_PING_S)
    return response


async def kiosk_page(request: web.Request) -> web.Response:
    await request.app[srv.SWITCHBOARD].flush()  # versions and last seen written so far
    await request.app[MONITOR].refresh_kiosks()
    body = await kiosk_page_json(
        request.app[MONITOR], request.match_info["kiosk_id"], request.app[srv.CLOCK]()
    )
    if body is None:
        return _error(404, ErrorCode.NOT_FOUND, "no such kiosk")
    return web.json_response(body)


# --- remote actions and acknowledgements ------------------------------------------------------


async def send_command(request: web.Request) -> web.Response:
    kiosk_id = request.match_info["kiosk_id"]
    try:
        body = await request.json()
        action, text = str(body["action"]), str(body.get("text", ""))
    except (ValueError, KeyError, TypeError, AttributeError):
        return _error(400, ErrorCode.BAD_MESSAGE, "send JSON with 'action' (and 'text')")
    if action not in ACTIONS:
        return _error(400, ErrorCode.BAD_MESSAGE, f"action is one of {', '.join(sorted(ACTIONS))}")
    if action == "show_message" and not 0 < len(text.strip()) <= 500:
        return _error(400, ErrorCode.BAD_MESSAGE, "a message of 1 to 500 characters")
    monitor, now = request.app[MONITOR], request.app[srv.CLOCK]()
    await monitor.refresh_kiosks()
    if monitor.kiosk(kiosk_id) is None:
        return _error(404, ErrorCode.NOT_FOUND, "no such kiosk")
    text = text.strip() if action == "show_message" else ""
    try:
        outcome = monitor.send_command(kiosk_id, action, text, by=_actor(request))
    except KioskNotConnected as exc:
        return _error(409, ErrorCode.CONFLICT, str(exc))
    detail = f"{outcome.command_id} {text}".strip()
    await request.app[srv.STORE].audit(_actor(request), f"command:{action}", kiosk_id, now, detail)
    return web.json_response(command_json(outcome), status=202)


async def command_status(request: web.Request) -> web.Response:
    outcome = request.app[MONITOR].command(request.match_info["command_id"])
    if outcome is None:
        return _error(404, ErrorCode.NOT_FOUND, "no such command (or too old)")
    return web.json_response(command_json(outcome))


async def acknowledge(request: web.Request) -> web.Response:
    monitor, now = request.app[MONITOR], request.app[srv.CLOCK]()
    try:
        fault = monitor.acknowledge(request.match_info["fault_id"], by=_actor(request), now=now)
    except UnknownFault as exc:
        return _error(404, ErrorCode.NOT_FOUND, str(exc))
    detail = f"{fault.id} {fault.kind}: {fault.detail}"
    await request.app[srv.STORE].audit(_actor(request), "ack_fault", fault.kiosk_id, now, detail)
    return web.json_response(fault_json(fault))


async def audit(request: web.Request) -> web.Response:
    try:
        limit = max(1, min(500, int(request.query.get("limit", "100"))))
    except ValueError:
        return _error(400, ErrorCode.BAD_MESSAGE, "limit is a number")
    await request.app[srv.SWITCHBOARD].flush()  # kiosks' answers written so far
    entries = await request.app[srv.STORE].audit_log(limit)
    return web.json_response([_audit_json(e) for e in entries])


def _audit_json(entry: AuditRecord) -> dict[str, Any]:
    # A kiosk's answers are in the log too (the switchboard writes them); their output can be long
    # (fetched logs), so the list leaves it out: /admin/api/commands/{id} serves it.
    detail = "" if entry.action == "command_result" else entry.detail
    return {
        "at": entry.at,
        "actor": entry.actor,
        "action": entry.action,
        "target": entry.target,
        "detail": detail,
    }
