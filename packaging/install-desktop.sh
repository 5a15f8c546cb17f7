#!/usr/bin/env bash
# Installs PhotoDesk's desktop entry, icons and AppStream metainfo into the user's XDG data folder,
# so the desktop's menu, launcher and software tools show it; --uninstall removes exactly those files.
# The entry starts the bundle (dist/photodesk/photodesk) when one was built, else .venv/bin/photodesk;
# PHOTODESK_EXEC=/path/to/photodesk chooses another.
# Usage: packaging/install-desktop.sh [--uninstall]
set -euo pipefail

APP_ID=org.photodesk.PhotoDesk
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
resources=$root/resources
data=${XDG_DATA_HOME:-$HOME/.local/share}
case $data in /*) ;; *) data=$HOME/.local/share ;; esac  # the spec ignores a relative XDG_DATA_HOME

usage() {
  echo "usage: $0 [--uninstall]" >&2
  exit 2
}

# Every file this script puts in place, as "source<TAB>destination"; install and uninstall share it.
manifest() {
  printf '%s\t%s\n' "$resources/$APP_ID.desktop" "$data/applications/$APP_ID.desktop"
  printf '%s\t%s\n' "$resources/$APP_ID.metainfo.xml" "$data/metainfo/$APP_ID.metainfo.xml"
  printf '%s\t%s\n' "$resources/icons/$APP_ID.svg" "$data/icons/hicolor/scalable/apps/$APP_ID.svg"
  local png size
  for png in "$resources"/icons/hicolor/*/apps/"$APP_ID".png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    printf '%s\t%s\n' "$png" "$data/icons/hicolor/$size/apps/$APP_ID.png"
  done
}

# The photodesk the entry starts, as an absolute path.
executable() {
  local candidates=("$root/dist/photodesk/photodesk" "$root/.venv/bin/photodesk") candidate
  [ -z "${PHOTODESK_EXEC:-}" ] || candidates=("$PHOTODESK_EXEC")
  for candidate in "${candidates[@]}"; do
    if [ -f "$candidate" ] && [ -x "$candidate" ]; then
      (cd "$(dirname "$candidate")" && printf '%s/%s\n' "$(pwd)" "$(basename "$candidate")")
      return 0
    fi
  done
  if [ -n "${PHOTODESK_EXEC:-}" ]; then
    echo "PHOTODESK_EXEC is not an executable file: $PHOTODESK_EXEC" >&2
  else
    echo "No photodesk to start: build the bundle (make package) or the venv (make venv) first," >&2
    echo "or set PHOTODESK_EXEC to a photodesk executable." >&2
  fi
  return 1
}

# A value of type string in a desktop entry: a backslash is written as two.
string_value() {
  local s=$1
  printf '%s' "${s//'\'/'\\'}"
}

# One argument of an Exec line (desktop entry spec, "The Exec key"): plain when it has only safe
# characters, else in double quotes with " ` $ \ escaped; % doubled; then escaped as a string value.
exec_argument() {
  local s=$1
  if [[ ! $s =~ ^[A-Za-z0-9/._+,=@:-]+$ ]]; then
    s=${s//'\'/'\\'}
    s=${s//'"'/'\"'}
    s=${s//'`'/'\`'}
    s=${s//'$'/'\$'}
    s="\"$s\""
  fi
  s=${s//'%'/'%%'}
  string_value "$s"
}

# The repository's entry with Exec (and a TryExec, so the entry hides when the program is gone)
# pointing at the absolute path.
desktop_entry() {
  local source=$1 program=$2 line
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in
      Exec=photodesk*)
        printf 'TryExec=%s\n' "$(string_value "$program")"
        printf 'Exec=%s%s\n' "$(exec_argument "$program")" "${line#Exec=photodesk}"
        ;;
      *) printf '%s\n' "$line" ;;
    esac
  done <"$source"
}

# Menus and icon themes read caches; refresh them where the tools exist, quietly.
refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data/applications" ]; then
    update-desktop-database -q "$data/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$data/icons/hicolor" ]; then
    gtk-update-icon-cache -q -f -t "$data/icons/hicolor" 2>/dev/null || true
  fi
}

install_files() {
  local program source dest
  program=$(executable)
  if [[ $program == *$'\n'* ]]; then
    echo "The path of photodesk contains a line break, which a desktop entry cannot hold: $program" >&2
    return 1
  fi
  if [[ $program == *%* ]]; then
    # Written as the spec says (%%), but GLib looks for the program before undoing %%.
    echo "warning: the path of photodesk contains %; GNOME and other GLib desktops may hide the entry." >&2
  fi
  while IFS=$'\t' read -r source dest; do
    mkdir -p "$(dirname "$dest")"
    if [[ $source == *.desktop ]]; then
      desktop_entry "$source" "$program" >"$dest.tmp"
      chmod 644 "$dest.tmp"
      mv -f "$dest.tmp" "$dest"
    else
      install -m 644 "$source" "$dest"
    fi
    echo "installed $dest"
  done < <(manifest)
  refresh_caches
  echo "The menu entry PhotoDesk starts: $program"
}

uninstall_files() {
  local source dest
  while IFS=$'\t' read -r source dest; do
    if [ -e "$dest" ] || [ -L "$dest" ]; then
      rm -f "$dest"
      echo "removed $dest"
    fi
  done < <(manifest)
  refresh_caches
}

case ${1:-} in
  "") [ $# -le 1 ] || usage; install_files ;;
  --uninstall) [ $# -eq 1 ] || usage; uninstall_files ;;
  -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) usage ;;
esac
