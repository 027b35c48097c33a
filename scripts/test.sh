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
if [ $# -eq 0 ]; then
  # The kiosk's layout matrix in a process of its own: after the rest of the Qt tests (app
  # windows, translators and fonts installed on the one QApplication) each of its 227 cases ran
  # 7-20x slower than on a fresh one (50 s alone, over 15 min in the whole run).
  echo "== pytest (kiosk layouts)"; $V/pytest -q -p no:cacheprovider tests/kiosk/test_layout.py
  echo "== pytest";              $V/pytest -q -p no:cacheprovider --ignore=tests/kiosk/test_layout.py
else
  echo "== pytest";              $V/pytest -q -p no:cacheprovider "$@"
fi
