"""Which web pages may talk to this server (pure): the Origin check and the CORS answers.

The policy (README §Security):

1. **No Origin, no browser.** The kiosk app, the adviser console and scripts send no ``Origin``;
   their requests and WebSockets pass this check (their tokens and passwords are checked as ever).
2. **A request that says where it comes from must come from here or from an allowed origin.**
   Browsers send ``Origin`` on cross-origin requests, on every POST and on every WebSocket
   handshake. It must be this server's own origin (``server.public_url``, or the scheme and Host
   the request arrived with) or one of ``server.allowed_origins`` (default: none). Anything else,
   ``null`` included, is refused with 403 on every route: HTTP, the admin event stream and both
   WebSockets alike.
3. **Cookies need a witness.** A request carrying the admin cookie with no ``Origin`` is checked
   by its ``Referer`` instead (older browsers leave ``Origin`` off same-origin GETs); with neither,
   it is allowed: SameSite=Strict keeps that cookie off every cross-site request already.
4. **CORS only for the browser API.** Preflights (``OPTIONS``) are answered for ``/api/`` routes
   (sign-in, sign-out, the adviser's day) from allowed origins, with the route's own methods and
   the ``Content-Type`` and ``Authorization`` headers; no credentials mode (those routes use bearer
   tokens, never cookies). The admin API is same-origin only and answers no preflight.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

CORS_PREFIX = "/api/"
CORS_HEADERS = ("Authorization", "Content-Type")
CORS_EXPOSED = ("Retry-After",)
PREFLIGHT_MAX_AGE_S = 600
_DEFAULT_PORTS = {"http": 80, "https": 443}

Verdict = Literal["no_origin", "own", "allowed", "refused"]


def origin_of(url: str) -> str | None:
    """``scheme://host[:port]`` of a URL, lower-cased, default port dropped; None if it has none.

    >>> origin_of("HTTPS://Kiosk.Example.se:443/admin/?x=1")
    'https://kiosk.example.se'
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), parts.hostname
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    host = f"[{host}]" if ":" in host else host
    return (
        f"{scheme}://{host}"
        if port in (None, _DEFAULT_PORTS[scheme])
        else f"{scheme}://{host}:{port}"
    )


def parse_allowed_origins(texts: Iterable[str]) -> tuple[str, ...]:
    """Settings' ``allowed_origins`` normalised; raises ValueError naming an entry that is not an
    origin (a path, a wildcard or ``null`` would allow more than the operator meant)."""
    origins = []
    for text in texts:
        origin = origin_of(text)
        parts = urlsplit(text.strip())
        extra = parts.path not in ("", "/") or parts.query or parts.fragment or "@" in parts.netloc
        if origin is None or extra:
            raise ValueError(f"{text!r} is not an origin such as https://portal.example.se")
        origins.append(origin)
    return tuple(origins)


@dataclass(frozen=True)
class OriginPolicy:
    allowed: frozenset[str] = frozenset()

    def judge(
        self,
        *,
        origin: str | None,
        referer: str | None,
        by_cookie: bool,
        own: Collection[str],
    ) -> tuple[Verdict, str | None]:
        """The verdict by rules 1-3, and the origin it was about (for the refusal's message)."""
        claimed = origin if origin is not None else (referer if by_cookie else None)
        if claimed is None or claimed == "":
            return "no_origin", None
        seen = origin_of(claimed)
        if seen is not None and seen in own:
            return "own", seen
        if seen is not None and seen in self.allowed:
            return "allowed", seen
        return "refused", seen or claimed[:100]

    def preflight(
        self, path: str, origin: str | None, methods: Collection[str], wanted: str | None
    ) -> dict[str, str] | None:
        """The headers of a 204 answer to a CORS preflight, or None to refuse it (rule 4)."""
        seen = origin_of(origin) if origin else None
        if not path.startswith(CORS_PREFIX) or seen is None or seen not in self.allowed:
            return None
        if wanted is None or wanted.upper() not in methods:
            return None
        return {
            **cors_headers(seen),
            "Access-Control-Allow-Methods": ", ".join(sorted(methods)),
            "Access-Control-Allow-Headers": ", ".join(CORS_HEADERS),
            "Access-Control-Max-Age": str(PREFLIGHT_MAX_AGE_S),
        }


def cors_headers(origin: str) -> dict[str, str]:
    """What an answer to an allowed origin carries so its page may read it."""
    return {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Expose-Headers": ", ".join(CORS_EXPOSED),
        "Vary": "Origin",
    }
