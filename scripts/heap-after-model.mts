// Heap held by the records after loading and the model stage, after a forced collection:
//   node --expose-gc --import tsx scripts/heap-after-model.mts bench/.work/corpus-20000-42
// (parses on two threads into a fresh cache folder; `npm run bench` makes the corpus).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadArticlesCached } from '../src/cache/load-cached.js';
import { buildSiteModel } from '../src/model/site.js';
import { WorkerPool } from '../src/parallel/worker-pool.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const input = process.argv[2]!;
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'heap-'));
const pool = new WorkerPool(2);
gc();
const before = process.memoryUsage().heapUsed;
const loaded = await loadArticlesCached(input, { dir: cacheDir, workers: pool });
await pool.destroy();
const model = buildSiteModel(loaded.articles);
gc();
const held = process.memoryUsage().heapUsed - before;
console.log(`${model.articles.length} articles: ${(held / 1e6).toFixed(1)} MB of heap, ${((held / model.articles.length) / 1e3).toFixed(2)} KB an article`);
loaded.bodies.close();
rmSync(cacheDir, { recursive: true, force: true });
