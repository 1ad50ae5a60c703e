#!/usr/bin/env bash
# A build's wall time and the CPU time its Pagefind process used (read from /proc every 0.2 s; the
# last reading before it exits), with the build's own phase lines:
#   bash scripts/pagefind-cpu.sh node lib/cli/main.js build --input bench/.work/corpus-4000-42 --out <new folder>
set -u
start=$(date +%s%N)
"$@" >/tmp/pagefind-cpu.$$.log 2>&1 &
build=$!
cpu=0
descendants() { local p; for p in $(ps -o pid= --ppid "$1"); do echo "$p"; descendants "$p"; done; }
while kill -0 "$build" 2>/dev/null; do
  # This build's Pagefind only, not another build's running beside it.
  for p in $(descendants "$build"); do
    grep -q pagefind "/proc/$p/comm" 2>/dev/null || continue
    t=$(awk '{ print ($14 + $15) * 10 }' "/proc/$p/stat" 2>/dev/null)
    [ -n "$t" ] && [ "$t" -gt "$cpu" ] && cpu=$t
  done
  sleep 0.2
done
wait "$build"
status=$?
grep -E '^(parsing|writing|Built)' /tmp/pagefind-cpu.$$.log
rm -f /tmp/pagefind-cpu.$$.log
echo "wall $(( ($(date +%s%N) - start) / 1000000 )) ms, Pagefind's CPU ${cpu} ms"
exit "$status"
