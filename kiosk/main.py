"""``kiosklink kiosk [--server URL] [--token TOKEN] [--config FILE]``: run the kiosk app."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from pathlib import Path

from signaling.errors import ConfigError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosklink kiosk", description=__doc__)
    parser.add_argument("--server", help="signaling URL, e.g. wss://kiosk.example.se/ws/kiosk")
    parser.add_argument("--token", help="this kiosk's token (kiosklink admin add-kiosk)")
    parser.add_argument("--config", type=Path, help="TOML settings file ([kiosk] table)")
    parser.add_argument("--windowed", action="store_true", help="a window, not full screen")
    parser.add_argument(
        "--hash-pin", action="store_true", help="read a service PIN on stdin, print its hash"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from kiosk.config import hash_pin, load_settings

    try:
        if args.hash_pin:
            pin = getpass.getpass("PIN: ") if sys.stdin.isatty() else sys.stdin.readline()
            print(hash_pin(pin.strip()))
            return 0
        overrides: dict[str, object] = {"server_url": args.server, "token": args.token}
        if args.windowed:
            overrides.update(fullscreen=False, kiosk_mode=False)
        settings = load_settings(args.config, env=os.environ, overrides=overrides)
    except ConfigError as exc:
        print(f"kiosklink kiosk: {exc}", file=sys.stderr)
        return 2
    if not settings.token:
        print(
            "kiosklink kiosk: no token (--token, KIOSKLINK_KIOSK_TOKEN or the file)",
            file=sys.stderr,
        )
        return 2
    logging.basicConfig(
        level=logging.INFO,
        filename=settings.log_file or None,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    from PySide6.QtWidgets import QApplication

    from kiosk.app import KioskApp

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return KioskApp(settings, app=app).run()


if __name__ == "__main__":
    raise SystemExit(main())
