// Measures what topic extraction costs per article: the tagger over headline + lede (what the build
// does) against the tagger over the whole body. Run: npx tsx scripts/measure-topics.ts
import nlp from 'compromise';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { extractEntities } from '../src/load/entities.js';
import { parseArticle } from '../src/load/parse-article.js';
import { plainTextToMdast, renderBody } from '../src/load/body.js';

const dir = process.argv[2] ?? 'seeds';
const samples = readdirSync(dir)
  .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
  .map((f) => {
    const parsed = parseArticle(readFileSync(path.join(dir, f), 'utf8'), f);
    if (Array.isArray(parsed)) throw new Error(f);
    const text = renderBody(plainTextToMdast(parsed.bodyHtml.replace(/<[^>]+>/g, ''))).text;
    const lede = text.split('\n\n')[0] ?? '';
    return { title: parsed.title, lede, text, dateline: parsed.dateline };
  });
const rounds = 30;
extractEntities(samples[0]!.title, samples[0]!.lede); // warm-up: the first call loads the lexicon
function time(fn: () => void): number {
  const start = performance.now();
  for (let r = 0; r < rounds; r++) fn();
  return (performance.now() - start) / rounds / samples.length;
}
const ledeKb = samples.reduce((n, s) => n + Buffer.byteLength(s.title + s.lede), 0) / samples.length / 1024;
const bodyKb = samples.reduce((n, s) => n + Buffer.byteLength(s.text), 0) / samples.length / 1024;
const lede = time(() => samples.forEach((s) => extractEntities(s.title, s.lede, s.dateline)));
const full = time(() => samples.forEach((s) => nlp(s.text).people().out('array')));
console.log(`${samples.length} articles from ${dir}/, ${rounds} rounds`);
console.log(`headline + lede (${ledeKb.toFixed(2)} KB avg): ${lede.toFixed(2)} ms per article`);
console.log(`whole body (${bodyKb.toFixed(2)} KB avg), people only: ${full.toFixed(2)} ms per article`);
