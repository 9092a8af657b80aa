#!/usr/bin/env bash
# Builds the jar if needed and serves cakupan on its embedded default (http://localhost:7070).
# Extra arguments go to `serve`, e.g. ./run.sh --region dki-jakarta
set -euo pipefail
cd "$(dirname "$0")"
# The national map's vector-tile renderer comes from npm (package.json, package-lock.json).
[ -f node_modules/protomaps-leaflet/dist/protomaps-leaflet.js ] || npm ci --no-audit --no-fund --ignore-scripts
if [ ! -f target/cakupan.jar ] || [ -n "$(find pom.xml src web geodata -newer target/cakupan.jar -print -quit)" ]; then
  mvn -q -B -DskipTests package
fi
exec java -jar target/cakupan.jar serve "$@"
