#!/usr/bin/env bash
# Resident memory of a command over time, from /proc, every 50 ms: finds *when* a build peaks
# (/usr/bin/time only says how high). Writes "milliseconds KB" lines to OUT.
#   bash scripts/rss-timeline.sh /tmp/rss.txt node bin/news-archive.js build -i bench/.work/corpus-100000-42 -o /tmp/o --no-search
#   sort -k2 -n -r /tmp/rss.txt | head -1        # the peak and when it came
set -u
out=$1
shift
"$@" &
pid=$!
t0=$(date +%s%N)
: >"$out"
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/VmRSS/{print $2}' "/proc/$pid/status" 2>/dev/null)
  echo "$((($(date +%s%N) - t0) / 1000000)) ${rss:-0}" >>"$out"
  sleep 0.05
done
wait "$pid"
