/**
 * A small archive for search-index tests: eight articles over five years, three search shards, and
 * the builds, snapshots and server the tests of incremental and split builds share.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { build, type BuildOptions } from '../../src/build.js';
import { parseConfig } from '../../src/load/config.js';
import { DiskWriter } from '../../src/write/disk-writer.js';
import { IncrementalDiskWriter } from '../../src/write/incremental-writer.js';
import { launchChromium, serveSite } from '../browser.js';
import { listTree, repoRoot, snapshotTree, tempDir } from '../helpers.js';

/** Three articles per shard at most, so eight articles over five years make three shards on year edges. */
export const MAX_SHARD_PAGES = 3;
export const ARTICLES: [file: string, date: string, text: string][] = [
  ['a1.txt', '2019-03-01', 'The ferry timetable changed for the spring season.'],
  ['a2.txt', '2020-05-02', 'A quokkaville festival filled the square with music.'],
  ['a3.txt', '2020-06-03', 'The council voted to repair the old bridge.'],
  ['b1.txt', '2021-01-04', 'Snow closed the mountain pass for two days.'],
  ['b2.txt', '2021-02-05', 'The library opened a new reading room.'],
  ['b3.txt', '2022-07-06', 'Fishermen reported a record catch of herring.'],
  ['c1.txt', '2023-08-07', 'The harbour lights were replaced with lamps.'],
  ['c2.txt', '2023-09-08', 'A new school opened on the hill.'],
];

/**
 * An article in the seed format. Each has its own dateline place (a topic), so an article's related
 * articles are simply the nearest in time; a shared topic would relate an added article to many.
 */
export const article = (file: string, date: string, text: string, more = 'More text follows here.') =>
  ` date ${date} ${PLACES[file.slice(0, 2)]} — ${text}\n\n${more}\n`;
export const PLACES: Record<string, string> = {
  a1: 'Lima, Peru',
  a2: 'Oslo, Norway',
  a3: 'Cairo, Egypt',
  b1: 'Quito, Ecuador',
  b2: 'Hanoi, Vietnam',
  b3: 'Accra, Ghana',
  c1: 'Perth, Australia',
  c2: 'Dakar, Senegal',
  c3: 'Bergen, Norway',
};

export function workspace() {
  const root = tempDir();
  const input = path.join(root, 'in');
  mkdirSync(input);
  for (const [file, date, text] of ARTICLES) writeFileSync(path.join(input, file), article(file, date, text));
  return { root, input, out: path.join(root, 'dist'), cache: path.join(root, 'cache') };
}

/** Build options; `workers` > 0 renders on a thread pool, whose pages reach the index through `adopt`. */
export function options(input: string, cacheDir?: string, onShard?: (name: string, kept: boolean) => void, workers = 0): BuildOptions {
  const r = parseConfig(readFileSync(path.join(repoRoot, 'tests/fixtures/basic.config.json'), 'utf8'), 'archive.config.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return {
    inputDir: input,
    templatesDir: path.join(repoRoot, 'templates'),
    config: r.config,
    cache: cacheDir === undefined ? undefined : { dir: cacheDir, workers, threshold: 0 },
    searchIndex: { maxShardPages: MAX_SHARD_PAGES, onShard },
  };
}

/** A cached build into `out`, and which shards it kept from the previous build, in order. */
export async function cachedBuild(w: ReturnType<typeof workspace>, workers = 0): Promise<[string, boolean][]> {
  const shards: [string, boolean][] = [];
  const result = await build(options(w.input, w.cache, (name, kept) => shards.push([name, kept]), workers), new IncrementalDiskWriter(w.out, w.cache));
  expect(result.errors).toEqual([]);
  return shards;
}

/** A cold build of the same input with no cache at all: what every cached build must equal. */
export async function coldBuild(input: string): Promise<Map<string, string>> {
  const out = path.join(tempDir(), 'dist');
  await build(options(input), new DiskWriter(out));
  return stableSnapshot(out);
}

/**
 * The built site byte for byte, except what Pagefind writes in hash-map order (upstream issue
 * Pagefind/pagefind#638): filter files, meta files, and the meta file's hash in each
 * `pagefind-entry.json`. Word indexes and fragments must be the same bytes as a cold build's.
 */
export function stableSnapshot(dir: string): Map<string, string> {
  const tree = snapshotTree(dir);
  for (const key of [...tree.keys()]) {
    if (/^pagefind\/([\w-]+\/)?(filter\/|pagefind\.[\w]+\.pf_meta$)/.test(key)) tree.delete(key);
    if (/pagefind-entry\.json$/.test(key)) tree.set(key, tree.get(key)!.replace(/"hash":"\w+"/g, '"hash":"…"'));
  }
  return tree;
}

export const inodes = (dir: string, under: string) => new Map(listTree(path.join(dir, under)).map((f) => [f, statSync(path.join(dir, under, f)).ino]));


/** What the site's search page lists for each word, in a real Chromium, the site served at the root of a local server. */
export async function searchResults(dir: string, words: readonly string[]): Promise<(string | null)[][]> {
  const site = await serveSite(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const results: (string | null)[][] = [];
    for (const word of words) {
      await page.goto(`${site.origin}/search/?q=${word}`);
      const links = page.locator('.pagefind-ui__result-link');
      await expect.poll(() => links.count()).toBeGreaterThan(0);
      results.push(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))));
    }
    return results;
  } finally {
    await browser.close();
    await site.close();
  }
}
