/**
 * The config's `searchShardPages` sets how many article pages a search shard holds at most (whole
 * years packed up to it), for the index and for the page shards of a split build alike.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { DiskWriter } from '../../src/write/disk-writer.js';
import { IncrementalDiskWriter } from '../../src/write/incremental-writer.js';
import { tempDir } from '../helpers.js';
import { options, searchResults, workspace } from './search-archive.js';

/** A cold build of the eight-article archive (years 2019: 1, 2020: 2, 2021: 2, 2022: 1, 2023: 2) with this shard size from the config. */
async function buildWithShardPages(searchShardPages: number) {
  const w = workspace();
  const shards: string[] = [];
  const base = options(w.input);
  const out = path.join(tempDir(), 'dist');
  // No `searchIndex.maxShardPages`: the config alone decides.
  const result = await build({ ...base, config: { ...base.config, searchShardPages }, searchIndex: { onShard: (name) => shards.push(name) } }, new DiskWriter(out));
  expect(result.errors).toEqual([]);
  return { shards, out, list: readFileSync(path.join(out, 'pagefind/shards.js'), 'utf8') };
}

describe('searchShardPages', () => {
  it('packs whole years into shards of at most that many article pages', async () => {
    // 2019 (1) and 2020 (2) fill three; 2021 (2) and 2022 (1) the next three; 2023 (2) the last.
    const three = await buildWithShardPages(3);
    expect(three.shards).toEqual(['2019', '2021', '2023']);
    expect(three.list).toBe('window.newsArchiveSearchShards = ["2021/","2023/"];\n');
    // Two: no two neighbouring years fit together, so each year is a shard of its own.
    const two = await buildWithShardPages(2);
    expect(two.shards).toEqual(['2019', '2020', '2021', '2022', '2023']);
    expect(two.list).toBe('window.newsArchiveSearchShards = ["2020/","2021/","2022/","2023/"];\n');
    // The default (2,000) holds this whole archive in the first shard.
    const all = await buildWithShardPages(2000);
    expect(all.shards).toEqual(['2019']);
    expect(all.list).toBe('window.newsArchiveSearchShards = [];\n');
    // Search finds words of every shard in a real browser.
    expect(await searchResults(two.out, ['quokkaville', 'herring'])).toEqual([
      ['/2020/05/02/a-quokkaville-festival-filled-the-square-with-music/'],
      ['/2022/07/06/fishermen-reported-a-record-catch-of-herring/'],
    ]);
  });

  it('gives the page shards of a split build the same search shards', async () => {
    const w = workspace();
    const part = async (index: number) => {
      const shards: string[] = [];
      const cache = path.join(w.root, `cache-${index}`);
      const base = options(w.input, cache);
      const settings = { ...base, config: { ...base.config, searchShardPages: 2 }, searchIndex: { onShard: (name: string) => shards.push(name) }, pageShard: { index, count: 2 } };
      const result = await build(settings, new IncrementalDiskWriter(path.join(w.root, `part-${index}`), cache));
      expect(result.errors).toEqual([]);
      return shards;
    };
    // The five one-year shards go to the two parts in turn, each indexed whole by the part that has its pages.
    expect(await part(1)).toEqual(['2019', '2021', '2023']);
    expect(await part(2)).toEqual(['2020', '2022']);
  });
});
