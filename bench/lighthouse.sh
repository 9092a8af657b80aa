#!/usr/bin/env bash
# Lighthouse benchmark (BENCHMARKS.md, "Map page: Lighthouse performance on mobile"): starts the
# service from target/classes on the embedded default (Jakarta Utara, demo coverage, an empty temp
# data directory) and runs Lighthouse's performance category (its default: a phone, simulated
# 150 ms RTT, 1.6 Mbit/s, 4x CPU slowdown) against the map page, the worklist and the outreach page,
# RUNS times each, printing the score, FCP, LCP, TBT, CLS and SI of every run and the load average
# before it. With OLD_CLASSES=<classes dir of another build> that build is served beside it and each
# run measures both, one after the other (old vs new in the same minute of the same machine).
#   bench/lighthouse.sh
#   RUNS=5 OLD_CLASSES=/tmp/old/target/classes bench/lighthouse.sh
# Needs npm (Lighthouse 12.8.2 is installed into $LH_PREFIX, default /tmp/cakupan-lighthouse, without a
# browser download), /usr/bin/chromium, curl and Maven. The pages' API answers are asked for once
# before the runs: the first choropleth builds its simplified geometry, which Lighthouse would otherwise
# count as server time.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
RUNS=${RUNS:-3}
LH_PREFIX=${LH_PREFIX:-/tmp/cakupan-lighthouse}
PAGES=${PAGES:-"/ /worklist.html?kecamatan=31.72.03&sector=BPU /kegiatan.html"}
bench_need npm node curl mvn
[ -x /usr/bin/chromium ] || { echo "bench/lighthouse.sh: needs /usr/bin/chromium" >&2; exit 1; }
[ -x "$LH_PREFIX/node_modules/.bin/lighthouse" ] || npm install --prefix "$LH_PREFIX" --no-audit --no-fund lighthouse@12.8.2 >&2

bench_classpath compile
bench_workdir lighthouse
cp -r target/classes "$WORK/new-classes"
serve() { # name classes port
  java -Xmx1g -cp "$2:$(cat target/bench-classpath.txt)" id.cakupan.cli.Main serve --port "$3" --data-dir "$WORK/$1-data" \
    >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 240); do curl -sf "http://127.0.0.1:$3/api/periods" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$3/api/periods" >/dev/null || { echo "bench/lighthouse.sh: $1 did not start:" >&2; cat "$WORK/$1.log" >&2; exit 1; }
}
warm() { # port: every API answer the pages ask for, once
  local base=http://127.0.0.1:$1 newest
  newest=$(curl -s "$base/api/periods" | sed 's/.*"periods":\["\([0-9-]*\)".*/\1/')
  for path in "/api/config" "/api/choropleth?level=kecamatan&metric=participants&zoom=12" \
      "/api/choropleth?level=kecamatan&metric=participants" \
      "/api/choropleth?level=kelurahan&sector=ALL&period=$newest&metric=coverage_rate&method=quantile&classes=5&zoom=12" \
      "/api/activities/reach?period=$newest" "/api/activities?format=geojson" "/api/progress?kecamatan=31.72.03&sector=BPU" \
      "/api/choropleth?level=kelurahan&metric=uncovered&sector=BPU&kecamatan=31.72.03" "/api/activities/effect"; do
    curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$base$path"
  done
}

NAMES=(new)
P_NEW=$(bench_free_port)
serve new "$WORK/new-classes" "$P_NEW"
warm "$P_NEW"
declare -A PORT=([new]=$P_NEW)
if [ -n "${OLD_CLASSES:-}" ]; then
  P_OLD=$(bench_free_port)
  serve old "$OLD_CLASSES" "$P_OLD"
  warm "$P_OLD"
  PORT[old]=$P_OLD
  NAMES=(old new)
fi

echo "Lighthouse $("$LH_PREFIX/node_modules/.bin/lighthouse" --version), $(/usr/bin/chromium --version 2>/dev/null | head -1), $(nproc) CPUs"
printf '%-44s %-4s %-3s %5s %6s %6s %7s %6s %6s  %s\n' page build run score FCP LCP TBT CLS SI "load before"
for page in $PAGES; do
  for run in $(seq "$RUNS"); do
    for name in "${NAMES[@]}"; do
      load=$(cut -d' ' -f1-3 /proc/loadavg)
      out="$WORK/$name-$run.json"
      CHROME_PATH=/usr/bin/chromium "$LH_PREFIX/node_modules/.bin/lighthouse" "http://127.0.0.1:${PORT[$name]}$page" \
        --only-categories=performance --chrome-flags="--headless=new --no-sandbox" --output=json --output-path="$out" --quiet
      node -e '
        const r = require(process.argv[1]); const a = r.audits; const v = (k) => a[k].numericValue;
        const s = (ms) => (ms / 1000).toFixed(2) + " s";
        console.log([Math.round(r.categories.performance.score * 100), s(v("first-contentful-paint")),
          s(v("largest-contentful-paint")), Math.round(v("total-blocking-time")) + " ms",
          v("cumulative-layout-shift").toFixed(3), s(v("speed-index"))].join("\t"));' "$out" |
        { IFS=$'\t' read -r score fcp lcp tbt cls si
          printf '%-44s %-4s %-3s %5s %6s %6s %7s %6s %6s  %s\n' "$page" "$name" "$run" "$score" "$fcp" "$lcp" "$tbt" "$cls" "$si" "$load"; }
    done
  done
done
