# Sourced by the bench/ scripts (from the checkout's root): the steps they all share.
BENCH_NAME="bench/$(basename "$0")"

bench_fail() { echo "$BENCH_NAME: $*" >&2; exit 1; }

# --help or -h anywhere: the script's header comment (what it measures, how to call it), and nothing run.
for bench_arg in "$@"; do
  case $bench_arg in
    --help|-h) awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$BENCH_NAME"; exit 0 ;;
  esac
done

# Every named tool on the PATH, or a message naming the missing one.
bench_need() { for tool in "$@"; do command -v "$tool" >/dev/null || bench_fail "needs $tool"; done; }

# The national benchmarks copy the real DKI polygons found beside the checkout.
bench_need_geodata() {
  [ -f ../shared/geodata/dki-jakarta-kelurahan-bps2020.geojson ] \
    || bench_fail "needs ../shared/geodata/dki-jakarta-kelurahan-bps2020.geojson beside the checkout"
}

# Compiles (compile or test-compile) and writes the dependencies' class path to target/bench-classpath.txt.
# Maven's output goes to stderr, so that stdout is the benchmark's report alone.
bench_classpath() {
  mvn -q -B "$1" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt >&2
}

# Checks Maven and the shared geodata, builds the test classes and runs a benchmark class on them.
#   bench_java_main DEFAULT_HEAP DEFAULT_JAVA_OPTS CLASS [ARGS...]   (BENCH_HEAP, BENCH_JAVA_OPTS replace the defaults)
bench_java_main() {
  local heap=$1 opts=$2 class=$3
  shift 3
  bench_need mvn
  bench_need_geodata
  bench_classpath test-compile
  exec java "-Xmx${BENCH_HEAP:-$heap}" ${BENCH_JAVA_OPTS:-$opts} \
    -Dcakupan.sharedGeodata=../shared/geodata \
    -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    "$class" "$@"
}

# A temp directory in $WORK, removed on exit with every process whose pid is added to PIDS.
bench_workdir() { # name
  WORK=$(mktemp -d "/tmp/cakupan-$1-bench.XXXXXX")
  PIDS=()
  trap bench_cleanup EXIT
}
bench_cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}

bench_free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
