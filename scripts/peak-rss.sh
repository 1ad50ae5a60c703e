#!/usr/bin/env bash
# Peak memory of a build, from the OS: runs the command under /usr/bin/time -v (peak of the largest
# single process) and samples `ps` every 0.2 s for the Pagefind process and for the whole process
# tree (Node, its worker threads, Pagefind) added up.
#   bash scripts/peak-rss.sh node bin/news-archive.js build -i /tmp/corpus-5k -o /tmp/out-5k --no-cache
set -u
log=$(mktemp)
/usr/bin/time -v "$@" >"$log.out" 2>"$log" &
top=$!
pf=0 tree=0
descendants() { local p; for p in $(ps -o pid= --ppid "$1"); do echo "$p"; descendants "$p"; done; }
while kill -0 "$top" 2>/dev/null; do
  pids=$(descendants "$top")
  if [ -n "$pids" ]; then
    sum=0
    while read -r pid rss comm; do
      sum=$((sum + rss))
      case "$comm" in pagefind*) [ "$rss" -gt "$pf" ] && pf=$rss ;; esac
    done < <(ps -o pid=,rss=,comm= -p "$(echo $pids | tr ' ' ,)")
    [ "$sum" -gt "$tree" ] && tree=$sum
  fi
  sleep 0.2
done
wait "$top"; code=$?
tail -n 3 "$log.out"
grep -E 'Elapsed|Maximum resident' "$log"
echo "sampled peak: pagefind $((pf / 1024)) MB, whole tree $((tree / 1024)) MB (exit $code)"
rm -f "$log" "$log.out"
