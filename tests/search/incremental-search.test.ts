/**
 * Incremental search indexing on real disk builds: a rebuild re-indexes only the shards whose pages
 * changed and keeps the others' index files from the previous output (hard links, same inodes), and
 * the result is the site a cold build makes.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { IncrementalDiskWriter } from '../../src/write/incremental-writer.js';
import { repoRoot, snapshotTree } from '../helpers.js';
import { article, cachedBuild, coldBuild, inodes, MAX_SHARD_PAGES, options, searchResults, stableSnapshot, workspace } from './search-archive.js';

describe('incremental search index', () => {
  it('re-indexes only the shard of a changed article and keeps the others as they were', async () => {
    const w = workspace();
    // Cold: every shard indexed. 2019 and 2020 fill the first (3 pages), 2021 and 2022 the second, 2023 the third.
    expect(await cachedBuild(w)).toEqual([
      ['2019', false],
      ['2021', false],
      ['2023', false],
    ]);
    expect(readFileSync(path.join(w.out, 'pagefind/shards.js'), 'utf8')).toBe('window.newsArchiveSearchShards = ["2021/","2023/"];\n');
    const rootBefore = inodes(w.out, 'pagefind');
    const bytesBefore = new Map([...rootBefore.keys()].map((f) => [f, readFileSync(path.join(w.out, 'pagefind', f))]));
    // One article of the middle shard changed: that shard alone goes to Pagefind again. (The 2023
    // article that lists it as related is rendered again, to the same bytes: its shard stays.)
    // Its text, not its headline: a headline also shows on the pages of related articles, in other shards.
    writeFileSync(path.join(w.input, 'b2.txt'), article('b2.txt', '2021-02-05', 'The library opened a new reading room.', 'Its zanzibarite shelves were admired.'));
    expect(await cachedBuild(w)).toEqual([
      ['2019', true],
      ['2021', false],
      ['2023', true],
    ]);
    const rootAfter = inodes(w.out, 'pagefind');
    // Kept shards are the previous build's very files (hard links); the changed shard's files are new
    // where their bytes changed, and left in place where Pagefind wrote the same bytes again.
    const filesOf = (shard: RegExp) => {
      const files = [...rootAfter].filter(([f]) => shard.test(f));
      expect(files.length).toBeGreaterThan(0);
      return files;
    };
    const same = (shard: RegExp) => filesOf(shard).every(([f, ino]) => rootBefore.get(f) === ino);
    const renewed = (shard: RegExp) => {
      const changed = filesOf(shard).filter(([f]) => !bytesBefore.get(f)?.equals(readFileSync(path.join(w.out, 'pagefind', f))));
      expect(changed.length).toBeGreaterThan(0);
      return filesOf(shard).every(([f, ino]) => changed.some(([c]) => c === f) === (rootBefore.get(f) !== ino));
    };
    expect(same(/^2023\//)).toBe(true);
    expect(same(/^(index|fragment|filter)\/|^pagefind(-ui)?\.js$|^pagefind-entry\.json$/)).toBe(true);
    expect(renewed(/^2021\//)).toBe(true);
    expect([...rootAfter.keys()].filter((f) => f.startsWith('2021/fragment/'))).toHaveLength(3);
    expect(stableSnapshot(w.out)).toEqual(await coldBuild(w.input));

    // And search finds the changed article's new word and a word of a kept shard, in a real browser.
    expect(await searchResults(w.out, ['zanzibarite', 'quokkaville'])).toEqual([
      ['/2021/02/05/the-library-opened-a-new-reading-room/'],
      ['/2020/05/02/a-quokkaville-festival-filled-the-square-with-music/'],
    ]);
  });

  it('an article added to the newest year re-indexes only the last shard; one removed, only its own (pages rendered on threads)', async () => {
    const w = workspace();
    await cachedBuild(w, 1);
    writeFileSync(path.join(w.input, 'c3.txt'), article('c3.txt', '2023-12-30', 'The tram line was extended to the station.'));
    expect(await cachedBuild(w, 1)).toEqual([
      ['2019', true],
      ['2021', true],
      ['2023', false],
    ]);
    expect(stableSnapshot(w.out)).toEqual(await coldBuild(w.input));
    // With 2019's only article gone, the first shard starts in 2020 (and is named so); the others stay.
    rmSync(path.join(w.input, 'a1.txt'));
    expect(await cachedBuild(w, 1)).toEqual([
      ['2020', false],
      ['2021', true],
      ['2023', true],
    ]);
    expect(stableSnapshot(w.out)).toEqual(await coldBuild(w.input));
  });

  it('a rebuild that fails after keeping shards leaves the previous output as it was, and the next one succeeds', async () => {
    const w = workspace();
    await cachedBuild(w);
    const before = snapshotTree(w.out);
    writeFileSync(path.join(w.input, 'b2.txt'), article('b2.txt', '2021-02-05', 'The library opened a new reading room.', 'Its zanzibarite shelves were admired.'));
    /** A real incremental writer whose disk fills up at the very last file of the build, after every shard was kept or written. */
    class FullAtTheEnd extends IncrementalDiskWriter {
      override async write(rel: string, data: string | Uint8Array): Promise<void> {
        if (rel === 'pagefind/shards.js') throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        await super.write(rel, data);
      }
    }
    const shards: [string, boolean][] = [];
    const failing = build(options(w.input, w.cache, (name, kept) => shards.push([name, kept])), new FullAtTheEnd(w.out, w.cache));
    await expect(failing).rejects.toThrow(/ENOSPC/);
    expect(shards).toEqual([
      ['2019', true],
      ['2021', false],
      ['2023', true],
    ]);
    expect(snapshotTree(w.out)).toEqual(before);
    expect(readdirSync(w.root).sort()).toEqual(['cache', 'dist', 'in']);
    // The cache still describes the output in place: the next build keeps the same shards.
    expect(await cachedBuild(w)).toEqual(shards);
    expect(stableSnapshot(w.out)).toEqual(await coldBuild(w.input));
  });

  it('a rebuild killed after keeping shards leaves the previous output as it was', async () => {
    const w = workspace();
    await cachedBuild(w);
    const before = snapshotTree(w.out);
    writeFileSync(path.join(w.input, 'b2.txt'), article('b2.txt', '2021-02-05', 'The library opened a new reading room.', 'Its zanzibarite shelves were admired.'));
    // A real build in its own process, killed without warning once it has kept the last shard (its
    // files are then adopted; only the shard list and the commit are left to do).
    const script = `
      import { build } from ${JSON.stringify(path.join(repoRoot, 'src/build.ts'))};
      import { parseConfig } from ${JSON.stringify(path.join(repoRoot, 'src/load/config.ts'))};
      import { IncrementalDiskWriter } from ${JSON.stringify(path.join(repoRoot, 'src/write/incremental-writer.ts'))};
      const config = parseConfig(${JSON.stringify(readFileSync(path.join(repoRoot, 'tests/fixtures/basic.config.json'), 'utf8'))}, 'archive.config.json').config;
      const onShard = (name, kept) => { if (name === '2023' && kept) process.kill(process.pid, 'SIGKILL'); };
      await build({ inputDir: ${JSON.stringify(w.input)}, templatesDir: ${JSON.stringify(path.join(repoRoot, 'templates'))}, config,
        cache: { dir: ${JSON.stringify(w.cache)}, workers: 0 }, searchIndex: { maxShardPages: ${MAX_SHARD_PAGES}, onShard } },
        new IncrementalDiskWriter(${JSON.stringify(w.out)}, ${JSON.stringify(w.cache)}));
      process.stdout.write('finished');`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).toBe('');
    expect(snapshotTree(w.out)).toEqual(before);
    expect(await cachedBuild(w)).toEqual([
      ['2019', true],
      ['2021', false],
      ['2023', true],
    ]);
    expect(stableSnapshot(w.out)).toEqual(await coldBuild(w.input));
  });
});
