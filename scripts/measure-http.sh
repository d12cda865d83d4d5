#!/usr/bin/env bash
# Measures the packaged app over HTTP with wrk: screenings (POST /api/v1/screenings, the README's
# example) against a static file of the same app (the main stylesheet at its versioned address), one
# after the other, on loopback. Prints requests per second, the ratio, p50 and p99, and how many
# answers were not 2xx; then stops the app it started. Build first: ./mvnw -B -DskipTests package
#
#   scripts/measure-http.sh [runs]            # throughput: 16 connections, runs of 20 s each
#   MODE=memory scripts/measure-http.sh       # 64 connections within a 384 MiB heap, then the RSS
#
# APP replaces the command that starts the app (default: java $JAVA_OPTS -jar target/backsafe.jar);
# PORT, THREADS, CONNECTIONS, DURATION, WARMUP set wrk's side. Both kinds of request ask for gzip,
# as a browser does. Other work on the machine shares its cores: the load average is printed.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
mode=${MODE:-throughput}
port=${PORT:-18081}
threads=${THREADS:-2}
if [ "$mode" = memory ]; then
  connections=${CONNECTIONS:-64}
  duration=${DURATION:-30s}
  java_opts=${JAVA_OPTS:--Xmx384m}
  runs=1
else
  connections=${CONNECTIONS:-16}
  duration=${DURATION:-20s}
  java_opts=${JAVA_OPTS:-}
fi
warmup=${WARMUP:-30s}
app=${APP:-java $java_opts -jar target/backsafe.jar}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
pid=

stop() { if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi; pid=; }
trap 'stop; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }

cp scripts/wrk-count.lua "$work/count.lua"  # counts the answers that are not 2xx
body='{"age": 52, "conditions": ["EPILEPSY"], "unsure": [], "pain": {"areas": ["LOWER_BACK"], "duration": "CHRONIC", "severity": 6, "worsening": false, "patterns": ["KNOTS", "GENERAL_STIFFNESS"]}, "setting": "SELF", "equipment": ["FOAM_ROLLER"]}'
{
  printf 'wrk.method = "POST"\nwrk.body = [[%s]]\n' "$body"
  printf 'wrk.headers["Content-Type"] = "application/json"\nwrk.headers["Accept-Encoding"] = "gzip"\n'
  cat "$work/count.lua"
} >"$work/screening.lua"
{ printf 'wrk.headers["Accept-Encoding"] = "gzip"\n'; cat "$work/count.lua"; } >"$work/static.lua"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), $(wrk --version 2>&1 | head -n 1 | cut -d ' ' -f 1-2)"
echo "app: $app --server.port=$port"
$app --server.port="$port" >"$work/app.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$body" "$base/api/v1/screenings"; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the app stopped; see its log:"; tail -n 40 "$work/app.log"; exit 1; fi
  sleep 0.2
done
static=$(curl -sf "$base/" | grep -o '/css/backsafe-[0-9a-f]\{32\}\.css' | head -n 1)
[ -n "$static" ] || { echo "no versioned stylesheet on the start page"; exit 1; }
size() { curl -s -o /dev/null -w '%{size_download} bytes (%{content_type})' -H 'Accept-Encoding: gzip' "$@"; }
echo "screening: POST /api/v1/screenings, $(size -H 'Content-Type: application/json' -d "$body" "$base/api/v1/screenings") gzipped"
echo "static file: GET $static, $(size "$base$static") gzipped"

# The app's CPU time so far (user and system), in clock ticks.
ticks() { awk '{print $14 + $15}' /proc/"$pid"/stat; }
# One wrk run; prints "label rps p50 p99 not-2xx socket-errors requests cpu-us-per-request". The
# app's CPU per request depends less on the other work on the machine than requests per second do.
run() {
  local label=$1 script=$2 url=$3 time=$4 out before after
  before=$(ticks)
  out=$(wrk -t"$threads" -c"$connections" -d"$time" --latency -s "$script" "$url")
  after=$(ticks)
  grep '^RESULT' <<<"$out" | sed "s/^RESULT/$label/" | awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" \
    '{printf "%s %.0f\n", $0, t * 1e6 / hz / $7}'
}

echo "warm-up: $warmup of each"
run warm-screening "$work/screening.lua" "$base/api/v1/screenings" "$warmup" >/dev/null
run warm-static "$work/static.lua" "$base$static" "$warmup" >/dev/null

echo "wrk -t$threads -c$connections -d$duration --latency, $runs run(s), screening then static file each"
printf '%-4s %-12s %-10s %-7s %-7s %-7s %-8s %-11s %s\n' run load kind 'req/s' 'p50 ms' 'p99 ms' 'not 2xx' 'socket err' 'app CPU µs/req'
failed=0
for i in $(seq 1 "$runs"); do
  load=$(cut -d ' ' -f 1 /proc/loadavg)
  read -r _ s_rps s_p50 s_p99 s_bad s_err s_n s_cpu < <(run screening "$work/screening.lua" "$base/api/v1/screenings" "$duration")
  read -r _ f_rps f_p50 f_p99 f_bad f_err f_n f_cpu < <(run static "$work/static.lua" "$base$static" "$duration")
  load="$load-$(cut -d ' ' -f 1 /proc/loadavg)"
  printf '%-4s %-12s %-10s %-7s %-7s %-7s %-8s %-11s %s\n' "$i" "$load" screening "$s_rps" "$s_p50" "$s_p99" "$s_bad" "$s_err" "$s_cpu"
  printf '%-4s %-12s %-10s %-7s %-7s %-7s %-8s %-11s %s\n' "$i" "$load" static "$f_rps" "$f_p50" "$f_p99" "$f_bad" "$f_err" "$f_cpu"
  echo "     ratio screening/static: $(awk -v s="$s_rps" -v f="$f_rps" 'BEGIN {printf "%.2f", s / f}')  ($s_n screenings, $f_n static)"
  [ "$s_bad" = 0 ] && [ "$f_bad" = 0 ] && [ "$s_err" = 0 ] && [ "$f_err" = 0 ] || failed=1
done

if [ "$mode" = memory ]; then
  echo "heap after the run: $(jcmd "$pid" GC.heap_info | grep -E 'heap +total' | sed 's/^ *//')"
  jcmd "$pid" GC.run >/dev/null
  echo "heap after a full GC: $(jcmd "$pid" GC.heap_info | grep -E 'heap +total' | sed 's/^ *//')"
  echo "resident set: $(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' /proc/"$pid"/status)," \
    "peak $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' /proc/"$pid"/status)"
fi
if grep -q 'OutOfMemoryError' "$work/app.log"; then echo "the app ran out of memory"; failed=1; fi
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
[ "$failed" = 0 ] || { echo "FAILED: some answers were not 2xx, or connections failed"; exit 1; }
