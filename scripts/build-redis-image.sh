#!/usr/bin/env bash
# Build a local Redis image (default replicheck-redis:local) from Debian's redis packages, without any container
# registry and without installing anything on the host: the .deb files are fetched with `apt-get download` and
# unpacked with `dpkg -x` into a temporary folder, which becomes the image root through `docker import`.
#
# Usage: scripts/build-redis-image.sh [IMAGE]        (or REPLICHECK_REDIS_IMAGE=IMAGE)
#   REPLICHECK_REDIS_REBUILD=1   build even when the image already carries the wanted version
#
# Debian 12's redis-server is Redis 7.0. The binary lives in redis-tools (redis-server is a link to it) and loads
# libjemalloc and liblzf, which a host rarely has: those packages are fetched and unpacked too, and their libraries
# go to the image's /usr/lib/x86_64-linux-gnu (or the host's multiarch folder), where the loader looks anyway.
# Idempotent: the package version is stored in the image label `replicheck.redis.version`; when the image already
# has the version apt would fetch (or, if apt knows no version, any version), nothing is built.
set -euo pipefail

image=${1:-${REPLICHECK_REDIS_IMAGE:-replicheck-redis:local}}
label=replicheck.redis.version
# Libraries redis-server links that are not part of a minimal Debian host.
extra_packages="libjemalloc2 liblzf1"

log() { printf '[build-redis-image] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

command -v docker >/dev/null 2>&1 || { log "docker CLI not found"; exit 1; }

candidate_version() {
  apt-cache show --no-all-versions redis-tools 2>/dev/null | awk '/^Version:/ {print $2; exit}' || true
}

# shellcheck source=scripts/image-root.sh
. "$(dirname "$0")/image-root.sh"
have=$(image_label "$image" "$label")
if [ -n "$have" ] && [ "${REPLICHECK_REDIS_REBUILD:-0}" != 1 ]; then
  want=$(candidate_version)
  if [ -z "$want" ] || [ "$want" = "$have" ]; then
    log "$image already has redis $have; nothing to do"
    exit 0
  fi
fi

work_root
mkdir -p "$root/data"

if [ -z "$(candidate_version)" ]; then
  log "apt knows no redis-tools yet; running apt-get update"
  as_root apt-get update -qq
fi
log "downloading redis-server, redis-tools and their libraries with apt (the host is not changed)"
# shellcheck disable=SC2086 # the package list is meant to split
(cd "$work" && apt-get -o APT::Sandbox::User=root download redis-tools $extra_packages >/dev/null 2>&1) ||
  (cd "$work" && as_root apt-get -o APT::Sandbox::User=root download redis-tools $extra_packages >/dev/null)
for deb in "$work"/*.deb; do dpkg -x "$deb" "$work/x"; done
version=$(dpkg-deb -f "$work"/redis-tools_*.deb Version)
bin="$work/x/usr/bin/redis-check-rdb"
[ -x "$bin" ] || { log "no redis binary in the package (looked for $bin)"; exit 1; }

# The unpacked libraries first, so ldd resolves them; each goes to the same folder inside the image as on a
# Debian system, every other library from the host's own path.
multiarch=$(ls -d "$work"/x/usr/lib/*-linux-gnu 2>/dev/null | head -n 1)
add_redis_binary() {
  local src=$1 name=$2 lib missing
  install -m 0755 "$src" "$root/usr/local/bin/$name"
  missing=$(LD_LIBRARY_PATH=$multiarch ldd "$src" | awk '/not found/ {print $1}')
  [ -z "$missing" ] || { log "$name needs libraries no package here gives: $missing"; exit 1; }
  for lib in $(LD_LIBRARY_PATH=$multiarch ldd "$src" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i }' | sort -u); do
    case "$lib" in
      "$work"/x/*) mkdir -p "$root$(dirname "${lib#"$work"/x}")" && cp -L "$lib" "$root${lib#"$work"/x}" ;;
      *) mkdir -p "$root$(dirname "$lib")" && cp -L "$lib" "$root$lib" ;;
    esac
  done
}
add_redis_binary "$bin" redis-server
add_redis_binary "$work/x/usr/bin/redis-cli" redis-cli
# glibc's name-resolution modules (separate files before 2.34): replicas find the primary by its service name.
libc_dir=$(ldd "$bin" | awk '/\/libc\.so/ {for (i = 1; i <= NF; i++) if ($i ~ /^\//) {sub(/\/[^\/]*$/, "", $i); print $i; exit}}')
for extra in libnss_files.so.2 libnss_dns.so.2 libresolv.so.2; do
  [ -e "$libc_dir/$extra" ] && mkdir -p "$root$libc_dir" && cp -L "$libc_dir/$extra" "$root$libc_dir/$extra"
done

log "importing $image (redis $version)"
import_root "$root" "$image" \
  --change 'ENTRYPOINT ["/usr/local/bin/redis-server"]' \
  --change 'WORKDIR /data' \
  --change 'EXPOSE 6379' \
  --change "LABEL $label=$version"
log "built $image: $(docker run --rm "$image" --version | head -n 1)"
