#!/usr/bin/env bash
# `npm run demo`: Replicheck's command line against the bundled example cluster (examples/kv), first healthy
# (it must pass), then a faulty variant (it must fail), and both verdicts at the end. Exit 0 when the demo went
# as expected (pass, then fail), 1 when it did not, 2 when it could not run (no Docker, no CLI).
#
#   DEMO_FAULTY_MODE   the faulty variant (a KV_MODE of examples/kv; default skip-peer)
#   KV_PORT_0/2/4      host ports of the three nodes (default 8080, 8082, 8084)
#   KV_BASE_IMAGE      base image of the example's Dockerfile (default: node:24-alpine when present locally,
#                      else on Linux an offline image built from this machine's Node by scripts/build-base-image.sh)
#   REPLICHECK_CLI_ENTRY  the CLI to run (default dist/cli/index.js, else the sources through tsx)
set -uo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
[ -n "${NO_COLOR:-}" ] || [ ! -t 1 ] && say() { printf '\n== %s\n' "$*"; }

if ! bash scripts/ensure-docker.sh; then
  echo "The demo needs a running Docker engine with Compose." >&2
  exit 2
fi

entry=${REPLICHECK_CLI_ENTRY:-dist/cli/index.js}
if [ -f "$entry" ]; then
  cli=(node "$entry")
elif [ -z "${REPLICHECK_CLI_ENTRY:-}" ] && [ -d node_modules/tsx ]; then
  cli=(node --import tsx src/cli/index.ts)
else
  echo "No CLI at $entry: run 'npm ci' (and 'npm run build' after changing src/)." >&2
  exit 2
fi

# The example builds FROM node:24-alpine. Without that image here, build an equivalent from this machine's Node
# (no registry needed; about a second) rather than depend on a pull.
if [ -z "${KV_BASE_IMAGE:-}" ] && ! docker image inspect node:24-alpine >/dev/null 2>&1 && [ "$(uname -s)" = Linux ]; then
  say "Building the offline Node base image (scripts/build-base-image.sh)"
  KV_BASE_IMAGE=$(bash scripts/build-base-image.sh) || { echo "Could not build the base image." >&2; exit 2; }
fi
[ -n "${KV_BASE_IMAGE:-}" ] && export KV_BASE_IMAGE

p0=${KV_PORT_0:-8080} p2=${KV_PORT_2:-8082} p4=${KV_PORT_4:-8084}
export KV_PORT_0=$p0 KV_PORT_2=$p2 KV_PORT_4=$p4
servers="http://localhost:$p0,http://localhost:$p2,http://localhost:$p4"
faulty=${DEMO_FAULTY_MODE:-skip-peer}
reports=$(mktemp -d "${TMPDIR:-/tmp}/replicheck-demo.XXXXXX")

# The CLI tears its cluster down on Ctrl-C; the demo then stops instead of starting the next run.
interrupted=0
trap 'interrupted=1' INT

# run LABEL MODE [extra flags...]: one Replicheck run; prints nothing of its own after the CLI's output.
run() {
  local label=$1 mode=$2
  shift 2
  say "Replicheck against the $label cluster (KV_MODE=$mode)"
  echo "\$ replicheck run --working-directory examples/kv --servers $servers $*"
  KV_MODE=$mode "${cli[@]}" run --no-config --working-directory examples/kv --servers "$servers" \
    --project-name "replicheck-demo-$label-$$" --startup-timeout 120 --report-file "$reports/$label.json" "$@"
}

# verdict FILE: the report's verdict line and the titles of the failed checks.
verdict() {
  [ -f "$1" ] || { echo "no report"; return; }
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const failed = r.checks.filter((c) => c.status === "failed");
    console.log(`${r.verdict}: ${r.checks.length} checks, ${failed.length} failed${r.errors.length ? `, ${r.errors.map((e) => e.message).join("; ")}` : ""}`);
    for (const c of failed.slice(0, 5)) console.log(`      ✗ ${c.title.replace(/[\u0000-\u001f]/g, "")}`);
  ' "$1"
}

run healthy healthy --restart-target kv_4
healthy=$?
[ "$interrupted" = 1 ] && { echo "Interrupted." >&2; exit 130; }
run faulty "$faulty" --restart-target kv_4 --convergence-timeout 3 --log-lines 5
faulty_code=$?
[ "$interrupted" = 1 ] && { echo "Interrupted." >&2; exit 130; }

say "Both verdicts"
printf '  healthy (KV_MODE=healthy), exit %s: %s\n' "$healthy" "$(verdict "$reports/healthy.json")"
printf '  faulty  (KV_MODE=%s), exit %s: %s\n' "$faulty" "$faulty_code" "$(verdict "$reports/faulty.json")"
echo "  JSON reports: $reports/healthy.json, $reports/faulty.json"

if [ "$healthy" = 0 ] && [ "$faulty_code" = 1 ]; then
  echo "As expected: the healthy cluster passed and Replicheck caught the faulty one (exit codes 0 and 1)."
  exit 0
fi
echo "Not as expected: the healthy run should exit 0 (it exited $healthy) and the faulty one 1 (it exited $faulty_code)." >&2
exit 1
