#!/usr/bin/env bash
# Measures the packaged app as several replicas on one PostgreSQL behind HAProxy, on loopback:
# screening throughput straight to one replica, then through HAProxy with one replica and with two
# (wrk, bounded runs), then the time from `publish` ending to both replicas serving the new
# version. Stops everything it started.
# Build first: ./mvnw -B -DskipTests package. Needs wrk and haproxy (Debian's packages) and an
# empty PostgreSQL database the app may create tables in (it uses only that database):
#
#   DB_URL=jdbc:postgresql://127.0.0.1:5432/backsafe_measure DB_USER=backsafe DB_PASSWORD=... \
#     scripts/measure-replicas.sh
#
# CONNECTIONS, DURATION, WARMUP set wrk's side (16, 20s, 20s); PORT the load balancer's (18300).
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DB_URL:?set DB_URL (and DB_USER, DB_PASSWORD) to an empty PostgreSQL database}"
connections=${CONNECTIONS:-16}
duration=${DURATION:-20s}
warmup=${WARMUP:-20s}
port=${PORT:-18300}
work=$(mktemp -d)
pids=()
for tool in wrk haproxy curl; do command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install $tool)"; exit 1; }; done

stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap 'stop_all; rm -rf "$work"' EXIT

db=(--spring.profiles.active=replicas "--spring.datasource.url=$DB_URL" "--spring.datasource.username=${DB_USER:-backsafe}"
    "--spring.datasource.password=${DB_PASSWORD:-}")
body='{"age": 52, "conditions": ["EPILEPSY"], "unsure": [], "pain": {"areas": ["LOWER_BACK"], "duration": "CHRONIC", "severity": 6, "worsening": false, "patterns": ["KNOTS", "GENERAL_STIFFNESS"]}, "setting": "SELF", "equipment": ["FOAM_ROLLER"]}'
{
  printf 'wrk.method = "POST"\nwrk.body = [[%s]]\n' "$body"
  printf 'wrk.headers["Content-Type"] = "application/json"\nwrk.headers["Accept-Encoding"] = "gzip"\n'
  cat scripts/wrk-count.lua
} >"$work/screening.lua"

replica() { # name port
  java -Xmx384m -jar target/backsafe.jar "${db[@]}" --server.address=127.0.0.1 --server.port="$2" \
    --management.endpoint.health.show-details=always >"$work/$1.log" 2>&1 &
  pids+=($!)
}
version() { curl -sf "http://127.0.0.1:$1/actuator/health/ruleBase" | grep -o '"version":"[0-9a-f]*"' | cut -d '"' -f 4; }
ready() { curl -sf -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness"; }
balancer() { # ports...
  { printf 'defaults\n  mode http\n  timeout connect 5s\n  timeout client 30s\n  timeout server 30s\n'
    printf '  option forwardfor\n  option http-server-close\nfrontend web\n  bind 127.0.0.1:%s\n' "$port"
    printf '  default_backend replicas\nbackend replicas\n  balance roundrobin\n'
    for p in "$@"; do printf '  server r%s 127.0.0.1:%s\n' "$p" "$p"; done; } >"$work/haproxy.cfg"
  haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
  haproxy_pid=$!
  pids+=($haproxy_pid)
  sleep 0.5
}
load() { # label [port: the replica itself, without HAProxy]
  local url="http://127.0.0.1:${2:-$port}/api/v1/screenings"
  wrk -t2 -c"$connections" -d"$warmup" -s "$work/screening.lua" "$url" >/dev/null
  read -r _ rps p50 p99 bad err _ < <(wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/screening.lua" \
    "$url" | grep '^RESULT')
  printf '%-14s %-8s %-7s %-7s %-8s %s   (load average %s)\n' "$1" "$rps" "$p50" "$p99" "$bad" "$err" \
    "$(cut -d ' ' -f 1 /proc/loadavg)"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), $(wrk --version 2>&1 | head -n 1 | cut -d ' ' -f 1-2), $(haproxy -v | head -n 1 | cut -d ' ' -f 1-3)"
replica a 18301
replica b 18302
for p in 18301 18302; do
  for _ in $(seq 1 600); do ready "$p" && break; sleep 0.5; done
  ready "$p" || { echo "replica on $p is not ready; its log:"; tail -n 40 "$work"/*.log; exit 1; }
done
echo "both replicas ready, serving $(version 18301) and $(version 18302)"
# Once started, each replica gates its rules again and screens ahead for the next impact report
# (seconds of CPU on every core): measured after that, as a replica serves most of its life.
for r in a b; do
  for _ in $(seq 1 1200); do grep -q 'answer sets screened for the next impact report' "$work/$r.log" && break; sleep 0.5; done
done
echo "both replicas done with their work after start (load average $(cut -d ' ' -f 1 /proc/loadavg))"
sleep 5

echo "wrk -t2 -c$connections -d$duration through HAProxy (after $warmup of warm-up)"
printf '%-14s %-8s %-7s %-7s %-8s %s\n' replicas 'req/s' 'p50 ms' 'p99 ms' 'not 2xx' 'socket err'
load "one, direct" 18301
balancer 18301
load "one"
kill "$haproxy_pid"; wait "$haproxy_pid" 2>/dev/null || true
balancer 18301 18302
load "two"

echo "publish: a copy of rules/ with one comment line more (a new version)"
cp -r rules "$work/rules"
printf '\n// measured by scripts/measure-replicas.sh at %s\n' "$(date -u +%FT%TZ)" >>"$work/rules/referrals.drl"
old=$(version 18301)
java -jar target/backsafe.jar publish "$work/rules" "${db[@]}" >"$work/publish.txt" 2>&1 || { cat "$work/publish.txt"; exit 1; }
published=$(date +%s%N)
new=$(grep -o 'PUBLISHED: version [0-9a-f]*' "$work/publish.txt" | cut -d ' ' -f 3)
for p in 18301 18302; do
  for _ in $(seq 1 1200); do [ "$(version "$p")" = "$new" ] && break; sleep 0.05; done
  [ "$(version "$p")" = "$new" ] || { echo "replica on $p did not take up $new"; exit 1; }
  echo "replica on $p serves $new (was $old) $(( ($(date +%s%N) - published) / 1000000 )) ms after publish ended"
done
grep -h '^Ready on every replica' "$work/publish.txt" || true
