#!/usr/bin/env bash
# Regenerate both locks from requirements.in (everything, for development and CI) and
# requirements-build.in (building the site only, for the Pages deployment), with hashes.
# The build lock is constrained by the full lock, so both pin the same versions.
# Runs pip-tools in a throwaway virtualenv made with Debian 12's /usr/bin/python3 (3.11.2),
# the oldest Python the site must build on, so that no pin needs a newer 3.11.x.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
tools="${PIPTOOLS_VENV:-/tmp/piptools}"
if [ ! -x "$tools/bin/pip-compile" ]; then
    /usr/bin/python3 -m venv "$tools"
    "$tools/bin/pip" install -q pip-tools
fi
compile=("$tools/bin/pip-compile" -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url)
"${compile[@]}" --output-file=requirements.lock requirements.in
constraints="$(mktemp --suffix=.in)"
trap 'rm -f "$constraints"' EXIT
printf -- '-r %s\n-c %s\n' "$repo_root/requirements-build.in" "$repo_root/requirements.lock" >"$constraints"
"${compile[@]}" --output-file=requirements-build.lock "$constraints"
# pip-compile writes the temporary file's name into the header: name the real input; and
# the checkout's absolute path into the comments: drop it, so that the lock is the same in
# every worktree.
sed -i -e "s|$constraints|requirements-build.in|g" -e "s|$repo_root/||g" requirements-build.lock
echo "locked: requirements.lock, requirements-build.lock"
