#!/usr/bin/env bash
# Measures the packaged app: the time from launch to the first answered screening (the README's
# example over HTTP), and the heap in use after 10,000 more screenings and a full GC.
# Loopback only; it stops the app it started. Build first: ./mvnw -B -DskipTests package
#
#   scripts/measure-startup.sh [runs] [-- extra java options]
#   APP="java -XX:SharedArchiveFile=DIR/backsafe.jsa -jar DIR/backsafe.jar" scripts/measure-startup.sh
#   (the Docker image's layout: KEEP=DIR scripts/check-docker-layout.sh lays it out in DIR)
#
# APP replaces the command that starts the app (default: java -jar target/backsafe.jar).
# SCREENINGS sets how many screenings run before the heap is read (default 10000; 0 to skip).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
shift || true
[ "${1:-}" = "--" ] && shift
java_options=("$@")
port=${PORT:-18080}
screenings=${SCREENINGS:-10000}
app=${APP:-java ${java_options[*]:-} -jar target/backsafe.jar}
url="http://127.0.0.1:$port/api/v1/screenings"
body='{"age": 52, "conditions": ["EPILEPSY"], "unsure": [],
       "pain": {"areas": ["LOWER_BACK"], "duration": "CHRONIC", "severity": 6, "worsening": false,
                "patterns": ["KNOTS", "GENERAL_STIFFNESS"]},
       "setting": "SELF", "equipment": ["FOAM_ROLLER"]}'
log=$(mktemp -d)
pid=

stop() { if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi; }
trap 'stop; rm -rf "$log"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1)"
echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo "app: $app --server.port=$port"
times=()
for run in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  $app --server.port="$port" >"$log/app-$run.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$body" "$url"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the app stopped; see its log:"; tail -n 40 "$log/app-$run.log"; exit 1; fi
    sleep 0.05
  done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  # CPU time the app used so far: less sensitive than wall time to other work on the machine.
  cpu=$(awk -v tck="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / tck}' /proc/"$pid"/stat)
  started=$(grep -o 'Started BacksafeApplication in [0-9.]* seconds (process running for [0-9.]*)' "$log/app-$run.log" || true)
  echo "run $run: first answer after $ms ms, $cpu ms of CPU  [$started]"
  if [ "$run" -lt "$runs" ] || [ "$screenings" = 0 ]; then stop; pid=; fi
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "launch to first answer, ms: min $(head -n 1 <<<"$sorted"), median $(sed -n "$(( (runs + 1) / 2 ))p" <<<"$sorted"), max $(tail -n 1 <<<"$sorted")"

if [ "$screenings" != 0 ]; then
  # One curl, one kept-alive connection, $screenings POSTs of the same answers.
  for _ in $(seq 1 "$screenings"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url"; done >"$log/requests"
  begin=$(date +%s%N)
  codes=$(curl -s -K "$log/requests" -H 'Content-Type: application/json' -d "$body" -w '%{http_code}\n' | sort | uniq -c)
  took=$(( ($(date +%s%N) - begin) / 1000000 ))
  echo "$screenings screenings over HTTP in $took ms; status codes: $(echo $codes)"
  jcmd "$pid" GC.run >/dev/null
  echo "heap after a full GC: $(jcmd "$pid" GC.heap_info | grep -E 'heap +total' | sed 's/^ *//')"
  echo "process resident set: $(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' /proc/"$pid"/status)"
fi
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
