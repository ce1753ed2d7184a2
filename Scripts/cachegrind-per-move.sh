#!/usr/bin/env bash
# Instructions, simulated cache misses and mispredicted branches per search move, counted by
# cachegrind: the work a move does, apart from this machine's noise (±30 % in wall time from
# run to run).
#
#   Scripts/cachegrind-per-move.sh [SEASON.xml] [MOVES]
#
# Runs `wutong bench solve SEASON --seed 1` under cachegrind twice, with a move limit of 1 and
# of 1 + MOVES (default 1,000,000), and divides the difference by MOVES, so that compiling
# and the construction do not count. The two runs build the same first schedule; the
# instructions repeat exactly (hashing is made deterministic), the simulated misses within a
# few per cent (they depend on where memory lands). The simulated caches: 32 KB
# 8-way for instructions and for data, and a 1 MB 16-way last level, the size of this
# machine's L2 per core (a miss there is a trip to the shared L3 or memory). Branches are
# predicted by cachegrind's simple model (saturating counters, not this processor's
# predictor), so its mispredictions compare builds and seasons rather than give the
# machine's own.
# Needs valgrind (apt-get install valgrind) and a release build (or WUTONG=path/to/wutong).
set -euo pipefail
# Paths given are the caller's; the defaults are the repository's.
season=$(realpath "${1:-$(dirname "$0")/../Inputs/hunan-spring-2027/season.xml}")
moves=${2:-1000000}
wutong=$(realpath "${WUTONG:-$(dirname "$0")/../.build/release/wutong}")
command -v valgrind >/dev/null || { echo "error: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
[ -x "$wutong" ] || { echo "error: no $wutong; run swift build -c release first" >&2; exit 2; }
case "$moves" in '' | *[!0-9]* | 0) echo "error: MOVES must be a whole number above 0" >&2; exit 2 ;; esac
# What ends a run (rebuilding and rescoring the best schedule) depends on the schedule found,
# so it only cancels out over many moves; over a few thousand a count can even come out below 0.
if [ "$moves" -lt 100000 ]; then
    echo "warning: over fewer than 100,000 moves the end of the run does not cancel out; the figures are rough" >&2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

count() {
    SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=cachegrind --cache-sim=yes --branch-sim=yes \
        --I1=32768,8,64 --D1=32768,8,64 --LL=1048576,16,64 \
        --cachegrind-out-file="$work/$1.out" "$wutong" bench solve "$season" --move-limit "$2" --seed 1 \
        > "$work/$1.txt" 2> "$work/$1.log" || { cat "$work/$1.log" >&2; exit 1; }
}
count base 1
count search $((moves + 1))
grep -E '^(season|search):' "$work/search.txt"
# The `summary:` line holds the totals in the order of the `events:` line.
awk -v moves="$moves" '
    /^events:/ { for (i = 2; i <= NF; i++) name[i] = $i }
    /^summary:/ { for (i = 2; i <= NF; i++) total[FILENAME, name[i]] = $i }
    END {
        base = ARGV[1]; search = ARGV[2]
        split("Ir D1mr D1mw DLmr DLmw I1mr Bcm Bim", keys, " ")
        for (k in keys) {
            per[keys[k]] = (total[search, keys[k]] - total[base, keys[k]]) / moves
            # A few events fewer over all the moves would print as -0.0.
            if (per[keys[k]] > -0.05 && per[keys[k]] < 0.05) per[keys[k]] = 0
        }
        printf "per move: %.0f instructions, %.1f L1 data misses, %.1f last-level (1 MB) misses, %.1f L1 instruction misses, %.1f mispredicted branches\n",
            per["Ir"], per["D1mr"] + per["D1mw"], per["DLmr"] + per["DLmw"], per["I1mr"], per["Bcm"] + per["Bim"]
    }' "$work/base.out" "$work/search.out"
