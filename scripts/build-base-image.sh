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

# shellcheck source=scripts/image-root.sh
. "$(dirname "$0")/image-root.sh"
work_root
add_binary "$root" "$node_bin" node

log "importing node $version ($arch) from $node_bin as $image"
import_root "$root" "$image" \
  --change "LABEL replicheck.node.version=$version" \
  --change "LABEL replicheck.node.arch=$arch" \
  --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
  --change 'CMD ["node"]'
docker run --rm "$image" node -e 'process.exit(0)' || die "the new image cannot run node"
log "built $image"
printf '%s\n' "$image"
