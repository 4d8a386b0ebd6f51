#!/usr/bin/env bash
# Idempotent set-up on Debian: system packages WeasyPrint needs for Chinese, then .venv with checker installed.
# Fast when already set up (checks first, installs only what is missing).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in fonts-noto-cjk libharfbuzz-subset0 poppler-utils libpango-1.0-0 libpangoft2-1.0-0 chromium chromium-driver ${EXTRA_DEB_PACKAGES:-}; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fc-cache -f >/dev/null 2>&1 || true
fi

PY=${PYTHON:-python3}
stamp=.venv/.checker-setup
want=$(cat pyproject.toml | sha256sum | cut -c1-16)
if [ ! -x .venv/bin/checker ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: creating .venv and installing checker" >&2
  [ -x .venv/bin/python ] || "$PY" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q -e '.[test]' 2>&1 | grep -v -E "^(WARNING|  )" || true
  .venv/bin/checker --version >/dev/null
  echo "$want" > "$stamp"
fi
