import nodePath from 'node:path';
import type { Article, ContentError } from '../types.js';

/**
 * The archive's promise that a published URL stays reachable. `published-urls.txt` lists every
 * article URL a build has published (site-relative, without the base path), each with the source
 * file that published it (relative to the input folder), so a build can tell an editor not only
 * which URL would disappear but which article used to own it and the exact line that keeps it.
 */

/** One line of the list. */
export interface PublishedEntry {
  /** Site-relative path: `/2025/07/04/slug/`. */
  path: string;
  /** Source file that published it, relative to the input folder (`2025-07-04-fireworks.md`); empty when unknown. */
  source: string;
}

export interface PublishedList {
  /** The list file as shown in messages. */
  file: string;
  entries: (PublishedEntry & { line: number })[];
}

export const PUBLISHED_HEADER = [
  '# published-urls.txt: every article URL this archive has published, one per line:',
  '# the path (without the base URL), a tab, and the source file (relative to the input folder) that published it.',
  '# `news-archive build` adds new URLs after each successful build and never removes one; `check` never writes.',
  '# A build that would no longer publish a listed URL fails: keep it (front matter `slug:`), redirect it',
  '# (front matter `aliases: [/old/path/]` on the article that replaces it), or drop it on purpose by deleting its line.',
];

/** Parses the list; bad lines are errors with their line number, like any other input. */
export function parsePublishedList(text: string, file: string): { list: PublishedList; errors: ContentError[] } {
  const entries: PublishedList['entries'] = [];
  const errors: ContentError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [path = '', source = ''] = line.split('\t').map((s) => s.trim());
    if (!path.startsWith('/') || /\s/.test(path)) {
      errors.push({ file, line: i + 1, message: `expected a site-relative URL path such as /2025/07/04/slug/, then a tab and the source file; found "${line.slice(0, 60)}"` });
      return;
    }
    entries.push({ path, source, line: i + 1 });
  });
  return { list: { file, entries }, errors };
}

/** The file's text: header, then one `path<TAB>source` line per URL, sorted by path, so diffs stay small. */
export function formatPublishedList(entries: readonly PublishedEntry[]): string {
  const lines = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((e) => (e.source ? `${e.path}\t${e.source}` : e.path));
  return `${[...PUBLISHED_HEADER, ...lines].join('\n')}\n`;
}

/**
 * The list after a successful build: every listed URL (none is ever dropped here) plus the ones
 * published for the first time. A listed URL's source is updated to the article that publishes
 * it now (a file may be renamed without changing its URL).
 */
export function mergePublished(list: PublishedList | undefined, now: readonly PublishedEntry[]): { entries: PublishedEntry[]; added: number } {
  const byPath = new Map<string, PublishedEntry>();
  for (const e of list?.entries ?? []) byPath.set(e.path, { path: e.path, source: e.source });
  let added = 0;
  for (const e of now) {
    if (!byPath.has(e.path)) added++;
    byPath.set(e.path, e);
  }
  return { entries: [...byPath.values()], added };
}

/** The last segment of an article path: `/2025/07/04/old-slug/` → `old-slug`, when it has the shape of one. */
function articleShape(path: string): { date: string; slug: string } | undefined {
  const m = /^\/(\d{4})\/(\d{2})\/(\d{2})\/([a-z0-9-]+)\/$/.exec(path);
  return m ? { date: `${m[1]}-${m[2]}-${m[3]}`, slug: m[4]! } : undefined;
}

export interface PermanenceInput {
  list: PublishedList;
  /** Every valid article, drafts and embargoed ones too. */
  all: readonly Article[];
  /** The articles this build publishes. */
  published: readonly Article[];
  /** An article's source path relative to the input folder, as the list records it. */
  relativeSource: (source: string) => string;
  /** Files that already have errors this run: their articles are missing for that reason, said once. */
  failedFiles: ReadonlySet<string>;
}

/**
 * One error per listed URL this build would no longer serve, neither as a page nor as a redirect,
 * each saying what to do: the owner's exact front-matter line when the article is still there.
 */
export function permanenceErrors(input: PermanenceInput): ContentError[] {
  const { list } = input;
  const served = new Set<string>();
  for (const a of input.published) {
    served.add(a.path);
    for (const alias of a.aliases ?? []) served.add(alias);
  }
  const bySource = new Map(input.all.map((a) => [input.relativeSource(a.source), a]));
  const isPublished = new Set(input.published.map((a) => a.source));
  const errors: ContentError[] = [];
  for (const entry of list.entries) {
    if (served.has(entry.path)) continue;
    const owner = entry.source ? bySource.get(entry.source) : undefined;
    if (owner && input.failedFiles.has(owner.source)) continue;
    if (!owner) {
      if ([...input.failedFiles].some((f) => input.relativeSource(f) === entry.source)) continue;
      const was = entry.source ? ` (its article ${entry.source} is gone)` : '';
      errors.push({
        file: list.file,
        line: entry.line,
        message: `published URL ${entry.path} would disappear${was}; restore the article, or add "aliases: [${entry.path}]" to the front matter of the article that replaces it, or delete this line to drop the URL on purpose`,
      });
      continue;
    }
    if (!isPublished.has(owner.source)) {
      errors.push({
        file: owner.source,
        message: `published URL ${entry.path} (${list.file}:${entry.line}) would disappear: this article is now a draft or dated after the build's date; publish it again, or delete that line of ${list.file} to withdraw the URL on purpose`,
      });
      continue;
    }
    errors.push({ file: owner.source, message: movedMessage(entry, owner, list) });
  }
  return errors;
}

/** The article that owned the URL now has another one: say exactly which line keeps or redirects the old one. */
function movedMessage(entry: PublishedEntry & { line: number }, owner: Article, list: PublishedList): string {
  const head = `its published URL ${entry.path} (${list.file}:${entry.line}) would change to ${owner.path}`;
  const alias = `aliases: [${entry.path}]`;
  const old = articleShape(entry.path);
  if (old && old.date === owner.date) {
    if (owner.format === 'markdown') {
      return `${head}; to keep it, add this line to the front matter: "slug: ${old.slug}" (or "${alias}" to redirect the old URL to the new one)`;
    }
    return `${head}; a seed (.txt) file cannot set its slug: restore its first sentence, or make it a Markdown (.md) article with "slug: ${old.slug}" in its front matter`;
  }
  if (owner.format === 'markdown') return `${head}; to redirect the old URL, add this line to the front matter: "${alias}"`;
  return `${head}; a seed (.txt) file cannot declare aliases: restore its date, or make it a Markdown (.md) article with "${alias}" in its front matter`;
}

/**
 * First path segments the site's own pages and files live under: an alias there would overwrite one of
 * them, or (`/feed.xml/`) need a folder where the site writes a file.
 */
const SITE_SECTIONS = new Set([
  'archive', 'topics', 'corrections', 'search', 'on-this-day', 'assets', 'pagefind', 'page', '404.html',
  'feed.xml', 'atom.xml', 'feed.json', 'sitemap.xml', 'news-sitemap.xml', 'robots.txt', 'articles.json', '_headers', '_redirects',
]);
/** The numbered sitemaps `sitemap.xml` indexes past 50,000 URLs (see render/sitemaps.ts). */
const SITEMAP_PART = /^sitemap-\d+\.xml$/;
/** A year, month or day index, or one of its later pages: `/2025/`, `/2025/07/04/`, `/2025/07/page/2/`. */
const DATE_INDEX = /^\/\d{4}\/(\d{2}\/(\d{2}\/)?)?(page\/\d+\/)?$/;

/**
 * Aliases that cannot become redirect pages: one that is a live article's URL, one claimed by two
 * articles, or one where the site's own pages live (the home page, a year, month or day index, a section).
 */
export function aliasErrors(articles: readonly Article[]): ContentError[] {
  const live = new Map(articles.map((a) => [a.path, a.source]));
  const claimed = new Map<string, string>();
  const errors: ContentError[] = [];
  for (const a of articles) {
    for (const alias of a.aliases ?? []) {
      const error = (message: string) => errors.push({ file: a.source, line: a.aliasesLine, message: `alias ${alias} ${message}` });
      const first = alias.split('/')[1] ?? '';
      if (live.has(alias)) error(`is the URL of ${live.get(alias) === a.source ? 'this article itself' : live.get(alias)}; an alias is an old URL that no article uses now`);
      else if (claimed.has(alias)) error(`is already declared by ${claimed.get(alias)}; an old URL can redirect to one article only`);
      else if (SITE_SECTIONS.has(first) || SITEMAP_PART.test(first) || DATE_INDEX.test(alias)) error("is where the site's own pages live; it cannot redirect");
      else claimed.set(alias, a.source);
    }
  }
  return errors;
}

/**
 * Every URL error of a build: aliases that cannot be written, and listed URLs it would drop.
 * `list` is absent when the archive keeps no list (then only aliases are checked).
 */
export function urlErrors(input: Omit<PermanenceInput, 'list' | 'relativeSource' | 'failedFiles'> & {
  list?: PublishedList;
  inputDir: string;
  errors: readonly ContentError[];
}): ContentError[] {
  const errors = aliasErrors(input.all);
  if (!input.list) return errors;
  const relativeSource = sourceRelativeTo(input.inputDir);
  const failedFiles = new Set(input.errors.map((e) => e.file));
  return [...errors, ...permanenceErrors({ ...input, list: input.list, relativeSource, failedFiles })];
}

/** Where each published article lives, as the list records it. */
export function publishedEntries(articles: readonly Article[], inputDir: string): PublishedEntry[] {
  const relativeSource = sourceRelativeTo(inputDir);
  return articles.map((a) => ({ path: a.path, source: relativeSource(a.source) }));
}

/** `seeds/2025/x.md` → `2025/x.md` for input `seeds`, with `/` separators on every system. */
export function sourceRelativeTo(inputDir: string): (source: string) => string {
  const root = nodePath.resolve(inputDir);
  return (source) => nodePath.relative(root, nodePath.resolve(source)).split(nodePath.sep).join('/');
}
