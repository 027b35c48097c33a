"""A real nginx on 127.0.0.1 running deploy/nginx/kiosklink.conf in front of a test server.

Only what cannot hold in a test is swapped: listen addresses and ports (loopback, free ports, no
IPv6 listeners), the certificate files, and the upstream port. Everything else (locations,
headers, timeouts, the upgrade map) is the production file.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from tests.deploy.certs import Cert

REPO = Path(__file__).resolve().parents[2]
DEPLOY_CONF = REPO / "deploy" / "nginx" / "kiosklink.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def loopback_site(
    production: str, *, http_port: int, https_port: int, upstream_port: int, cert: Cert
) -> str:
    swaps = [
        (r"^\s*listen \[::\]:\d+.*;\n", ""),
        (r"listen 80;", f"listen 127.0.0.1:{http_port};"),
        (r"listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;"),
        (r"ssl_certificate \S+;", f"ssl_certificate {cert.cert};"),
        (r"ssl_certificate_key \S+;", f"ssl_certificate_key {cert.key};"),
        (r"server 127\.0\.0\.1:8750;", f"server 127.0.0.1:{upstream_port};"),
    ]
    site = production
    for pattern, replacement in swaps:
        site, count = re.subn(pattern, replacement, site, flags=re.MULTILINE)
        assert count, f"deploy/nginx/kiosklink.conf no longer has {pattern!r}"
    return site


def main_config(workdir: Path, site: Path) -> str:
    """A whole nginx.conf around the site: everything nginx writes stays in ``workdir``."""
    temp = "\n".join(
        f"    {kind}_temp_path {workdir / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root nginx would hand its workers to "nobody", who cannot enter pytest's tmp dirs.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}worker_processes 1;\n"
        "daemon off;\n"
        f"pid {workdir / 'nginx.pid'};\n"
        f"error_log {workdir / 'error.log'} info;\n"
        "events { worker_connections 64; }\n"
        "http {\n"
        f"{temp}\n"
        f"    include {site};\n"
        "}\n"
    )


@dataclass
class Nginx:
    workdir: Path
    cert: Cert
    upstream_port: int
    http_port: int = 0
    https_port: int = 0
    process: subprocess.Popen[bytes] | None = None

    def write(self, http_port: int, https_port: int) -> Path:
        self.http_port, self.https_port = http_port, https_port
        site = self.workdir / "kiosklink.conf"
        site.write_text(
            loopback_site(
                DEPLOY_CONF.read_text(),
                http_port=http_port,
                https_port=https_port,
                upstream_port=self.upstream_port,
                cert=self.cert,
            )
        )
        conf = self.workdir / "nginx.conf"
        conf.write_text(main_config(self.workdir, site))
        return conf

    def command(self, conf: Path, *extra: str) -> list[str]:
        # -e: the error log before the config is read (the default under /var/log may not exist).
        return [
            NGINX,
            "-p",
            str(self.workdir),
            "-e",
            str(self.workdir / "error.log"),
            "-c",
            str(conf),
            *extra,
        ]

    def check(self, conf: Path) -> subprocess.CompletedProcess[str]:
        """``nginx -t``: parse the configuration, open the certificates, start nothing."""
        return subprocess.run(self.command(conf, "-t"), capture_output=True, text=True, timeout=30)

    def start(self, http_port: int, https_port: int, timeout_s: float = 15.0) -> Nginx:
        conf = self.write(http_port, https_port)
        self.process = subprocess.Popen(
            self.command(conf), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited with {self.process.returncode}: {self.log()}")
            try:
                socket.create_connection(("127.0.0.1", https_port), timeout=0.5).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"nginx did not listen within {timeout_s} s: {self.log()}")

    def log(self) -> str:
        path = self.workdir / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()  # SIGTERM: nginx's fast shutdown, workers included
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
