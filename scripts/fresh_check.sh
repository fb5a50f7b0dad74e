#!/usr/bin/env bash
# The fresh-machine check: what `make test` does for someone who has just cloned the
# repository. A fresh clone of HEAD goes to a new temporary folder; this checkout is
# hidden behind an empty directory (a private mount namespace, where `unshare` is
# allowed; as root it is) so nothing can borrow from it: not its .venv, not its
# database, not files beside it such as ../shared. Then `make test` builds its own
# virtual environment from requirements.txt and runs the suite.
#
#   scripts/fresh_check.sh                          # SQLite
#   DATABASE_URL=postgres://… scripts/fresh_check.sh  # PostgreSQL
#   FRESH_DIR=/tmp/x KEEP=1 scripts/fresh_check.sh  # keep the clone afterwards
#
# Extra arguments go to `make test` (e.g. PYTEST_ARGS='-m "not backend_independent"').
set -euo pipefail
origin=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
work=${FRESH_DIR:-$(mktemp -d /tmp/journal-fresh.XXXXXX)}
clone="$work/journal"
rm -rf "$clone"
git clone --quiet --no-local --no-hardlinks "$origin" "$clone"
echo "fresh clone of $(git -C "$clone" rev-parse --short HEAD) in $clone"
cleanup() { [ -n "${KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT

run_make() { cd "$clone" && exec make test "$@"; }
if [ "$(id -u)" = 0 ] && unshare --mount --fork true 2>/dev/null; then
  echo "hiding $origin (and its parent's shared/) for the run"
  export -f run_make
  export clone
  hide="mount -t tmpfs none '$origin'"
  [ -d "$origin/../shared" ] && hide="$hide && mount -t tmpfs none '$origin/../shared'"
  unshare --mount --fork bash -c "$hide && run_make \"\$@\"" run_make "$@"
else
  echo "cannot hide $origin here (needs root and unshare); running from the clone only"
  run_make "$@"
fi
