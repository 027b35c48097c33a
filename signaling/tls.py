"""TLS for the server: an SSL context from the configured certificate and key, or none.

In production a reverse proxy (deploy/nginx) or the server itself terminates TLS; kiosks must never
speak plain ws:// across a network. On loopback (tests, the demo) plain is fine.
"""

from __future__ import annotations

import ssl

from signaling.config import Settings
from signaling.errors import ConfigError


def server_ssl_context(settings: Settings) -> ssl.SSLContext | None:
    cert, key = settings.server.tls_cert, settings.server.tls_key
    if cert is None and key is None:
        return None
    if cert is None or key is None:
        raise ConfigError("server.tls_cert and server.tls_key must be set together")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(str(cert), str(key))
    return context
