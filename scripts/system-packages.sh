#!/usr/bin/env bash
# Debian packages the tests and the publishing need: a PostgreSQL server, headless Chromium
# for the dashboard tests, and fonts that typeset Arabic in PDF bulletins.
# Installs only what is missing; needs root (or sudo) the first time.
set -euo pipefail
want=(postgresql chromium fonts-noto-core fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 poppler-utils)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}"
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq || echo "apt-get update failed; trying the install with the cached lists"
$sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" \
  || echo "WARNING: could not install ${missing[*]}; tests that need them will skip with a reason"
