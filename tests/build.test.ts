import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { parseConfig } from '../src/load/config.js';
import type { SiteConfig } from '../src/types.js';
import { MemoryWriter } from '../src/write/writer.js';
import { fixtures, repoRoot, scriptHazards } from './helpers.js';

function config(overrides: Record<string, unknown> = {}): SiteConfig {
  const r = parseConfig(undefined, 'archive.config.json', { title: 'Test Archive', baseUrl: 'https://example.org/news/', ...overrides });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

async function buildBasic(overrides: Record<string, unknown> = {}) {
  const writer = new MemoryWriter();
  const result = await build(
    { inputDir: path.join(fixtures, 'basic'), templatesDir: path.join(repoRoot, 'templates'), config: config(overrides) },
    writer,
  );
  return { writer, result };
}

describe('build (in memory)', () => {
  it('writes an article page per article, the date index, articles.json and the assets', async () => {
    const { writer, result } = await buildBasic();
    expect(result.errors).toEqual([]);
    expect(result.articles).toBe(8);
    expect(writer.committed).toBe(true);
    const files = [...writer.files.keys()].sort();
    expect(files).toContain('2025/07/04/storm-closes-the-port/index.html');
    expect(files).toContain('2025/07/04/storm-closes-the-port-2/index.html');
    expect(files).toContain('2025/07/03/putin-govorit-o-peregovorakh/index.html');
    expect(files).toContain('2025/06/01/editor-choice/index.html');
    for (const f of ['index.html', 'archive/index.html', '2019/index.html', '2019/12/index.html', '2019/12/31/index.html', 'articles.json', '_headers']) {
      expect(files).toContain(f);
    }
  });

  it('renders the article page with date, dateline, breadcrumbs and neighbours under the base path', async () => {
    const { writer } = await buildBasic();
    const html = writer.text('2025/07/04/storm-closes-the-port/index.html');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Storm closes the port</h1>');
    expect(html).toContain('<time datetime="2025-07-04">July 4, 2025</time>');
    expect(html).toContain('<span class="byline"><span data-pagefind-ignore>By</span> A. Reporter</span>');
    expect(html).toContain('<link rel="canonical" href="https://example.org/news/2025/07/04/storm-closes-the-port/">');
    expect(html).toContain('<li><a href="/news/2025/07/">July</a></li>');
    expect(html).toContain('<li><a href="/news/2025/07/04/">4</a></li>');
    // Within a day, articles are ordered by source path: seed.txt, storm-a.md, storm-b.md.
    expect(html).toMatch(/<a rel="prev" href="\/news\/2025\/07\/04\/russian-president-vladimir-putin-reaffirmed-his-countrys\/">/);
    expect(html).toMatch(/<a rel="next" href="\/news\/2025\/07\/04\/storm-closes-the-port-2\/">/);
  });

  it('escapes hostile front matter everywhere it appears', async () => {
    const { writer } = await buildBasic();
    const pages = [...writer.files.entries()].filter(([f]) => f.endsWith('.html')).map(([, v]) => String(v));
    // scriptHazards allows only the theme's own search box (a GET form to /search/) and its script files.
    for (const page of pages) {
      expect(scriptHazards(page)).toEqual([]);
      // JSON-LD is the one script element, and its text may hold no "<" that could close it.
      for (const m of page.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)) expect(m[1]).not.toContain('<');
    }
    const page = pages.find((p) => p.includes('Hostile'))!;
    expect(page).toContain('&lt;script&gt;window.__pwned = &#39;title&#39;&lt;/script&gt; Hostile &lt;b&gt;headline&lt;/b&gt;');
  });

  it('has a hazard detector that does fire', () => {
    expect(
      scriptHazards(
        '<script>x()</script><script src="https://evil.example/x.js"></script><a href="javascript:x()" onclick="x()">a</a><form action="https://evil.example/"></form><script src="/assets/search.abc.js"></script><form method="get" action="/search/"></form>',
      ),
    ).toEqual(['<script type=>', '<script type=>', 'a[href=javascript:x()]', 'a[onclick]', '<form>']);
  });

  it('formats dates in the configured locale', async () => {
    const { writer } = await buildBasic({ dateLocale: 'ru', language: 'ru' });
    expect(writer.text('2025/07/04/storm-closes-the-port/index.html')).toContain('<time datetime="2025-07-04">4 июля 2025 г.</time>');
  });

  it('lists articles.json without body HTML', async () => {
    const { writer } = await buildBasic();
    const records = JSON.parse(writer.text('articles.json')) as Record<string, unknown>[];
    expect(records).toHaveLength(8);
    expect(records[0]).toMatchObject({ date: '2019-12-31', dateline: 'Sydney, Australia', path: '/2019/12/31/fireworks-lit-up-the-harbour-at-midnight/' });
    expect(records.every((r) => !('bodyHtml' in r))).toBe(true);
    expect(Object.keys(records[0]!).slice(0, 4)).toEqual(['slug', 'path', 'url', 'title']);
    expect(records[0]!['url']).toBe('https://example.org/news/2019/12/31/fireworks-lit-up-the-harbour-at-midnight/');
  });

  it('shows a summary with a curly quote and an ellipsis as written, in every place it is published', async () => {
    const { writer } = await buildBasic();
    const lede = 'Russian President Vladimir Putin reaffirmed his country’s commitment';
    const seed = (JSON.parse(writer.text('articles.json')) as Record<string, unknown>[]).find((r) => String(r['source']).endsWith('seed.txt'));
    expect(seed?.['summary']).toBe(`${lede} to resolving the conflict in Ukraine during a phone call with U.S. President Donald Trump on July 3, 2025. Kremlin aide Yuri…`);
    const page = writer.text(`${String(seed?.['path']).slice(1)}index.html`);
    expect(page).toContain(`<meta name="description" content="${lede}`);
    expect(page).toContain(`"description":"${lede}`);
    expect(writer.text('2025/07/04/index.html')).toContain(`<p class="summary">${lede}`);
    expect(writer.text('feed.xml')).toContain(lede);
  });

  it('paginates long lists', async () => {
    const { writer } = await buildBasic({ pageSize: 3 });
    expect([...writer.files.keys()].filter((f) => /^page\/\d+\/index\.html$/.test(f)).sort()).toEqual(['page/2/index.html', 'page/3/index.html']);
    const second = writer.text('page/2/index.html');
    expect(second).toContain('<a rel="prev" href="/news/">← Newer</a>');
    expect(second).toContain('<a rel="next" href="/news/page/3/">Older →</a>');
    expect(second).toContain('Page 2 of 3');
    // A month runs in date order: its later pages hold later days.
    const monthPages = [...writer.files.keys()].filter((f) => /^\d{4}\/\d{2}\/page\/2\/index\.html$/.test(f));
    expect(monthPages).toEqual(['2025/07/page/2/index.html']);
    const month = writer.text('2025/07/page/2/index.html');
    expect(month).toContain('<a rel="prev" href="/news/2025/07/">← Earlier</a>');
    expect(month).not.toContain('Newer');
  });
});

describe('build of an empty archive', () => {
  it('still writes a valid home page, feeds and sitemaps', async () => {
    const writer = new MemoryWriter();
    const { tempDir } = await import('./helpers.js');
    const result = await build({ inputDir: tempDir(), templatesDir: path.join(repoRoot, 'templates'), config: config() }, writer);
    expect(result.errors).toEqual([]);
    expect(writer.text('index.html')).toContain('<p>No articles yet.</p>');
    expect(writer.text('sitemap.xml')).toContain('<loc>https://example.org/news/</loc>');
    expect(writer.text('news-sitemap.xml')).toContain('<urlset');
  });
});
