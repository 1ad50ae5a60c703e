// Pagefind's CPU time to add the article pages of a built site as HTML projections (what the build
// hands it) and as custom records (text, title, date and filters taken from the projection), and to
// write each index; two rounds, in turn.
//   node scripts/pagefind-custom-records.mjs <built site> [pages=2000]
// Needs lib/ (`node scripts/compile.mjs`).
import * as pagefind from 'pagefind';
import { pagefindCpuMs, projectedArticlePages } from './pagefind-service.mjs';
const [root, n = '2000'] = process.argv.slice(2);
const cpu = pagefindCpuMs;
const { pages, projections: proj } = projectedArticlePages(root, Number(n));
const recs = proj.map((h, i) => {
  const title = /<h1>([^<]*)<\/h1>/.exec(h)[1];
  const body = h.replace(/<[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<\/(h2|p)>/g, '').replace(/<title>[\s\S]*?<\/title>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  return { url: '/' + pages[i].replace(/index\.html$/, ''), content: body, language: 'en', meta: { title, date: /data-pagefind-meta="date:([^"]*)"/.exec(h)[1] }, filters: { year: [/year:(\d+)/.exec(h)[1]] }, sort: { date: /date:(\d{4}-\d\d-\d\d)/.exec(h)[1] } };
});
async function run(kind) {
  const { index } = await pagefind.createIndex({});
  const c0 = cpu(); const t0 = performance.now();
  const pending = new Set();
  for (let i = 0; i < pages.length; i++) {
    const job = (kind === 'html' ? index.addHTMLFile({ sourcePath: pages[i], content: proj[i] }) : index.addCustomRecord(recs[i])).finally(() => pending.delete(job));
    pending.add(job);
    if (pending.size >= 64) await Promise.race(pending);
  }
  await Promise.all(pending);
  const c1 = cpu(); const t1 = performance.now();
  const { files } = await index.getFiles();
  const c2 = cpu(); const t2 = performance.now();
  console.log(kind.padEnd(7), `add cpu ${c1 - c0} ms wall ${(t1 - t0).toFixed(0)}; write cpu ${c2 - c1} wall ${(t2 - t1).toFixed(0)}; files ${files.length}`);
  await index.deleteIndex();
}
for (let r = 0; r < 2; r++) { await run('html'); await run('custom'); }
await pagefind.close();
