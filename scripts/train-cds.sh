#!/usr/bin/env bash
# Writes a class data sharing archive (AppCDS) for the app as the build lays it out (backsafe.jar and
# lib/), so that the JVM maps the classes it needs at start-up instead of finding, reading, parsing
# and verifying about 15,000 of them from 160 jars: about half of the start-up's CPU. The Dockerfile
# runs it in the image; run it locally to measure the same layout (see docs/performance.md).
#
#   scripts/train-cds.sh <folder with backsafe.jar and lib/> <rules folder>
#
# Writes <folder>/backsafe.jsa. Use it with the same java and the same absolute jar path:
#   java -XX:SharedArchiveFile=<folder>/backsafe.jsa -jar <folder>/backsafe.jar
# A missing or stale archive is not an error: the JVM then starts without it, only slower.
set -euo pipefail

code=$(cd "$1" && pwd)
rules=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Two training runs record which classes are loaded. The first starts Spring up to the end of its
# refresh (the database in a throw-away folder) and stops; the second compiles the rules and runs
# the whole gate (every scenario and the invariant sweep), which the first one may not have reached.
(cd "$work" && java -XX:DumpLoadedClassList="$work/start.classlist" -Dspring.context.exit=onRefresh \
	-jar "$code/backsafe.jar" --backsafe.rules.dir="$rules" \
	--spring.datasource.url="jdbc:h2:file:$work/data/backsafe" >"$work/start.log" 2>&1) \
	|| { tail -n 40 "$work/start.log"; exit 1; }
(cd "$work" && java -XX:DumpLoadedClassList="$work/validate.classlist" \
	-jar "$code/backsafe.jar" validate "$rules" >"$work/validate.log" 2>&1) \
	|| { tail -n 40 "$work/validate.log"; exit 1; }

# One list, each line once, with two kinds of line left out (their classes are simply made at run
# time instead, which costs no measurable start-up time):
# - lambda classes that touch the Eclipse compiler: its jar is signed, so CDS excludes its classes,
#   and OpenJDK 17 crashes while dumping a lambda whose interface was excluded;
# - regenerated method handle holders (@lambda-form-invoker): with them, OpenJDK 17 crashes at
#   start-up when an agent that sees class loading is attached (a JFR recording, for one).
cat "$work/start.classlist" "$work/validate.classlist" \
	| awk '!/^#/ && !/^@lambda-form-invoker/ && !(/^@lambda-proxy/ && /org\/eclipse\/jdt/) && !seen[$0]++' \
		>"$work/backsafe.classlist"

rm -f "$code/backsafe.jsa"
java -Xshare:dump -XX:SharedClassListFile="$work/backsafe.classlist" -XX:SharedArchiveFile="$code/backsafe.jsa" \
	-jar "$code/backsafe.jar" >"$work/dump.log" 2>&1 || { tail -n 40 "$work/dump.log"; exit 1; }
echo "wrote $code/backsafe.jsa ($(du -m "$code/backsafe.jsa" | cut -f 1) MiB, $(grep -vc '^@' "$work/backsafe.classlist") classes listed)"
