import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { parseConfig } from '../../src/load/config.js';
import { buildSiteModel } from '../../src/model/site.js';
import { renderContext } from '../../src/render/site-pages.js';
import { sitemapFiles } from '../../src/render/sitemaps.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { fixtures, repoRoot, tempDir } from '../helpers.js';

const r = parseConfig(undefined, 'archive.config.json', {
  title: 'Test Archive',
  baseUrl: 'https://example.org/news/',
  timeZone: 'Europe/Moscow',
  publisher: 'Test Publisher',
});
if (!r.ok) throw new Error('config');
const config = r.config;
const writer = new MemoryWriter();

beforeAll(async () => {
  const result = await build({ inputDir: path.join(fixtures, 'basic'), templatesDir: path.join(repoRoot, 'templates'), config }, writer);
  expect(result.errors).toEqual([]);
});

const seedPage = () => writer.text('2025/07/04/russian-president-vladimir-putin-reaffirmed-his-countrys/index.html');

describe('topics', () => {
  it('links the article to its topics and the topic pages back', () => {
    const html = seedPage();
    expect(html).toContain('<a href="/news/topics/vladimir-putin/" data-pagefind-filter="topic[data-topic]" data-topic="Vladimir Putin">Vladimir Putin</a>');
    expect(html).toContain('<a href="/news/topics/moscow/" data-pagefind-filter="topic[data-topic]" data-topic="Moscow">Moscow</a>');
    const topic = writer.text('topics/vladimir-putin/index.html');
    expect(topic).toContain('<h1>Vladimir Putin</h1>');
    expect(topic).toContain('href="/news/2025/07/04/russian-president-vladimir-putin-reaffirmed-his-countrys/"');
    expect(topic).toContain('<link rel="alternate" type="application/rss+xml" title="Vladimir Putin · Test Archive (RSS)" href="/news/topics/vladimir-putin/feed.xml">');
  });

  it('lists topics by kind on /topics/, with no lone title or possessive among them', () => {
    const index = writer.text('topics/index.html');
    expect(index).toContain('<h2>People</h2>');
    expect(index).toContain('<h2>Places</h2>');
    expect(index).toContain('<a href="/news/topics/shipping/">Shipping</a> <span class="count">(2)</span>');
    expect(index).not.toMatch(/>President<|’s<|'s</);
  });

  it('shows related articles on each article page', () => {
    const html = seedPage();
    const related = html.slice(html.indexOf('id="related-heading"'));
    expect(related.match(/class="teaser-title"/g)?.length).toBeGreaterThanOrEqual(3);
    // The other article about Moscow shares a topic, so it ranks first.
    expect(related.indexOf('putin-govorit-o-peregovorakh')).toBeGreaterThan(-1);
  });
});

describe('date navigation', () => {
  it('draws a calendar on the year page where only days with articles are links', () => {
    const year = writer.text('2025/index.html');
    expect(year).toContain('<td class="has-articles"><a href="/news/2025/07/04/" aria-label="July 4: 3 articles">4</a></td>');
    expect(year).toContain('<td>5</td>');
    expect(year).toContain('<caption>February</caption>');
  });

  it('gathers a calendar day across years on /on-this-day/MM-DD/, linked from the article when other years have that day', async () => {
    // Every July 4 of the fixture is in 2025: no link to "other years" there are none of.
    expect(seedPage()).not.toContain('in other years');
    const more = new MemoryWriter();
    const input = tempDir();
    cpSync(path.join(fixtures, 'basic'), input, { recursive: true });
    writeFileSync(path.join(input, 'parade.txt'), ' date 2023-07-04 Boston, Massachusetts — The parade went ahead despite the rain.\n');
    expect((await build({ inputDir: input, templatesDir: path.join(repoRoot, 'templates'), config }, more)).errors).toEqual([]);
    expect(more.text('2025/07/04/russian-president-vladimir-putin-reaffirmed-his-countrys/index.html')).toContain('<a href="/news/on-this-day/07-04/">More from July 4 in other years</a>');
    expect(more.text('2023/07/04/the-parade-went-ahead-despite-the-rain/index.html')).toContain('<a href="/news/on-this-day/07-04/">More from July 4 in other years</a>');
    expect(more.text('2019/12/31/fireworks-lit-up-the-harbour-at-midnight/index.html')).not.toContain('in other years');
    const day = writer.text('on-this-day/07-04/index.html');
    expect(day).toContain('<h1>On this day: July 4</h1>');
    expect(day).toContain('<p>3 articles published on July 4 across the years.</p>');
    expect(day).toContain('<a rel="prev" href="/news/on-this-day/07-03/">');
  });
});

describe('corrections', () => {
  it('shows dated corrections on the article and on /corrections/, newest first', () => {
    const html = writer.text('2025/07/04/storm-closes-the-port-2/index.html');
    expect(html).toContain('<li><time datetime="2025-07-05">July 5, 2025</time>: The harbour master&#39;s name was misspelt.</li>');
    expect(html).toContain('<p class="updated" data-pagefind-ignore>Updated <time datetime="2025-07-06">July 6, 2025</time></p>');
    const page = writer.text('corrections/index.html');
    const first = page.indexOf('An earlier version gave the wrong closing time');
    expect(first).toBeGreaterThan(-1);
    expect(first).toBeLessThan(page.indexOf('misspelt'));
    expect(page).toContain('Article updated.');
  });
});

describe('structured data and social tags', () => {
  it('embeds a NewsArticle JSON-LD with dates in the newsroom offset, under the base URL', () => {
    const html = writer.text('2025/07/04/storm-closes-the-port-2/index.html');
    const json = /<script type="application\/ld\+json">([^]*?)<\/script>/.exec(html)![1]!;
    const data = JSON.parse(json) as Record<string, unknown>;
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Storm closes the port',
      datePublished: '2025-07-04T00:00:00+03:00',
      dateModified: '2025-07-06T00:00:00+03:00',
      url: 'https://example.org/news/2025/07/04/storm-closes-the-port-2/',
      publisher: { '@type': 'Organization', name: 'Test Publisher', url: 'https://example.org/news/' },
      keywords: ['weather', 'Shipping'],
    });
    const seed = JSON.parse(/<script type="application\/ld\+json">([^]*?)<\/script>/.exec(seedPage())![1]!) as Record<string, unknown>;
    expect(seed['dateline']).toBe('Moscow, Russia');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="article:published_time" content="2025-07-04T00:00:00+03:00">');
    expect(html).toContain('<meta property="og:url" content="https://example.org/news/2025/07/04/storm-closes-the-port-2/">');
    expect(html).toContain('<meta name="twitter:card" content="summary">');
  });

  it('keeps hostile text inside the JSON-LD string', () => {
    const html = writer.text('2025/06/01/script-window-pwned-title-script-hostile-b-headline-b/index.html');
    const json = /<script type="application\/ld\+json">([^]*?)<\/script>/.exec(html)![1]!;
    expect(json).not.toContain('<');
    expect((JSON.parse(json) as { headline: string }).headline).toBe("<script>window.__pwned = 'title'</script> Hostile <b>headline</b>");
  });
});

describe('feeds', () => {
  const parser = new Parser();
  it('publishes full-text RSS, Atom and JSON feeds that parse', async () => {
    const rss = await parser.parseString(writer.text('feed.xml'));
    expect(rss.title).toBe('Test Archive');
    expect(rss.items).toHaveLength(8);
    expect(rss.items[0]!.link).toBe('https://example.org/news/2025/07/04/storm-closes-the-port-2/');
    expect(rss.items.find((i) => i.title?.startsWith('Russian President'))!['content:encoded']).toContain('Kremlin aide Yuri Ushakov');
    const atom = await parser.parseString(writer.text('atom.xml'));
    expect(atom.items).toHaveLength(8);
    const json = JSON.parse(writer.text('feed.json')) as { version: string; items: { url: string; content_html: string }[] };
    expect(json.version).toBe('https://jsonfeed.org/version/1');
    expect(json.items[0]!.content_html).toContain('A second report');
    expect(seedPage()).toContain('<link rel="alternate" type="application/atom+xml" title="Test Archive (Atom)" href="/news/atom.xml">');
  });

  it('publishes a feed per topic and one of corrections', async () => {
    const topic = await parser.parseString(writer.text('topics/shipping/feed.xml'));
    expect(topic.items.map((i) => i.title)).toEqual(['Storm closes the port', 'Storm closes the port']);
    const corrections = await parser.parseString(writer.text('corrections/feed.xml'));
    expect(corrections.items[0]!.contentSnippet).toBe('An earlier version gave the wrong closing time for the port.');
  });
});

describe('sitemaps, robots and 404', () => {
  it('lists every page in sitemap.xml and the latest two days in the news sitemap', () => {
    const sitemap = writer.text('sitemap.xml');
    expect(sitemap).toContain('<loc>https://example.org/news/2025/07/04/storm-closes-the-port-2/</loc><lastmod>2025-07-06</lastmod>');
    expect(sitemap).toContain('<loc>https://example.org/news/topics/</loc>');
    expect(sitemap).not.toContain('404');
    const news = writer.text('news-sitemap.xml');
    expect(news.match(/<url>/g)).toHaveLength(4);
    expect(news).toContain('<news:publication_date>2025-07-04T00:00:00+03:00</news:publication_date>');
    expect(writer.text('robots.txt')).toContain('Sitemap: https://example.org/news/sitemap.xml');
    const notFound = writer.text('404.html');
    expect(notFound).toContain('<h1>Page not found</h1>');
    // Served for every missing URL: kept out of search engines, and it claims no URL of its own.
    expect(notFound).toContain('<meta name="robots" content="noindex">');
    expect(notFound).not.toMatch(/rel="canonical"|og:url/);
  });

  it('becomes a sitemap index past the per-file limit', async () => {
    const model = buildSiteModel([]);
    const entries = Array.from({ length: 5 }, (_, i) => ({ path: `/p${i}/` }));
    const files = [];
    for (const f of sitemapFiles(entries, model, renderContext(config), 2)) files.push(f);
    expect(files.map((f) => f.path)).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml', 'sitemap.xml', 'news-sitemap.xml', 'robots.txt']);
    const index = await files.find((f) => f.path === 'sitemap.xml')!.content();
    expect(index).toContain('<sitemapindex');
    expect(index).toContain('<loc>https://example.org/news/sitemap-3.xml</loc>');
  });
});
