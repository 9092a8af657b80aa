#!/usr/bin/env bash
# Start-up benchmark (BENCHMARKS.md, "Start-up on the national PostGIS store"): builds the service
# jar and runs id.cakupan.bench.StartupBenchmark: a throwaway PostGIS cluster with the national
# synthetic set (83,800 kelurahan x 24 months x 3 sectors) stored as an import stores it, then
# `java -jar target/cakupan.jar serve --db ...` launched --runs times, each timed until /api/health
# answers, against issue 10's target (15 s); then one start without stored outlines, side by side.
#   bench/startup.sh
#   bench/startup.sh --runs 5 --java-opts "-Xmx6g -XX:+UseG1GC"
#   bench/startup.sh --db postgresql://postgres@localhost:5432/empty --places 20000
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_need mvn
bench_need_geodata
# The jar as README runs it, and the test classes the harness lives in.
mvn -q -B package -DskipTests >&2
bench_classpath test-compile
exec java "-Xmx${BENCH_HEAP:-8g}" -Dcakupan.sharedGeodata=../shared/geodata \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  id.cakupan.bench.StartupBenchmark "$@"
