import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackReader } from '../../src/cache/body-store.js';
import { writeJsonLines } from '../../src/cache/lines-file.js';
import { mergeCaches } from '../../src/cache/merge-cache.js';
import { loadRecordIndex } from '../../src/cache/record-index.js';
import { inShard, parseShardSpec } from '../../src/load/shard.js';
import { fixtures, repoRoot, runCli, snapshotSite, tempDir } from '../helpers.js';

describe('--shard K/N', () => {
  it('reads K/N, and says what is wrong with anything else', () => {
    expect(parseShardSpec('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShardSpec('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShardSpec('0/2')).toEqual({ error: '--shard takes K/N, the part K of N (for example 2/4), not "0/2": K must be from 1 to N' });
    expect(parseShardSpec('3/2')).toEqual({ error: '--shard takes K/N, the part K of N (for example 2/4), not "3/2": K must be from 1 to N' });
    expect(parseShardSpec('two')).toEqual({ error: '--shard takes K/N, the part K of N (for example 2/4), not "two"' });
  });

  it('puts every file in exactly one shard, in parts of about equal size', () => {
    const files = Array.from({ length: 2000 }, (_, i) => `${2000 + (i % 25)}/${String(i).padStart(6, '0')}.md`);
    const sizes = [1, 2, 3, 4].map((index) => files.filter((f) => inShard(f, { index, count: 4 })).length);
    for (const f of files) expect([1, 2, 3, 4].filter((index) => inShard(f, { index, count: 4 }))).toHaveLength(1);
    expect(sizes.reduce((a, b) => a + b)).toBe(2000);
    for (const size of sizes) expect(size).toBeGreaterThan(400);
  });
});

/** A copy of the basic fixture, and the CLI run against it with a given cache folder. */
function workspace() {
  const root = tempDir();
  const input = path.join(root, 'in');
  cpSync(path.join(fixtures, 'basic'), input, { recursive: true });
  const config = path.join(fixtures, 'basic.config.json');
  const out = path.join(root, 'dist');
  const run = (cache: string, extra: string[]) =>
    runCli(['build', '--input', input, '--out', out, '--config', config, '--no-search', '--cache-dir', path.join(root, cache), ...extra]);
  const cold = () => {
    const ref = path.join(tempDir(), 'dist');
    expect(runCli(['build', '--input', input, '--out', ref, '--config', config, '--no-search', '--no-cache']).code).toBe(0);
    return snapshotSite(ref);
  };
  /** Pack files (parsed bodies) under a cache root. */
  const packs = (cache: string) => {
    const dir = path.join(root, cache);
    return readdirSync(dir).flatMap((sub) => readdirSync(path.join(dir, sub)).filter((f) => f.endsWith('.pack')));
  };
  return { root, input, out, run, cold, packs };
}

describe('a build split over machines: shards parse, one build merges their caches (through the CLI)', () => {
  it('each shard parses its part; the merged build parses nothing and equals a cold build', () => {
    const w = workspace();
    const one = w.run('c1', ['--shard', '1/2']);
    const two = w.run('c2', ['--shard', '2/2']);
    expect(one.stderr + two.stderr).toBe('');
    expect([one.code, two.code]).toEqual([0, 0]);
    const counts = [one, two].map((r) => {
      const m = /^Parsed shard \d\/2: (\d+) files? \((\d+) parsed, 0 from the cache\) in \d+\.\d\d s → .+\n$/.exec(r.stdout);
      expect(m).not.toBeNull();
      expect(m![1]).toBe(m![2]);
      return Number(m![1]);
    });
    expect(counts[0]! + counts[1]!).toBe(8);
    expect(counts[0]! * counts[1]!).toBeGreaterThan(0); // both shards have work: the split is real
    expect(existsSync(w.out)).toBe(false); // a shard writes no pages

    const merged = w.run('c3', ['--cache-from', path.join(w.root, 'c1'), path.join(w.root, 'c2')]);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/^Merged 8 parsed articles from 2 caches \(0 already here\)\.\nBuilt 8 articles, \d+ pages in \d+\.\d\d s → .*dist\/\n$/);
    // Parsing would have appended bodies to a new pack: the merged cache holds only the shards' packs.
    expect(w.packs('c3').sort()).toEqual([...w.packs('c1'), ...w.packs('c2')].sort());
    expect(snapshotSite(w.out)).toEqual(w.cold());
  });

  it('a shard run again parses only what changed; merging again adds only the new records', () => {
    const w = workspace();
    expect(w.run('c1', ['--shard', '1/1']).code).toBe(0);
    writeFileSync(path.join(w.input, 'late.txt'), ' date 2021-03-04 Lima, Peru — A late article joins the archive today.\n');
    const again = w.run('c1', ['--shard', '1/1']);
    expect(again.stdout).toMatch(/^Parsed shard 1\/1: 9 files \(1 parsed, 8 from the cache\)/);
    expect(w.run('c3', ['--cache-from', path.join(w.root, 'c1')]).code).toBe(0);
    const merged = w.run('c3', ['--cache-from', path.join(w.root, 'c1')]);
    expect(merged.stdout).toMatch(/^Merged 0 parsed articles from 1 cache \(9 already here\)\.\nBuilt 9 articles/);
    expect(snapshotSite(w.out)).toEqual(w.cold());
  });

  it('reports every broken file of its part with path, line and reason, and the merged build reports it too', () => {
    const w = workspace();
    cpSync(path.join(fixtures, 'invalid/broken-yaml/broken.md'), path.join(w.input, 'broken.md'));
    const runs = [w.run('c1', ['--shard', '1/2']), w.run('c2', ['--shard', '2/2'])];
    const failed = runs.filter((r) => r.code === 1);
    expect(failed).toHaveLength(1);
    expect(runs.filter((r) => r.code === 0)).toHaveLength(1);
    expect(failed[0]!.stderr).toContain('broken.md:5: front matter is not valid YAML: unexpected end of the stream within a flow collection');
    expect(failed[0]!.stderr).toMatch(/shard [12]\/2 failed: fix these files and run it again\n$/);
    // The broken file has no record to merge: the build parses it, and fails on it, leaving no site.
    const merged = w.run('c3', ['--cache-from', path.join(w.root, 'c1'), path.join(w.root, 'c2')]);
    expect(merged.code).toBe(1);
    expect(merged.stderr).toContain('broken.md:5: front matter is not valid YAML');
    expect(existsSync(w.out)).toBe(false);
  });

  it("keeps a shard's cache apart from an output folder's, even under the same --cache-dir", () => {
    const w = workspace();
    expect(w.run('c', []).code).toBe(0);
    const before = w.packs('c');
    expect(w.run('c', ['--shard', '1/2']).code).toBe(0);
    expect(readdirSync(path.join(w.root, 'c')).filter((f) => f.startsWith('shard-'))).toEqual(['shard-1-of-2']);
    // The output folder's bodies are all still there: its next build parses nothing.
    for (const pack of before) expect(w.packs('c')).toContain(pack);
  });

  it('refuses a wrong shard, a shard without a cache, and a cache that is not there', () => {
    const w = workspace();
    const bad = w.run('c1', ['--shard', '3/2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('news-archive: --shard takes K/N, the part K of N (for example 2/4), not "3/2": K must be from 1 to N\n');
    const noCache = w.run('c1', ['--shard', '1/2', '--no-cache']);
    expect(noCache.code).toBe(2);
    expect(noCache.stderr).toBe('news-archive: --shard works through the cache, so it cannot be used with --no-cache\n');
    const nowhere = path.join(w.root, 'nowhere');
    const missing = w.run('c3', ['--cache-from', nowhere]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`news-archive: --cache-from: no cache in ${nowhere} (give the --cache-dir folder of a "build --shard K/N" run)\n`);
    expect(existsSync(w.out)).toBe(false);
  });
});

describe('pages rendered in parts too: --page-shard K/N, then --pages-from (through the CLI)', () => {
  it('parse shards, then page shards, then one build that puts them together: the site a cold build makes', () => {
    const w = workspace();
    for (const k of [1, 2]) expect(w.run(`c${k}`, ['--shard', `${k}/2`]).code).toBe(0);
    const caches = ['--cache-from', path.join(w.root, 'c1'), path.join(w.root, 'c2')];
    const parts = [1, 2].map((k) => {
      const dir = path.join(w.root, `part-${k}`);
      const r = w.run(`p${k}`, [...caches, '--page-shard', `${k}/2`, '--out', dir]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const m = /^Merged 8 parsed articles from 2 caches \(0 already here\)\.\nBuilt page shard \d\/2 of 8 articles, (\d+) pages in \d+\.\d\d s → .+\n$/.exec(r.stdout);
      expect(m).not.toBeNull();
      expect(Number(m![1])).toBeGreaterThan(0);
      expect(existsSync(path.join(dir, 'articles.json'))).toBe(false); // site-wide files come last
      return { dir, pages: Number(m![1]) };
    });
    const all = w.run('final', [...caches, '--pages-from', parts[0]!.dir, parts[1]!.dir]);
    expect(all.stderr).toBe('');
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(
      new RegExp(`^Merged 8 parsed articles from 2 caches \\(0 already here\\)\\.\\nPut together \\d+ files from 2 page shards\\.\\nBuilt 8 articles, ${parts[0]!.pages + parts[1]!.pages} pages in \\d+\\.\\d\\d s → .*dist\\/\\n$`),
    );
    expect(snapshotSite(w.out)).toEqual(w.cold());
    // Kept, not rendered again: the pages are the parts' own files.
    const page = '2025/07/04/index.html';
    const from = parts.find((p) => existsSync(path.join(p.dir, page)))!;
    expect(statSync(path.join(w.out, page)).ino).toBe(statSync(path.join(from.dir, page)).ino);
    expect(readdirSync(w.root).filter((f) => f.includes('staging'))).toEqual([]);
  });

  it('a build that puts parts together and fails leaves dist/ as it was and nothing beside it', () => {
    const w = workspace();
    expect(w.run('c1', []).code).toBe(0); // an ordinary build first: dist/ exists
    const before = snapshotSite(w.out);
    const part = path.join(w.root, 'part-1');
    expect(w.run('p1', ['--page-shard', '1/1', '--out', part]).code).toBe(0);
    cpSync(path.join(fixtures, 'invalid/broken-yaml/broken.md'), path.join(w.input, 'broken.md'));
    const failed = w.run('final', ['--pages-from', part]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('broken.md:5: front matter is not valid YAML');
    expect(snapshotSite(w.out)).toEqual(before);
    expect(readdirSync(w.root).filter((f) => f.includes('staging'))).toEqual([]);
  });

  it('refuses a folder that is not a page shard, and options that do not go together', () => {
    const w = workspace();
    const notPart = w.run('c1', ['--pages-from', w.input]);
    expect(notPart.code).toBe(2);
    expect(notPart.stderr).toBe(`news-archive: --pages-from: ${w.input} is not the output folder of a "build --page-shard K/N" run\n`);
    // A part whose record lists a page that is a link (to anywhere) is refused, and nothing is left behind.
    const part = path.join(w.root, 'part');
    expect(w.run('p1', ['--page-shard', '1/1', '--out', part]).code).toBe(0);
    rmSync(path.join(part, 'index.html'));
    symlinkSync('/etc/hostname', path.join(part, 'index.html'));
    const linked = w.run('c1', ['--pages-from', part]);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toBe(`news-archive: --pages-from: ${part}: index.html is not a file of the folder itself (a link?)\n`);
    expect(readdirSync(w.root).filter((f) => f.includes('staging'))).toEqual([]);
    expect(w.run('c1', ['--page-shard', '1/2', '--shard', '1/2']).stderr).toBe(
      'news-archive: --shard only parses its part of the input: it takes no --cache-from, --page-shard or --pages-from\n',
    );
    expect(w.run('c1', ['--shard', '1/2', '--cache-from', w.input]).code).toBe(2);
    // A page shard never lands in dist/ by default: it is half a site.
    const bare = runCli(['build', '--input', w.input, '--config', path.join(fixtures, 'basic.config.json'), '--page-shard', '1/2'], { cwd: w.root });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toBe('news-archive: --page-shard writes part of a site: give it a folder of its own with --out (not dist/)\n');
    expect(w.run('c1', ['--page-shard', '1/2', '--pages-from', w.input]).stderr).toBe(
      'news-archive: --pages-from puts page shards together: it is not itself a --page-shard\n',
    );
    expect(w.run('c1', ['--page-shard', '0/2']).stderr).toBe('news-archive: --page-shard takes K/N, the part K of N (for example 2/4), not "0/2": K must be from 1 to N\n');
    expect(existsSync(w.out)).toBe(false);
  });
});

describe('mergeCaches', () => {
  it('gives a pack a new name when the name is taken, and each record keeps its own body', () => {
    const root = tempDir();
    const cache = (name: string, key: string, body: string) => {
      const dir = path.join(root, name);
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'same.pack'), `padding ${body}`);
      writeJsonLines(path.join(dir, 'records.ndjson'), [[key, { record: { source: key }, body: { pack: 'same.pack', offset: 8, length: body.length } }]]);
      return dir;
    };
    const a = cache('a', 'key-a', 'body of a');
    const b = cache('b', 'key-b', 'the body of b');
    const into = path.join(root, 'into');
    expect(mergeCaches(into, [a, b, a])).toEqual({ added: 2, known: 1, missing: [] });
    const index = loadRecordIndex(into);
    const reader = new PackReader(into);
    expect(reader.read(index.get('key-a')!.body)).toBe('body of a');
    expect(reader.read(index.get('key-b')!.body)).toBe('the body of b');
    reader.close();
    expect(index.get('key-a')!.body.pack).toBe('same.pack');
    expect(index.get('key-b')!.body.pack).toMatch(/^same-[0-9a-f]{8}\.pack$/);
    expect(readdirSync(into).filter((f) => f.endsWith('.pack'))).toHaveLength(2);
  });

  it('merges nothing when one of the sources holds no cache', () => {
    const root = tempDir();
    expect(mergeCaches(path.join(root, 'into'), [path.join(root, 'none')])).toEqual({ added: 0, known: 0, missing: [path.join(root, 'none')] });
    expect(existsSync(path.join(root, 'into'))).toBe(false);
  });
});
