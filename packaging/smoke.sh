#!/usr/bin/env bash
# Smoke test of a built bundle: every command family and the window run from DIST_DIR alone,
# on a copy of the sample newsroom folder the bundle carries, in a temporary catalog.
# Usage: packaging/smoke.sh DIST_DIR        (e.g. dist/photodesk; `make package` builds it)
set -euo pipefail

dist=$(cd "${1:?usage: packaging/smoke.sh DIST_DIR}" && pwd)
exe="$dist/photodesk"
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
errors="$work/stderr.log"
watcher=""
finish() {
  rc=$?
  [ -n "$watcher" ] && kill "$watcher" 2>/dev/null || true
  if [ "$rc" != 0 ]; then
    echo "smoke: FAILED (exit $rc); stderr of the bundle:" >&2
    cat "$errors" >&2 || true
  fi
  rm -rf "$work"
}
trap finish EXIT

# The bundle must stand alone: no venv, no repository on its path, its own user folders.
cd "$work"
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
export QT_QPA_PLATFORM=offscreen

fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
step() { echo "smoke: $*"; }
# pd CATALOG ARGS…: run the bundle, stdout to $work/out (and the terminal), stderr to the log.
pd() { local cat=$1; shift; "$exe" --catalog "$cat" "$@" 2>>"$errors" | tee "$work/out"; }
expect() { grep -qF -- "$1" "$work/out" || fail "expected '$1' in the output above"; }
expect_re() { grep -qE -- "$1" "$work/out" || fail "expected /$1/ in the output above"; }
no_strays() {  # reader processes must end with the command that started them
  sleep 0.5
  if pgrep -f -- "$exe" >/dev/null; then
    pgrep -af -- "$exe" >&2
    fail "bundle processes left running after $1"
  fi
}
images() { find "$1" -maxdepth 1 -type f \( -iname '*.jpg' -o -iname '*.jpeg' \) | wc -l; }

step "bundle contents"
res="$dist/_internal/resources"
ls "$res"/i18n/photodesk_vi.qm "$res"/i18n/photodesk_en.qm "$res"/i18n/qtbase_vi.qm \
  "$res"/sample/*.txt >/dev/null \
  || fail "translations or the sample folder are missing from the bundle"
cp -r "$res/sample" "$work/sample"
n=$(images "$work/sample")

step "--version"
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/photodesk/__init__.py")
pd "$work/c.sqlite" --version
expect "photodesk, version $version"

step "--help lists the commands; each is run below"
pd "$work/c.sqlite" --help
listed=$(sed -n '/^Commands:/,$p' "$work/out" | awk 'NR > 1 && NF {print $1}' | sort | tr '\n' ' ')
covered="archive article cache catalog codes duplicates edit export folders gui history index search show similar stats watch write "
[ "$listed" = "$covered" ] \
  || fail "commands listed ($listed) differ from those this smoke test runs ($covered)"

step "index the sample folder ($n photos, read in this process)"
pd "$work/c.sqlite" index "$work/sample"
expect "$n new"

step "index 14 photos (enough to start reader processes)"
mkdir "$work/many"
for i in 1 2; do
  for f in "$work"/sample/*.[jJ]*; do
    copy="$work/many/$i-$(basename "$f")"
    # A few bytes after the end of the image make each copy a distinct photo (its own hash).
    cp "$f" "$copy" && printf 'copy %s' "$i" >>"$copy"
  done
done
pd "$work/c.sqlite" index --workers 2 "$work/many"
expect "$((2 * n)) new"
no_strays "index"

step "search: Vietnamese written without diacritics"
pd "$work/c.sqlite" search hoang minh duc
expect "DSC_0447.jpeg"
expect "Hoàng Minh Đức"

step "show, stats"
pd "$work/c.sqlite" show "$work/sample/DSC_0447.jpeg"
expect "status: present"
pd "$work/c.sqlite" stats
expect_re "present: +$((3 * n))\$"

step "history: each photo's version and its editors' changes"
pd "$work/c.sqlite" history "$work/sample/DSC_0447.jpeg"
expect "(version "

step "archive: psycopg and its libpq are in the bundle (a server that is not there is named)"
if "$exe" archive init "postgresql://smoke:secret@127.0.0.1:9/archive" >"$work/out" 2>&1; then
  fail "archive init succeeded on a port where no server listens"
fi
expect "cannot reach the archive at postgresql://smoke:***@127.0.0.1:9/archive"
grep -q "secret\|Traceback" "$work/out" && fail "the password or a traceback was shown"

step "similar, duplicates: the copies made above look like the sample's photos"
pd "$work/c.sqlite" similar "$work/sample/DSC_0447.jpeg"
expect "$work/many/1-DSC_0447.jpeg"
pd "$work/c.sqlite" duplicates --similar
expect "group $n: near-identical photos"

step "cache info, clear, rebuild, prune"
pd "$work/c.sqlite" cache info
pd "$work/c.sqlite" cache clear
pd "$work/c.sqlite" cache rebuild --quiet
pd "$work/c.sqlite" cache prune
pd "$work/c.sqlite" cache info

step "catalog check, backup, backups, restore"
pd "$work/c.sqlite" catalog check
expect "ok: the catalog is sound"
pd "$work/c.sqlite" catalog backup
expect "backed up to"
pd "$work/c.sqlite" catalog backups
expect "manual"
pd "$work/c.sqlite" catalog restore --yes
expect "restored"
pd "$work/c.sqlite" stats
expect_re "present: +$((3 * n))\$"

step "article import, list, show"
pd "$work/c.sqlite" article import "$work"/sample/*.txt
pd "$work/c.sqlite" article list
expect "Khai mạc Hội chợ Nông sản an toàn tỉnh Hòa Sơn năm 2025"
article=$(awk 'NR == 1 {print $1}' "$work/out")
pd "$work/c.sqlite" article show "$article"
expect "DSC_0452.jpg"

step "codes import, list, export"
printf 'hs\tHòa Sơn\n' >"$work/codes.txt"
pd "$work/c.sqlite" codes import "$work/codes.txt"
pd "$work/c.sqlite" codes list
expect "Hòa Sơn"
pd "$work/c.sqlite" codes export "$work/codes-out.txt"
grep -qF "Hòa Sơn" "$work/codes-out.txt" || fail "codes export wrote no code"

step "edit, write into the file (exiv2), read back by a new index"
photo="$work/sample/DSC_0452.jpg"
pd "$work/c.sqlite" edit "$photo" --caption 'Cắt băng khai mạc \hs\, bản kiểm thử đóng gói'
pd "$work/c.sqlite" write "$photo"
expect "1 written"
pd "$work/readback.sqlite" index "$photo"
pd "$work/readback.sqlite" search kiem thu dong goi
expect "Cắt băng khai mạc Hòa Sơn, bản kiểm thử đóng gói"

step "export --format csv"
pd "$work/c.sqlite" export --query "hoi cho" --format csv -o "$work/export"
grep -qF "Hoàng Minh Đức" "$work/export/"*.csv || fail "the CSV export lacks the sample's captions"

step "watch: a photo copied in is indexed; SIGTERM stops it"
mkdir "$work/incoming"
"$exe" --catalog "$work/c.sqlite" watch --settle 0.5 "$work/incoming" >"$work/watch.out" 2>>"$errors" &
watcher=$!
for _ in $(seq 100); do grep -q "ready" "$work/watch.out" && break; sleep 0.2; done
cp "$work/sample/DSC_0412.jpg" "$work/incoming/arrived.jpg"
for _ in $(seq 100); do grep -q "arrived.jpg" "$work/watch.out" && break; sleep 0.2; done
kill -TERM "$watcher"
rc=0
wait "$watcher" || rc=$?
[ "$rc" = 0 ] || fail "watch exited $rc on SIGTERM"
watcher=""
cat "$work/watch.out"
grep -q "new .*arrived.jpg" "$work/watch.out" || fail "watch did not index the photo copied in"
no_strays "watch"

step "folders list, remove (the files stay on disk)"
pd "$work/c.sqlite" folders list
expect "$work/many"
pd "$work/c.sqlite" folders remove --yes "$work/many"
expect "$((2 * n)) photos"
[ "$(images "$work/many")" = "$((2 * n))" ] || fail "folders remove touched the files"
pd "$work/c.sqlite" stats
expect_re "present: +$((n + 1))\$"

step "gui, offscreen, on a new catalog (indexes the sample with reader processes)"
cp -r "$res/sample" "$work/gui-sample"
rc=0
PHOTODESK_LANG=vi "$exe" --catalog "$work/gui.sqlite" gui --quit-after 4 "$work/gui-sample" \
  2>"$work/gui.err" || rc=$?
cat "$work/gui.err" >>"$errors"
[ "$rc" = 0 ] || fail "gui exited $rc"
! grep -q "Traceback" "$work/gui.err" || { cat "$work/gui.err" >&2; fail "gui printed a traceback"; }
no_strays "gui"
pd "$work/gui.sqlite" stats
expect_re "present: +$n\$"

! grep -q "Traceback" "$errors" || fail "a command printed a traceback"
step "all passed; bundle size: $(du -sh "$dist" | cut -f1)"
