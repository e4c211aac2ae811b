# Sourced by deploy/run.sh, deploy/aot-cache.sh and bench/memory.sh: the JVM options Dateline starts with unless
# JAVA_OPTS is set (set it, even to nothing, to choose your own; JAVA_OPTS= runs the JVM's own defaults).
#
# Measured with bench/memory.sh (docs/benchmarks.md, "Memory"): on a 2-core, 24 GB machine the JVM's defaults (G1,
# an initial heap of 1/64 of the RAM) held 400-505 MB resident after a minute of mixed load for 45 MB of live data.
# The serial collector has no per-region structures (G1's were 41 MB), a small initial heap lets the heap grow to
# what the site needs, and the free ratios give back what a burst took. The maximum heap must be set: below its
# maximum the serial collector grows the old generation at each young collection instead of collecting it, and on a
# quiet machine serving hundreds of pages a second that reached 3.8 GB resident in a minute for 47 MB of live data.
# 512 MB holds a 24-megapixel photo's work beside the site's own; raise it for larger photos.
# MALLOC_ARENA_MAX=2 keeps glibc from giving each busy thread its own malloc arena (SQLite's and the JVM's native
# allocations). Together: 286-299 MB in the same conditions.
DATELINE_JAVA_DEFAULTS="-XX:+UseSerialGC -Xms32m -Xmx512m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
JAVA_OPTS=${JAVA_OPTS-$DATELINE_JAVA_DEFAULTS}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
