"""The HTTP side of the security rules: a thin adapter over the pure ones.

* :func:`client_address_of` — the client's address through trusted proxies
  (:mod:`signaling.client_address`), for sign-in throttling and the /metrics allow-list;
* :func:`origin_guard` — the middleware that refuses foreign origins on every route, WebSockets
  and the admin event stream included, and answers CORS preflights (:mod:`signaling.origin`);
* :func:`metrics_refusal` — who may scrape ``/metrics``: a bearer token, or an allowed address.

Refusals are JSON, ``{"code", "message"}``, as every other HTTP error of this server.

Why not aiohttp-cors: it adds CORS headers and answers preflights route by route, but it refuses
nothing (a foreign page's POST still reaches the handler) and knows nothing of WebSockets or
cookies. The refusal is the part that protects; one middleware over one pure policy
(:class:`~signaling.origin.OriginPolicy`) decides both, so they cannot disagree.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import hdrs, web
from aiohttp.web_urldispatcher import MatchInfoError

from signaling.client_address import (
    Network,
    client_address,
    forwarded_scheme,
    is_within,
    parse_address,
    parse_networks,
)
from signaling.config import Settings
from signaling.origin import OriginPolicy, cors_headers, origin_of

log = logging.getLogger(__name__)

ADMIN_COOKIE = "kiosklink_admin"  # signaling.admin.routes.COOKIE; that module imports this one
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Guard:
    """The security settings, parsed once at start-up."""

    trusted_proxies: tuple[Network, ...]
    origins: OriginPolicy
    public_origin: str | None
    metrics_allow_from: tuple[Network, ...]
    metrics_token: str | None

    @classmethod
    def from_settings(cls, settings: Settings) -> Guard:
        token = settings.metrics.token
        return cls(
            trusted_proxies=parse_networks(settings.server.trusted_proxies),
            origins=OriginPolicy(frozenset(settings.server.allowed_origins)),
            public_origin=origin_of(settings.server.public_url or ""),
            metrics_allow_from=parse_networks(settings.metrics.allow_from),
            metrics_token=token.get_secret_value() if token else None,
        )


GUARD = web.AppKey("security_guard", Guard)


def client_address_of(request: web.Request) -> str | None:
    trusted = request.app[GUARD].trusted_proxies
    return client_address(request.remote, request.headers.getall("X-Forwarded-For", []), trusted)


def own_origins(request: web.Request) -> set[str]:
    """This server as browsers see it: ``public_url``, and the scheme and Host of this request."""
    guard = request.app[GUARD]
    scheme = forwarded_scheme(
        request.remote,
        request.headers.get("X-Forwarded-Proto"),
        request.scheme,
        guard.trusted_proxies,
    )
    here = origin_of(f"{scheme}://{request.host}")
    return {origin for origin in (guard.public_origin, here) if origin is not None}


@web.middleware
async def origin_guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    policy = request.app[GUARD].origins
    origin = request.headers.get(hdrs.ORIGIN)
    if request.method == "OPTIONS" and hdrs.ACCESS_CONTROL_REQUEST_METHOD in request.headers:
        return _preflight(request, policy, origin)
    verdict, seen = policy.judge(
        origin=origin,
        referer=request.headers.get(hdrs.REFERER),
        by_cookie=ADMIN_COOKIE in request.cookies,
        own=own_origins(request),
    )
    if verdict == "refused":
        return _refuse_origin(request, seen)
    response = await handler(request)
    if verdict == "allowed" and seen is not None and not response.prepared:
        response.headers.update(cors_headers(seen))
    return response


def _preflight(request: web.Request, policy: OriginPolicy, origin: str | None) -> web.Response:
    headers = policy.preflight(
        request.path,
        origin,
        _methods(request),
        request.headers.get(hdrs.ACCESS_CONTROL_REQUEST_METHOD),
    )
    if headers is None:
        return _forbidden(
            "cors_refused",
            f"no cross-origin access to {request.path[:100]} for {(origin or 'no origin')[:100]}"
            " (server.allowed_origins; only /api/ routes are shared)",
        )
    return web.Response(status=204, headers=headers)


def _methods(request: web.Request) -> set[str]:
    """The methods the requested path has (a preflight's OPTIONS itself is not routed)."""
    match = request.match_info
    if isinstance(match, MatchInfoError):
        return set(getattr(match.http_exception, "allowed_methods", ()))
    return {request.method}


def _refuse_origin(request: web.Request, seen: str | None) -> web.Response:
    # The page's origin and the path only: no address, no credential (nothing personal).
    log.info("refused %s %s from origin %s", request.method, request.path[:100], seen)
    return _forbidden(
        "forbidden_origin",
        f"requests from {seen} are not accepted here; this server is"
        f" {', '.join(sorted(own_origins(request))) or 'unknown'}"
        " (set server.public_url behind a proxy, server.allowed_origins for other pages)",
    )


def _forbidden(code: str, message: str) -> web.Response:
    return web.json_response({"code": code, "message": message}, status=403)


def metrics_refusal(request: web.Request) -> web.Response | None:
    """None when this request may read /metrics, else the 401 or 403 to answer.

    A right bearer token opens it from anywhere. Without one, the client's address (read through
    trusted proxies only) must be in ``metrics.allow_from``; a request forwarded by an untrusted
    proxy has no address we can believe, so it needs the token even from loopback.
    """
    guard = request.app[GUARD]
    header = request.headers.get(hdrs.AUTHORIZATION, "")
    if header:
        given = header.removeprefix("Bearer ").strip()
        expected = guard.metrics_token
        if expected is not None and hmac.compare_digest(given.encode(), expected.encode()):
            return None
        return _metrics_error(401, "wrong metrics token")
    if _believed_address_allowed(request, guard):
        return None
    return _metrics_error(401, "send Authorization: Bearer <metrics.token>")


def _believed_address_allowed(request: web.Request, guard: Guard) -> bool:
    forwarded = "X-Forwarded-For" in request.headers
    if forwarded and not is_within(parse_address(request.remote), guard.trusted_proxies):
        return False
    return is_within(parse_address(client_address_of(request)), guard.metrics_allow_from)


def _metrics_error(status: int, message: str) -> web.Response:
    response = web.json_response({"code": "unauthorized", "message": message}, status=status)
    response.headers[hdrs.WWW_AUTHENTICATE] = 'Bearer realm="metrics"'
    return response
