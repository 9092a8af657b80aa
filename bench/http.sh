#!/usr/bin/env bash
# HTTP benchmark (BENCHMARKS.md, "Serving a choropleth"): in one run on one machine,
#   1. builds the classes and starts three services: Jakarta Utara on the embedded store,
#      Jakarta Utara on a throwaway PostGIS cluster (initdb in a temp dir, as the tests do),
#      and all of DKI Jakarta on the embedded store (boundaries from ../shared/geodata);
#   2. saves the exact gzip bytes of each default choropleth (/api/choropleth) and serves them
#      from nginx with the same headers (Content-Encoding, ETag-free static file, Vary, Cache-Control);
#   3. drives each with wrk (-t2 -c64, Accept-Encoding: gzip; a warm-up run first) and prints
#      req/s, p50/p99, bytes per response, the ratio to nginx, and the CPU time the server's
#      processes spent per request (user + system, from /proc: unlike req/s, it hardly moves when
#      other work shares the cores);
#   4. runs the pg_featureserv way beside it: PostGIS building the same FeatureCollection per
#      request (ST_AsGeoJSON over kelurahan joined with the newest month), driven by pgbench with
#      64 clients, p50/p99 from pgbench's per-transaction log.
#   bench/http.sh                   # 10 s per run
#   BENCH_SECONDS=30 bench/http.sh  # longer runs
# Needs wrk, nginx, curl, Maven, and PostgreSQL 15 + PostGIS (see bench/import.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
bench_need wrk curl mvn pgbench
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "bench/http.sh: needs nginx" >&2; exit 1; }
GEO=../shared/geodata
bench_need_geodata

bench_classpath test-compile
bench_workdir http
chmod 755 "$WORK" # nginx's workers run as another user
# A copy of the classes, so that a rebuild during the run does not change what is measured.
cp -r target/classes "$WORK/classes"
cp -r target/test-classes "$WORK/test-classes"
CP="$WORK/classes:$(cat target/bench-classpath.txt)"
wait_http() {
  for _ in $(seq 300); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "bench/http.sh: $1 did not answer; log:" >&2; cat "$2" >&2; exit 1
}

# PostGIS: the tests' throwaway cluster, run until killed.
java -cp "$WORK/test-classes:$CP" id.cakupan.bench.ThrowawayPostgis "$WORK/db-url" >"$WORK/postgis.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 240); do [ -f "$WORK/db-url" ] && break; sleep 0.5; done
[ -f "$WORK/db-url" ] || { echo "bench/http.sh: no PostGIS cluster:" >&2; cat "$WORK/postgis.log" >&2; exit 1; }
DB_URL=$(cat "$WORK/db-url")

serve() { # name port args...
  local name=$1 port=$2; shift 2
  java -Xmx1g -cp "$CP" id.cakupan.cli.Main serve --port "$port" --data-dir "$WORK/$name-data" "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
}
P_UTARA=$(bench_free_port); P_UTARA_PG=$(bench_free_port); P_DKI=$(bench_free_port); P_NGINX=$(bench_free_port)
serve utara "$P_UTARA" --boundaries $GEO/jakarta-utara-kelurahan-utm48s.shp
PID_UTARA=${PIDS[-1]}
serve utara-pg "$P_UTARA_PG" --boundaries $GEO/jakarta-utara-kelurahan-utm48s.shp --db "$DB_URL"
PID_UTARA_PG=${PIDS[-1]}
serve dki "$P_DKI" --region dki-jakarta --boundaries $GEO/dki-jakarta-kelurahan-bps2020.geojson \
  --gazetteer $GEO/dki-jakarta-gazetteer.csv
PID_DKI=${PIDS[-1]}
wait_http "http://127.0.0.1:$P_UTARA/api/health" "$WORK/utara.log"
wait_http "http://127.0.0.1:$P_UTARA_PG/api/health" "$WORK/utara-pg.log"
wait_http "http://127.0.0.1:$P_DKI/api/health" "$WORK/dki.log"

# A database starts without coverage: 24 months x 3 sectors of made-up counts, imported through
# the CLI as a data officer would; the PostGIS-backed service picks the import up by itself.
psql -qAt "$DB_URL" -c "COPY (SELECT k.code AS kode_wilayah, to_char(m, 'YYYY-MM') AS periode, s AS sektor,
    (hashtext(k.code || m || s) & 4095) AS peserta_aktif, 5000 + (hashtext(s || k.code) & 4095) AS tenaga_kerja
  FROM kelurahan k, generate_series(date '2024-11-01', date '2026-10-01', interval '1 month') m,
       unnest(ARRAY['PU', 'BPU', 'JAKON']) s ORDER BY 1, 2, 3) TO STDOUT WITH CSV HEADER" >"$WORK/coverage.csv"
java -cp "$CP" id.cakupan.cli.Main import-coverage --db "$DB_URL" "$WORK/coverage.csv" >"$WORK/import.log" 2>&1 \
  || { echo "bench/http.sh: import failed:" >&2; cat "$WORK/import.log" >&2; exit 1; }
wait_http "http://127.0.0.1:$P_UTARA_PG/api/choropleth" "$WORK/utara-pg.log"

# The exact bytes each service sends, for nginx to serve with the same headers.
mkdir -p "$WORK/nginx/www" "$WORK/nginx/tmp"
chmod 755 "$WORK/nginx" "$WORK/nginx/www"
for name in utara dki; do
  port_var=P_${name^^}
  curl -sf -H 'Accept-Encoding: gzip' -o "$WORK/nginx/www/$name.geojson.gz" "http://127.0.0.1:${!port_var}/api/choropleth"
  chmod 644 "$WORK/nginx/www/$name.geojson.gz"
done
cat >"$WORK/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/tmp; proxy_temp_path $WORK/nginx/tmp; fastcgi_temp_path $WORK/nginx/tmp;
  uwsgi_temp_path $WORK/nginx/tmp; scgi_temp_path $WORK/nginx/tmp;
  server {
    listen 127.0.0.1:$P_NGINX;
    location ~ ^/(utara|dki)$ {
      default_type application/geo+json;
      add_header Content-Encoding gzip;
      add_header Vary Accept-Encoding;
      add_header Cache-Control no-cache;
      alias $WORK/nginx/www/\$1.geojson.gz;
    }
  }
}
CONF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" >"$WORK/nginx/out.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$P_NGINX/utara" "$WORK/nginx/error.log"
PIDS_NGINX="${PIDS[-1]} $(pgrep -P "${PIDS[-1]}" | tr '\n' ' ')" # the master and its workers

# CPU clock ticks (user + system) the processes have used so far.
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat"))); done
  echo "$total"
}
# wrk: prints "req/s p50 p99 bytes/response non-2xx CPU-us/request" for a URL served by the
# processes named (after a warm-up run of the same length).
measure() {
  local url=$1 before after out
  shift
  wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" -H 'Accept-Encoding: gzip' "$url" >/dev/null
  before=$(cpu_ticks "$@")
  out=$(wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -H 'Accept-Encoding: gzip' "$url")
  after=$(cpu_ticks "$@")
  awk -v used=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    function bytes(v) { if (v ~ /KB$/) return v * 1024; if (v ~ /MB$/) return v * 1048576; if (v ~ /GB$/) return v * 1073741824; return v + 0 }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    / requests in / { n = $1; total = bytes($5) }
    $1 == "Requests/sec:" { rps = $2 }
    /Non-2xx/ { bad = $NF }
    END { printf "%.0f %.2f %.2f %.0f %d %.1f\n", rps, p50, p99, (n ? total / n : 0), bad, (n ? used / hz * 1e6 / n : 0) }' <<<"$out"
}
row() { # label url "pids" [nginx req/s]
  read -r rps p50 p99 per bad cpu < <(measure "$2" $3)
  local ratio="-"
  [ -n "${4:-}" ] && ratio=$(awk -v a="$rps" -v b="$4" 'BEGIN { printf "%.2f", a / b }')
  printf '%-44s %9s %9s %9s %11s %8s %11s%s\n' "$1" "$rps" "$p50" "$p99" "$per" "$ratio" "$cpu" "$([ "$bad" != 0 ] && echo "  ($bad non-2xx)")"
  LAST_RPS=$rps
}

# pg_featureserv's way: the FeatureCollection built by PostGIS on every request.
cat >"$WORK/featurecollection.sql" <<'SQL'
SELECT json_build_object('type', 'FeatureCollection', 'features', json_agg(ST_AsGeoJSON(t.*, 'geom', 6)::json))
FROM (SELECT k.code AS id, k.code, k.name, k.kecamatan, k.luas_km2, c.participants, c.workforce,
             c.participants::double precision / NULLIF(c.workforce, 0) AS coverage_rate, k.geom
      FROM kelurahan k
      LEFT JOIN (SELECT code, sum(participants) AS participants, sum(workforce) AS workforce FROM coverage
                 WHERE period = (SELECT max(period) FROM coverage) GROUP BY code) c ON c.code = k.code
      ORDER BY k.code) t;
SQL
pg_row() {
  local conn=$DB_URL out
  pgbench -n -c 64 -j 2 -T "$SECONDS_PER_RUN" -f "$WORK/featurecollection.sql" "$conn" >/dev/null 2>&1 # warm-up
  rm -f "$WORK"/pgbench_log.*
  out=$(cd "$WORK" && pgbench -n -c 64 -j 2 -T "$SECONDS_PER_RUN" -l -f featurecollection.sql "$conn" 2>/dev/null)
  local tps p50 p99 per
  tps=$(awk '/^tps = / { printf "%.0f", $3 }' <<<"$out")
  read -r p50 p99 < <(cat "$WORK"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n | awk '
    { v[NR] = $1 } END { a = int(NR * 0.5); b = int(NR * 0.99); if (a < 1) a = 1; if (b < 1) b = 1; printf "%.2f %.2f\n", v[a], v[b] }')
  per=$(psql -qAt "$conn" -f "$WORK/featurecollection.sql" | gzip -c | wc -c)
  printf '%-44s %9s %9s %9s %11s %8s %11s\n' "PostGIS ST_AsGeoJSON per request (pgbench)" "$tps" "$p50" "$p99" "$per" \
    "$(awk -v a="$tps" -v b="$1" 'BEGIN { printf "%.2f", a / b }')" "-"
}

echo "bench/http.sh: wrk -t2 -c64 -d${SECONDS_PER_RUN}s, Accept-Encoding: gzip; $(nproc) CPUs; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s %9s %9s %9s %11s %8s %11s\n' "" "req/s" "p50 ms" "p99 ms" "bytes/resp" "÷ nginx" "CPU µs/req"
row "nginx, Jakarta Utara bytes" "http://127.0.0.1:$P_NGINX/utara" "$PIDS_NGINX"; NGINX_UTARA=$LAST_RPS
row "cakupan embedded, Jakarta Utara" "http://127.0.0.1:$P_UTARA/api/choropleth" "$PID_UTARA" "$NGINX_UTARA"
row "cakupan PostGIS store, Jakarta Utara" "http://127.0.0.1:$P_UTARA_PG/api/choropleth" "$PID_UTARA_PG" "$NGINX_UTARA"
pg_row "$NGINX_UTARA"
row "nginx, DKI bytes" "http://127.0.0.1:$P_NGINX/dki" "$PIDS_NGINX"; NGINX_DKI=$LAST_RPS
row "cakupan embedded, DKI" "http://127.0.0.1:$P_DKI/api/choropleth" "$PID_DKI" "$NGINX_DKI"
echo "(PostGIS row: gzip of its own output, which carries fewer properties and no legend; ÷ nginx against the Jakarta Utara bytes;"
echo " CPU µs/req: user + system time of the serving processes (nginx: master and workers) per request of the measured run)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
