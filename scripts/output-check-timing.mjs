// How long a cached build's first check takes: that every file the last build recorded is still in the
// output folder (`everyFileIn` in src/write/incremental-writer.ts). Run after `node scripts/compile.mjs`
// and a cached build: node scripts/output-check-timing.mjs <--cache-dir of the build> <its --out>
import path from 'node:path';
import { sha256 } from '../lib/cache/keys.js';
import { everyFileIn, MANIFEST, readManifest } from '../lib/write/incremental-writer.js';

const [cacheRoot, out] = process.argv.slice(2);
if (!cacheRoot || !out) throw new Error('usage: node scripts/output-check-timing.mjs <cache dir> <output folder>');
// The output folder's own cache under the cache root, as the build names it (`outputCacheDir` in src/cli/build-command.ts).
const manifest = readManifest(path.join(path.resolve(cacheRoot), sha256(path.resolve(out)).slice(0, 16), MANIFEST));
if (!manifest) throw new Error(`no complete ${MANIFEST} for ${out} under ${cacheRoot}`);
const files = [...manifest.files.keys()];
for (let run = 1; run <= 3; run++) {
  const start = performance.now();
  const all = everyFileIn(out, files);
  console.log(`run ${run}: ${files.length} files, all there: ${all}, ${(performance.now() - start).toFixed(0)} ms`);
}
