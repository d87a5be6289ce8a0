#!/usr/bin/env bash
# Run all checks: set up .venv (without building the site), then ruff, mypy and pytest.
# Stops at the first failing step with a non-zero exit code.
# Extra arguments are passed to pytest, e.g.:  bash scripts/test.sh -k workflows -x
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

bash scripts/setup.sh --no-build

# --- Chromium for the browser tests (tests/browser, pytest marker "browser") ---
# They drive Debian's /usr/bin/chromium (or the binary named by CHROMIUM) through Playwright;
# Playwright never downloads a browser. Missing chromium is installed with apt when we are
# root; otherwise the browser tests are skipped with a message, except in CI (CI=true),
# where a missing browser is an error rather than a silent skip.
chromium="${CHROMIUM:-/usr/bin/chromium}"
pytest_marker=()
if [ ! -x "$chromium" ] && [ "$chromium" = /usr/bin/chromium ] &&
    [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> installing Debian's chromium for the browser tests (apt-get)"
    start=$SECONDS
    export DEBIAN_FRONTEND=noninteractive
    if apt-get update -q && apt-get install -y -q --no-install-recommends chromium; then
        echo "==> installed chromium in $((SECONDS - start)) s"
    else
        echo "test.sh: warning: apt-get could not install chromium" >&2
    fi
fi
if [ -x "$chromium" ]; then
    echo "==> browser tests use $chromium ($("$chromium" --version 2>/dev/null || echo 'version unknown'))"
elif [ "${CI:-}" = true ]; then
    echo "test.sh: error: no Chromium at $chromium for the browser tests (tests/browser)." >&2
    echo "  Run as root so that test.sh can apt-get install chromium, install it first" >&2
    echo "  (apt-get install chromium), or set CHROMIUM to a Chromium binary." >&2
    exit 1
else
    echo "test.sh: warning: no Chromium at $chromium: SKIPPING the browser tests (tests/browser)." >&2
    echo "  Install it (as root: apt-get install chromium), or set CHROMIUM to a Chromium binary." >&2
    pytest_marker=(-m "not browser")
fi

echo "==> ruff check ."
.venv/bin/ruff check .

echo "==> mypy"
.venv/bin/mypy

echo "==> pytest"
rc=0
# An -m given to test.sh comes later and wins over the one set above.
.venv/bin/python -m pytest ${pytest_marker[@]+"${pytest_marker[@]}"} "$@" || rc=$?
if [ "$rc" -eq 5 ]; then
    echo "test.sh: error: no tests ran (pytest exit code 5)" >&2
    exit 1
fi
exit "$rc"
