#!/usr/bin/env bash
# Measures the CDS Hooks service of the packaged app over HTTP with wrk, on loopback: a realistic
# appointment-book call (a patient, four conditions and four medicines prefetched, one a blood
# thinner) to POST /cds-services/backsafe-appointment-book, after a warm-up. Prints requests per
# second, p50 and p99, how many answers were not 2xx, socket errors, and the app's CPU per request;
# then stops the app it started. Build first: ./mvnw -B -DskipTests package
#
#   scripts/measure-cds-hooks.sh [runs]        # 16 connections, runs of 20 s each
#
# APP replaces the command that starts the app (default: java $JAVA_OPTS -jar target/backsafe.jar);
# PORT, THREADS, CONNECTIONS, DURATION, WARMUP set wrk's side. Other work on the machine shares its
# cores: the load average is printed.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
port=${PORT:-18082}
threads=${THREADS:-2}
connections=${CONNECTIONS:-16}
duration=${DURATION:-20s}
warmup=${WARMUP:-30s}
app=${APP:-java ${JAVA_OPTS:-} -jar target/backsafe.jar}
base="http://127.0.0.1:$port"
path=/cds-services/backsafe-appointment-book
work=$(mktemp -d)
pid=

stop() { if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi; pid=; }
trap 'stop; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }

condition() {
  printf '{"resource": {"resourceType": "Condition", "id": "c%s", "subject": {"reference": "Patient/p1"}, "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]}, "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]}, "code": {"coding": [{"system": "http://snomed.info/sct", "code": "%s", "display": "%s"}], "text": "%s"}, "onsetDateTime": "2019-03-01"}}' "$1" "$2" "$3" "$3"
}
medicine() {
  printf '{"resource": {"resourceType": "MedicationRequest", "id": "m%s", "status": "active", "intent": "order", "subject": {"reference": "Patient/p1"}, "authoredOn": "2024-01-15", "medicationCodeableConcept": {"coding": [{"system": "%s", "code": "%s", "display": "%s"}], "text": "%s"}, "dosageInstruction": [{"text": "as directed"}]}}' "$1" "$2" "$3" "$4" "$4"
}
atc=http://www.whocc.no/atc
rxnorm=http://www.nlm.nih.gov/research/umls/rxnorm
body=$(printf '{"hook": "appointment-book", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", "fhirServer": "https://ehr.example/fhir", "context": {"userId": "Practitioner/7", "patientId": "p1", "appointments": {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Appointment", "id": "a1", "status": "proposed", "serviceType": [{"text": "Massage therapy"}], "participant": [{"actor": {"reference": "Patient/p1"}, "status": "needs-action"}]}}]}}, "prefetch": {"patient": {"resourceType": "Patient", "id": "p1", "name": [{"family": "Example", "given": ["Pat"]}], "gender": "female", "birthDate": "1961-05-04"}, "conditions": {"resourceType": "Bundle", "type": "searchset", "entry": [%s, %s, %s, %s]}, "medications": {"resourceType": "Bundle", "type": "searchset", "entry": [%s, %s, %s, %s]}}}' \
  "$(condition 1 44054006 'Diabetes mellitus type 2')" "$(condition 2 38341003 'Hypertensive disorder')" \
  "$(condition 3 64859006 'Osteoporosis')" "$(condition 4 195967001 'Asthma')" \
  "$(medicine 1 $atc B01AA03 warfarin)" "$(medicine 2 $atc A10BA02 metformin)" \
  "$(medicine 3 $rxnorm 29046 lisinopril)" "$(medicine 4 $atc R03AC02 salbutamol)")
cp scripts/wrk-count.lua "$work/count.lua"  # counts the answers that are not 2xx
{
  printf 'wrk.method = "POST"\nwrk.body = [[%s]]\n' "$body"
  printf 'wrk.headers["Content-Type"] = "application/json"\nwrk.headers["Accept-Encoding"] = "gzip"\n'
  cat "$work/count.lua"
} >"$work/cds.lua"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), $(wrk --version 2>&1 | head -n 1 | cut -d ' ' -f 1-2)"
echo "app: $app --server.port=$port"
$app --server.port="$port" >"$work/app.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$body" "$base$path"; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the app stopped; see its log:"; tail -n 40 "$work/app.log"; exit 1; fi
  sleep 0.2
done
echo "request: POST $path, ${#body} bytes; answer $(curl -s -o /dev/null -w '%{size_download} bytes gzipped (%{content_type})' -H 'Accept-Encoding: gzip' -H 'Content-Type: application/json' -d "$body" "$base$path")"

ticks() { awk '{print $14 + $15}' /proc/"$pid"/stat; }
run() {
  local time=$1 out before after
  before=$(ticks)
  out=$(wrk -t"$threads" -c"$connections" -d"$time" --latency -s "$work/cds.lua" "$base$path")
  after=$(ticks)
  grep '^RESULT' <<<"$out" | sed 's/^RESULT//' | awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" \
    '{printf "%s %.0f\n", $0, t * 1e6 / hz / $6}'
}

echo "warm-up: $warmup"
run "$warmup" >/dev/null
echo "wrk -t$threads -c$connections -d$duration --latency, $runs run(s)"
printf '%-4s %-12s %-7s %-7s %-7s %-8s %-11s %-9s %s\n' run load 'req/s' 'p50 ms' 'p99 ms' 'not 2xx' 'socket err' requests 'app CPU µs/req'
failed=0
for i in $(seq 1 "$runs"); do
  load=$(cut -d ' ' -f 1 /proc/loadavg)
  read -r rps p50 p99 bad err n cpu < <(run "$duration")
  load="$load-$(cut -d ' ' -f 1 /proc/loadavg)"
  printf '%-4s %-12s %-7s %-7s %-7s %-8s %-11s %-9s %s\n' "$i" "$load" "$rps" "$p50" "$p99" "$bad" "$err" "$n" "$cpu"
  [ "$bad" = 0 ] && [ "$err" = 0 ] || failed=1
done
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
[ "$failed" = 0 ] || { echo "FAILED: some answers were not 2xx, or connections failed"; exit 1; }
