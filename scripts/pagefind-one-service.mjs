// Whether one Pagefind service indexes two indexes at once: the article pages of a built site in two
// halves, one index after the other, then both filled together; wall and Pagefind CPU time, two rounds.
//   node scripts/pagefind-one-service.mjs <built site> [pages=2000]
// Needs lib/ (`node scripts/compile.mjs`).
import * as pagefind from 'pagefind';
import { indexPages, pagefindCpuMs, projectedArticlePages } from './pagefind-service.mjs';
const [root, n = '2000'] = process.argv.slice(2);
const cpu = pagefindCpuMs;
const { pages, projections: proj } = projectedArticlePages(root, Number(n));
const half = pages.length / 2;
const A = [...Array(half).keys()], B = A.map((i) => i + half);
await (await pagefind.createIndex({})).index.deleteIndex();
for (let r = 0; r < 2; r++) {
  let c0 = cpu(), t0 = performance.now();
  await indexPages(pagefind, pages, proj, A); await indexPages(pagefind, pages, proj, B);
  console.log('sequential', (performance.now() - t0).toFixed(0), 'ms wall', cpu() - c0, 'ms cpu');
  c0 = cpu(); t0 = performance.now();
  await Promise.all([indexPages(pagefind, pages, proj, A), indexPages(pagefind, pages, proj, B)]);
  console.log('concurrent', (performance.now() - t0).toFixed(0), 'ms wall', cpu() - c0, 'ms cpu');
}
await pagefind.close();
