#!/usr/bin/env bash
# Set up a fresh Debian machine for Kiosklink: system packages, a venv, the project and its tools.
# Idempotent: a second run only checks. Usage: bash scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # fonts for every shipped script: Arabic, Persian, Ethiopic (Tigrinya), Cyrillic, Latin
  fonts-noto-core fonts-noto-ui-core fontconfig
  # a virtual display for screenshots and the demo's windows; Qt's xcb platform needs these
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libegl1 libgl1
  libxkbcommon0 libdbus-1-3
  # audio devices through PortAudio (sounddevice)
  libportaudio2
  # the admin dashboard's browser tests
  chromium
  # TURN relay for deployment tests; promtool (in prometheus) checks the alert rules
  coturn prometheus
  # TLS termination in front of the server (deploy/nginx), tested by tests/deploy
  nginx-light
  # the production store; tests start their own server in a temporary folder (tests/store)
  postgresql
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  echo "setup: installing Debian packages: ${missing[*]}"
  # coturn, prometheus, nginx and postgresql are used as tools by the tests, never as system
  # services: keep their packages from starting daemons (policy-rc.d exit 101 = "do not start").
  policy=/usr/sbin/policy-rc.d
  placed_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null && $SUDO chmod +x "$policy"
    placed_policy=1
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ -z "$placed_policy" ] || $SUDO rm -f "$policy"
fi
# coturn's Debian package starts a system service; tests run their own relay on loopback.
# Likewise prometheus: only its promtool is used; and postgresql, whose binaries tests run.
if command -v systemctl >/dev/null 2>&1; then
  systemctl disable --now coturn prometheus nginx postgresql >/dev/null 2>&1 || true
fi

PYTHON=${PYTHON:-}
if [ -z "$PYTHON" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      PYTHON=$candidate; break
    fi
  done
fi
[ -n "$PYTHON" ] || { echo "setup: Python 3.11 or newer is needed" >&2; exit 1; }

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.kiosklink-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ requirements.lock -nt "$stamp" ]; then
  echo "setup: installing the locked Python packages (requirements.lock) into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  # Exactly the versions the tests passed with; refresh them with bash scripts/lock.sh.
  .venv/bin/python -m pip install -q -r requirements.lock
  .venv/bin/python -m pip install -q --no-deps -e .
  .venv/bin/python -m pip check
  touch "$stamp"
fi
echo "setup: ready (.venv/bin/kiosklink)"
