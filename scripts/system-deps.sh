#!/usr/bin/env bash
# Install the Debian packages pyio's set-up needs, but only those missing:
# on a warm machine this is a few `command -v` checks and nothing else.
#   chromium + chromium-driver  headless browser for pytest-pyodide and screenshots
#   nodejs + npm                Pyodide's npm package and pytest-pyodide's node runtime
#   python3 + python3-venv      to create .venv
set -euo pipefail

missing=()
command -v chromium     >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v node         >/dev/null 2>&1 || missing+=(nodejs)
command -v npm          >/dev/null 2>&1 || missing+=(npm)
command -v python3      >/dev/null 2>&1 || missing+=(python3)
# venv needs ensurepip, which Debian ships separately in python3-venv.
if ! ls "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python >/dev/null 2>&1; then
    python3 -c 'import ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
fi

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "installing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
