#!/usr/bin/env bash
# `npm run bench`: every benchmark, printing figures. Needs Docker for the speed benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== linearizability checker"
node --import tsx bench/linearizability.ts
echo "== checking at scale: generated single-register histories (time and peak memory per history)"
node --import tsx bench/scale.ts
echo "== the history page: 100,000 operations, page size and time to the first picture"
node --import tsx bench/page.ts
if docker info >/dev/null 2>&1; then
  bash scripts/build-base-image.sh >/dev/null
  echo "== speed on the example cluster"
  node --import tsx bench/speed.ts
else
  echo "== speed: skipped (no Docker engine answers)"
fi
if docker info >/dev/null 2>&1; then
  echo "== fault latency: a kill through the Compose CLI and through the Docker engine API"
  node --import tsx bench/fault-latency.ts
fi
if docker info >/dev/null 2>&1; then
  echo "== the nemesis: how often each exposed variant is caught (and each control passes), ${NEMESIS_RUNS:-3} runs each"
  node --import tsx bench/nemesis.ts --runs "${NEMESIS_RUNS:-3}"
fi
if docker info >/dev/null 2>&1; then
  echo "== flake budget: the healthy example end to end, ${FLAKE_RUNS:-20} times in a row"
  node --import tsx bench/flake.ts
fi
