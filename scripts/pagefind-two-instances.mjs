// Two Pagefind services in one thread: the `pagefind` module keeps its service (one process) in a
// module-level variable, so a second instance of the module, imported under another URL, starts a
// second process. The article pages of a built site in two halves, one after the other on one service,
// then at once on two; wall time in ms, two rounds.
//   node scripts/pagefind-two-instances.mjs <built site> [pages=4000]
// Needs lib/ (`node scripts/compile.mjs`).
import { execFileSync } from 'node:child_process';
import { indexPages, projectedArticlePages } from './pagefind-service.mjs';
const [root, n = '4000'] = process.argv.slice(2);
const first = await import('pagefind');
const second = await import(`${import.meta.resolve('pagefind')}?instance=2`);
const { pages, projections: proj } = projectedArticlePages(root, Number(n));
const half = pages.length / 2;
const A = [...Array(half).keys()], B = A.map((i) => i + half);
await (await first.createIndex({})).index.deleteIndex();
await (await second.createIndex({})).index.deleteIndex();
const services = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'pagefind'], { encoding: 'utf8' }).trim().split('\n').length;
console.log('Pagefind processes started by this script:', services);
for (let r = 0; r < 2; r++) {
  let t0 = performance.now();
  await indexPages(first, pages, proj, A); await indexPages(first, pages, proj, B);
  console.log('one service, halves in turn', (performance.now() - t0).toFixed(0), 'ms');
  t0 = performance.now();
  await Promise.all([indexPages(first, pages, proj, A), indexPages(second, pages, proj, B)]);
  console.log('two services at once', (performance.now() - t0).toFixed(0), 'ms');
}
await first.close();
await second.close();
