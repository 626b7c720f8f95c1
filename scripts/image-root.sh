# Sourced by the image scripts: builds a minimal image root from binaries of this machine, for machines that
# cannot pull images. No shell in the image; just the binaries, the libraries they load, a minimal /etc and /tmp.

# image_label IMAGE LABEL: the label's value on the image; empty when the image or the label is missing.
image_label() {
  local v
  v=$(docker image inspect --format "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null || true)
  [ "$v" = "<no value>" ] && v=
  printf '%s\n' "$v"
}

# work_root: a temporary folder as $work, removed when the script exits, and in it an empty root as $root. Not in
# a subshell: the trap and the variables are the calling script's.
work_root() {
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  chmod 755 "$work"
  root="$work/root"
  new_root "$root"
}

# new_root DIR: an empty root with /etc, /tmp (1777), /root and /usr/local/bin.
new_root() {
  mkdir -p "$1/usr/local/bin" "$1/etc" "$1/tmp" "$1/root"
  chmod 755 "$1" "$1/etc" "$1/usr" "$1/usr/local" "$1/usr/local/bin" "$1/root"
  chmod 1777 "$1/tmp"
  printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' >"$1/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$1/etc/group"
  printf 'hosts: files dns\n' >"$1/etc/nsswitch.conf"
}

_copy_into_root() {
  [ -e "$2" ] || return 0
  mkdir -p "$1$(dirname "$2")"
  cp -L "$2" "$1$2"
}

# add_binary ROOT BIN NAME: BIN as /usr/local/bin/NAME, with every library ldd resolves for it (at the host's
# paths, and the dynamic loader) and glibc's name-resolution modules where they are separate files (before 2.34).
# A static binary makes ldd fail: then there is nothing more to copy.
add_binary() {
  local root=$1 bin=$2 name=$3 libs lib libc_dir extra
  install -m 0755 "$bin" "$root/usr/local/bin/$name"
  libs=$(ldd "$bin" 2>/dev/null | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i }' | sort -u || true)
  for lib in $libs; do _copy_into_root "$root" "$lib"; done
  libc_dir=$(printf '%s\n' $libs | awk '/\/libc\.so/ {sub(/\/[^\/]*$/, ""); print; exit}')
  if [ -n "$libc_dir" ]; then
    for extra in libnss_files.so.2 libnss_dns.so.2 libresolv.so.2; do _copy_into_root "$root" "$libc_dir/$extra"; done
  fi
}

# import_root ROOT IMAGE [docker import --change ...]: the root as an image owned by root.
import_root() {
  local root=$1 image=$2
  shift 2
  tar -C "$root" --numeric-owner --owner=0 --group=0 -c . | docker import "$@" - "$image" >/dev/null
}
