#!/usr/bin/env bash
# Photos: a 24-megapixel JPEG (6000 x 4000, generated) to every derivative (32 files: 5 crops, several widths, JPEG
# and WebP): wall time per run after a warm-up, peak heap (sum of the heap pools' peaks) and the JVM's peak RSS.
# Runs the JUnit test tagged "bench" (left out of ./mvnw verify). Figures go to docs/benchmarks.md, with `uptime`.
#   bench/media.sh            # 3 runs
#   bench/media.sh 5          # another number of runs
# Not yet here (issue 13): reader throughput on a cached article while 10 such uploads are processed, as a ratio
# to idle, interleaved.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
uptime
./mvnw -B -q test -Dtest=MediaDerivativesBenchmark -Dbench.excludedGroups=none -Dmedia.bench.runs="$runs" \
    -DenableAssertions=false -Dsurefire.failIfNoSpecifiedTests=false
grep 'media bench' target/surefire-reports/news.dateline.media.MediaDerivativesBenchmark-output.txt
uptime
