#!/usr/bin/env bash
# Soak benchmark (BENCHMARKS.md): builds the classes and runs id.cakupan.bench.SoakBenchmark, which
# starts the real service as a separate process on a throwaway PostGIS cluster (DKI Jakarta
# boundaries and gazetteer from ../shared/geodata), sends mixed reads from 64 connections, imports
# a coverage CSV every minute and restarts PostGIS once half-way; prints one line per minute
# (requests, failures, p50/p99, req/s, server heap, import, health) and a summary.
#   bench/soak.sh                          # 10 minutes, 64 connections, PostGIS
#   bench/soak.sh --minutes 2              # a short smoke run
#   bench/soak.sh --store embedded         # the file store instead (no database restart)
#   SOAK_SERVER_HEAP=512m bench/soak.sh    # the server's -Xmx (also --server-heap)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_need mvn
bench_need_geodata
embedded=
prev=
for arg in "$@"; do
  [ "$prev" = "--store" ] && [ "$arg" = "embedded" ] && embedded=yes
  prev=$arg
done
if [ -z "$embedded" ] && [ -z "${CAKUPAN_PG_BIN:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "bench/soak.sh: no PostgreSQL server binaries for a throwaway cluster. Run ./test.sh once (it installs" >&2
  echo "postgresql-15-postgis-3 from Debian), set CAKUPAN_PG_BIN, or use --store embedded." >&2
  exit 1
fi

bench_classpath test-compile
deps=$(cat target/bench-classpath.txt)
server_heap=()
[ -n "${SOAK_SERVER_HEAP:-}" ] && server_heap=(--server-heap "$SOAK_SERVER_HEAP")
# The server runs from target/classes alone; the harness also needs the test classes.
exec java "-Xmx${BENCH_HEAP:-1g}" ${BENCH_JAVA_OPTS:-} \
  -Dcakupan.sharedGeodata=../shared/geodata \
  -Dcakupan.soak.serverClasspath="target/classes:$deps" \
  -cp "target/classes:target/test-classes:$deps" \
  id.cakupan.bench.SoakBenchmark "${server_heap[@]}" "$@"
