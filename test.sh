#!/usr/bin/env bash
# Runs every test. Installs what the tests need from Debian first when it is missing:
# PostGIS (throwaway clusters), GDAL's ogrinfo (a real OGC API client) and Chromium (browser tests).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v mvn >/dev/null || missing+=(maven)
command -v npm >/dev/null || missing+=(npm)
command -v ogrinfo >/dev/null || missing+=(gdal-bin)
[ -f /usr/share/postgresql/15/extension/postgis.control ] || missing+=(postgresql-15-postgis-3)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The national map's vector-tile renderer comes from npm (package.json, package-lock.json).
[ -f node_modules/protomaps-leaflet/dist/protomaps-leaflet.js ] || npm ci --no-audit --no-fund --ignore-scripts

exec mvn -B verify "$@"
