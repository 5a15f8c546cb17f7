#!/usr/bin/env bash
# Makes sure Qt's X11/xcb runtime libraries are on this machine (PySide6's wheels do not carry
# them). Installs them with apt-get when run as root on Debian/Ubuntu; otherwise says how.
# Usage: packaging/qt-runtime.sh [VENV]      (exit 0 when the libraries are present or installed)
set -u
venv=${1:-.venv}
packages="libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-shm0 libxcb-sync1
  libxcb-xfixes0 libxcb-util1 fonts-dejavu-core"
plugin=$(ls "$venv"/lib/python3*/site-packages/PySide6/Qt/lib/libQt6XcbQpa.so.6 2>/dev/null | head -n1)
missing() {
  [ -n "$plugin" ] && ldd "$plugin" 2>/dev/null | grep -q "not found"
}
if [ -n "$plugin" ] && ! missing && fc-list 2>/dev/null | grep -q .; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Qt's runtime libraries with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends $packages >/dev/null
  exit $?
fi
if missing; then
  echo "Qt needs system libraries that are missing here. Install them with:" >&2
  echo "  sudo apt-get install $(echo $packages)" >&2
  exit 1
fi
