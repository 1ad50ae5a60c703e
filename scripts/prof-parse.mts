// Parse cost per article on one thread, warm, without I/O, for each input format:
//   npx tsx scripts/prof-parse.mts bench/.work/corpus-20000-42
// (first 3,000 files of a bench corpus; `npm run bench` makes the corpus).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../src/load/parse-article.js';
const dir = process.argv[2]!;
const files: string[] = [];
for (const y of readdirSync(dir)) { if (!/^\d{4}$/.test(y)) continue; for (const f of readdirSync(path.join(dir, y))) files.push(path.join(dir, y, f)); }
const some = files.slice(0, 3000);
const texts = some.map((f) => readFileSync(f, 'utf8'));
for (let i = 0; i < 300; i++) parseArticle(texts[i]!, some[i]!);
const t = performance.now();
for (let i = 0; i < texts.length; i++) parseArticle(texts[i]!, some[i]!);
console.log(((performance.now() - t) / texts.length).toFixed(3), 'ms/article', some.filter(f=>f.endsWith('.md')).length, 'md');
for (const ext of ['.txt', '.md']) {
  const mine = some.map((f, i) => [f, texts[i]!] as const).filter(([f]) => f.endsWith(ext));
  const start = performance.now();
  for (const [f, text] of mine) parseArticle(text, f);
  console.log(`  ${ext.padEnd(4)} ${((performance.now() - start) / mine.length).toFixed(3)} ms/article (${mine.length})`);
}
