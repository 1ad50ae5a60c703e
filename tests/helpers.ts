import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fixtures = path.join(repoRoot, 'tests/fixtures');

export function tempDir(prefix = 'news-archive-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function readFixture(rel: string): string {
  return readFileSync(path.join(fixtures, rel), 'utf8');
}

/** Runs the real command-line tool, as a user would. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin/news-archive.js'), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir`, relative, sorted; for comparing whole trees. */
export function listTree(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    // lstat: a symbolic link is listed as itself, never followed (it may point anywhere, or loop).
    if (lstatSync(path.join(dir, r)).isDirectory()) out.push(...listTree(dir, r));
    else out.push(r);
  }
  return out;
}

/** path → contents, for byte-for-byte comparison of two trees. */
export function snapshotTree(dir: string): Map<string, string> {
  return new Map(
    listTree(dir).map((f) => {
      const full = path.join(dir, f);
      return [f, lstatSync(full).isSymbolicLink() ? `symlink → ${readlinkSync(full)}` : readFileSync(full, 'latin1')];
    }),
  );
}

import { parse } from 'parse5';

interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

/**
 * Everything in a page that could run script, found by a real HTML parser (not a regex), so
 * escaped text inside attribute values is not mistaken for markup: script elements other than
 * JSON-LD, `on*` event handler attributes, `javascript:` URLs, embedding elements.
 */
export function scriptHazards(html: string): string[] {
  const hazards: string[] = [];
  const visit = (node: HtmlNode) => {
    const attrs = node.attrs ?? [];
    if (node.nodeName === 'script') {
      const type = attrs.find((a) => a.name === 'type')?.value;
      const src = attrs.find((a) => a.name === 'src')?.value ?? '';
      // The theme's own scripts: an external file from the site's assets or Pagefind bundle, no inline code.
      const themeScript = /^\/([\w-]+\/)*(assets|pagefind)\/[\w.-]+\.js$/.test(src) && (node.childNodes ?? []).length === 0;
      if (type !== 'application/ld+json' && !themeScript) hazards.push(`<script type=${type ?? ''}>`);
    }
    if (['iframe', 'object', 'embed', 'svg', 'math', 'base'].includes(node.nodeName)) hazards.push(`<${node.nodeName}>`);
    // A form could post a reader's input anywhere; the theme's own search box (a GET to /search/) is the one allowed.
    if (node.nodeName === 'form') {
      const attr = (n: string) => attrs.find((a) => a.name === n)?.value ?? '';
      if (!(attr('method').toLowerCase() === 'get' && /^\/([\w-]+\/)*search\/$/.test(attr('action')))) hazards.push('<form>');
    }
    for (const a of attrs) {
      if (a.name.startsWith('on')) hazards.push(`${node.nodeName}[${a.name}]`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value)) {
        hazards.push(`${node.nodeName}[${a.name}=${a.value}]`);
      }
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(html) as unknown as HtmlNode);
  return hazards;
}

/**
 * A built site for byte-for-byte comparison, except Pagefind's index files: Pagefind writes its
 * filter and meta indexes in hash-map order, so they differ between two runs over the same pages
 * (upstream issue Pagefind/pagefind#638). In their place stands what must agree: the shards written
 * and the number of pages indexed per language, summed over the shards' `pagefind-entry.json`.
 */
export function snapshotSite(dir: string): Map<string, string> {
  return withoutSearchIndex(snapshotTree(dir));
}

/** `snapshotSite` for a snapshot already taken. */
export function withoutSearchIndex(snapshot: Map<string, string>): Map<string, string> {
  const tree = new Map(snapshot);
  const pages: Record<string, number> = {};
  let entries = 0;
  for (const [key, text] of tree) {
    if (!/^pagefind\/([\w-]+\/)?pagefind-entry\.json$/.test(key)) continue;
    entries++;
    for (const [lang, v] of Object.entries((JSON.parse(text) as { languages: Record<string, { page_count: number }> }).languages)) {
      pages[lang] = (pages[lang] ?? 0) + v.page_count;
    }
  }
  const shards = tree.get('pagefind/shards.js');
  for (const key of [...tree.keys()]) if (key.startsWith('pagefind/')) tree.delete(key);
  if (entries > 0) tree.set('pagefind/(pages indexed)', JSON.stringify(pages));
  if (shards !== undefined) tree.set('pagefind/shards.js', shards);
  return tree;
}

/**
 * Every internal link, image and asset reference (`href`, `src`, `srcset`, `poster`) in the built
 * site must name a file that exists under the base path.
 */
export function brokenLinks(dist: string, basePath: string): string[] {
  const broken: string[] = [];
  for (const file of listTree(dist).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(path.join(dist, file), 'utf8');
    for (const m of html.matchAll(/\s(?:href|src|poster)="([^"]+)"|\ssrcset="([^"]+)"/g)) {
      for (const link of m[1] !== undefined ? [m[1]] : m[2]!.split(',').map((c) => c.trim().split(/\s+/)[0]!)) {
        if (/^(https?:|mailto:|#)/.test(link)) continue;
        if (!link.startsWith(basePath)) {
          broken.push(`${file}: ${link} is outside the base path`);
          continue;
        }
        const rel = decodeURIComponent(link.slice(basePath.length).split('#')[0]!);
        const target = path.join(dist, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
        if (!existsSync(target)) broken.push(`${file}: ${link}`);
      }
    }
  }
  return broken;
}

