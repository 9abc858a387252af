#!/usr/bin/env bash
# Debian packages veracity needs beside its Python ones. Quiet when they are already there.
set -euo pipefail
need=()
# chromium: the browser test (tests/api/test_browser.py) drives it through Playwright.
for pkg in wordnet-base postgresql chromium; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
  echo "veracity: please install Debian packages: ${need[*]}" >&2; exit 1
fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "installing Debian packages: ${need[*]}"
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
