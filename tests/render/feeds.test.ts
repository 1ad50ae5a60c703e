/**
 * Feeds carry untrusted text in CDATA sections, which the feed library closes at the first `]]>`
 * only: text that says `]]>` twice could put live markup, and script, into the XML (fixture
 * tests/fixtures/feeds/). Plain text goes out as escaped HTML, so it shows as the characters the
 * site's pages show, and every feed parses.
 */
import path from 'node:path';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { parseConfig } from '../../src/load/config.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { fixtures, repoRoot } from '../helpers.js';

const r = parseConfig(undefined, 'archive.config.json', { title: 'Feed Test', baseUrl: 'https://example.org/', publisher: 'Feed Test' });
if (!r.ok) throw new Error('config');
const writer = new MemoryWriter();
const XML_FEEDS = ['feed.xml', 'atom.xml', 'corrections/feed.xml', 'topics/at-and-t/feed.xml'];

beforeAll(async () => {
  const result = await build({ inputDir: path.join(fixtures, 'feeds'), templatesDir: path.join(repoRoot, 'templates'), config: r.config }, writer);
  expect(result.errors).toEqual([]);
});

describe('feeds with hostile text', () => {
  // Strict XML parsing: a feed that is not well-formed throws.
  const parser = new Parser();

  it('have no markup of their own making in any XML feed, and every one parses', async () => {
    for (const file of XML_FEEDS) {
      const xml = writer.text(file);
      expect(xml, file).not.toMatch(/<script|<img|<b>/i);
      await expect(parser.parseString(xml), file).resolves.toBeDefined();
    }
  });

  it('give a title, a summary and a correction as escaped HTML, whole', async () => {
    const rss = await parser.parseString(writer.text('feed.xml'));
    const item = rss.items.find((i) => i.link === 'https://example.org/2024/05/01/port-reopens-after-script-xmlns-http-www-w3-org-1999-xhtml/')!;
    expect(item.title).toBe(
      'Port reopens ]]&gt; after ]]&gt;&lt;script xmlns="http://www.w3.org/1999/xhtml"&gt;window.__pwned = \'title\'&lt;/script&gt;&lt;![CDATA[ storm',
    );
    expect(item.content).toBe(
      'Summary ]]&gt; and ]]&gt;&lt;img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="window.__pwned = \'summary\'"/&gt;&lt;![CDATA[ end',
    );
    expect(item['content:encoded']).toBe('<p>The port reopened on Tuesday, and ]]&gt; the text ]]&gt; says so.</p>');
    const seed = rss.items.find((i) => i.link?.startsWith('https://example.org/2024/05/03/'))!;
    expect(seed.content).toContain('on Tuesday ]]&gt; after ]]&gt;&lt;script xmlns=');
    const corrections = await parser.parseString(writer.text('corrections/feed.xml'));
    expect(corrections.items.find((i) => i.content?.startsWith('Fixed'))!.content).toBe(
      'Fixed ]]&gt; twice ]]&gt;&lt;script xmlns="http://www.w3.org/1999/xhtml"&gt;window.__pwned = \'correction\'&lt;/script&gt;&lt;![CDATA[ ok',
    );
  });

  it('give two corrections of one article on one day two ids', async () => {
    const corrections = await parser.parseString(writer.text('corrections/feed.xml'));
    const article = 'https://example.org/2024/05/01/port-reopens-after-script-xmlns-http-www-w3-org-1999-xhtml/';
    expect(corrections.items.map((i) => i.guid).filter((g) => g?.startsWith(article)).sort()).toEqual([`${article}#correction-2024-05-02`, `${article}#correction-2024-05-02-2`]);
  });

  it('title a bare update "Update", not "Correction"', async () => {
    const corrections = await parser.parseString(writer.text('corrections/feed.xml'));
    expect(corrections.items.filter((i) => i.title?.includes('Budget figures')).map((i) => [i.title, i.content])).toEqual([['Update: Budget figures revised', 'Article updated.']]);
  });

  it('write a topic with & or < as a well-formed Atom category, with a term', () => {
    const atom = writer.text('atom.xml');
    expect(atom).toContain('<category label="AT&amp;T" term="at-and-t"/>');
    expect(atom).toContain('<category label="&lt;b&gt;bold&lt;/b&gt;" term="b-bold-b"/>');
  });

  it("name an item's author in RSS with dc:creator, since RSS's own author element must be an e-mail address", async () => {
    const xml = writer.text('feed.xml');
    expect(xml).not.toContain('<author>');
    const rss = await parser.parseString(xml);
    expect(rss.items.map((i) => i.creator)).toEqual(['Feed Test', 'Feed Test', 'Feed Test']);
  });

  it('keep JSON Feed fields as plain text', () => {
    const json = JSON.parse(writer.text('feed.json')) as { items: { title: string; summary: string }[] };
    const item = json.items.find((i) => i.title.startsWith('Port reopens'))!;
    expect(item.title).toBe('Port reopens ]]> after ]]><script xmlns="http://www.w3.org/1999/xhtml">window.__pwned = \'title\'</script><![CDATA[ storm');
    expect(item.summary).toBe('Summary ]]> and ]]><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="window.__pwned = \'summary\'"/><![CDATA[ end');
  });
});
