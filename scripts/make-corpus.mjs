#!/usr/bin/env node
// Writes N generated Markdown articles into DIR, for measuring builds and the search index at scale:
//   node scripts/make-corpus.mjs 5000 /tmp/corpus-5k
// Deterministic (seeded), spread over 2000–2025, ~350 words each drawn Zipf-like from a 20,000-word
// made-up vocabulary, so the index sees a realistic number of distinct words; 1–3 of 300 tags each.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [count = '1000', outDir = 'corpus'] = process.argv.slice(2);
const n = Number(count);
if (!Number.isInteger(n) || n < 1) throw new Error('usage: make-corpus.mjs COUNT DIR');

let seed = 20250704;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const syllables = ['ka', 'lo', 'mi', 'ren', 'sta', 'vor', 'ul', 'an', 'tre', 'po', 'sen', 'dar', 'im', 'gal', 'no', 'vek', 'zu', 'ber', 'ol', 'fin'];
const makeWord = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join('');
const vocabulary = Array.from({ length: 20000 }, makeWord);
// Zipf-like: low ranks are far more common, as in real text.
const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)];
const sentence = () => {
  const words = Array.from({ length: 8 + Math.floor(random() * 14) }, word);
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(' ')}.`;
};
const tags = Array.from({ length: 300 }, makeWord);

mkdirSync(outDir, { recursive: true });
for (let i = 0; i < n; i++) {
  const year = 2000 + Math.floor(random() * 26);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const articleTags = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(tags)))];
  const paragraphs = Array.from({ length: 5 }, () => Array.from({ length: 3 + Math.floor(random() * 3) }, sentence).join(' '));
  const text = `---\ntitle: "${sentence().slice(0, -1)}"\ndate: ${date}\ntags: [${articleTags.join(', ')}]\n---\n\n${paragraphs.join('\n\n')}\n`;
  writeFileSync(path.join(outDir, `${String(i).padStart(6, '0')}.md`), text);
}
process.stdout.write(`wrote ${n} articles to ${outDir}/\n`);
