"""The ``kiosklink`` command as an operator runs it: real processes, real files, real sockets."""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from signaling import messages as m
from tests.signaling.wire import WireClient

KIOSKLINK = str(Path(sys.executable).with_name("kiosklink"))


def run(args: list[str], cwd: Path, input: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSKLINK_")}
    return subprocess.run(
        [KIOSKLINK, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        input=input,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[int]:
    """``kiosklink serve`` with no config file at all, in an empty working directory."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSKLINK_")}
    proc = subprocess.Popen(
        [KIOSKLINK, "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    yield port
    proc.terminate()
    proc.wait(10)


async def test_serve_with_no_config_then_add_a_kiosk_that_connects(
    tmp_path: Path, served: int
) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"http://127.0.0.1:{served}/readyz") as resp,
    ):
        assert resp.status == 200
    assert (tmp_path / "kiosklink.sqlite3").exists(), (
        "the default database lives in the working dir"
    )

    added = await asyncio.to_thread(
        run, ["admin", "add-kiosk", "--name", "Rinkeby 1", "--site", "Rinkeby bibliotek"], tmp_path
    )
    assert added.returncode == 0, added.stderr
    token = added.stdout.strip().splitlines()[-1]
    assert " " not in token and len(token) >= 32

    kiosk = await WireClient.open(f"ws://127.0.0.1:{served}/ws/kiosk", "kiosk")
    await kiosk.send(m.Hello(protocol=1, token=token))
    welcome = await kiosk.expect(m.KioskWelcome)
    assert welcome.site == "Rinkeby bibliotek"
    await kiosk.close()


def test_add_adviser_then_sign_in(tmp_path: Path, served: int) -> None:
    added = run(
        [
            "admin",
            "add-adviser",
            "--username",
            "amal",
            "--name",
            "Amal Hassan",
            "--language",
            "ar=native",
            "--language",
            "sv=fluent",
            "--password-stdin",
        ],
        tmp_path,
        input="a long enough password\n",
    )
    assert added.returncode == 0, added.stderr
    listed = run(["admin", "list-advisers"], tmp_path)
    assert "amal" in listed.stdout and "ar" in listed.stdout

    async def login() -> int:
        body = {"username": "amal", "password": "a long enough password"}
        async with (
            aiohttp.ClientSession() as http,
            http.post(f"http://127.0.0.1:{served}/api/login", json=body) as resp,
        ):
            return resp.status

    assert asyncio.run(login()) == 200


def test_schema_command_prints_the_generated_schema(tmp_path: Path) -> None:
    result = run(["schema"], tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout) == m.json_schema()


def test_demo_runs_a_real_call_headless_and_exits_zero(tmp_path: Path) -> None:
    """The README's first command, minus the setup: must pass on a machine with no display."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [KIOSKLINK, "demo", "--seconds", "3"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    for step in (
        "joined",
        "offered",
        "media connected",
        "first frame",
        "quality",
        "hung up",
        "frames received",
        "call record",
        "done: the call worked end to end",
    ):
        assert step in out, f"demo did not print {step!r}"
    assert "0 out of order" in out


def test_demo_with_a_document_prints_the_same_sha256_on_both_ends(tmp_path: Path) -> None:
    result = subprocess.run(
        [KIOSKLINK, "demo", "--headless", "--document", "--seconds", "1"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    for page in (1, 2):
        sent = re.search(
            rf"kiosk +page {page}: \d+ bytes 2560x1920, sha256 (\w+), delivered in", out
        )
        got = re.search(rf"adviser +page {page}: \d+ bytes, sha256 (\w+), arrived", out)
        assert sent and got, out
        assert sent.group(1) == got.group(1)
    assert "both pages byte-identical" in out
    assert not list(tmp_path.iterdir()), "nothing of the document is written anywhere"
