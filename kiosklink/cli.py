"""``kiosklink``: one command, one subcommand per job.

    kiosklink serve [--host H] [--port P] [--config FILE]   run the signaling server
    kiosklink admin add-kiosk --name N --site S             manage kiosks, advisers, records
    kiosklink kiosk [--server URL] [--token T] [--config F] the touchscreen app
    kiosklink console [--server URL] [--config FILE]        the adviser console
    kiosklink demo [--headless] [--document] [--interpreter]  a real call on this machine
    kiosklink soak [--minutes N] [--screen WxH] [--out D]   the real apps in real calls, for minutes
    kiosklink schema                                        the protocol's JSON Schema
    kiosklink screenshots kiosk|console|dashboard [--out D]  PNGs of every screen

Settings are loaded once here and passed down; nothing reads the environment at import time.
Apps are imported lazily so the server runs on a machine without Qt.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

# ``kiosklink screenshots TARGET``: each app's own screenshot command, imported when asked for.
SCREENSHOTS = {
    "kiosk": "kiosk.screenshots",
    "console": "agent_console.screenshots",
    "dashboard": "signaling.admin.screenshots",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosklink", description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the signaling server")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--config", type=Path)

    admin = sub.add_parser("admin", help="kiosks, advisers and call records")
    admin.add_argument("--config", type=Path)
    from signaling.admin_cli import add_admin_commands

    add_admin_commands(admin.add_subparsers(dest="admin_command", required=True))

    for name, help_text in (("kiosk", "the touchscreen app"), ("console", "the adviser console")):
        app = sub.add_parser(name, help=help_text, add_help=False)
        app.add_argument("app_args", nargs=argparse.REMAINDER)

    demo = sub.add_parser("demo", help="a real call between a kiosk and an adviser on this machine")
    demo.add_argument("--headless", action="store_true", help="no windows even with a display")
    demo.add_argument("--seconds", type=float, default=6.0, help="how long the call lasts")
    demo.add_argument(
        "--document",
        action="store_true",
        help="the kiosk shows the adviser two pages (headless); prints delivery times and sha256",
    )
    demo.add_argument(
        "--interpreter",
        action="store_true",
        help="a three-way call: the adviser invites an interpreter (headless); frames per link",
    )

    sub.add_parser("schema", help="print the protocol's JSON Schema")
    sub.add_parser("soak", help="the real kiosk and console apps in real calls for minutes")

    shots = sub.add_parser("screenshots", help="save PNGs of every screen", add_help=False)
    shots.add_argument("target", choices=sorted(SCREENSHOTS))
    shots.add_argument("shot_args", nargs=argparse.REMAINDER)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["kiosk"] or argv[:1] == ["console"]:
        # The apps parse their own options (argparse's REMAINDER cannot start with "--x").
        return _run_app(argv[0], argv[1:])
    if argv[:1] == ["soak"]:
        from kiosklink.soak import main as soak_main

        _quiet_logging(verbose=False)
        return soak_main(argv[1:])
    args = build_parser().parse_args(argv)
    _quiet_logging(verbose=args.verbose)
    match args.command:
        case "serve":
            return _serve(args)
        case "admin":
            from signaling.admin_cli import run_admin
            from signaling.config import load_settings

            return run_admin(args, load_settings(args.config))
        case "kiosk" | "console":
            return _run_app(args.command, args.app_args)
        case "demo":
            from kiosklink.demo import run_demo

            return run_demo(
                headless=args.headless,
                call_seconds=args.seconds,
                document=args.document,
                interpreter=args.interpreter,
            )
        case "screenshots":
            module = importlib.import_module(SCREENSHOTS[args.target])
            return int(module.main(args.shot_args))
        case "schema":
            from signaling.messages import json_schema

            print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
            return 0
    return 2


def _quiet_logging(*, verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # aioice logs every candidate pair at INFO: noise for operators, kept for --verbose.
    logging.getLogger("aioice").setLevel(logging.DEBUG if verbose else logging.WARNING)


def _run_app(name: str, app_args: list[str]) -> int:
    if name == "kiosk":
        from kiosk.main import main as kiosk_main

        return kiosk_main(app_args)
    from agent_console.main import main as console_main

    return console_main(app_args)


def _serve(args: argparse.Namespace) -> int:
    from aiohttp import web

    from signaling.config import load_settings
    from signaling.server import create_app
    from signaling.tls import server_ssl_context

    settings = load_settings(args.config)
    host = args.host or settings.server.host
    port = args.port or settings.server.port
    web.run_app(
        create_app(settings),
        host=host,
        port=port,
        ssl_context=server_ssl_context(settings),
        access_log=None,  # access logs would hold kiosk IPs per request; health is in /metrics
        # Open WebSockets are closed with 1001 on shutdown (signaling.server._going_away); a
        # handler still running after that is cancelled: SIGTERM to exit well within 2 s.
        shutdown_timeout=1.0,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
