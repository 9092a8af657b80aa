#!/usr/bin/env bash
# Tile benchmark (BENCHMARKS.md): builds the test classes and runs id.cakupan.bench.TileBenchmark,
# a national-size boundary set (~83,800 polygons made of shifted copies of the real DKI polygons in
# ../shared/geodata) with synthetic coverage; prints atlas build time, heap and tile latency p50/p99
# at zooms 4 to 14 for tiles requested for the first time, and whether issue 10's targets are met.
#   bench/tiles.sh
#   BENCH_HEAP=16g bench/tiles.sh
set -euo pipefail
cd "$(dirname "$0")/.."

command -v mvn >/dev/null || { echo "bench/tiles.sh: needs Maven (apt-get install maven)" >&2; exit 1; }
[ -f ../shared/geodata/dki-jakarta-kelurahan-bps2020.geojson ] || {
  echo "bench/tiles.sh: needs ../shared/geodata/dki-jakarta-kelurahan-bps2020.geojson beside the checkout" >&2; exit 1; }

# Maven's output goes to stderr, so that stdout is the benchmark's report alone.
mvn -q -B test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt >&2
exec java "-Xmx${BENCH_HEAP:-10g}" ${BENCH_JAVA_OPTS:-} \
  -Dcakupan.sharedGeodata=../shared/geodata \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  id.cakupan.bench.TileBenchmark "$@"
