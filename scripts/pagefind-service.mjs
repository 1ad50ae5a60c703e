import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { articlePages } from './article-pages.mjs';
import { searchProjection } from '../lib/search/search-projection.js';

/** CPU time (user + system, ms) so far of the Pagefind service this script started (its child, not another build's). */
export function pagefindCpuMs() {
  const pid = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'pagefind'], { encoding: 'utf8' }).trim().split('\n')[0];
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A built site's first `wanted` article pages and what the build hands Pagefind of each (search-projection.ts). */
export function projectedArticlePages(root, wanted) {
  const pages = articlePages(root, wanted);
  return { pages, projections: pages.map((rel) => searchProjection(readFileSync(path.join(root, rel), 'utf8'))) };
}

/**
 * The pages `list` (indexes into `pages` and their `projections`) added to a new index of the given
 * `pagefind` module instance, 64 at a time as the build does, then written and deleted; the file count.
 */
export async function indexPages(pagefind, pages, projections, list) {
  const { index } = await pagefind.createIndex({});
  const pending = new Set();
  for (const i of list) {
    const job = index.addHTMLFile({ sourcePath: pages[i], content: projections[i] }).finally(() => pending.delete(job));
    pending.add(job);
    if (pending.size >= 64) await Promise.race(pending);
  }
  await Promise.all(pending);
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return files.length;
}
