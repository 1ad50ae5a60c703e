// A hash of parseArticle's whole result for every file of a corpus, one line each, and of all of them
// (on standard error): run before and after a change to the parse, then `cmp` the two outputs.
//   npx tsx scripts/parse-digest.mts bench/.work/corpus-20000-42 > /tmp/after.txt
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const src = path.resolve(process.env.SRC ?? path.join(import.meta.dirname, '../src'));
const { parseArticle } = await import(path.join(src, 'load/parse-article.ts'));
const dir = process.argv[2]!;
const files: string[] = [];
for (const y of readdirSync(dir).sort()) if (/^\d{4}$/.test(y)) for (const f of readdirSync(path.join(dir, y)).sort()) files.push(path.join(dir, y, f));
const all = createHash('sha256');
for (const f of files) {
  const json = JSON.stringify(parseArticle(readFileSync(f, 'utf8'), f), (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v));
  all.update(json);
  console.log(f.slice(dir.length + 1), createHash('sha256').update(json).digest('hex').slice(0, 16));
}
console.error('all', all.digest('hex'));
