#!/usr/bin/env bash
# Set up (if needed) and run every check CI runs: format, lint, types, import contracts, tests.
# Usage: bash scripts/test.sh [extra pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
V=.venv/bin
echo "== ruff format --check"; $V/ruff format --check .
echo "== ruff check";          $V/ruff check .
echo "== mypy --strict";       $V/mypy
echo "== lint-imports";        $V/lint-imports
# The real kiosk and console apps in real calls for two minutes on a virtual display; its logs,
# journals and screenshots stay in build/soak for a look afterwards.
[ -n "${SKIP_SOAK:-}" ] || { echo "== soak (2 min)"; $V/kiosklink soak --minutes 2 --out build/soak; }
echo "== pytest";              $V/pytest -q -p no:cacheprovider "$@"
