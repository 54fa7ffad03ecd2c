#!/usr/bin/env bash
# Installs the Debian packages the dashboard needs beyond Python, if missing:
# chromium (the country brief draws its charts and prints its PDF with it) and the
# packages named as arguments (the tests add poppler-utils, to read the PDF back, and
# nginx-light, to check the shared server's proxy). No package may start a service:
# nginx runs only when the tests or an administrator start it, never on port 80 by itself.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
for package in "$@"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod +x $policy"
    trap 'as_root rm -f '"$policy" EXIT
  fi
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
