#!/usr/bin/env bash
# Longer fuzzing of the three fuzz targets (issue 21): the Markdown renderer (story/MarkdownFuzzTest), the comment
# text formatter (comment/CommentTextFuzzTest) and the WordPress export reader (interchange/WxrReaderFuzzTest).
#
#   bench/fuzz.sh                 FUZZ_SECONDS=60 for the seeded generator, Jazzer's own @FuzzTest for up to 2 min each
#
# In the suite each target runs a few seconds of seeded inputs; the Jazzer @FuzzTest methods are tagged "fuzz" and
# left out (Jazzer takes about a minute to start), so findings are replayed here, not in ./mvnw verify.
# Here JAZZER_FUZZ=1 makes Jazzer fuzz each @FuzzTest coverage-guided for its maxDuration; a finding is written under
# src/test/resources/<package>/<Class>Inputs/ and replayed by every later run of this script. Any exception other than our
# refusal type (and, for the WXR reader, its parse faults with line and column) fails the target.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
status=0
echo "Seeded generator, ${SECONDS_EACH}s per target"
./mvnw -o -q test -Dtest='MarkdownFuzzTest#arbitrary*,CommentTextFuzzTest#arbitrary*,WxrReaderFuzzTest#arbitrary*' \
    -Ddateline.fuzz.seconds="$SECONDS_EACH" || status=1
for target in 'MarkdownFuzzTest#markdown' 'CommentTextFuzzTest#commentText' 'WxrReaderFuzzTest#wxr'; do
    echo "Jazzer, coverage-guided: $target"
    JAZZER_FUZZ=1 ./mvnw -o -q test -Dtest="$target" -Dbench.excludedGroups=none || status=1
done
grep -h "inputs" target/surefire-reports/*FuzzTest-output.txt 2>/dev/null || true
exit $status
