#!/usr/bin/env bash
# Publish benchmark (BENCHMARKS.md, "Publishing a national import"): builds the test classes and
# runs id.cakupan.bench.PublishBenchmark: a throwaway PostGIS cluster with the national synthetic
# set (83,800 kelurahan x 24 months x 3 sectors), two service instances on it, and one-month
# national imports through instance A and through the CLI; prints the time from each import's
# commit until each instance serves the new month, against issue 10's targets (2 s, 1 s).
#   bench/publish.sh
#   bench/publish.sh --places 20000 --months 6 --rounds 3
#   BENCH_HEAP=12g bench/publish.sh
# Runs on ZGC, the collector README recommends for a national region (BENCH_JAVA_OPTS replaces it).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_need mvn
bench_need_geodata

bench_classpath test-compile
# A copy of the classes, so that a rebuild during the run does not change what is measured (the
# CLI import runs in a process of its own, on the same class path).
COPY=$(mktemp -d /tmp/cakupan-publish-classes.XXXXXX)
trap 'rm -rf "$COPY"' EXIT
cp -r target/classes "$COPY/classes"
cp -r target/test-classes "$COPY/test-classes"
java "-Xmx${BENCH_HEAP:-8g}" ${BENCH_JAVA_OPTS:--XX:+UseZGC} \
  -Dcakupan.sharedGeodata=../shared/geodata \
  -cp "$COPY/classes:$COPY/test-classes:$(cat target/bench-classpath.txt)" \
  id.cakupan.bench.PublishBenchmark "$@"
