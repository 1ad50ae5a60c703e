// How long a cached build's first check takes: that every file the last build recorded is still in the
// output folder (`everyFileIn` in src/write/incremental-writer.ts). Run after `node scripts/compile.mjs`
// and a cached build: node scripts/output-check-timing.mjs <--cache-dir of the build> <its --out>
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { everyFileIn, MANIFEST, readManifest } from '../lib/write/incremental-writer.js';

const [cacheRoot, out] = process.argv.slice(2);
if (!cacheRoot || !out) throw new Error('usage: node scripts/output-check-timing.mjs <cache dir> <output folder>');
// One folder per output folder under the cache root (see `outputCacheDir` in src/cli/build-command.ts).
const dir = readdirSync(cacheRoot).map((d) => path.join(cacheRoot, d)).find((d) => readdirSync(d).includes(MANIFEST));
if (!dir) throw new Error(`no ${MANIFEST} under ${cacheRoot}`);
const files = [...readManifest(path.join(dir, MANIFEST)).files.keys()];
for (let run = 1; run <= 3; run++) {
  const start = performance.now();
  const all = everyFileIn(out, files);
  console.log(`run ${run}: ${files.length} files, all there: ${all}, ${(performance.now() - start).toFixed(0)} ms`);
}
