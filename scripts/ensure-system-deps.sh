#!/usr/bin/env bash
# Runs before `npm test` (and from .ci/run): the browser tests drive Debian's Chromium (never a
# downloaded browser) and the HTML checker (vnu-jar) needs Java. Installs whichever is missing with
# apt-get when running as root; otherwise says what to install and stops.
need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
[ "${#need[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${need[*]} (apt-get)…" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2 || exit 1
else
  echo "npm test needs the Debian packages: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
