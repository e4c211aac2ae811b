#!/usr/bin/env bash
# JMH benchmark of the reader pages' uncached render without HTTP (bench/jmh, docs/benchmarks.md): the article,
# the home page and a section page of the sample site on SQLite, page cache off, through the servlet filters and
# the dispatcher into a mock response. Prints ns/op per page. Not part of the test suite: the profile "jmh" only
# puts JMH on the test classpath, and this script compiles bench/jmh into target/jmh by itself.
# Usage: [PAGES=regex] bench/render-jmh.sh [JMH options], e.g. PAGES=article bench/render-jmh.sh -wi 10
set -euo pipefail
cd "$(dirname "$0")/.."

JDK=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
        JDK=$candidate; break
    fi
done
[ -n "$JDK" ] || { echo "No JDK 21+ (with javac) found under /usr/lib/jvm or JAVA_HOME" >&2; exit 2; }

OUT=target/jmh
mkdir -p "$OUT/classes"
./mvnw -B -q -o -Pjmh test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$OUT/classpath.txt")"
"$JDK/bin/javac" --release 21 -proc:full -cp "$CP" -d "$OUT/classes" $(find bench/jmh/java -name '*.java')
exec "$JDK/bin/java" --enable-native-access=ALL-UNNAMED -cp "$OUT/classes:$CP" org.openjdk.jmh.Main \
    "PageRenderBenchmark\.(${PAGES:-article|home|section})$" "$@"
