"""The aiohttp application: HTTP routes, the two WebSocket endpoints, start-up and shutdown.

Thin by design: a handler reads a frame, checks it against the connection's protocol state
(:mod:`signaling.session`), parses it (:mod:`signaling.messages`) and hands it to the
:class:`~signaling.switchboard.Switchboard`. Errors are turned into replies in one place,
:func:`_reply_to_error`; nothing a client sends can crash the server or another client's session.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from math import ceil
from typing import Any, Literal

from aiohttp import WSMessage, WSMsgType, web

from signaling import messages as m
from signaling.config import Settings
from signaling.errors import (
    CLOSE_GOING_AWAY,
    CLOSE_HELLO_TIMEOUT,
    CLOSE_UNAUTHORIZED,
    ErrorCode,
    IllegalTransition,
    KiosklinkError,
    MalformedMessage,
    RemoteProtocolError,
)
from signaling.http_security import GUARD, Guard, client_address_of, origin_guard
from signaling.ice import ice_servers, probe_ice_servers
from signaling.peer import Peer
from signaling.session import ConnectionState
from signaling.store import AdviserRecord, Store
from signaling.switchboard import Switchboard
from signaling.throttle import LoginThrottle
from signaling.today import local_midnight, service_timezone, summarize_day

log = logging.getLogger(__name__)

SETTINGS = web.AppKey("settings", Settings)
STORE = web.AppKey("store", Store)
SWITCHBOARD = web.AppKey("switchboard", Switchboard)
Clock = Callable[[], float]
CLOCK: web.AppKey[Clock] = web.AppKey("clock")
ICE_WARNINGS: web.AppKey[list[str]] = web.AppKey("ice_warnings")
THROTTLE: web.AppKey[LoginThrottle] = web.AppKey("login_throttle")
PEERS: web.AppKey[set[Peer]] = web.AppKey("peers")  # every open WebSocket, for shutdown

# aiohttp closes the socket (1009) above this; between MAX_MESSAGE_BYTES and this we answer with a
# typed too_large error and keep the connection (docs/protocol.md §Limits).
_HARD_FRAME_LIMIT = 1 << 20


def create_app(settings: Settings, *, clock: Callable[[], float] = time.time) -> web.Application:
    app = web.Application(client_max_size=256 * 1024)
    app[SETTINGS] = settings
    app[CLOCK] = clock
    app[THROTTLE] = _login_throttle(settings)
    app[GUARD] = Guard.from_settings(settings)
    app[PEERS] = set()
    # Outermost: a foreign origin is refused before anything else looks at the request
    # (signaling/origin.py has the policy; the admin middleware comes after it).
    app.middlewares.append(origin_guard)
    app.cleanup_ctx.append(_store_and_switchboard)
    app.on_shutdown.append(_going_away)
    app.add_routes(
        [
            web.get("/healthz", healthz),
            web.get("/readyz", readyz),
            web.post("/api/login", login),
            web.post("/api/logout", logout),
            web.get("/api/adviser/today", adviser_today),
            web.get("/ws/kiosk", kiosk_ws),
            web.get("/ws/adviser", adviser_ws),
        ]
    )
    from signaling.admin.routes import setup_admin  # late: signaling.admin imports this module
    from signaling.answer_routes import setup_answer_routes  # late: it imports this module
    from signaling.booking_routes import setup_booking_routes  # late: it imports this module

    setup_answer_routes(app)  # the published common questions for kiosks (issue #13)
    setup_booking_routes(app)  # slots, bookings, tickets for staff and the console (issue #14)
    setup_admin(app)  # fleet health for IT: /admin/, /metrics (issue #6)
    return app


def _login_throttle(settings: Settings) -> LoginThrottle:
    auth = settings.auth
    return LoginThrottle(
        per_person=auth.login_per_person,
        per_account=auth.login_per_account,
        accounts_per_address=auth.login_accounts_per_address,
        window_s=auth.login_window_s,
        lockout_s=auth.login_lockout_s,
        known_for_s=auth.login_known_address_days * 86400.0,
    )


async def _store_and_switchboard(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    store = await Store.open(settings.database.target)
    switchboard = Switchboard(settings, store, clock=app[CLOCK])
    app[STORE] = store
    app[SWITCHBOARD] = switchboard
    restored = await switchboard.restore_waiting()
    if restored:
        log.info("restored %d waiting callers from the database", restored)
    try:
        await switchboard.refresh_answers()  # the first welcome carries the published version
    except Exception:  # a broken bundle must not keep the calls down; the watch tries again
        log.exception("could not read the published common questions")
    app[ICE_WARNINGS] = []
    tasks = [
        asyncio.create_task(switchboard.run_timer(), name="router-timer"),
        asyncio.create_task(switchboard.watch_answers(), name="answers-watch"),
        asyncio.create_task(_probe_ice(app), name="ice-probe"),
        asyncio.create_task(_prune_sessions(store, app[CLOCK]), name="session-pruning"),
    ]
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await switchboard.close()  # the ordered writer writes what is queued first
        await store.close()


async def _going_away(app: web.Application, timeout_s: float = 0.5) -> None:
    """On shutdown, before the store closes: every WebSocket closed with 1001 (going away).

    Each handler then runs its disconnect path (a waiting caller keeps its persisted place, a
    call in progress ends and its record is closed) while the store is still open, and clients
    reconnect and resume at once instead of waiting for aiohttp to cancel their handlers.
    A client that does not answer the close within ``timeout_s`` is left to aiohttp's
    ``shutdown_timeout``.
    """
    closing = [peer.close(CLOSE_GOING_AWAY, "server shutting down") for peer in app[PEERS]]
    if closing:
        await asyncio.wait([asyncio.ensure_future(c) for c in closing], timeout=timeout_s)


async def _probe_ice(app: web.Application) -> None:
    """Turn a dead STUN/TURN server into a warning now, not a 5 s stall in every call later."""
    servers = ice_servers(app[SETTINGS].ice, now=app[CLOCK]())
    warnings = await probe_ice_servers(servers, timeout_s=3.0)
    for warning in warnings:
        log.warning("ICE server check: %s", warning)
    app[ICE_WARNINGS][:] = warnings


async def _prune_sessions(store: Store, clock: Clock, every_s: float = 3600.0) -> None:
    while True:
        with contextlib.suppress(Exception):
            await store.prune_sessions(now=clock())
        await asyncio.sleep(every_s)


# --- HTTP --------------------------------------------------------------------------------------


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    ok = await request.app[STORE].ping()
    body = {
        "status": "ready" if ok else "database unreachable",
        "ice_warnings": request.app[ICE_WARNINGS],
    }
    return web.json_response(body, status=200 if ok else 503)


def json_error(status: int, code: ErrorCode, message: str) -> web.Response:
    return web.json_response({"code": code.value, "message": message}, status=status)


async def login(request: web.Request) -> web.Response:
    try:
        body = await request.json()
        username, password = str(body["username"]), str(body["password"])
    except (ValueError, KeyError, TypeError):
        return json_error(400, ErrorCode.BAD_MESSAGE, "send JSON with 'username' and 'password'")
    store, settings, now = request.app[STORE], request.app[SETTINGS], request.app[CLOCK]()
    adviser = await check_password(request, username, password)
    if isinstance(adviser, web.Response):
        return adviser
    ttl = settings.auth.session_ttl_s
    token = await store.create_session(adviser.id, ttl_s=ttl, now=now)
    return web.json_response(
        {
            "token": token,
            "adviser_id": adviser.id,
            "display_name": adviser.display_name,
            "expires_at": now + ttl,
            "is_admin": adviser.is_admin,
        }
    )


async def check_password(
    request: web.Request, username: str, password: str
) -> AdviserRecord | web.Response:
    """The adviser, or the refusal to send: 401 for a wrong password, 429 while locked out after
    repeated failures (per person, account and address: signaling/throttle.py). The address is
    the client's, read through trusted proxies only (signaling/client_address.py)."""
    throttle, now = request.app[THROTTLE], request.app[CLOCK]()
    address = client_address_of(request)
    wait = throttle.retry_after(username, address, now)
    if wait is not None:
        refusal = json_error(
            429, ErrorCode.RATE_LIMITED, f"too many failed sign-ins; try again in {ceil(wait)} s"
        )
        refusal.headers["Retry-After"] = str(ceil(wait))
        return refusal
    adviser = await request.app[STORE].verify_password(username[:100], password[:1000])
    if adviser is None:
        throttle.failed(username, address, now)
        return json_error(401, ErrorCode.UNAUTHORIZED, "wrong username or password")
    throttle.succeeded(username, address, now)
    return adviser


def bearer_token(request: web.Request) -> str:
    """The token from ``Authorization: Bearer ...``; empty when there is none."""
    return request.headers.get("Authorization", "").removeprefix("Bearer ").strip()


async def logout(request: web.Request) -> web.Response:
    token = bearer_token(request)
    if token:
        await request.app[STORE].revoke_session(token)
    return web.json_response({"status": "signed out"})


async def adviser_today(request: web.Request) -> web.Response:
    """The console's "Today" panel: calls taken, average handle time, ratings, since midnight."""
    token = bearer_token(request)
    now = request.app[CLOCK]()
    adviser = await request.app[STORE].session(token, now=now) if token else None
    if adviser is None:
        return json_error(401, ErrorCode.UNAUTHORIZED, "sign in first")
    since = local_midnight(now, service_timezone(request.app[SETTINGS]))
    await request.app[SWITCHBOARD].flush()  # the calls and ratings the server has taken so far
    calls = await request.app[STORE].adviser_calls(adviser.id, since=since)
    return web.json_response(summarize_day(calls))


# --- WebSockets --------------------------------------------------------------------------------


async def kiosk_ws(request: web.Request) -> web.WebSocketResponse:
    return await _serve(request, "kiosk")


async def adviser_ws(request: web.Request) -> web.WebSocketResponse:
    return await _serve(request, "adviser")


async def _serve(request: web.Request, role: Literal["kiosk", "adviser"]) -> web.WebSocketResponse:
    settings = request.app[SETTINGS]
    ws = web.WebSocketResponse(max_msg_size=_HARD_FRAME_LIMIT, heartbeat=30.0)
    await ws.prepare(request)
    peer = Peer(ws, label=f"{role}@{request.remote}")
    request.app[PEERS].add(peer)
    state = ConnectionState(
        rate_per_s=settings.server.rate_limit_per_s, burst=float(settings.server.rate_limit_burst)
    )
    try:
        hello = await _await_hello(ws, peer, state, role, settings.server.hello_timeout_s)
        if hello is not None:
            await _session(request, ws, peer, state, role, hello)
    finally:
        request.app[PEERS].discard(peer)
        await peer.close()
        _disarm_heartbeat(ws)
    return ws


def _disarm_heartbeat(ws: web.WebSocketResponse) -> None:
    """Cancel the heartbeat timer that aiohttp (3.14) re-arms after the connection closed.

    The client's close frame arrives after ours and resets the heartbeat, so a timer held every
    closed connection (socket, request, parser buffers) for ``heartbeat`` seconds more: rounds of
    silent connections piled up (issue #10; measured by bench/silent_connections.py).
    """
    ws._cancel_heartbeat()


async def _await_hello(
    ws: web.WebSocketResponse,
    peer: Peer,
    state: ConnectionState,
    role: str,
    timeout_s: float,
) -> m.Hello | None:
    deadline = time.monotonic() + timeout_s
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            await peer.close(CLOSE_HELLO_TIMEOUT, "no hello in time")
            return None
        try:
            frame = await ws.receive(timeout=remaining)
        except TimeoutError:
            continue
        if frame.type in _CLOSING:
            return None
        try:
            msg = _receive(state, role, frame)
            state.check_role(msg.type)
            if isinstance(msg, m.Hello):
                m.check_version(msg)
                return msg
        except RemoteProtocolError as exc:
            if _reply_to_error(peer, exc, None) or state.should_close:
                await peer.close(exc.close_code, exc.detail)
                return None


_CLOSING = (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED, WSMsgType.ERROR)


async def _session(
    request: web.Request,
    ws: web.WebSocketResponse,
    peer: Peer,
    state: ConnectionState,
    role: Literal["kiosk", "adviser"],
    hello: m.Hello,
) -> None:
    if role == "kiosk":
        await _kiosk_session(request, ws, peer, state, hello)
    else:
        await _adviser_session(request, ws, peer, state, hello)


async def _kiosk_session(
    request: web.Request,
    ws: web.WebSocketResponse,
    peer: Peer,
    state: ConnectionState,
    hello: m.Hello,
) -> None:
    board = request.app[SWITCHBOARD]
    kiosk = await request.app[STORE].kiosk_by_token(hello.token)
    if kiosk is None:
        return await _refuse(peer, "unknown or revoked kiosk token")
    peer.label = f"kiosk:{kiosk.id}"
    state.authenticated()
    await board.kiosk_connected(peer, kiosk, hello)
    link = board.kiosks[kiosk.id]

    async def handle(msg: Any) -> None:
        await board.kiosk_message(link, msg)

    try:
        await _read_loop(ws, peer, state, "kiosk", handle)
    finally:
        await board.kiosk_disconnected(link)


async def _adviser_session(
    request: web.Request,
    ws: web.WebSocketResponse,
    peer: Peer,
    state: ConnectionState,
    hello: m.Hello,
) -> None:
    board, now = request.app[SWITCHBOARD], request.app[CLOCK]()
    adviser = await request.app[STORE].session(hello.token, now=now)
    if adviser is None:
        return await _refuse(peer, "unknown or expired session: sign in again")
    peer.label = f"adviser:{adviser.id}"
    state.authenticated()
    roles = await request.app[STORE].answers.roles_of(adviser.id)
    await board.adviser_connected(peer, adviser, roles=roles)
    link = board.advisers[adviser.id]

    async def handle(msg: Any) -> None:
        await board.adviser_message(link, msg)

    try:
        await _read_loop(ws, peer, state, "adviser", handle)
    finally:
        await board.adviser_disconnected(link)


async def _refuse(peer: Peer, reason: str) -> None:
    peer.post(error_reply(ErrorCode.UNAUTHORIZED, reason, "hello"))
    await peer.close(CLOSE_UNAUTHORIZED, reason)


async def _read_loop(
    ws: web.WebSocketResponse,
    peer: Peer,
    state: ConnectionState,
    role: str,
    handle: Callable[[Any], Awaitable[None]],
) -> None:
    async for frame in ws:
        if frame.type in _CLOSING:  # ERROR: aiohttp has closed the socket (e.g. 1009)
            return
        msg: Any = None
        try:
            msg = _receive(state, role, frame)
            state.check_role(msg.type)
            await handle(msg)
        except RemoteProtocolError as exc:
            ref_type = getattr(msg, "type", None) or exc.ref_type
            if _reply_to_error(peer, exc, ref_type) or state.should_close:
                await peer.close(exc.close_code, exc.detail)
                return
        except IllegalTransition as exc:
            peer.post(illegal_reply(exc, getattr(msg, "type", "?")))
        except KiosklinkError as exc:
            peer.post(error_reply(ErrorCode.CONFLICT, str(exc), getattr(msg, "type", None)))
        except Exception:
            # Our bug, not the client's: log it, tell the client, keep serving everyone.
            log.exception("%s: failed to handle %s", peer.label, getattr(msg, "type", "?"))
            peer.post(error_reply(ErrorCode.INTERNAL, "internal error", getattr(msg, "type", None)))


def _receive(state: ConnectionState, role: str, frame: WSMessage) -> Any:
    """Charge one frame to the rate limit, whatever it holds, then parse it, once.

    Raises the RemoteProtocolError to answer with (docs/protocol.md §Limits, §Errors): every
    rejected frame (binary, malformed, too deep, too large, unknown type) has been paid for.
    """
    state.charge(time.monotonic())
    if frame.type != WSMsgType.TEXT:
        raise MalformedMessage("send text frames with JSON")
    return m.parse_from_kiosk(frame.data) if role == "kiosk" else m.parse_from_adviser(frame.data)


def _reply_to_error(peer: Peer, exc: RemoteProtocolError, ref_type: str | None) -> bool:
    """Answer a bad message with a typed error. Returns whether the connection must close."""
    peer.post(error_reply(exc.code, exc.detail, ref_type))
    return exc.fatal


def error_reply(code: ErrorCode, text: str, ref_type: str | None = None) -> m.Error:
    return m.Error(code=code, message=text[:500], ref_type=ref_type)


def illegal_reply(exc: IllegalTransition, ref_type: str) -> m.Error:
    return m.Error(code=ErrorCode.CONFLICT, message=str(exc)[:500], ref_type=ref_type)
