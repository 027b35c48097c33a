"""``kiosklink console [--server URL] [--config FILE] [--language sv|en]``: start the console."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from signaling.errors import ConfigError


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="kiosklink console", description="The Kiosklink adviser console."
    )
    parser.add_argument("--server", help="server address, e.g. https://kiosklink.example.se")
    parser.add_argument("--config", type=Path, help="TOML file with a [console] section")
    parser.add_argument("--language", choices=("sv", "en"), help="language of the console")
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # Imported here so ``--help`` and config errors need no Qt.
    from agent_console.config import load_config

    try:
        config = load_config(args.config, os.environ, server=args.server)
    except ConfigError as exc:
        print(f"kiosklink console: {exc}", file=sys.stderr)
        return 2
    if args.language:
        from dataclasses import replace

        config = replace(config, ui_language=args.language)
    from agent_console.app import run

    return run(config)


if __name__ == "__main__":
    raise SystemExit(main())
