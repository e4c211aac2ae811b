#!/usr/bin/env bash
# Search and Related News latency on generated articles (default 100,000), and index build time.
#   bench/search.sh                 # 100,000 articles
#   bench/search.sh 20000           # another size
# Runs the JUnit test tagged "bench" (left out of ./mvnw verify) and prints its figures. Assertions are off, as in
# production: surefire turns them on by default, and Lucene's own assertions made Related News twice as slow.
set -euo pipefail
cd "$(dirname "$0")/.."
articles="${1:-100000}"
./mvnw -B -q test -Dtest=SearchBenchmark -Dbench.excludedGroups=none -Dbench.articles="$articles" -DenableAssertions=false \
    -Dsurefire.failIfNoSpecifiedTests=false
cat target/surefire-reports/news.dateline.search.SearchBenchmark-output.txt | grep -v -e WARNING -e 'VectorizationProvider'
