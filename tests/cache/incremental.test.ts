import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build.js';
import { parseConfig } from '../../src/load/config.js';
import { IncrementalDiskWriter } from '../../src/write/incremental-writer.js';
import { OutputChangedError } from '../../src/write/writer.js';
import { writeCorpus } from '../../bench/corpus.js';
import { fixtures, repoRoot, runCli, snapshotSite, snapshotTree, tempDir } from '../helpers.js';

/** A copy of the basic fixture and its templates that a test may edit. */
function workspace() {
  const root = tempDir();
  const input = path.join(root, 'in');
  const templates = path.join(root, 'templates');
  cpSync(path.join(fixtures, 'basic'), input, { recursive: true });
  cpSync(path.join(repoRoot, 'templates'), templates, { recursive: true });
  const config = path.join(fixtures, 'basic.config.json');
  const cached = (out: string, extra: string[] = []) =>
    runCli(['build', '--input', input, '--out', out, '--config', config, '--templates', templates, '--cache-dir', path.join(root, 'cache'), ...extra]);
  /** A cold build of the same input, with no cache at all: what every cached build must equal. */
  const cold = (extra: string[] = []) => {
    const out = path.join(tempDir(), 'dist');
    const r = runCli(['build', '--input', input, '--out', out, '--config', config, '--templates', templates, '--no-cache', ...extra]);
    expect(r.code).toBe(0);
    return snapshotSite(out);
  };
  return { root, input, templates, out: path.join(root, 'dist'), cached, cold };
}

describe('content-hash cache and incremental rebuilds (through the CLI)', () => {
  it('a cached rebuild with no change gives byte-identical output', () => {
    const w = workspace();
    expect(w.cached(w.out).code).toBe(0);
    const first = snapshotSite(w.out);
    const again = w.cached(w.out);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Built 8 articles, \d+ pages in \d+\.\d\d s → .*dist\/\n$/);
    expect(snapshotSite(w.out)).toEqual(first);
    expect(snapshotSite(w.out)).toEqual(w.cold());
  });

  it('one article changed: the cached build equals a cold build of the new input', () => {
    const w = workspace();
    expect(w.cached(w.out).code).toBe(0);
    const untouched = path.join(w.out, '2019/12/31/index.html');
    const inodeBefore = statSync(untouched).ino;
    const file = path.join(w.input, 'storm-a.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Storm closes the port', 'title: Storm shuts the harbour'));
    expect(w.cached(w.out).code).toBe(0);
    const after = snapshotSite(w.out);
    expect([...after.keys()].some((f) => f.includes('storm-shuts-the-harbour'))).toBe(true);
    expect(after).toEqual(w.cold());
    // Patched in place: a page the change does not touch is the very same file, not a rewritten copy.
    expect(statSync(untouched).ino).toBe(inodeBefore);
  });

  it('a body edited and a correction added: feeds, sitemaps and articles.json equal a cold build, and untouched ones stay', () => {
    const w = workspace();
    expect(w.cached(w.out).code).toBe(0);
    const inode = (f: string) => statSync(path.join(w.out, f)).ino;
    const kept = ['sitemap.xml', 'articles.json', 'robots.txt', 'corrections/feed.xml', 'topics/moscow/feed.xml'];
    const before = new Map([...kept, 'feed.xml', 'topics/weather/feed.xml'].map((f) => [f, inode(f)]));
    const storm = path.join(w.input, 'storm-a.md');
    // A word set in bold: the body changes, the record (word count, summary, names) does not.
    writeFileSync(storm, readFileSync(storm, 'utf8').replace('at noon as', 'at **noon** as'));
    expect(w.cached(w.out).code).toBe(0);
    expect(readFileSync(path.join(w.out, 'feed.xml'), 'utf8')).toContain('<strong>noon</strong>');
    expect(snapshotSite(w.out)).toEqual(w.cold());
    for (const f of kept) expect([f, inode(f)]).toEqual([f, before.get(f)]);
    for (const f of ['feed.xml', 'topics/weather/feed.xml']) expect([f, inode(f)]).not.toEqual([f, before.get(f)]);
    // A sentence more: the word count, so the record and articles.json, change too.
    appendFileSync(storm, '\nThe harbour master said ships would wait offshore.\n');
    expect(w.cached(w.out).code).toBe(0);
    expect(inode('articles.json')).not.toBe(before.get('articles.json'));
    expect(snapshotSite(w.out)).toEqual(w.cold());
    // A correction: the corrections feed changes.
    writeFileSync(storm, readFileSync(storm, 'utf8').replace('tags: [weather, shipping]', 'tags: [weather, shipping]\ncorrections:\n  - date: 2025-07-05\n    text: The port closed at one, not at noon.'));
    expect(w.cached(w.out).code).toBe(0);
    expect(readFileSync(path.join(w.out, 'corrections/feed.xml'), 'utf8')).toContain('The port closed at one, not at noon.');
    expect(snapshotSite(w.out)).toEqual(w.cold());
  });

  it('an article added and one removed: pages appear and disappear as in a cold build', () => {
    const w = workspace();
    expect(w.cached(w.out).code).toBe(0);
    rmSync(path.join(w.input, 'year-end.txt'));
    writeFileSync(path.join(w.input, 'new.txt'), ' date 2021-03-04 Lima, Peru — A new article appears in the archive today.\n');
    expect(w.cached(w.out).code).toBe(0);
    const after = snapshotSite(w.out);
    expect([...after.keys()].some((f) => f.startsWith('2021/03/04/'))).toBe(true);
    expect([...after.keys()].some((f) => f.startsWith('2019/'))).toBe(false);
    expect(after).toEqual(w.cold());
  });

  it("an article on another year's July 4: the July 4 articles' pages gain their link to other years, as in a cold build", () => {
    const w = workspace();
    expect(w.cached(w.out).code).toBe(0);
    const seed = path.join(w.out, '2025/07/04/russian-president-vladimir-putin-reaffirmed-his-countrys/index.html');
    expect(readFileSync(seed, 'utf8')).not.toContain('in other years');
    const parade = path.join(w.input, 'parade.txt');
    writeFileSync(parade, ' date 2023-07-04 Boston, Massachusetts — The parade went ahead despite the rain.\n');
    expect(w.cached(w.out).code).toBe(0);
    expect(readFileSync(seed, 'utf8')).toContain('More from July 4 in other years');
    expect(snapshotSite(w.out)).toEqual(w.cold());
    rmSync(parade);
    expect(w.cached(w.out).code).toBe(0);
    expect(readFileSync(seed, 'utf8')).not.toContain('in other years');
    expect(snapshotSite(w.out)).toEqual(w.cold());
  });

  it('a template change invalidates every page that uses it', () => {
    const w = workspace();
    expect(w.cached(w.out).code).toBe(0);
    appendFileSync(path.join(w.templates, 'partials/footer.liquid'), '<p class="colophon">Set in type.</p>\n');
    expect(w.cached(w.out).code).toBe(0);
    const after = snapshotSite(w.out);
    expect(after.get('index.html')).toContain('<p class="colophon">Set in type.</p>');
    expect(after).toEqual(w.cold());
  });

  it('a config change (base URL) invalidates every page', () => {
    const w = workspace();
    expect(w.cached(w.out).code).toBe(0);
    expect(w.cached(w.out, ['--base-url', 'https://example.org/news/']).code).toBe(0);
    expect(readFileSync(path.join(w.out, 'index.html'), 'utf8')).toContain('href="https://example.org/news/"');
    expect(readFileSync(path.join(w.out, 'archive/index.html'), 'utf8')).toContain('/news/');
  });

  it('a failed rebuild leaves the previous output and the cache usable', () => {
    const w = workspace();
    expect(w.cached(w.out).code).toBe(0);
    const before = snapshotSite(w.out);
    const bad = path.join(w.input, 'bad.md');
    writeFileSync(bad, '---\ntitle: Bad\ndate: 2025-02-30\n---\n\nText.\n');
    const r = w.cached(w.out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('date "2025-02-30" is not a real calendar date');
    expect(snapshotSite(w.out)).toEqual(before);
    rmSync(bad);
    expect(w.cached(w.out).code).toBe(0);
    expect(snapshotSite(w.out)).toEqual(before);
  });

  it('an output folder replaced behind its back is rebuilt in full, not patched', () => {
    const w = workspace();
    expect(w.cached(w.out).code).toBe(0);
    // A copy of the output (restored from a backup, say) in its place, with a file the build does not make.
    const copy = `${w.out}-copy`;
    cpSync(w.out, copy, { recursive: true });
    rmSync(w.out, { recursive: true });
    renameSync(copy, w.out);
    writeFileSync(path.join(w.out, 'stray.html'), 'not ours');
    expect(w.cached(w.out).code).toBe(0);
    expect(snapshotSite(w.out)).toEqual(w.cold());
  });

  it('an older copy of the cache is not trusted with an output folder a later build patched', () => {
    // An edit deep in an old article (its last paragraph): only pages below the output folder's top
    // change (the article, its topics' feeds), so the folder itself looked as it did before the patch.
    const root = tempDir();
    const input = path.join(root, 'in');
    writeCorpus(input, 60, 7);
    const out = path.join(root, 'dist');
    const build = (cacheDir: string) => runCli(['build', '--input', input, '--out', out, '--no-search', '--cache-dir', cacheDir]);
    const cache = path.join(root, 'cache');
    const older = path.join(root, 'older-cache');
    expect(build(cache).code).toBe(0);
    cpSync(cache, older, { recursive: true }); // a CI cache restored from an earlier run, a backup, a second --cache-dir
    const target = path.join(input, '2000', '000001.md');
    const original = readFileSync(target, 'utf8');
    const cut = original.lastIndexOf(' the ');
    writeFileSync(target, `${original.slice(0, cut)} thx ${original.slice(cut + 5)}`);
    expect(build(cache).code).toBe(0);
    expect([...snapshotSite(out).values()].filter((html) => html.includes(' thx ')).length).toBeGreaterThan(0);
    writeFileSync(target, original); // back to what the older cache saw
    expect(build(older).code).toBe(0);
    const cold = path.join(tempDir(), 'dist');
    expect(runCli(['build', '--input', input, '--out', cold, '--no-search', '--no-cache']).code).toBe(0);
    expect(snapshotSite(out)).toEqual(snapshotSite(cold));
  });

  it("a page record cut short at a line's end is not trusted: the pages of articles removed since go too", () => {
    const w = workspace();
    expect(w.cached(w.out).code).toBe(0);
    const record = readdirSync(path.join(w.root, 'cache'), { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('pages.ndjson'))!;
    const file = path.join(w.root, 'cache', record);
    // Its first line only: the head, and not one of the files.
    writeFileSync(file, `${readFileSync(file, 'utf8').split('\n')[0]}\n`);
    rmSync(path.join(w.input, 'storm-a.md'));
    expect(w.cached(w.out).code).toBe(0);
    expect(snapshotSite(w.out)).toEqual(w.cold());
  });

  it('a body pack cut short: its articles are parsed again, and the build equals a cold build', () => {
    const w = workspace();
    expect(w.cached(w.out).code).toBe(0);
    const cache = path.join(w.root, 'cache');
    for (const pack of readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pack'))) {
      const full = path.join(cache, pack);
      writeFileSync(full, readFileSync(full).subarray(0, Math.floor(statSync(full).size / 2)));
    }
    const storm = path.join(w.input, 'storm-a.md');
    writeFileSync(storm, readFileSync(storm, 'utf8').replace('The port closed at noon', 'The port closed at dawn'));
    const r = w.cached(w.out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(snapshotSite(w.out)).toEqual(w.cold());
  });

  it.each([[[]], [['--no-search']]])('a page deleted from dist/ by hand (extra flags %j) is made again by the next build, changed input or not', (extra: string[]) => {
    const w = workspace();
    expect(w.cached(w.out, extra).code).toBe(0);
    const gone = '2019/12/31/fireworks-lit-up-the-harbour-at-midnight/index.html';
    const page = readFileSync(path.join(w.out, gone), 'utf8');
    // With no change to the input the build would stop before writing anything.
    rmSync(path.join(w.out, gone));
    const unchanged = w.cached(w.out, extra);
    expect([unchanged.code, unchanged.stderr]).toEqual([0, '']);
    expect(readFileSync(path.join(w.out, gone), 'utf8')).toBe(page);
    // With a change elsewhere the page would be kept as it was, that is, missing.
    rmSync(path.join(w.out, gone));
    const storm = path.join(w.input, 'storm-a.md');
    writeFileSync(storm, readFileSync(storm, 'utf8').replace('The port closed at noon', 'The port closed at dawn'));
    const changed = w.cached(w.out, extra);
    expect([changed.code, changed.stderr]).toEqual([0, '']);
    expect(snapshotSite(w.out)).toEqual(w.cold(extra));
  });

  it('a kept page that goes missing while a build runs stops that build (the folder as it was), and the next one makes the whole site', async () => {
    // Missing before the build starts, a page is simply made again (above); this is the page deleted
    // after that check, found when the search shard it is in is indexed again and it is read back.
    const r = parseConfig(readFileSync(path.join(fixtures, 'basic.config.json'), 'utf8'), 'archive.config.json');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const root = tempDir();
    const input = path.join(root, 'in');
    cpSync(path.join(fixtures, 'basic'), input, { recursive: true });
    const out = path.join(root, 'dist');
    const cache = path.join(root, 'cache');
    const options: BuildOptions = { inputDir: input, templatesDir: path.join(repoRoot, 'templates'), config: r.config, cache: { dir: cache, workers: 0 } };
    expect((await build(options, new IncrementalDiskWriter(out, cache))).errors).toEqual([]);
    const storm = path.join(input, 'storm-a.md');
    writeFileSync(storm, readFileSync(storm, 'utf8').replace('The port closed at noon', 'The port closed at dawn'));
    const writer = new IncrementalDiskWriter(out, cache);
    expect(writer.incremental).toBe(true);
    const gone = '2019/12/31/fireworks-lit-up-the-harbour-at-midnight/index.html';
    const page = readFileSync(path.join(out, gone), 'utf8');
    rmSync(path.join(out, gone));
    const before = snapshotTree(out);
    await expect(build(options, writer)).rejects.toThrow(new OutputChangedError(path.join(out, gone)));
    expect(snapshotTree(out)).toEqual(before);
    const next = new IncrementalDiskWriter(out, cache);
    expect(next.incremental).toBe(false);
    expect((await build(options, next)).errors).toEqual([]);
    expect(readFileSync(path.join(out, gone), 'utf8')).toBe(page);
  });

  it("a cache from before the page record was written a line a file is not trusted, and its record is removed", () => {
    const w = workspace();
    expect(w.cached(w.out).code).toBe(0);
    const record = readdirSync(path.join(w.root, 'cache'), { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('pages.ndjson'))!;
    const current = path.join(w.root, 'cache', record);
    const legacy = path.join(path.dirname(current), 'pages.json');
    // What an older version left: one JSON object, and no line-a-file record.
    writeFileSync(legacy, JSON.stringify({ outId: 'x', files: { 'index.html': 'stale' } }));
    rmSync(current);
    const storm = path.join(w.input, 'storm-a.md');
    writeFileSync(storm, readFileSync(storm, 'utf8').replace('title: Storm closes the port', 'title: Storm shuts the harbour'));
    expect(w.cached(w.out).code).toBe(0);
    expect(snapshotSite(w.out)).toEqual(w.cold());
    expect(readdirSync(path.dirname(current)).filter((f) => f.startsWith('pages.'))).toEqual(['pages.ndjson']);
  });
});

describe('input keys found by the parser threads on a cold build', () => {
  /** A writer that tells whether the build asked for, and found, the previous build's key. */
  class WatchedWriter extends IncrementalDiskWriter {
    asked: boolean[] = [];
    override lastBuild(buildKey: string): unknown {
      const found = super.lastBuild(buildKey);
      this.asked.push(found !== undefined);
      return found;
    }
  }
  const options = (input: string, cache: string, workers: number): BuildOptions => {
    const r = parseConfig(readFileSync(path.join(fixtures, 'basic.config.json'), 'utf8'), 'archive.config.json');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return { inputDir: input, templatesDir: path.join(repoRoot, 'templates'), config: r.config, search: false, cache: { dir: cache, workers, threshold: 0 } };
  };

  for (const workers of [0, 2]) {
    it(`a cold build (${workers} threads) finds its input key while parsing, and an unchanged rebuild finds that key`, async () => {
      const root = tempDir();
      const input = path.join(root, 'in');
      cpSync(path.join(fixtures, 'basic'), input, { recursive: true });
      const out = path.join(root, 'dist');
      const cache = path.join(root, 'cache');
      const first = new WatchedWriter(out, cache);
      expect((await build(options(input, cache, workers), first)).errors).toEqual([]);
      // No record index yet: nothing to compare with, so the scan hashed no file and asked nothing.
      expect(first.asked).toEqual([]);
      const second = new WatchedWriter(out, cache);
      const again = await build(options(input, cache, workers), second);
      expect(second.asked).toEqual([true]);
      expect(again.articles).toBe(8);
      // A changed file is a changed key: the next build does not take the shortcut.
      appendFileSync(path.join(input, readdirSync(input).sort()[0]!), '\nOne more paragraph.\n');
      const third = new WatchedWriter(out, cache);
      expect((await build(options(input, cache, workers), third)).errors).toEqual([]);
      expect(third.asked).toEqual([false]);
    });
  }
});
