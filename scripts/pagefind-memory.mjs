// Pagefind's memory on its own: adds the first N article pages of a built site to one index, as the
// build does (64 requests in flight), then asks for the index files, sampling the Pagefind process's
// resident memory from `ps` every 0.1 s. Shows how much a shard holds once filled and how much more
// Pagefind needs while it writes it out.
//   node scripts/pagefind-memory.mjs <built site> [pages=2000] [in flight=64]
import * as pagefind from 'pagefind';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { articlePages } from './article-pages.mjs';

const [root, pagesArg = '2000', inFlightArg = '64'] = process.argv.slice(2);
if (!root) {
  console.error('usage: node scripts/pagefind-memory.mjs <built site> [pages] [in flight]');
  process.exit(2);
}
const wanted = Number(pagesArg);
const inFlight = Number(inFlightArg);


/** The Pagefind process's resident memory in MB (0 when it is not running). */
function pagefindMb() {
  const lines = execFileSync('ps', ['-e', '-o', 'rss=,comm='], { encoding: 'utf8' }).split('\n');
  return Math.max(0, ...lines.filter((l) => /pagefind/.test(l)).map((l) => Math.round(Number(l.trim().split(/\s+/)[0]) / 1024)));
}

const pages = articlePages(root, wanted);
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, pagefindMb())), 100);
const { index } = await pagefind.createIndex({});
const started = Date.now();
const pending = new Set();
for (const [i, rel] of pages.entries()) {
  const job = index.addHTMLFile({ sourcePath: rel, content: readFileSync(path.join(root, rel), 'utf8') }).finally(() => pending.delete(job));
  pending.add(job);
  if (pending.size >= inFlight) await Promise.race(pending);
  if ((i + 1) % 500 === 0) console.log(`${i + 1} pages added: ${pagefindMb()} MB`);
}
await Promise.all(pending);
const filled = pagefindMb();
const added = Date.now() - started;
const { files } = await index.getFiles();
const written = Date.now() - started - added;
clearInterval(sampler);
peak = Math.max(peak, pagefindMb());
const bytes = files.reduce((sum, f) => sum + f.content.length, 0);
console.log(`${pages.length} pages added in ${added} ms (${filled} MB); index files (${files.length}, ${(bytes / 1e6).toFixed(1)} MB) in ${written} ms; Pagefind's peak ${peak} MB`);
await pagefind.close();
