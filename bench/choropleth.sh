#!/usr/bin/env bash
# National map benchmark (BENCHMARKS.md, "The national map page"): builds the test classes and runs
# id.cakupan.bench.ChoroplethBenchmark on the national set of bench/tiles.sh (~83,800 polygons);
# prints the first-request time of what the national map page asks for at its first view and at
# zooms 6, 8, 10 and 12: vector tiles + figures without geometry (now) and GeoJSON simplified for
# the zoom (the page before, same code); `--before false` skips the old requests (minutes of CPU).
#   bench/choropleth.sh
#   BENCH_HEAP=12g bench/choropleth.sh --before false
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_java_main 8g "" id.cakupan.bench.ChoroplethBenchmark "$@"
