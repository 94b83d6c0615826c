#!/bin/sh
# Wraps the one-folder build in a tarball with a .desktop file, icons and an installer
# script that puts everything under ~/.local (no root needed).
set -eu
cd "$(dirname "$0")/.."
version=$(dist/peerjournal/peerjournal --version | awk '{print $2}')
stage="dist/peerjournal-$version-linux-x86_64"
rm -rf "$stage"
mkdir -p "$stage"
cp -r dist/peerjournal "$stage/peerjournal"
cp resources/peerjournal.desktop "$stage/"
cp -r resources/icons "$stage/icons"
cp packaging/install-linux.sh "$stage/install.sh"
chmod +x "$stage/install.sh"
tar -C dist -czf "$stage.tar.gz" "$(basename "$stage")"
echo "Built $stage.tar.gz"
