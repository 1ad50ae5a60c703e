/**
 * A build split over machines by pages (`--page-shard K/N`, then `--pages-from`): each page shard
 * renders its pages and indexes its search shards whole; the build that puts them together keeps
 * every page and every search shard (no render, no Pagefind) and equals a cold build.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { SplitPart } from '../../src/load/shard.js';
import { assembleParts, installAssembled, PART_RECORD, savePartRecord } from '../../src/write/assemble-parts.js';
import { IncrementalDiskWriter, readManifest } from '../../src/write/incremental-writer.js';
import { coldBuild, options, searchResults, stableSnapshot, workspace } from './search-archive.js';

type Shards = [string, boolean][];

/** One page shard's build into its own folder and cache, as one machine of the matrix runs it. */
async function pageShardBuild(w: ReturnType<typeof workspace>, pageShard: SplitPart, search = true): Promise<{ dir: string; shards: Shards; pages: number }> {
  const dir = path.join(w.root, `part-${pageShard.index}`);
  const cache = path.join(w.root, `part-${pageShard.index}-cache`);
  const shards: Shards = [];
  const settings = { ...options(w.input, cache, (name, kept) => shards.push([name, kept])), pageShard, search };
  const result = await build(settings, new IncrementalDiskWriter(dir, cache));
  expect(result.errors).toEqual([]);
  savePartRecord(cache, dir);
  return { dir, shards, pages: result.pages };
}

describe('page shards put together', () => {
  it('each part indexes whole search shards; the assembled build keeps every page and shard and equals a cold build', async () => {
    const w = workspace();
    const one = await pageShardBuild(w, { index: 1, count: 2 });
    const two = await pageShardBuild(w, { index: 2, count: 2 });
    // Search-shard groups go to page shards in turn: 2019–2020 and 2023 to the first, 2021–2022 to the second.
    expect(one.shards).toEqual([
      ['2019', false],
      ['2023', false],
    ]);
    expect(two.shards).toEqual([['2021', false]]);
    // The site-wide files are left to the build that puts the parts together.
    for (const file of ['articles.json', 'feed.xml', 'sitemap.xml', 'pagefind/shards.js', '_headers']) {
      expect(existsSync(path.join(one.dir, file)) || existsSync(path.join(two.dir, file))).toBe(false);
    }
    // Pagefind's scripts come with the first search shard only.
    expect(existsSync(path.join(one.dir, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(path.join(two.dir, 'pagefind/pagefind.js'))).toBe(false);

    const assembled = assembleParts(w.out, [one.dir, two.dir]);
    if ('problem' in assembled) throw new Error(assembled.problem);
    const shards: Shards = [];
    const result = await build(options(w.input, w.cache, (name, kept) => shards.push([name, kept])), new IncrementalDiskWriter(assembled.folder, w.cache, assembled.manifest));
    expect(result.errors).toEqual([]);
    expect(result.pages).toBe(one.pages + two.pages);
    expect(shards).toEqual([
      ['2019', true],
      ['2021', true],
      ['2023', true],
    ]);
    await installAssembled(assembled, w.out, w.cache);
    expect(readFileSync(path.join(w.out, 'pagefind/shards.js'), 'utf8')).toBe('window.newsArchiveSearchShards = ["2021/","2023/"];\n');
    expect(stableSnapshot(w.out)).toEqual(await coldBuild(w.input));

    // Not rendered again: every file a part wrote is that part's very file (a hard link). A file both
    // parts wrote (a WebAssembly file of Pagefind's, which every search shard of a language needs) has
    // the same bytes in both, and comes from the first.
    const firstOf = new Map<string, string>();
    for (const part of [one, two]) {
      const files = [...readManifest(path.join(part.dir, PART_RECORD))!.files.keys()];
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const first = firstOf.get(f);
        if (first === undefined) firstOf.set(f, part.dir);
        else expect(readFileSync(path.join(part.dir, f)).equals(readFileSync(path.join(first, f)))).toBe(true);
        expect([f, statSync(path.join(w.out, f)).ino]).toEqual([f, statSync(path.join(first ?? part.dir, f)).ino]);
      }
    }
    expect([...firstOf.keys()].filter((f) => f.endsWith('.html')).length).toBe(result.pages);
    // The cache describes the output in place, so the next build there is an incremental one.
    expect(new IncrementalDiskWriter(w.out, w.cache).incremental).toBe(true);

    // Search finds words of both parts' shards, from the one search page, in a real browser.
    expect(await searchResults(w.out, ['quokkaville', 'herring'])).toEqual([
      ['/2020/05/02/a-quokkaville-festival-filled-the-square-with-music/'],
      ['/2022/07/06/fishermen-reported-a-record-catch-of-herring/'],
    ]);
  });

  /** The parts put together and built on, as `--pages-from` does: the search shards it kept or indexed. */
  async function putTogether(w: ReturnType<typeof workspace>, parts: string[]): Promise<Shards> {
    const assembled = assembleParts(w.out, parts);
    if ('problem' in assembled) throw new Error(assembled.problem);
    const shards: Shards = [];
    const result = await build(options(w.input, w.cache, (name, kept) => shards.push([name, kept])), new IncrementalDiskWriter(assembled.folder, w.cache, assembled.manifest));
    expect(result.errors).toEqual([]);
    await installAssembled(assembled, w.out, w.cache);
    return shards;
  }

  it("takes the parts' pages as they are: a page changed in a part after its build is the page the site gets", async () => {
    const w = workspace();
    const one = await pageShardBuild(w, { index: 1, count: 2 });
    const two = await pageShardBuild(w, { index: 2, count: 2 });
    // Rendering it again would give the page without the mark: the mark shows it was kept.
    const yearPage = path.join(two.dir, '2021/index.html');
    writeFileSync(yearPage, `${readFileSync(yearPage, 'utf8')}<!-- as part two left it -->`);
    await putTogether(w, [one.dir, two.dir]);
    expect(readFileSync(path.join(w.out, '2021/index.html'), 'utf8')).toMatch(/<!-- as part two left it -->$/);
  });

  it('a part built without search has its pages indexed by the build that puts the parts together', async () => {
    const w = workspace();
    const one = await pageShardBuild(w, { index: 1, count: 2 });
    const two = await pageShardBuild(w, { index: 2, count: 2 }, false);
    expect(two.shards).toEqual([]);
    expect(await putTogether(w, [one.dir, two.dir])).toEqual([
      ['2019', false],
      ['2021', false],
      ['2023', false],
    ]);
    expect(stableSnapshot(w.out)).toEqual(await coldBuild(w.input));
  });

  it('a part made from other input is not used: its pages are made again, and the site still equals a cold build', async () => {
    const w = workspace();
    const one = await pageShardBuild(w, { index: 1, count: 2 });
    const two = await pageShardBuild(w, { index: 2, count: 2 });
    // An article of the first part's 2023 shard changes after the parts were made.
    const file = path.join(w.input, 'c2.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('A new school opened on the hill.', 'A new school opened by the lighthouse.'));
    expect(await putTogether(w, [one.dir, two.dir])).toEqual([
      ['2019', true],
      ['2021', true],
      ['2023', false],
    ]);
    expect(stableSnapshot(w.out)).toEqual(await coldBuild(w.input));
  });
});
