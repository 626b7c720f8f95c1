#!/usr/bin/env bash
# Builds a minimal Node.js base image from the Node binary on this machine, for machines that cannot pull images.
#
#   scripts/build-base-image.sh [IMAGE]        IMAGE defaults to $REPLICHECK_NODE_BASE or replicheck-node-base:local
#   NODE_BIN=/path/to/node scripts/build-base-image.sh
#
# The image holds /usr/local/bin/node, the shared libraries `ldd` lists for it, a minimal /etc (passwd, group,
# nsswitch.conf) and /tmp (mode 1777). It has no shell. It is made with `docker import` and labelled with the Node
# version; when an image of that name already carries the same version (and architecture) nothing is rebuilt
# (REPLICHECK_FORCE_REBUILD=1 forces it). The image name is printed on stdout; progress goes to stderr.
# Use it with the example cluster: KV_BASE_IMAGE=replicheck-node-base:local docker compose -f examples/kv/docker-compose.yml up -d --build
set -euo pipefail

log() { printf '[build-base-image] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

image=${1:-${REPLICHECK_NODE_BASE:-replicheck-node-base:local}}
node_bin=${NODE_BIN:-$(command -v node || true)}
[ -n "$node_bin" ] || die "no node on PATH; set NODE_BIN"
node_bin=$(readlink -f "$node_bin")
[ -x "$node_bin" ] || die "$node_bin is not executable"
command -v docker >/dev/null 2>&1 || die "docker is not installed"

version=$("$node_bin" --version)
arch=$(uname -m)
stamp="$version $arch"

if [ "${REPLICHECK_FORCE_REBUILD:-0}" != 1 ]; then
  have=$(docker image inspect --format '{{ index .Config.Labels "replicheck.node.version" }} {{ index .Config.Labels "replicheck.node.arch" }}' "$image" 2>/dev/null || true)
  if [ "$have" = "$stamp" ]; then
    log "$image already has node $version ($arch)"
    printf '%s\n' "$image"
    exit 0
  fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/root"
mkdir -p "$root/usr/local/bin" "$root/etc" "$root/tmp" "$root/root"
chmod 1777 "$root/tmp"
chmod 755 "$root" "$root/etc" "$root/usr" "$root/usr/local" "$root/usr/local/bin" "$root/root"
cp "$node_bin" "$root/usr/local/bin/node"
chmod 755 "$root/usr/local/bin/node"

copy_lib() {
  local lib=$1
  [ -e "$lib" ] || return 0
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
}

# Every library ldd resolves (`name => /path (addr)`), and the dynamic loader (`/lib64/ld-... (addr)`).
# A static binary makes ldd fail: then there is nothing to copy.
libs=$(ldd "$node_bin" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' || true)
for lib in $libs; do copy_lib "$lib"; done
# Name resolution modules: built into glibc since 2.34, separate files before that. Copy them when they exist.
libc_dir=$(printf '%s\n' $libs | awk '/\/libc\.so/ {sub(/\/[^\/]*$/, ""); print; exit}')
if [ -n "$libc_dir" ]; then
  for extra in libnss_files.so.2 libnss_dns.so.2 libresolv.so.2; do copy_lib "$libc_dir/$extra"; done
fi

printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"

log "importing node $version ($arch) from $node_bin as $image"
tar -C "$root" --numeric-owner --owner=0 --group=0 -c . |
  docker import \
    --change "LABEL replicheck.node.version=$version" \
    --change "LABEL replicheck.node.arch=$arch" \
    --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
    --change 'CMD ["node"]' \
    - "$image" >/dev/null
docker run --rm "$image" node -e 'process.exit(0)' || die "the new image cannot run node"
log "built $image"
printf '%s\n' "$image"
