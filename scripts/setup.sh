#!/usr/bin/env bash
# Set up everything needed to build and test the site, then build it into site/.
#
#   bash scripts/setup.sh             # create/refresh .venv and build the site
#   bash scripts/setup.sh --no-build  # only create/refresh .venv
#   bash scripts/setup.sh --build-only  # only what building the site needs
#                                       # (requirements-build.lock: no test tools, no Playwright)
#
# Idempotent: the virtualenv in .venv is reused while requirements.lock and
# pyproject.toml are unchanged (see the stamp file .venv/.lock-sha256), and is
# recreated when it is broken. Works from any directory.
# Environment: PYTHON selects the interpreter (default: python3, must be >= 3.11).
set -euo pipefail

usage() {
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
}

build=1
lock=requirements.lock
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        --build-only) lock=requirements-build.lock ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            echo "setup.sh: unknown argument: $arg" >&2
            usage >&2
            exit 2
            ;;
    esac
done

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

log() { printf '==> %s\n' "$*"; }
die() {
    printf 'setup.sh: error: %s\n' "$*" >&2
    exit 1
}

export PIP_DISABLE_PIP_VERSION_CHECK=1
export PIP_NO_INPUT=1
export DEBIAN_FRONTEND=noninteractive

python="${PYTHON:-python3}"
command -v "$python" >/dev/null 2>&1 || die "'$python' not found; install Python 3.11 or newer (e.g. apt-get install python3)."
"$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' ||
    die "Python 3.11 or newer is required; '$python' is $("$python" -V 2>&1)."

venv_dir="$repo_root/.venv"
venv_python="$venv_dir/bin/python"
stamp="$venv_dir/.lock-sha256"

# --- 1. make sure 'python3 -m venv' works (Debian ships venv/ensurepip separately) ---
venv_available() {
    "$python" -c 'import venv, ensurepip' >/dev/null 2>&1
}
if ! venv_available; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "python3 -m venv is unavailable; installing python3-venv with apt-get"
        apt-get update
        pyver="$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
        # python3-venv is for the distribution's default python3; the versioned
        # package covers the interpreter actually in use if it differs.
        apt-get install -y --no-install-recommends python3-venv ||
            apt-get install -y --no-install-recommends "python${pyver}-venv"
        venv_available || apt-get install -y --no-install-recommends "python${pyver}-venv"
        venv_available || die "python3 -m venv still does not work after installing python3-venv."
    else
        die "'$python -m venv' is unavailable (module venv/ensurepip missing).
Install it first, e.g. as root: apt-get update && apt-get install -y python3-venv
(then run this script again)."
    fi
fi

# --- 2. create .venv if missing, recreate it if broken ---
venv_healthy() {
    [ -x "$venv_python" ] &&
        "$venv_python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1 &&
        "$venv_python" -m pip --version >/dev/null 2>&1 &&
        # a venv moved from another path has stale script shebangs
        "$venv_python" -c 'import os, sys; sys.exit(os.path.realpath(sys.prefix) != os.path.realpath(sys.argv[1]))' "$venv_dir" >/dev/null 2>&1
}
if [ -d "$venv_dir" ] && ! venv_healthy; then
    log "$venv_dir is broken; recreating it"
    rm -rf "$venv_dir"
fi
if [ ! -d "$venv_dir" ]; then
    log "creating virtualenv in $venv_dir"
    "$python" -m venv "$venv_dir"
    venv_healthy || die "the new virtualenv in $venv_dir does not work."
fi

# --- 3. install the locked requirements and this package, unless already done ---
wanted_stamp="$(
    "$venv_python" - "$lock" <<'EOF'
import hashlib
import sys

h = hashlib.sha256()
for name in (sys.argv[1], "pyproject.toml"):
    with open(name, "rb") as f:
        h.update(name.encode() + b"\0" + f.read() + b"\0")
h.update(sys.prefix.encode() + b"\0" + sys.version.encode())
print(h.hexdigest())
EOF
)"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted_stamp" ] &&
    "$venv_python" -c 'import generator' >/dev/null 2>&1; then
    log "dependencies up to date ($lock unchanged)"
else
    rm -f "$stamp"
    log "installing $lock into .venv"
    start=$SECONDS
    "$venv_python" -m pip install --require-hashes --progress-bar off -q -r "$lock"
    log "installed $lock in $((SECONDS - start)) s"

    log "installing this project in editable mode"
    if ! "$venv_python" -m pip install -q --no-deps --no-build-isolation -e .; then
        log "editable install without build isolation failed; retrying with build isolation"
        "$venv_python" -m pip install -q --no-deps -e .
    fi
    printf '%s\n' "$wanted_stamp" >"$stamp"
fi

# --- 4. build the site ---
if [ "$build" -eq 1 ]; then
    log "building the site into site/"
    "$venv_python" -m generator build
    log "done: the site is in $repo_root/site"
else
    log "done (--no-build: site not built)"
fi
