"""The files an operator copies out of deploy/: they parse, they hold what production needs, and
their secrets are placeholders. The real programs check them where they are installed
(turnserver, systemd-analyze, nginx -t in test_nginx.py); otherwise those checks are skipped."""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.deploy.coturn import DEPLOY_CONF, TURNSERVER, Coturn, read_options

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
UNIT = DEPLOY / "systemd" / "kiosklink-server.service"
SECRETS_EXAMPLE = DEPLOY / "systemd" / "secrets.env.example"
COTURN_DROP_IN = DEPLOY / "coturn" / "coturn.service.d" / "kiosklink.conf"
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")
KIOSKLINK = Path(sys.executable).with_name("kiosklink")
PLACEHOLDER = "REPLACE_WITH_OUTPUT_OF_openssl_rand_hex_32"

needs_turnserver = pytest.mark.skipif(
    not os.access(TURNSERVER, os.X_OK), reason=f"coturn is not installed ({TURNSERVER})"
)
needs_systemd = pytest.mark.skipif(
    SYSTEMD_ANALYZE is None, reason="systemd-analyze is not installed"
)


def coturn_options() -> dict[str, list[str | None]]:
    found: dict[str, list[str | None]] = {}
    for name, value in read_options(DEPLOY_CONF.read_text()):
        found.setdefault(name, []).append(value)
    return found


# --- coturn -------------------------------------------------------------------------------------


def test_coturn_has_the_production_options() -> None:
    options = coturn_options()
    for flag in (
        "use-auth-secret",
        "fingerprint",
        "no-cli",
        "no-multicast-peers",
        "no-tcp-relay",
        "no-software-attribute",
        "no-tlsv1",
        "no-tlsv1_1",
    ):
        assert options.get(flag) == [None], flag
    assert options["listening-port"] == ["3478"]
    assert options["tls-listening-port"] == ["443"]  # turns: for locked-down office networks
    for key in ("realm", "cert", "pkey", "user-quota", "total-quota", "max-bps"):
        assert len(options[key]) == 1 and options[key][0], key
    # Loopback relaying is for tests only (tests/deploy/coturn.py adds it there).
    assert "allow-loopback-peers" not in options and "allowed-peer-ip" not in options
    repeated = [k for k, n in Counter(read_options(DEPLOY_CONF.read_text())).items() if n > 1]
    assert not repeated


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3",
        "172.20.0.1",
        "192.168.1.10",
        "127.0.0.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fd00::1",
        "fe80::1",
    ],
)
def test_coturn_refuses_to_relay_to_private_addresses(address: str) -> None:
    # A relay into the TURN server's own network would be a way past the firewall.
    target = ipaddress.ip_address(address)
    ranges = coturn_options()["denied-peer-ip"]
    assert any(_in_range(target, value) for value in ranges), address


def _in_range(target: ipaddress.IPv4Address | ipaddress.IPv6Address, value: str | None) -> bool:
    assert value is not None
    low, _, high = value.partition("-")
    first, last = ipaddress.ip_address(low), ipaddress.ip_address(high or low)
    if isinstance(target, ipaddress.IPv4Address):
        v4 = isinstance(first, ipaddress.IPv4Address) and isinstance(last, ipaddress.IPv4Address)
        return v4 and first <= target <= last  # type: ignore[operator]
    v6 = isinstance(first, ipaddress.IPv6Address) and isinstance(last, ipaddress.IPv6Address)
    return v6 and first <= target <= last  # type: ignore[operator]


def test_secrets_are_placeholders() -> None:
    # A real-looking secret in the repository would end up on servers unchanged.
    assert coturn_options()["static-auth-secret"] == [PLACEHOLDER]
    assert f"KIOSKLINK_TURN_SECRET={PLACEHOLDER}" in SECRETS_EXAMPLE.read_text().splitlines()
    hexlike = re.compile(r"\b[0-9a-f]{32,}\b")
    for path in (DEPLOY_CONF, SECRETS_EXAMPLE, UNIT, COTURN_DROP_IN):
        assert not hexlike.search(path.read_text()), path


@needs_turnserver
def test_turnserver_knows_every_option() -> None:
    usage = subprocess.run([TURNSERVER, "-h"], capture_output=True, text=True, timeout=30)
    known = set(re.findall(r"--([a-z0-9_-]+)", usage.stdout + usage.stderr))
    unknown = sorted(set(coturn_options()) - known)
    assert not unknown


@needs_turnserver
def test_turnserver_starts_with_it_without_complaint(coturn: Coturn) -> None:
    # The running coturn was configured from the production file (loopback addresses swapped in).
    assert coturn.config_complaints() == []
    assert "Total General servers" in coturn.log()


# --- systemd ------------------------------------------------------------------------------------


def _verify(unit: Path) -> list[str]:
    """systemd-analyze verify's complaints about ``unit`` and its drop-ins (not other units)."""
    assert SYSTEMD_ANALYZE is not None
    done = subprocess.run(
        [SYSTEMD_ANALYZE, "verify", str(unit)], capture_output=True, text=True, timeout=60
    )
    ours = [line for line in (done.stdout + done.stderr).splitlines() if str(unit.parent) in line]
    assert done.returncode == 0 or ours, done.stderr
    return ours


@needs_systemd
def test_the_server_unit_verifies(tmp_path: Path) -> None:
    # verify checks that ExecStart exists, so point it at this checkout's kiosklink command.
    unit = tmp_path / UNIT.name
    text = UNIT.read_text()
    assert "/opt/kiosklink/bin/kiosklink serve" in text
    unit.write_text(text.replace("/opt/kiosklink/bin/kiosklink", str(KIOSKLINK)))
    assert _verify(unit) == []


def test_the_server_unit_is_sandboxed() -> None:
    lines = {line.strip() for line in UNIT.read_text().splitlines() if not line.startswith("#")}
    for setting in (
        "User=kiosklink",
        "StateDirectory=kiosklink",
        "StateDirectoryMode=0700",
        "WorkingDirectory=/var/lib/kiosklink",
        "EnvironmentFile=-/etc/kiosklink/secrets.env",
        "ProtectSystem=strict",
        "ProtectHome=yes",
        "NoNewPrivileges=yes",
        "PrivateTmp=yes",
        "CapabilityBoundingSet=",
        "Restart=on-failure",
    ):
        assert setting in lines, setting


@needs_systemd
def test_the_coturn_drop_in_verifies(tmp_path: Path) -> None:
    # Verified on top of a stand-in for Debian's coturn.service, in a directory of its own.
    unit = tmp_path / "coturn.service"
    unit.write_text(
        "[Unit]\nDescription=coTURN\n[Service]\nUser=turnserver\nType=notify\n"
        f"ExecStart={TURNSERVER} -c /etc/turnserver.conf --pidfile=\n"
    )
    (tmp_path / "coturn.service.d").mkdir()
    shutil.copy(COTURN_DROP_IN, tmp_path / "coturn.service.d" / COTURN_DROP_IN.name)
    assert _verify(unit) == []
