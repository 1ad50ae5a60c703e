import { readdirSync } from 'node:fs';
import path from 'node:path';

/** A built site's article pages (`YYYY/MM/DD/<slug>/index.html`), relative, in path order, up to `wanted`. */
export function articlePages(dir, wanted, rel = '', out = []) {
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (out.length >= wanted) break;
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory() && r !== 'pagefind') articlePages(dir, wanted, r, out);
    else if (/^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(r)) out.push(r);
  }
  return out;
}
