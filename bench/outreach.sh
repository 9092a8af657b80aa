#!/usr/bin/env bash
# Outreach write benchmark (BENCHMARKS.md): builds the test classes and runs
# id.cakupan.bench.OutreachWriteBenchmark on a national-size boundary set (~83,800 copies of the real
# DKI polygons in ../shared/geodata) with synthetic coverage; prints what one target write makes the
# read side build again (entries and bytes of the response cache kept, time and CPU to serve a working
# set of figures, tiles, progress and ranking again), with every entry dropped as before and with
# entries keyed by what they read.
#   bench/outreach.sh
#   bench/outreach.sh --tiles 300 --months 24
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_java_main 6g "-XX:+UseZGC" id.cakupan.bench.OutreachWriteBenchmark "$@"
