#!/usr/bin/env bash
# Make a real Docker engine with Compose v1 and v2 available on a Debian 12 machine that reaches only Debian's
# package archive (no container registry). Safe to run again: every step checks before it acts.
set -euo pipefail

log() { printf '[setup-docker] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# 1. Engine and Compose v1 from the machine's own archive.
if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker-compose >/dev/null 2>&1; then
  log "installing docker.io and docker-compose (v1) from Debian"
  apt_install docker.io docker-compose iproute2
fi

# 1b. What the network and clock faults use on the host: nsenter (util-linux), iptables, tc (iproute2), and
# libfaketime, whose library the clock fault mounts into containers.
if ! command -v iptables >/dev/null 2>&1 || ! command -v nsenter >/dev/null 2>&1 || ! ls /usr/lib/*/faketime/libfaketimeMT.so.1 >/dev/null 2>&1; then
  log "installing iptables, iproute2, util-linux and libfaketime from Debian"
  apt_install iptables iproute2 util-linux libfaketime
fi

# 2. Compose v2 is not in bookworm; trixie's docker-compose package carries it as one static binary. Fetch it
#    with apt from the same mirror the machine already uses (read at run time, never written into the repo).
plugin_dir=/usr/local/lib/docker/cli-plugins
if ! docker compose version >/dev/null 2>&1; then
  log "installing Compose v2 plugin from the next Debian release"
  src=/etc/apt/sources.list.d/debian.sources
  uri=$(awk '/^URIs:/ {print $2; exit}' "$src")
  keyring=$(awk '/^Signed-By:/ {print $2; exit}' "$src")
  work=$(mktemp -d)
  chmod 755 "$work"
  mkdir -p "$work/lists/partial" "$work/archives/partial"
  printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: %s\n' "$uri" "$keyring" >"$work/trixie.sources"
  apt_opts=(-o "Dir::Etc::sourcelist=$work/trixie.sources" -o "Dir::Etc::sourceparts=-"
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::archives=$work/archives" -o "APT::Get::List-Cleanup=0")
  as_root apt-get "${apt_opts[@]}" update -qq
  (cd "$work" && as_root apt-get "${apt_opts[@]}" download docker-compose >/dev/null)
  dpkg -x "$work"/docker-compose_*.deb "$work/x"
  as_root mkdir -p "$plugin_dir"
  as_root install -m 0755 "$work/x/usr/libexec/docker/cli-plugins/docker-compose" "$plugin_dir/docker-compose"
  rm -rf "$work"
fi

# 3. Start the engine when it is not answering, and wait for it (bounded).
if ! docker info >/dev/null 2>&1; then
  log "starting dockerd"
  as_root setsid dockerd >/var/log/dockerd.log 2>&1 </dev/null &
  for _ in $(seq 1 120); do
    docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
  docker info >/dev/null 2>&1 || { log "dockerd did not answer within 60 s"; tail -n 50 /var/log/dockerd.log; exit 1; }
fi

log "engine $(docker version --format '{{.Server.Version}}'), $(docker compose version --short 2>/dev/null | sed 's/^/compose v2 /'), $(docker-compose version --short 2>/dev/null | sed 's/^/compose v1 /')"
