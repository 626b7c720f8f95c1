#!/usr/bin/env bash
# Prints the path of a headless-capable Chromium. When there is none and this is a Debian machine where we are root,
# installs Debian's chromium first (the history page is tested in a real browser); REPLICHECK_NO_BROWSER_SETUP=1
# turns that off. Exits 1, saying how to get one, when none can be had.
set -uo pipefail
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then command -v "$b"; exit 0; fi
done
if [ -z "${REPLICHECK_NO_BROWSER_SETUP:-}" ] && [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
  echo "[ensure-browser] installing Debian's chromium for the history page tests" >&2
  (apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null)) >&2
  command -v chromium && exit 0
fi
echo "No Chromium: apt-get install chromium (Debian), or set REPLICHECK_CHROMIUM to a Chrome or Chromium binary." >&2
exit 1
