#!/usr/bin/env bash
# Refresh requirements.lock: the exact versions scripts/setup.sh installs and CI tests.
# Run after changing a dependency range in pyproject.toml, then run bash scripts/test.sh and commit
# both files together. Usage: bash scripts/lock.sh [extra uv pip compile args, e.g. --upgrade]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/setup.sh
UV_VERSION=0.13.9
.venv/bin/python -m pip install -q "uv==$UV_VERSION"
# Linux x86_64 and aarch64 on Python 3.11 are what kiosks, servers and CI run; --universal keeps
# markers for the other platforms so the lock still resolves there.
.venv/bin/uv pip compile pyproject.toml --extra apps --extra test \
  --universal --python-version 3.11 \
  --no-header --annotation-style line -o requirements.lock "$@"
echo "lock: requirements.lock written"
