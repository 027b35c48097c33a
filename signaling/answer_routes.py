"""HTTP for kiosks: the published common questions and their recordings (docs/protocol.md
§Common questions, docs/answers.md §The published bundle).

* ``GET /api/kiosk/answers`` — the latest published bundle, one JSON document. ``ETag`` is the
  version in quotes; a kiosk sends it back in ``If-None-Match`` and gets 304 while it is current
  (the store's version is read first, so a 304 costs no bundle). ``Cache-Control: no-cache``: a
  cache may keep it but must ask every time. 404 while nothing is published.
* ``GET /api/kiosk/answers/audio/{sha256}`` — a recording, named by its SHA-256 in 64 lowercase
  hex digits; content-addressed, so it never changes and may be cached for a year (``immutable``).

Both need the kiosk's token (``Authorization: Bearer``), the one its ``hello`` carries; an unknown
or revoked token is 401 before anything else is looked at. Kiosk tokens are 256 random bits
(signaling/auth.py), so no throttle stands in front of them, as none does in front of ``hello``.
The Origin rules (signaling/origin.py) apply as to every ``/api/`` route: a kiosk sends no Origin.
"""

from __future__ import annotations

import re

from aiohttp import hdrs, web

from signaling import server as srv
from signaling.errors import ErrorCode

BUNDLE_PATH = "/api/kiosk/answers"
AUDIO_PATH = "/api/kiosk/answers/audio/{sha256}"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
BUNDLE_CACHING = "no-cache"
AUDIO_CACHING = "public, max-age=31536000, immutable"


def setup_answer_routes(app: web.Application) -> None:
    app.router.add_get(BUNDLE_PATH, bundle)
    app.router.add_get(AUDIO_PATH, audio)


async def bundle(request: web.Request) -> web.StreamResponse:
    refusal = await _kiosk_refusal(request)
    if refusal is not None:
        return refusal
    answers = request.app[srv.STORE].answers
    version = await answers.latest_version()
    if version == 0:
        return srv.json_error(404, ErrorCode.NOT_FOUND, "no common questions are published yet")
    if _still_current(request, str(version)):
        return _not_modified(str(version), BUNDLE_CACHING)
    published = await answers.latest_published()
    if published is None:  # unpublished between the two reads: say what is true now
        return srv.json_error(404, ErrorCode.NOT_FOUND, "no common questions are published yet")
    response = web.Response(body=published.bundle, content_type="application/json")
    response.charset = "utf-8"
    return _cached(response, str(published.version), BUNDLE_CACHING)


async def audio(request: web.Request) -> web.StreamResponse:
    refusal = await _kiosk_refusal(request)
    if refusal is not None:
        return refusal
    digest = request.match_info["sha256"]
    if not _SHA256.match(digest):
        return srv.json_error(
            400, ErrorCode.BAD_MESSAGE, "name a recording by its SHA-256: 64 lowercase hex digits"
        )
    if _still_current(request, digest):
        return _not_modified(digest, AUDIO_CACHING)
    recording = await request.app[srv.STORE].answers.audio(digest)
    if recording is None:
        return srv.json_error(404, ErrorCode.NOT_FOUND, "no such recording")
    response = web.Response(body=recording.data, content_type=recording.mime)
    return _cached(response, digest, AUDIO_CACHING)


async def _kiosk_refusal(request: web.Request) -> web.Response | None:
    """None for a request with a known kiosk's token, else the 401 to answer."""
    token = srv.bearer_token(request)
    kiosk = await request.app[srv.STORE].kiosk_by_token(token[:200]) if token else None
    if kiosk is not None:
        return None
    refusal = srv.json_error(
        401, ErrorCode.UNAUTHORIZED, "send the kiosk's token: Authorization: Bearer TOKEN"
    )
    refusal.headers[hdrs.WWW_AUTHENTICATE] = 'Bearer realm="kiosk"'
    return refusal


def _still_current(request: web.Request, etag: str) -> bool:
    """Whether the client's ``If-None-Match`` names ``etag`` (weakly, RFC 9110 §13.1.2)."""
    return any(tag.value in (etag, "*") for tag in request.if_none_match or ())


def _not_modified(etag: str, caching: str) -> web.Response:
    return _cached(web.Response(status=304), etag, caching)


def _cached(response: web.Response, etag: str, caching: str) -> web.Response:
    response.etag = etag
    response.headers[hdrs.CACHE_CONTROL] = caching
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
