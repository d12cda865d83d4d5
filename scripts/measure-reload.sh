#!/usr/bin/env bash
# Measures the time from saving a rule file to the new version serving, on the packaged app watching
# a copy of rules/: each edit appends a comment to referrals.drl (a new version whose outcomes are
# all the same, so the whole impact comparison runs), then /api/v1/rules is read every 20 ms until
# it names a new version. Loopback only; it stops the app it started and removes the copy.
# Build first: ./mvnw -B -DskipTests package
#
#   scripts/measure-reload.sh [edits] [-- extra app options, e.g. --backsafe.rules.warm-up-reloads=0]
set -euo pipefail
cd "$(dirname "$0")/.."

edits=${1:-6}
shift || true
[ "${1:-}" = "--" ] && shift
port=${PORT:-18081}
work=$(mktemp -d)
cp -r rules "$work/rules"
pid=
stop() { if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi; }
trap 'stop; rm -rf "$work"' EXIT

version() { curl -sf "http://127.0.0.1:$port/api/v1/rules" | grep -o '"version":"[0-9a-f]*"' | head -n 1; }

echo "machine: $(nproc) cores; load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
java -jar target/backsafe.jar --server.port="$port" --backsafe.rules.dir="$work/rules" "$@" >"$work/app.log" 2>&1 &
pid=$!
# An author's first save comes once the app has started and finished its work after the first load.
ready="reload path warmed up"
[[ " $* " == *"warm-up-reloads=0 "* ]] && ready="more answer sets screened"
until grep -q "$ready" "$work/app.log"; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the app stopped; see its log:"; tail -n 40 "$work/app.log"; exit 1; fi
  sleep 0.2
done
for edit in $(seq 1 "$edits"); do
  before=$(version)
  start=$(date +%s%N)
  echo "// edit $edit" >>"$work/rules/referrals.drl"
  until now=$(version) && [ -n "$now" ] && [ "$now" != "$before" ]; do
    if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 60000 ]; then echo "edit $edit: not serving after 60 s"; exit 1; fi
    sleep 0.02
  done
  echo "edit $edit: save to new version serving $(( ($(date +%s%N) - start) / 1000000 )) ms, load average $(cut -d ' ' -f 1 /proc/loadavg)"
  sleep 2
done
grep -o "reload path warmed up.*\|compiled in [0-9]* ms, gate (with the impact report) passed in [0-9]* ms" "$work/app.log" | sed 's/^/  app: /'
