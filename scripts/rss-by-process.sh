#!/usr/bin/env bash
# Node's and Pagefind's resident memory side by side over time, every 0.5 s, from `ps`: finds what
# each held at the moment the whole build peaked (peak-rss.sh gives each one's own peak). Writes
# "milliseconds node-MB pagefind-MB both-MB" lines to OUT, and the command's output to OUT.log.
#   bash scripts/rss-by-process.sh /tmp/rss.txt node lib/cli/main.js build --input bench/.work/corpus-100000-42 --out /tmp/o --no-cache
#   awk '$3>0 && $2>n {n=$2} $4>t {t=$4; at=$2"+"$3} END {print "Node while Pagefind ran", n, "MB; both", t, "(" at ")"}' /tmp/rss.txt
set -u
out=$1
shift
"$@" >"$out.log" 2>&1 &
top=$!
t0=$(date +%s%N)
: >"$out"
descendants() { local p; for p in $(ps -o pid= --ppid "$1"); do echo "$p"; descendants "$p"; done; }
while kill -0 "$top" 2>/dev/null; do
  pids="$top $(descendants "$top")"
  sizes=$(ps -o rss=,comm= -p "$(echo $pids | tr ' ' ,)" | awk '{ if ($2 ~ /^pagefind/) p += $1; else n += $1 } END { printf "%d %d %d", n / 1024, p / 1024, (n + p) / 1024 }')
  echo "$((($(date +%s%N) - t0) / 1000000)) $sizes" >>"$out"
  sleep 0.5
done
wait "$top"
echo "exit $?" >>"$out.log"
