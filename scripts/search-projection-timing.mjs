// Pagefind's time for the article pages of a built site, handed over whole and as the build hands
// them over (src/search/search-projection.ts), one after the other in one run: the Pagefind
// process's CPU time (from /proc) to add the pages and to write the index, and whether the two
// indexes' fragments and word index are the same bytes.
//   node scripts/search-projection-timing.mjs <built site> [pages=2000]
// Needs lib/ (`node scripts/compile.mjs`).
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { articlePages } from './article-pages.mjs';
import { searchProjection } from '../lib/search/search-projection.js';
import { pagefindCpuMs } from './pagefind-service.mjs';

const [root, pagesArg = '2000'] = process.argv.slice(2);
if (!root) {
  console.error('usage: node scripts/search-projection-timing.mjs <built site> [pages]');
  process.exit(2);
}
const wanted = Number(pagesArg);



async function indexAll(pages, contents) {
  const { index } = await pagefind.createIndex({});
  const cpu0 = pagefindCpuMs();
  const pending = new Set();
  for (const [i, rel] of pages.entries()) {
    const job = index.addHTMLFile({ sourcePath: rel, content: contents[i] }).finally(() => pending.delete(job));
    pending.add(job);
    if (pending.size >= 64) await Promise.race(pending);
  }
  await Promise.all(pending);
  const cpu1 = pagefindCpuMs();
  const { files } = await index.getFiles();
  const cpu2 = pagefindCpuMs();
  const hash = createHash('sha256');
  for (const f of files.filter((f) => /^(fragment|index)\//.test(f.path)).sort((a, b) => (a.path < b.path ? -1 : 1))) hash.update(f.path).update(f.content);
  return { add: cpu1 - cpu0, write: cpu2 - cpu1, hash: hash.digest('hex').slice(0, 16) };
}

const pages = articlePages(root, wanted);
const whole = pages.map((rel) => readFileSync(path.join(root, rel), 'utf8'));
const started = performance.now();
const projected = whole.map((html) => searchProjection(html));
const projecting = performance.now() - started;
const bytes = (list) => (list.reduce((sum, s) => sum + Buffer.byteLength(s), 0) / 1e6).toFixed(1);
const cut = projected.filter((p, i) => p !== whole[i]).length;
console.log(`${pages.length} article pages, ${bytes(whole)} MB; projected ${cut} of them to ${bytes(projected)} MB in ${projecting.toFixed(0)} ms`);
for (const [name, contents] of [['whole pages', whole], ['projections', projected]]) {
  const r = await indexAll(pages, contents);
  console.log(`${name.padEnd(12)} Pagefind CPU: adding ${r.add} ms (${(r.add / pages.length).toFixed(2)} ms a page), writing ${r.write} ms; fragments + word index ${r.hash}`);
}
await pagefind.close();
