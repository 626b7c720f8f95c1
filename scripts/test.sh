#!/usr/bin/env bash
# `npm test`: every test, unit and end to end. End-to-end tests need a Docker engine with Compose: on a Debian
# machine as root one is set up when none answers (scripts/ensure-docker.sh); without one they are skipped
# locally and fail in CI (CI=true).
set -uo pipefail
cd "$(dirname "$0")/.."
# Node 24 from node_modules (the `node` package), as under `npm test`, even when this script is run directly.
export PATH="$PWD/node_modules/.bin:$PATH"

# The end-to-end tests run the bundle as the runner would, so it must be built from the current source.
npm run -s build || exit 1

if bash scripts/ensure-docker.sh; then
  bash scripts/build-base-image.sh >/dev/null || exit 1
  if [ -f scripts/build-etcd-image.sh ]; then bash scripts/build-etcd-image.sh >/dev/null || exit 1; fi
  bash scripts/build-redis-image.sh >/dev/null || exit 1
else
  echo "[test] no Docker engine answers: end-to-end tests will be skipped (they fail when CI is set)." >&2
fi

# The Redis example's adapter imports ioredis from its own folder (.ci/run installs it; so does a first npm test).
if [ ! -d examples/redis/node_modules/ioredis ]; then npm ci --prefix examples/redis --no-audit --no-fund >/dev/null || exit 1; fi

# The history page is tested in a real headless browser.
if browser=$(bash scripts/ensure-browser.sh); then export REPLICHECK_CHROMIUM="${REPLICHECK_CHROMIUM:-$browser}"; fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
# Unit test files are independent of each other and run side by side. Each end-to-end file publishes its clusters
# on ports of its own and names its compose projects uniquely, so a few of them run side by side as well (each
# file's tests stay in order); REPLICHECK_E2E_CONCURRENCY=1 runs them one at a time.
node --import tsx --test --test-concurrency=8 --test-reporter=spec "$@" 'test/unit/**/*.test.ts' | tee "$out/unit" || status=1
node --import tsx --test --test-concurrency="${REPLICHECK_E2E_CONCURRENCY:-3}" --test-reporter=spec "$@" 'test/e2e/**/*.test.ts' | tee "$out/e2e" || status=1

count() { awk -v k="$1" '$1 == "ℹ" && $2 == k { n += $3 } END { print n + 0 }' "$out/unit" "$out/e2e"; }
echo "replicheck: $(count pass) passed, $(count fail) failed, $(count skipped) skipped"
exit "$status"
