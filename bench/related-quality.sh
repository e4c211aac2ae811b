#!/usr/bin/env bash
# Related News precision@5 on the labelled BBC corpus (../shared/testdata/news-corpus), overall and per topic.
# The same test runs in ./mvnw verify and fails under the plain TF-IDF cosine baseline (0.925).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=RelatedNewsQualityTest -Dsurefire.failIfNoSpecifiedTests=false
out=target/surefire-reports/news.dateline.search.RelatedNewsQualityTest-output.txt
if [ -f "$out" ]; then grep -v -e WARNING -e 'VectorizationProvider' "$out"; else echo "Skipped: the corpus is absent."; fi
