// Parse cost per article as a worker pays it: reading the file, parsing, appending the body to a pack:
//   npx tsx scripts/prof-parse-batch.mts bench/.work/corpus-20000-42
import { readdirSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseBatch } from '../src/parallel/parse-task.js';
const dir = process.argv[2]!;
const files: string[] = [];
for (const y of readdirSync(dir)) { if (!/^\d{4}$/.test(y)) continue; for (const f of readdirSync(path.join(dir, y))) files.push(path.join(dir, y, f)); }
const some = files.slice(0, 3000);
rmSync('/tmp/pb', { recursive: true, force: true }); mkdirSync('/tmp/pb');
const items = some.map((full, index) => ({ index, full, file: full }));
await parseBatch({ items: items.slice(0, 300), packDir: '/tmp/pb', packPrefix: 'w' });
const t = performance.now();
for (let i = 0; i < items.length; i += 64) await parseBatch({ items: items.slice(i, i + 64), packDir: '/tmp/pb', packPrefix: 'x' });
console.log(((performance.now() - t) / items.length).toFixed(3), 'ms/article incl. read + pack');
