#!/bin/sh
# Installs whatever Debian packages on the command line are missing (Qt's system
# libraries, and python3-venv when the interpreter cannot make a virtual environment).
# Does nothing on systems without dpkg/apt, and only hints when not root.
set -eu

command -v dpkg-query >/dev/null 2>&1 || exit 0

missing=""
for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
        # Skip names this release does not have (e.g. renamed libraries).
        if apt-cache show "$pkg" >/dev/null 2>&1; then
            missing="$missing $pkg"
        fi
    fi
done

if ! command -v python3 >/dev/null 2>&1; then
    missing="$missing python3"
fi
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    missing="$missing python3-venv python3-pip"
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" != "0" ]; then
    echo "peerjournal needs these system packages:$missing" >&2
    echo "Install them with: sudo apt-get install$missing" >&2
    exit 0
fi

echo "Installing system packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
