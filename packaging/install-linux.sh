#!/bin/sh
# Installs peerjournal for this user: the app in ~/.local/lib/peerjournal, a launcher in
# ~/.local/bin, and a menu entry with its icon. Run it from the unpacked tarball.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
lib="$HOME/.local/lib/peerjournal"
rm -rf "$lib"
mkdir -p "$lib" "$HOME/.local/bin" "$HOME/.local/share/applications" \
    "$HOME/.local/share/icons/hicolor/scalable/apps"
cp -r "$here/peerjournal/." "$lib/"
ln -sf "$lib/peerjournal" "$HOME/.local/bin/peerjournal"
sed "s|^Exec=.*|Exec=$lib/peerjournal|" "$here/peerjournal.desktop" \
    > "$HOME/.local/share/applications/peerjournal.desktop"
cp "$here/icons/peerjournal.svg" "$HOME/.local/share/icons/hicolor/scalable/apps/peerjournal.svg"
echo "peerjournal is installed. Open it from your applications menu, or run: peerjournal"
