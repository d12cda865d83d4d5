#!/usr/bin/env bash
# Checks what the Dockerfile's run stage does, without a Docker engine: lays the built jar and its
# libraries out as the image's /opt/backsafe, writes the class data sharing archive with the same
# script, and starts the Dockerfile's own ENTRYPOINT from the working folder /app that
# holds rules/ and data/ (as user nobody when run as root). Then it checks three cases with the
# Dockerfile's own HEALTHCHECK command: rules from a mounted folder, the packaged copy, and a folder
# whose rules do not compile.
# Loopback only; it stops each app it starts. Build first: ./mvnw -B -DskipTests package
#
#   KEEP=folder scripts/check-docker-layout.sh   # lays /opt/backsafe out in folder, and keeps it
set -euo pipefail
cd "$(dirname "$0")/.."

port=${PORT:-18090}
work=$(mktemp -d)
code=$work/opt/backsafe
if [ -n "${KEEP:-}" ]; then rm -rf "$KEEP" && mkdir -p "$KEEP" && code=$(cd "$KEEP" && pwd); fi
app=$work/app
pid=
stop() { if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi; pid=; }
trap 'stop; rm -rf "$work"' EXIT
chmod 755 "$work"

# The two COPY lines of the run stage, in order: the libraries, then the app's jar.
mkdir -p "$code" "$app"
cp -a target/lib "$code/lib"
cp -a target/backsafe.jar "$code/"
cp -a rules "$app/rules"
mkdir -p "$app/data"
# The class data sharing archive, as the run stage writes it (as root there, before USER).
scripts/train-cds.sh "$code" "$app/rules"
# The archive must be usable (-Xshare:on refuses to start otherwise; the image itself would start
# without it, only slower), and the packaged jar must serve the rules: the validate command does both.
java -Xshare:on -XX:SharedArchiveFile="$code/backsafe.jsa" -jar "$code/backsafe.jar" validate "$app/rules" | tail -n 1
echo "the CDS archive is usable"
if [ -n "${KEEP:-}" ]; then
  # The archive records the jars' absolute paths: moved elsewhere, the JVM would ignore it.
  echo "laid out in $code; measure it with APP=\"java ... -jar $code/backsafe.jar\" scripts/measure-startup.sh"
fi

# The ENTRYPOINT exactly as the Dockerfile has it, with the code where this script laid it out.
mapfile -t entrypoint < <(python3 - "$code" <<'PY'
import json, re, sys
text = open("Dockerfile").read().replace("\\\n", " ")
for arg in json.loads(re.search(r"^ENTRYPOINT\s+(\[.*\])", text, re.M).group(1)):
    print(arg.replace("/opt/backsafe", sys.argv[1]))
PY
)

# The HEALTHCHECK command exactly as the Dockerfile has it, on the test port.
healthcheck=$(python3 - "$port" <<'PY'
import json, re, sys
text = open("Dockerfile").read().replace("\\\n", " ")
cmd = json.loads(re.search(r"HEALTHCHECK.*?CMD\s+(\[.*\])", text).group(1))
print(cmd[-1].replace("8080", sys.argv[1]))
PY
)
body='{"age": 52, "conditions": ["EPILEPSY"], "unsure": [], "pain": {"areas": ["LOWER_BACK"], "duration": "CHRONIC",
       "severity": 6, "worsening": false, "patterns": ["KNOTS"]}, "setting": "SELF", "equipment": []}'
# The app runs as a user who owns only rules/ and data/, as in the image (nobody, when run as root).
runner=()
if [ "$(id -u)" = 0 ]; then
  runner=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  chown -R nobody "$app/rules" "$app/data"
fi

start() { # $1: the value of BACKSAFE_RULES_DIR
  (cd "$app" && HOME="$app" BACKSAFE_RULES_DIR="$1" exec ${runner[@]+"${runner[@]}"} \
    "${entrypoint[@]}" --server.port="$port" --management.endpoint.health.show-details=always) \
    >"$work/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    curl -s -o /dev/null "http://127.0.0.1:$port/actuator/health" && return 0
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$work/app.log"; return 1; }
    sleep 0.2
  done
  echo "the app did not start"; return 1
}
health() { curl -s "http://127.0.0.1:$port/actuator/health" | python3 -c \
  'import json,sys; h=json.load(sys.stdin); r=h["components"]["ruleBase"]; print(h["status"], r["status"], r.get("details", {}).get("origin"), r.get("details", {}).get("version"))'; }
screen() { curl -s -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/api/v1/screenings" | python3 -c \
  'import json,sys; r=json.load(sys.stdin); print(r["disposition"], len(r["techniques"]), "techniques, rule base", r["ruleBase"]["version"])'; }
check() { if bash -c "$healthcheck"; then echo "HEALTHCHECK: healthy"; else echo "HEALTHCHECK: unhealthy"; fi; }

echo "== 1. a mounted rules folder (the image's /app/rules, with one wording changed)"
echo "# edited" >>"$app/rules/messages.properties"
start "$app/rules"; health; screen; check; stop

echo "== 2. no rules folder: the packaged copy"
start "$app/no-such-folder"; health; screen; check; stop

echo "== 3. a rules folder that does not compile: health DOWN, screenings fail safe"
cp -a "$app/rules" "$app/broken-rules"
printf 'package org.backsafe.rules;\nrule "Broken"\nwhen\n  Pain(\nend\n' >"$app/broken-rules/zz-broken.drl"
if [ "$(id -u)" = 0 ]; then chown -R nobody "$app/broken-rules"; fi
start "$app/broken-rules"; health; screen; check; stop
