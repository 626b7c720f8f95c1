#!/usr/bin/env bash
# Succeeds when a Docker engine answers. When none does and this is a Debian machine where we are root, it sets
# one up with scripts/setup-docker.sh first (so the demo and the tests work from a fresh clone on the project's
# machines); REPLICHECK_NO_DOCKER_SETUP=1 turns that off. Elsewhere it only says how to get one.
set -uo pipefail
here=$(dirname "$0")

docker info >/dev/null 2>&1 && exit 0

if [ -z "${REPLICHECK_NO_DOCKER_SETUP:-}" ] && [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
  echo "[ensure-docker] no Docker engine answers; setting one up with scripts/setup-docker.sh" >&2
  bash "$here/setup-docker.sh" >&2 && docker info >/dev/null 2>&1 && exit 0
fi

echo "No Docker engine with Compose answers." >&2
echo "  Debian 12, as root: bash scripts/setup-docker.sh   (installs and starts one)" >&2
echo "  elsewhere: start Docker Desktop, or 'sudo systemctl start docker'" >&2
exit 1
