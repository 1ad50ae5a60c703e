// The parse's own scanners timed alone, warm, on one thread: the best of 15 passes over the first
// 3,000 files of a bench corpus (`npm run bench` makes it), in microseconds an article:
//   npx tsx scripts/prof-scanners.mts bench/.work/corpus-20000-42
// To compare with another commit, run the same file against that commit's sources, in turn:
//   git worktree add /tmp/other <commit> && ln -s "$PWD/node_modules" /tmp/other/node_modules
//   SRC=/tmp/other/src npx tsx scripts/prof-scanners.mts bench/.work/corpus-20000-42
// (the character check is timed only where `findForbiddenCharacter` exists, since 0e89982).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const src = path.resolve(process.env.SRC ?? path.join(import.meta.dirname, '../src'));
const { parseArticle, findForbiddenCharacter } = await import(path.join(src, 'load/parse-article.ts'));
const { findNames } = await import(path.join(src, 'load/name-finder.ts'));
const { countWords } = await import(path.join(src, 'load/body.ts'));

const dir = process.argv[2]!;
const files: string[] = [];
for (const y of readdirSync(dir)) if (/^\d{4}$/.test(y)) for (const f of readdirSync(path.join(dir, y))) files.push(path.join(dir, y, f));
const some = files.slice(0, 3000);
const raw = some.map((f) => readFileSync(f, 'utf8'));
// What the name finder reads: the headline twice, then the body's text (as `extractEntities` gives it).
const texts: string[] = [];
raw.forEach((text, i) => {
  const a = parseArticle(text, some[i]!);
  if (!Array.isArray(a)) texts.push(`${a.title}.\n${a.title}.\n${a.bodyHtml.replace(/<[^>]+>/g, ' ')}`);
});

function best(fn: (s: string) => unknown, inputs: string[]): string {
  let min = Infinity;
  for (let pass = 0; pass < 15; pass++) {
    const t = performance.now();
    for (const s of inputs) fn(s);
    min = Math.min(min, performance.now() - t);
  }
  return `${((min * 1000) / inputs.length).toFixed(1)} µs`;
}

const out = [`findNames ${best(findNames, texts)}`, `countWords ${best(countWords, texts)}`];
if (typeof findForbiddenCharacter === 'function') out.push(`character check ${best(findForbiddenCharacter, raw)}`);
console.log(out.join('  '));
