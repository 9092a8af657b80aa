#!/usr/bin/env bash
# Import benchmark (BENCHMARKS.md): builds the test classes and runs id.cakupan.bench.ImportBenchmark
# with an explicit heap limit, so that its peak-memory figure means something.
#   bench/import.sh                        # 83,800 places x 12 months x 3 sectors into a throwaway cluster
#   bench/import.sh --db postgresql://user@host:5432/db   # an existing PostGIS database with an empty coverage table
#   BENCH_HEAP=2g bench/import.sh --places 20000
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

bench_need mvn
db_given=${CAKUPAN_BENCH_DB_URL:-}
for arg in "$@"; do [ "$arg" = "--db" ] && db_given=yes; done
if [ -z "$db_given" ] && [ -z "${CAKUPAN_PG_BIN:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "bench/import.sh: no PostgreSQL server binaries for a throwaway cluster. Run ./test.sh once (it installs" >&2
  echo "postgresql-15-postgis-3 from Debian), set CAKUPAN_PG_BIN, or give --db URL." >&2
  exit 1
fi

bench_classpath test-compile
exec java "-Xmx${BENCH_HEAP:-4g}" ${BENCH_JAVA_OPTS:-} \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  id.cakupan.bench.ImportBenchmark "$@"
