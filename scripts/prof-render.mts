// Render time per template on one thread, warm, without writing (views built first, not timed):
//   npx tsx scripts/prof-render.mts bench/.work/corpus-4000-42 [templates folder]
import { loadArticles } from '../src/build.js';
import { parseConfig } from '../src/load/config.js';
import { loadTheme } from '../src/load/theme.js';
import { buildSiteModel } from '../src/model/site.js';
import { createTemplateEngine } from '../src/render/engine.js';
import { renderPageSync } from '../src/render/page-job.js';
import { planSite, renderContext } from '../src/render/site-pages.js';

const input = process.argv[2]!;
const parsed = parseConfig(undefined, 'archive.config.json');
if (!parsed.ok) throw new Error('default config');
const theme = await loadTheme(process.argv[3] ?? 'templates');
const { articles } = await loadArticles(input);
const model = buildSiteModel(articles);
const engine = createTemplateEngine(theme.templates);
const jobs = [...planSite(model, renderContext(parsed.config))].map((j) => ({ template: j.template, view: j.view }));
for (const j of jobs.slice(0, 500)) renderPageSync(engine, j);
const per = new Map<string, { n: number; ms: number; bytes: number }>();
for (const j of jobs) {
  const t = performance.now();
  const html = renderPageSync(engine, j);
  const s = per.get(j.template) ?? { n: 0, ms: 0, bytes: 0 };
  s.n++;
  s.ms += performance.now() - t;
  s.bytes += html.length;
  per.set(j.template, s);
}
let total = 0;
for (const [name, s] of [...per].sort((a, b) => b[1].ms - a[1].ms)) {
  total += s.ms;
  console.log(`${name.padEnd(14)} ${String(s.n).padStart(6)} pages ${s.ms.toFixed(0).padStart(7)} ms ${(s.ms / s.n).toFixed(2).padStart(7)} ms/page ${(s.bytes / s.n / 1024).toFixed(1).padStart(6)} KB/page`);
}
console.log(`all ${jobs.length} pages ${total.toFixed(0)} ms`);
