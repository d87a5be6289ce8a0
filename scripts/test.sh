#!/usr/bin/env bash
# Run all checks: set up .venv (without building the site), then ruff, mypy and pytest.
# Stops at the first failing step with a non-zero exit code.
# Extra arguments are passed to pytest, e.g.:  bash scripts/test.sh -k workflows -x
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

bash scripts/setup.sh --no-build

echo "==> ruff check ."
.venv/bin/ruff check .

echo "==> mypy"
.venv/bin/mypy

echo "==> pytest"
rc=0
.venv/bin/python -m pytest "$@" || rc=$?
if [ "$rc" -eq 5 ]; then
    echo "test.sh: error: no tests ran (pytest exit code 5)" >&2
    exit 1
fi
exit "$rc"
