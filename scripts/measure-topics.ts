// What topic extraction costs per article: the lexicon-based finder over the whole body (what the
// build does) against compromise's full tagger over the lede and over the whole body.
// Run: npx tsx scripts/measure-topics.ts [folder]   (default: seeds)
import nlp from 'compromise';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { countWords } from '../src/load/body.js';
import { extractEntities } from '../src/load/entities.js';
import { parseArticle } from '../src/load/parse-article.js';

const dir = process.argv[2] ?? 'seeds';
const samples = readdirSync(dir)
  .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
  .map((f) => {
    const parsed = parseArticle(readFileSync(path.join(dir, f), 'utf8'), f);
    if (Array.isArray(parsed)) throw new Error(`${f}: ${parsed[0]!.message}`);
    const text = parsed.bodyHtml.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/&[^;]+;/g, ' ');
    return { title: parsed.title, text, lede: text.split(/\n/)[0] ?? text, dateline: parsed.dateline };
  });
const rounds = 30;
function perArticle(fn: (s: (typeof samples)[number]) => void): number {
  samples.forEach(fn); // warm-up
  const start = performance.now();
  for (let r = 0; r < rounds; r++) samples.forEach(fn);
  return (performance.now() - start) / rounds / samples.length;
}
const kb = (pick: (s: (typeof samples)[number]) => string) => samples.reduce((n, s) => n + Buffer.byteLength(pick(s)), 0) / samples.length / 1024;
const tagger = (text: string) => {
  const doc = nlp(text);
  doc.people().out('array');
  doc.places().out('array');
  doc.organizations().out('array');
};
const finder = perArticle((s) => extractEntities(s.title, s.text, s.dateline));
const ledeTagger = perArticle((s) => tagger(`${s.title}. ${s.lede}`));
const bodyTagger = perArticle((s) => tagger(s.text));
console.log(`${samples.length} articles from ${dir}/ (${samples.reduce((n, s) => n + countWords(s.text), 0)} words), ${rounds} rounds`);
console.log(`name finder, whole body (${kb((s) => s.text).toFixed(2)} KB avg): ${finder.toFixed(3)} ms per article`);
console.log(`compromise tagger, headline + lede (${kb((s) => s.title + s.lede).toFixed(2)} KB avg): ${ledeTagger.toFixed(3)} ms per article`);
console.log(`compromise tagger, whole body: ${bodyTagger.toFixed(3)} ms per article`);
