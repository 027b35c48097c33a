"""A real coturn on 127.0.0.1, configured from deploy/coturn/turnserver.conf.

The production file is read, and only what cannot hold on loopback is replaced: addresses and
ports, the TLS listener (no certificate here), the secret, where logs go, and the denied peer
ranges that cover 127.0.0.1 (both parties' relay addresses are on loopback in a test). Everything
else (use-auth-secret, quotas, fingerprint, no-cli, ...) is what production runs, so a typo there
fails here.
"""

from __future__ import annotations

import ipaddress
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from tests.deploy.certs import Cert

REPO = Path(__file__).resolve().parents[2]
DEPLOY_CONF = REPO / "deploy" / "coturn" / "turnserver.conf"
TURNSERVER = shutil.which("turnserver") or "/usr/bin/turnserver"
LOOPBACK = ipaddress.IPv4Address("127.0.0.1")

# Options a loopback test must set itself; the production values name real hosts and files.
REPLACED = frozenset(
    {
        "listening-port",
        "tls-listening-port",
        "listening-ip",
        "relay-ip",
        "external-ip",
        "static-auth-secret",
        "realm",
        "server-name",
        "cert",
        "pkey",
        "syslog",
        "log-file",
        "pidfile",
        "userdb",
    }
)

Option = tuple[str, str | None]


def read_options(text: str) -> list[Option]:
    """``(name, value)`` per option line of a turnserver.conf; value None for a bare flag."""
    options: list[Option] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, value = line.partition("=")
        options.append((name.strip(), value.strip() if sep else None))
    return options


def denies_loopback(value: str | None) -> bool:
    """Whether a ``denied-peer-ip`` value (an address or ``low-high`` range) covers 127.0.0.1."""
    if value is None:
        return False
    low, _, high = value.partition("-")
    first, last = ipaddress.ip_address(low), ipaddress.ip_address(high or low)
    if not (isinstance(first, ipaddress.IPv4Address) and isinstance(last, ipaddress.IPv4Address)):
        return False
    return first <= LOOPBACK <= last


def loopback_config(
    production: str,
    *,
    port: int,
    secret: str,
    realm: str,
    log_file: Path,
    tls: tuple[int, Cert] | None = None,
) -> str:
    """The production options that hold on loopback, plus the loopback-only ones; with ``tls``
    (port, certificate) the TLS listener stays, on that port with that certificate."""
    kept = [
        (name, value)
        for name, value in read_options(production)
        if name not in REPLACED and not (name == "denied-peer-ip" and denies_loopback(value))
    ]
    lines = [name if value is None else f"{name}={value}" for name, value in kept]
    lines += [
        "listening-ip=127.0.0.1",
        "relay-ip=127.0.0.1",
        f"listening-port={port}",
        f"static-auth-secret={secret}",
        f"realm={realm}",
        "allow-loopback-peers",
        f"log-file={log_file}",
        f"pidfile={log_file.with_suffix('.pid')}",
        f"userdb={log_file.with_suffix('.db')}",
        # Per-packet session details, so the log proves which usernames allocated.
        "verbose",
    ]
    if tls is None:
        lines.append("no-tls")
    else:
        tls_port, cert = tls
        lines += [f"tls-listening-port={tls_port}", f"cert={cert.cert}", f"pkey={cert.key}"]
    return "\n".join(lines) + "\n"


def free_port() -> int:
    """A port free on 127.0.0.1 for both UDP and TCP (coturn listens on both)."""
    for _ in range(50):
        with (
            socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp,
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp,
        ):
            tcp.bind(("127.0.0.1", 0))
            port = int(tcp.getsockname()[1])
            try:
                udp.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no port free for both UDP and TCP on 127.0.0.1")


@dataclass
class Coturn:
    """One turnserver process. ``start()`` returns once it answers on TCP; ``stop()`` ends it."""

    workdir: Path
    secret: str
    realm: str = "kiosklink.test"
    cert: Cert | None = None  # also listen for TURN over TLS (turns:) with this certificate
    port: int = 0
    tls_port: int = 0
    process: subprocess.Popen[bytes] | None = None

    @property
    def log_file(self) -> Path:
        # coturn adds a date to a log file name unless it ends in a known pattern; simple-log
        # (kept from production) stops that.
        return self.workdir / "turn.log"

    @property
    def console_file(self) -> Path:
        return self.workdir / "turnserver.out"

    def config_complaints(self) -> list[str]:
        """coturn's lines about options it did not understand or refused."""
        text = self.console_file.read_text(errors="replace") + self.log()
        markers = ("Bad configuration format", "CONFIG ERROR", "Unknown option", "unrecognized")
        return sorted({line for line in text.splitlines() if any(m in line for m in markers)})

    def url(self, transport: str = "udp") -> str:
        """``transport`` "udp" or "tcp" for turn:, "tls" for turns: (needs ``cert``)."""
        if transport == "tls":
            assert self.cert is not None, "started without a certificate"
            return f"turns:127.0.0.1:{self.tls_port}?transport=tcp"
        return f"turn:127.0.0.1:{self.port}?transport={transport}"

    def start(self, timeout_s: float = 10.0) -> Coturn:
        self.port = free_port()
        tls = None
        if self.cert is not None:
            self.tls_port = free_port()
            tls = (self.tls_port, self.cert)
        conf = self.workdir / "turnserver.conf"
        conf.write_text(
            loopback_config(
                DEPLOY_CONF.read_text(),
                port=self.port,
                secret=self.secret,
                realm=self.realm,
                log_file=self.log_file,
                tls=tls,
            )
        )
        # Complaints about the config file come before the log file opens: keep the console too.
        with self.console_file.open("wb") as console:
            self.process = subprocess.Popen(
                [TURNSERVER, "-c", str(conf)],
                stdout=console,
                stderr=subprocess.STDOUT,
                cwd=self.workdir,
            )
        self._wait_listening(timeout_s)
        return self

    def _wait_listening(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"turnserver exited with {self.process.returncode}:\n{self.log()}"
                )
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
            except OSError:
                time.sleep(0.05)
                continue
            return
        raise RuntimeError(f"turnserver did not listen within {timeout_s} s:\n{self.log()}")

    def log(self) -> str:
        try:
            return self.log_file.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
