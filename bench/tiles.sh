#!/usr/bin/env bash
# Tile benchmark (BENCHMARKS.md): builds the test classes and runs id.cakupan.bench.TileBenchmark,
# a national-size boundary set (~83,800 polygons made of shifted copies of the real DKI polygons in
# ../shared/geodata) with synthetic coverage; prints atlas build time, heap and tile latency p50/p99
# at zooms 4 to 14 for tiles requested for the first time, and whether issue 10's targets are met.
#   bench/tiles.sh
#   BENCH_HEAP=16g bench/tiles.sh
#   BENCH_JAVA_OPTS=-XX:+UseG1GC bench/tiles.sh   # the JVM's default collector, for comparison
# Runs on ZGC, the collector README recommends for a national region: G1's young pauses (25-40 ms
# with a 1 GB live heap on two cores) land on whichever tile is being cut.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_java_main 10g "-XX:+UseZGC" id.cakupan.bench.TileBenchmark "$@"
