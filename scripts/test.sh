#!/usr/bin/env bash
# `npm test`: every test, unit and end to end. End-to-end tests need a Docker engine with Compose: on a Debian
# machine as root one is set up when none answers (scripts/ensure-docker.sh); without one they are skipped
# locally and fail in CI (CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."
# Node 24 from node_modules (the `node` package), as under `npm test`, even when this script is run directly.
export PATH="$PWD/node_modules/.bin:$PATH"

# The end-to-end tests run the bundle as the runner would, so it must be built from the current source.
npm run -s build

if bash scripts/ensure-docker.sh; then
  bash scripts/build-base-image.sh >/dev/null
  if [ -f scripts/build-etcd-image.sh ]; then bash scripts/build-etcd-image.sh >/dev/null; fi
else
  echo "[test] no Docker engine answers: end-to-end tests will be skipped (they fail when CI is set)." >&2
fi

# One file at a time: the end-to-end files share the example cluster's ports.
exec node --import tsx --test --test-concurrency=1 --test-reporter=spec "$@" 'test/unit/**/*.test.ts' 'test/e2e/**/*.test.ts'
