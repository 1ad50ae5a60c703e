#!/usr/bin/env bash
# CPU used by a build's Node process and by its Pagefind process, every second, beside the build's
# own phase lines: shows which of them the writing phase waits on, and when a core stands idle.
# Each line: seconds since the start, then each process's CPU time so far in ms.
#   bash scripts/cpu-timeline.sh node lib/cli/main.js build --input bench/.work/corpus-4000-42 --out <new folder>
set -u
t0=$(date +%s%N)
since() { echo "$(( ($(date +%s%N) - t0) / 1000000 ))" | awk '{ printf "%.2f", $1 / 1000 }'; }
cpu() { awk '{ print ($14 + $15) * 10 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
descendants() { local p; for p in $(ps -o pid= --ppid "$1"); do echo "$p"; descendants "$p"; done; }
"$@" 2>&1 | while IFS= read -r line; do echo "$(since) $line"; done &
pipeline=$!
sleep 0.2
while kill -0 "$pipeline" 2>/dev/null; do
  node=0 pagefind=0
  for p in $(descendants $$); do
    case "$(cat "/proc/$p/comm" 2>/dev/null)" in
      node) node=$((node + $(cpu "$p"))) ;;
      pagefind*) pagefind=$((pagefind + $(cpu "$p"))) ;;
    esac
  done
  echo "$(since) cpu node=${node} pagefind=${pagefind}"
  sleep 1
done
wait
