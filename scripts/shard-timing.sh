#!/usr/bin/env bash
# A build split over N machines, timed on this one, one step after another (each step is what one
# machine of a CI matrix runs): N parse shards (`--shard K/N`), then N page shards (`--page-shard K/N`,
# each with every parse shard's cache), then the build that puts the pages together (`--pages-from`).
# Then a cold build of the same input, and a diff of the two sites. Page caches are dropped before
# each step when run as root.
#   bash scripts/shard-timing.sh bench/.work/corpus-20000-42 2 [--no-search]
set -eu
corpus=$1 n=$2; shift 2
work=$(mktemp -d /tmp/shard-timing.XXXX)
drop() { sync; [ "$(id -u)" = 0 ] && echo 1 > /proc/sys/vm/drop_caches || true; }
run() { drop; /usr/bin/time -f "  %e s wall, %M KB peak" node bin/news-archive.js build --input "$corpus" "$@" 2>&1 | grep -v '^\(reading\|parsing\|writing\):' ; }
node scripts/ensure-deps.mjs >/dev/null
caches=() parts=()
for k in $(seq 1 "$n"); do
  echo "parse shard $k/$n:"; run --out "$work/unused" --cache-dir "$work/parse-$k" --shard "$k/$n" "$@"
  caches+=("$work/parse-$k")
done
for k in $(seq 1 "$n"); do
  echo "page shard $k/$n:"; run --out "$work/part-$k" --cache-dir "$work/part-$k-cache" --cache-from "${caches[@]}" --page-shard "$k/$n" "$@"
  parts+=("$work/part-$k")
done
echo "pages put together:"; run --out "$work/dist" --cache-dir "$work/final" --cache-from "${caches[@]}" --pages-from "${parts[@]}" "$@"
echo "cold build:"; run --out "$work/cold" --cache-dir "$work/cold-cache" "$@"
# Pagefind writes its filter and meta files in hash-map order (two cold builds differ there too).
if diff -r -q -x filter -x '*.pf_meta' -x pagefind-entry.json "$work/dist" "$work/cold" >/dev/null; then
  echo "sites identical (but for Pagefind's filter and meta files, which differ between any two builds)"
else
  echo "SITES DIFFER"
fi
rm -rf "$work"
