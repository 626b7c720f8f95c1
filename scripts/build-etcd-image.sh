#!/usr/bin/env bash
# Build a local etcd image (default replicheck-etcd:local) from Debian's etcd packages, without any container
# registry and without installing anything on the host: the .deb files are fetched with `apt-get download` and
# unpacked with `dpkg -x` into a temporary folder, which becomes the image root through `docker import`.
#
# Usage: scripts/build-etcd-image.sh [IMAGE]        (or REPLICHECK_ETCD_IMAGE=IMAGE)
#   REPLICHECK_ETCD_REBUILD=1   build even when the image already carries the wanted version
#   REPLICHECK_ETCD_BIN=PATH    use this etcd binary instead of downloading the package (etcdctl is then
#                               taken from beside it when present)
#
# Idempotent: the package version is stored in the image label `replicheck.etcd.version`; when the image already
# has the version apt would fetch (or, if apt knows no version, any version), nothing is built.
set -euo pipefail

image=${1:-${REPLICHECK_ETCD_IMAGE:-replicheck-etcd:local}}
label=replicheck.etcd.version

log() { printf '[build-etcd-image] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

command -v docker >/dev/null 2>&1 || { log "docker CLI not found"; exit 1; }

# The version apt would fetch, from the local package lists only (fast; empty when apt has no lists yet).
candidate_version() {
  apt-cache show --no-all-versions etcd-server 2>/dev/null | awk '/^Version:/ {print $2; exit}' || true
}

# The version a given binary reports (used as the label when REPLICHECK_ETCD_BIN is set).
binary_version() {
  local v
  v=$("$1" --version 2>/dev/null | awk '/^etcd Version:/ {print $3; exit}')
  echo "${v:-unknown}"
}

# shellcheck source=scripts/image-root.sh
. "$(dirname "$0")/image-root.sh"
have=$(image_label "$image" "$label")
if [ -n "$have" ] && [ "${REPLICHECK_ETCD_REBUILD:-0}" != 1 ]; then
  if [ -n "${REPLICHECK_ETCD_BIN:-}" ]; then want=$(binary_version "$REPLICHECK_ETCD_BIN"); else want=$(candidate_version); fi
  if [ -z "$want" ] || [ "$want" = "$have" ]; then
    log "$image already has etcd $have; nothing to do"
    exit 0
  fi
fi

work_root
mkdir -p "$root/var/lib/etcd"
chmod 0700 "$root/var/lib/etcd"

if [ -n "${REPLICHECK_ETCD_BIN:-}" ]; then
  etcd_bin=$REPLICHECK_ETCD_BIN
  etcdctl_bin=$(dirname "$etcd_bin")/etcdctl
  [ -x "$etcdctl_bin" ] || etcdctl_bin=
  version=$(binary_version "$etcd_bin")
else
  want=$(candidate_version)
  if [ -z "$want" ]; then
    log "apt knows no etcd-server yet; running apt-get update"
    as_root apt-get update -qq
  fi
  log "downloading etcd-server and etcd-client with apt (the host is not changed)"
  # Download as root into our own folder (no _apt sandbox user: it could not write there).
  (cd "$work" && apt-get -o APT::Sandbox::User=root download etcd-server etcd-client >/dev/null 2>&1) ||
    (cd "$work" && as_root apt-get -o APT::Sandbox::User=root download etcd-server etcd-client >/dev/null)
  for deb in "$work"/etcd-server_*.deb "$work"/etcd-client_*.deb; do
    [ -f "$deb" ] && dpkg -x "$deb" "$work/x"
  done
  version=$(dpkg-deb -f "$work"/etcd-server_*.deb Version)
  etcd_bin="$work/x/usr/bin/etcd"
  etcdctl_bin="$work/x/usr/bin/etcdctl"
  [ -x "$etcdctl_bin" ] || etcdctl_bin=
fi
[ -x "$etcd_bin" ] || { log "no etcd binary at $etcd_bin"; exit 1; }

add_binary "$root" "$etcd_bin" etcd
[ -n "$etcdctl_bin" ] && add_binary "$root" "$etcdctl_bin" etcdctl

log "importing $image (etcd $version)"
import_root "$root" "$image" \
  --change 'ENTRYPOINT ["/usr/local/bin/etcd"]' \
  --change 'WORKDIR /var/lib/etcd' \
  --change 'EXPOSE 2379 2380' \
  --change "LABEL $label=$version"
log "built $image: $(docker run --rm "$image" --version | head -n 1)"
