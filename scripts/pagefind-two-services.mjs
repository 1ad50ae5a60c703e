// Pagefind's time for the article pages of a built site split in two halves: one service after the other,
// then two services at once, each in its own worker thread (a worker loads its own copy of the `pagefind`
// module, so it starts its own Pagefind process). Wall time in ms, two rounds.
//   node scripts/pagefind-two-services.mjs <built site> [pages=4000]
// Needs lib/ (`node scripts/compile.mjs`).
import { Worker, isMainThread, workerData, parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const [root, n = '4000'] = process.argv.slice(2);
if (isMainThread) {
  const { articlePages } = await import('./article-pages.mjs');
  const pages = articlePages(root, Number(n));
  const half = pages.length / 2;
  const run = (list) => new Promise((res, rej) => { const w = new Worker(new URL(import.meta.url), { workerData: { list, root }, argv: [root] }); w.on('message', res); w.on('error', rej); });
  for (let r = 0; r < 2; r++) {
    let t0 = performance.now();
    await run(pages.slice(0, half)); await run(pages.slice(half));
    console.log('sequential workers', (performance.now() - t0).toFixed(0));
    t0 = performance.now();
    await Promise.all([run(pages.slice(0, half)), run(pages.slice(half))]);
    console.log('two workers at once', (performance.now() - t0).toFixed(0));
  }
} else {
  const pagefind = await import('pagefind');
  const { searchProjection } = await import('../lib/search/search-projection.js');
  const { index } = await pagefind.createIndex({});
  const pending = new Set();
  for (const p of workerData.list) {
    const job = index.addHTMLFile({ sourcePath: p, content: searchProjection(readFileSync(path.join(workerData.root, p), 'utf8')) }).finally(() => pending.delete(job));
    pending.add(job);
    if (pending.size >= 64) await Promise.race(pending);
  }
  await Promise.all(pending);
  const { files } = await index.getFiles();
  await pagefind.close();
  parentPort.postMessage(files.length);
}
