#!/usr/bin/env bash
# A build split over N machines, timed on this one: each shard parses its part of the input into its
# own cache (as each machine of a CI matrix would, one after another here), then one build merges
# the shards' caches and writes the site; then a cold build of the same input, for comparison, and
# a diff of the two sites. Page caches are dropped before each run when run as root.
#   bash scripts/shard-timing.sh bench/.work/corpus-20000-42 2 [--no-search]
set -eu
corpus=$1 n=$2; shift 2
work=$(mktemp -d /tmp/shard-timing.XXXX)
drop() { sync; [ "$(id -u)" = 0 ] && echo 1 > /proc/sys/vm/drop_caches || true; }
run() { drop; /usr/bin/time -f "  %e s wall, %M KB peak" node bin/news-archive.js build --input "$corpus" "$@" 2>&1 | grep -v '^\(reading\|parsing\|writing\):' ; }
node scripts/ensure-deps.mjs >/dev/null
froms=()
for k in $(seq 1 "$n"); do
  echo "shard $k/$n:"; run --out "$work/dist" --cache-dir "$work/shard-$k" --shard "$k/$n" "$@"
  froms+=("$work/shard-$k")
done
echo "merged build:"; run --out "$work/dist" --cache-dir "$work/merged" --cache-from "${froms[@]}" "$@"
echo "cold build:"; run --out "$work/cold" --cache-dir "$work/cold-cache" "$@"
if diff -r -q -x pagefind "$work/dist" "$work/cold" >/dev/null; then echo "sites identical (outside pagefind/)"; else echo "SITES DIFFER"; fi
rm -rf "$work"
