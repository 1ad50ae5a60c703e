// Whether one Pagefind service indexes two indexes at once: the article pages of a built site in two
// halves, one index after the other, then both filled together; wall and Pagefind CPU time, two rounds.
//   node scripts/pagefind-one-service.mjs <built site> [pages=2000]
// Needs lib/ (`node scripts/compile.mjs`).
import * as pagefind from 'pagefind';
import { pagefindCpuMs, projectedArticlePages } from './pagefind-service.mjs';
const [root, n = '2000'] = process.argv.slice(2);
const cpu = pagefindCpuMs;
const { pages, projections: proj } = projectedArticlePages(root, Number(n));
async function one(list) {
  const { index } = await pagefind.createIndex({});
  const pending = new Set();
  for (const i of list) {
    const job = index.addHTMLFile({ sourcePath: pages[i], content: proj[i] }).finally(() => pending.delete(job));
    pending.add(job);
    if (pending.size >= 64) await Promise.race(pending);
  }
  await Promise.all(pending);
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return files.length;
}
const half = pages.length / 2;
const A = [...Array(half).keys()], B = A.map((i) => i + half);
await (await pagefind.createIndex({})).index.deleteIndex();
for (let r = 0; r < 2; r++) {
  let c0 = cpu(), t0 = performance.now();
  await one(A); await one(B);
  console.log('sequential', (performance.now() - t0).toFixed(0), 'ms wall', cpu() - c0, 'ms cpu');
  c0 = cpu(); t0 = performance.now();
  await Promise.all([one(A), one(B)]);
  console.log('concurrent', (performance.now() - t0).toFixed(0), 'ms wall', cpu() - c0, 'ms cpu');
}
await pagefind.close();
