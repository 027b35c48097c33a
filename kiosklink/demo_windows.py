"""The demo with a display: a local server, the kiosk window and the adviser console window.

Each app runs as its own process, exactly as on a real kiosk and a real adviser's desk, and both
talk to one server on 127.0.0.1 with a fresh SQLite file. The person at the screen plays both
roles: sign in on the console (the demo prints the credentials), go available, then tap the big
button on the kiosk. Closing either window (or Ctrl+C) ends the demo.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kiosklink.demo import DEMO_PASSWORD, demo_settings
from signaling.embedded import EmbeddedServer


def run_windowed_demo() -> int:
    with tempfile.TemporaryDirectory(prefix="kiosklink-demo-") as workdir:
        server = EmbeddedServer(demo_settings(Path(workdir))).start()
        try:
            token = server.add_kiosk("Demo kiosk", "Demo library")
            server.add_adviser(
                "amal", DEMO_PASSWORD, {"ar": "native", "sv": "fluent"}, display_name="Amal Demo"
            )
            return _run_apps(server, token)
        finally:
            server.stop()


def _run_apps(server: EmbeddedServer, token: str) -> int:
    exe = str(Path(sys.executable).with_name("kiosklink"))
    env = dict(os.environ)
    kiosk = subprocess.Popen(
        [exe, "kiosk", "--server", server.kiosk_url, "--token", token, "--windowed"], env=env
    )
    console = subprocess.Popen([exe, "console", "--server", server.http_url], env=env)
    print(
        f"demo: server on {server.http_url}\n"
        f"demo: in the console, sign in as 'amal', password '{DEMO_PASSWORD}', go available;\n"
        "demo: on the kiosk, choose Arabic or Svenska and call. Close a window to end the demo.",
        flush=True,
    )
    try:
        while kiosk.poll() is None and console.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for proc in (kiosk, console):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
    return 0
