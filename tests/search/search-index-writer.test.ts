import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { markOutput } from '../../src/write/output-marker.js';
import { build } from '../../src/build.js';
import { parseConfig } from '../../src/load/config.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { SearchIndexingWriter } from '../../src/search/search-index-writer.js';
import { fixtures, repoRoot, runCli, tempDir } from '../helpers.js';

async function buildBasic(search?: boolean) {
  const r = parseConfig(undefined, 'archive.config.json', { baseUrl: 'https://example.org/news/' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const writer = new MemoryWriter();
  const options = { inputDir: path.join(fixtures, 'basic'), templatesDir: path.join(repoRoot, 'templates'), config: r.config };
  await build(search === undefined ? options : { ...options, search }, writer);
  return writer;
}

const entryOf = (w: MemoryWriter, shard = '') =>
  JSON.parse(w.text(`pagefind/${shard}pagefind-entry.json`)) as { languages: Record<string, { page_count: number }> };
const shardsOf = (w: MemoryWriter) =>
  JSON.parse(/^window\.newsArchiveSearchShards = (.*);\n$/.exec(w.text('pagefind/shards.js'))![1]!) as string[];

/** A writer with the folders pages are read back from: `stagingDir` for pages render threads wrote, `outDir` for kept ones. */
class FolderWriter extends MemoryWriter {
  readonly stagingDir?: string;
  readonly outDir?: string;
  constructor(dirs: { stagingDir?: string; outDir?: string }) {
    super();
    this.stagingDir = dirs.stagingDir;
    this.outDir = dirs.outDir;
  }
  adopt(): void {}
}

/** Writes `count` article pages into `dir` and hands each over with `adopt`: as written by a render thread, or kept from the last build. */
function handOverPages(writer: SearchIndexingWriter, dir: string, count: number, written: boolean, year = '2020'): void {
  for (let i = 0; i < count; i++) {
    const rel = `${year}/01/01/a${String(i).padStart(4, '0')}/index.html`;
    mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), `<html lang="en"><body><article data-pagefind-body><h1>Story ${i}</h1><p>word${i}</p></article></body></html>`);
    writer.adopt(rel, undefined, written);
  }
}

describe('search index', () => {
  it('indexes the article pages, and only them, into pagefind/ as part of the build', async () => {
    const writer = await buildBasic();
    // 8 articles in the fixture, far below a shard's size: one index; home, archive, date and search
    // pages carry no data-pagefind-body.
    expect(shardsOf(writer)).toEqual([]);
    expect(entryOf(writer).languages['en']?.page_count).toBe(8);
    const files = [...writer.files.keys()];
    for (const f of ['pagefind/pagefind.js', 'pagefind/pagefind-ui.js', 'pagefind/pagefind-ui.css', 'pagefind/wasm.en.pagefind']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /^pagefind\/([\w-]+\/)?fragment\//.test(f))).toHaveLength(8);
    expect(files.some((f) => f.startsWith('pagefind/filter/'))).toBe(true);
  });

  it('fills shards of at most the given number of pages, each named after the year it starts in', async () => {
    const inner = new MemoryWriter();
    const writer = await SearchIndexingWriter.wrap(inner, { maxShardPages: 2 });
    const page = (title: string) => `<html lang="en"><body><article data-pagefind-body><h1>${title}</h1><p>Harbour news.</p></article></body></html>`;
    for (const [i, day] of ['2019/01/01', '2019/02/01', '2019/03/01', '2020/01/01', '2020/02/01'].entries()) {
      await writer.write(`${day}/a${i}/index.html`, page(`Article ${i}`));
    }
    await writer.write('index.html', '<html><body>home, not indexed</body></html>');
    await writer.commit();
    expect(shardsOf(inner)).toEqual(['2019-2/', '2020/']);
    expect([entryOf(inner), entryOf(inner, '2019-2/'), entryOf(inner, '2020/')].map((e) => e.languages['en']?.page_count)).toEqual([2, 2, 1]);
    // Later shards carry only their index: the first one's scripts and WebAssembly serve them all.
    expect([...inner.files.keys()].filter((f) => f.startsWith('pagefind/2020/') && !/^pagefind\/2020\/(index|fragment|filter)\//.test(f)).sort()).toEqual([
      'pagefind/2020/pagefind-entry.json',
      expect.stringMatching(/^pagefind\/2020\/pagefind\.en_[0-9a-f]+\.pf_meta$/),
    ]);
    expect(writer.pageCount).toBe(5);
  });

  it('makes the build wait while more than 1,024 handed-over pages wait for Pagefind, and paces the heap per page', async () => {
    // Render threads write pages into a staging folder and hand them over with `adopt`, faster than
    // Pagefind indexes them; `drained` is how the build waits for the queue to shorten.
    const inner = new FolderWriter({ stagingDir: tempDir() });
    let paced = 0;
    const writer = await SearchIndexingWriter.wrap(inner, { pace: () => void paced++ });
    const pages = 1500;
    handOverPages(writer, inner.stagingDir!, pages, true);
    let drained = false;
    const wait = writer.drained().then(() => void (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    await wait;
    // Released once at most 512 pages are left in the queue (and up to 64 more in Pagefind's hands).
    expect(writer.pageCount).toBeGreaterThanOrEqual(pages - 512 - 64);
    expect(writer.pageCount).toBeLessThan(pages);
    await writer.commit();
    expect(entryOf(inner).languages['en']?.page_count).toBe(pages);
    // With the queue short again, the next call does not wait.
    await writer.drained();
    // Once per page read for the index, and once per index file written.
    expect(paced).toBeGreaterThan(pages);
  });

  it('says when Pagefind has caught up with the pages handed over, so rendering can take its core back', async () => {
    const inner = new FolderWriter({ stagingDir: tempDir() });
    const written: string[] = [];
    const writer = await SearchIndexingWriter.wrap(inner, { maxShardPages: 50, onShard: (name) => void written.push(name) });
    // Nothing indexed yet: indexing has not begun, so there is nothing to have caught up with.
    expect(writer.caughtUp()).toBe(false);
    handOverPages(writer, inner.stagingDir!, 120, true);
    expect(writer.caughtUp()).toBe(false);
    await vi.waitFor(() => expect(writer.caughtUp()).toBe(true), { timeout: 20_000, interval: 5 });
    // Every page handed over is in Pagefind's index, and the two full shards are written.
    expect(writer.pageCount).toBe(120);
    expect(written).toEqual(['2020', '2020-2']);
    handOverPages(writer, inner.stagingDir!, 1, true, '2021');
    expect(writer.caughtUp()).toBe(false);
    await writer.commit();
    expect(writer.pageCount).toBe(121);
  });

  it('does not read back a page a render thread wrote without the marker, and indexes the ones with it', async () => {
    const inner = new FolderWriter({ stagingDir: tempDir() });
    const writer = await SearchIndexingWriter.wrap(inner);
    handOverPages(writer, inner.stagingDir!, 3, true);
    // Never written into the staging folder: reading it back would fail the build.
    writer.adopt('2020/index.html', undefined, true, false);
    expect(await writer.drained()).toBeUndefined();
    await writer.commit();
    expect(writer.pageCount).toBe(3);
    expect(entryOf(inner).languages['en']?.page_count).toBe(3);
    // Without the thread's word (undefined), a page is read back as before: a missing one fails.
    const unsure = await SearchIndexingWriter.wrap(new FolderWriter({ stagingDir: tempDir() }));
    unsure.adopt('2020/index.html', undefined, true);
    await expect(unsure.commit()).rejects.toThrow(/ENOENT/);
  });

  it('does not make the build wait behind pages kept from the previous build, only behind pages with new bytes', async () => {
    // A kept page waits as its path; holding the build back behind them serialised a rebuild's
    // keying of pages and Pagefind's indexing of the changed shard.
    const inner = new FolderWriter({ outDir: tempDir(), stagingDir: tempDir() });
    const writer = await SearchIndexingWriter.wrap(inner);
    const settled = () => {
      let done = false;
      void writer.drained().then(() => void (done = true));
      return async () => {
        for (let i = 0; i < 5; i++) await Promise.resolve();
        return done;
      };
    };
    handOverPages(writer, inner.outDir!, 1500, false, '2019');
    expect(await settled()()).toBe(true);
    expect(writer.pageCount).toBeLessThan(1500); // the kept pages still wait for Pagefind
    // Rendered pages behind them do count: more than 1,024 make the build wait.
    handOverPages(writer, inner.stagingDir!, 1100, true, '2020');
    expect(await settled()()).toBe(false);
    await writer.commit();
    expect(writer.pageCount).toBe(2600);
    expect(entryOf(inner).languages['en']?.page_count).toBe(2000);
  });

  it('marks articles with year and topic filters and a date', async () => {
    const writer = await buildBasic();
    const html = writer.text('2025/07/04/storm-closes-the-port/index.html');
    expect(html).toContain(
      '<article class="article" data-pagefind-body data-pagefind-filter="year:2025" data-pagefind-sort="date:2025-07-04" data-pagefind-meta="date:July 4, 2025">',
    );
    expect(html).toContain(
      '<li><a href="/news/topics/weather/" data-pagefind-filter="topic[data-topic]" data-topic="weather">weather</a></li><li><a href="/news/topics/shipping/" data-pagefind-filter="topic[data-topic]" data-topic="Shipping">Shipping</a></li>',
    );
    // Filter values can never carry markup into Pagefind's UI, which shows them as HTML.
    const hostile = [...writer.files.entries()].find(([f]) => f.startsWith('2025/06/01/script-'))![1] as string;
    expect(hostile).toContain('data-topic="‹img src=x onerror=&#34;window.__pwned=&#39;filter&#39;&#34;›, a: b"');
  });

  it('publishes a search page and a header search form that work under the base path', async () => {
    const writer = await buildBasic();
    const page = writer.text('search/index.html');
    expect(page).toContain('<div id="search" class="search" data-bundle-path="/news/pagefind/" data-base-url="/news/">');
    expect(page).toContain('<script src="/news/pagefind/pagefind-ui.js"></script>\n<script src="/news/pagefind/shards.js"></script>');
    expect(page).toContain('<link rel="stylesheet" href="/news/pagefind/pagefind-ui.css">');
    expect(writer.text('index.html')).toContain('<form class="site-search" role="search" action="/news/search/" method="get">');
  });

  it('writes no index with search off', async () => {
    const writer = await buildBasic(false);
    expect([...writer.files.keys()].filter((f) => f.startsWith('pagefind/'))).toEqual([]);
    // The search page says so, and asks for none of Pagefind's files, which are not there.
    const page = writer.text('search/index.html');
    expect(page).toContain('<p>Search is not available: this site was built without its search index. Browse the <a href="/news/archive/">archive</a> by date.</p>');
    expect(page).not.toContain('/news/pagefind/');
  });

  it('leaves the previous output as it was when the build fails after pages were indexed', () => {
    const root = tempDir();
    const out = path.join(root, 'dist');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), 'previous build');
    markOutput(out); // as a build leaves it
    // The search page renders after every article has gone to the index; an unknown variable fails it.
    const templates = path.join(root, 'templates');
    cpSync(path.join(repoRoot, 'templates'), templates, { recursive: true });
    writeFileSync(path.join(templates, 'search.liquid'), '{{ no_such_variable }}');
    const r = runCli(['build', '--input', path.join(fixtures, 'basic'), '--out', out, '--templates', templates]);
    // A template's failure is the site's to fix: exit 1, at the template's file and line.
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(templates, 'search.liquid')}:1: template failed:`);
    expect(r.stderr).toContain('no_such_variable');
    expect(readdirSync(root).sort()).toEqual(['dist', 'templates']);
    expect(readdirSync(out).sort()).toEqual(['.news-archive', 'index.html']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous build');
  });
});
