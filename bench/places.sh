#!/usr/bin/env bash
# Picker bytes (BENCHMARKS.md, "Kecamatan pickers at national scale"): builds the test classes and
# runs id.cakupan.bench.PlacesBenchmark on the national set of bench/tiles.sh (~83,800 polygons);
# prints the bytes of every kecamatan's figures (what the pages fetched for names before) and of
# the /api/places lists a picker walks now. Sizes only, no timings.
#   bench/places.sh
#   bench/places.sh --polygons 20000
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_java_main 6g "" id.cakupan.bench.PlacesBenchmark "$@"
