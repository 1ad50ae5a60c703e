import * as pagefind from 'pagefind';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { parseConfig } from '../../src/load/config.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { searchProjection } from '../../src/search/search-projection.js';
import { fixtures, repoRoot } from '../helpers.js';

/** A page shaped like the theme's article pages, small enough to read whole. */
const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A &amp; B · Archive</title>
<script type="application/ld+json">{"headline":"</div><h1>not a tag</h1>"}</script>
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
</head>
<body>
<header class="site-header" id="top"><a href="/">Archive</a>
<form role="search"><label for="q">Search</label><input id="q" name="q"></form></header>
<main id="main">
<nav class="breadcrumbs"><ol><li><a href="/">Home</a></li></ol></nav>
<article class="article" data-pagefind-body data-pagefind-filter="year:2025" data-pagefind-meta="date:July 4, 2025">
<h1>Grain deal signed in Kyiv</h1>
<p title="a </article> b">Officials <!-- </article> --> signed the <b>grain</b> deal.</p>
<ul data-pagefind-ignore><li><a href="/topics/kyiv/" data-pagefind-filter="topic[data-topic]" data-topic="Kyiv">Kyiv</a></li></ul>
</article>
<section class="related"><h2 id="related">Related articles</h2><article class="teaser"><h3>Harbour plans</h3></article></section>
</main>
<footer class="site-footer">© 2025 Archive</footer>
</body>
</html>
`;

const PROJECTED =
  '<!DOCTYPE html><html lang="en"><head><title>A &amp; B · Archive</title></head><body>' +
  '<article class="article" data-pagefind-body data-pagefind-filter="year:2025" data-pagefind-meta="date:July 4, 2025">\n' +
  '<h1>Grain deal signed in Kyiv</h1>\n' +
  '<p title="a </article> b">Officials <!-- </article> --> signed the <b>grain</b> deal.</p>\n' +
  '<ul data-pagefind-ignore><li><a href="/topics/kyiv/" data-pagefind-filter="topic[data-topic]" data-topic="Kyiv">Kyiv</a></li></ul>\n' +
  '</article></body></html>';

/** `PAGE` with one change; every one of these is something Pagefind reads outside the body element, or HTML this reading does not follow. */
const WHOLE: [string, string][] = [
  ['an <h1> outside the body element (the default title)', PAGE.replace('<a href="/">Archive</a>', '<h1>Archive</h1>')],
  ['an <img> after it (the default image)', PAGE.replace('<h3>Harbour plans</h3>', '<img src="/harbour.jpg" alt="Harbour"><h3>Harbour plans</h3>')],
  ['a filter outside it', PAGE.replace('<footer class="site-footer">', '<footer class="site-footer" data-pagefind-filter="site:Archive">')],
  ['meta in the head', PAGE.replace('<meta charset="utf-8">', '<meta charset="utf-8"><meta data-pagefind-meta="image[content]" content="/a.jpg">')],
  ['text directly in an ancestor after it', PAGE.replace('</article>\n<section', '</article>\nSee also:\n<section')],
  ['a second body element', PAGE.replace('<section class="related">', '<section class="related" data-pagefind-body>')],
  ['a heading around it', PAGE.replace('<article class="article"', '<h2><article class="article"').replace('</article>\n<section', '</article></h2>\n<section')],
  ['end tags out of order inside it', PAGE.replace('<b>grain</b>', '<b><i>grain</b></i>')],
  ['an <svg> inside it', PAGE.replace('<b>grain</b>', '<svg><title>x</title></svg>')],
  ['a comment written <!-->', PAGE.replace('<!-- </article> -->', '<!--> </article> -->')],
  ['a pre-1.0 Pagefind bundle', PAGE.replace('</head>', '<script src="/_pagefind/pagefind.js"></script></head>')],
  ['no <html> tag', PAGE.replace('<html lang="en">', '').replace('</html>', '')],
  ['a filter on the <html> element, read from its whole text', PAGE.replace('<html lang="en">', '<html lang="en" data-pagefind-filter="site">')],
  ['an unclosed body element', PAGE.replace('</ul>\n</article>', '</ul>\n')],
  ['a body element with an optional end tag', PAGE.replace('<article class="article"', '<p class="article"').replace('</ul>\n</article>', '</ul>\n</p>')],
  ['the title after the body element', PAGE.replace('<title>A &amp; B · Archive</title>', '').replace('</footer>', '</footer><title>Late</title>')],
];

describe('searchProjection', () => {
  it('keeps the <html> tag, the <title> and the body element, byte for byte', () => {
    expect(searchProjection(PAGE)).toBe(PROJECTED);
  });

  it.each(WHOLE)('hands Pagefind the whole page when it has %s', (_, page) => {
    expect(page).not.toBe(PAGE);
    expect(searchProjection(page)).toBe(page);
  });

  it('leaves a page without a body element as it is', () => {
    const page = '<!DOCTYPE html><html lang="en"><head><title>Home</title></head><body><main><h1>Home</h1></main></body></html>';
    expect(searchProjection(page)).toBe(page);
  });
});

async function articlePages(inputDir: string): Promise<Map<string, string>> {
  const r = parseConfig(undefined, 'archive.config.json', { baseUrl: 'https://example.org/news/' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const writer = new MemoryWriter();
  await build({ inputDir, templatesDir: path.join(repoRoot, 'templates'), config: r.config, search: false }, writer);
  const pages = new Map<string, string>();
  for (const file of [...writer.files.keys()].sort()) {
    const html = writer.text(file);
    if (file.endsWith('.html') && html.includes('data-pagefind-body')) pages.set(file, html);
  }
  return pages;
}

/** Pagefind's fragments (each page's words, title, meta, filters, anchors) and word index for `pages`, file by file. */
async function indexOf(pages: Map<string, string>): Promise<Map<string, Buffer>> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('; '));
  for (const [sourcePath, content] of pages) {
    const added = await index.addHTMLFile({ sourcePath, content });
    expect(added.errors).toEqual([]);
  }
  const { files } = await index.getFiles();
  // Filter and meta files list their entries in hash-map order, which differs between any two runs
  // (Pagefind/pagefind#638); fragments carry each page's filters, so they are compared there.
  return new Map(files.filter((f) => /^(fragment|index)\//.test(f.path)).map((f) => [f.path, Buffer.from(f.content)]));
}

describe('what Pagefind makes of the projection', () => {
  afterAll(() => pagefind.close());

  it('is the index it makes of the whole pages: the theme article pages of two fixture archives, and the hand-written page', async () => {
    const pages = new Map([...(await articlePages(path.join(fixtures, 'basic'))), ...(await articlePages(path.join(fixtures, 'hostile/published')))]);
    pages.set('2025/07/04/hand-written/index.html', PAGE);
    const projected = new Map([...pages].map(([file, html]) => [file, searchProjection(html)]));
    // Every page was cut down (none went whole), so the comparison is of two different inputs.
    for (const [file, html] of pages) expect(projected.get(file)!.length, file).toBeLessThan(html.length);
    expect(pages.size).toBeGreaterThan(10);

    const whole = await indexOf(pages);
    const cut = await indexOf(projected);
    expect([...whole.keys()].filter((f) => f.startsWith('fragment/'))).toHaveLength(pages.size);
    expect([...cut.keys()].sort()).toEqual([...whole.keys()].sort());
    for (const [file, bytes] of whole) expect(cut.get(file)!.equals(bytes), file).toBe(true);
  });

  it('would not be, for pages the projection hands over whole: the comparison sees the difference', async () => {
    // What a cut that ignored the page around the body element would give for three of the cases above.
    const naive = (page: string) => {
      const start = page.indexOf('<article class="article"');
      const end = page.indexOf('</ul>\n</article>') + '</ul>\n</article>'.length;
      return `<!DOCTYPE html><html lang="en"><head><title>A &amp; B · Archive</title></head><body>${page.slice(start, end)}</body></html>`;
    };
    expect(naive(PAGE)).toBe(PROJECTED);
    for (const name of ['an <h1> outside the body element (the default title)', 'an <img> after it (the default image)', 'text directly in an ancestor after it']) {
      const page = WHOLE.find(([n]) => n === name)![1];
      const whole = await indexOf(new Map([['a/index.html', page]]));
      const cut = await indexOf(new Map([['a/index.html', naive(page)]]));
      const fragment = (m: Map<string, Buffer>) => [...m].find(([f]) => f.startsWith('fragment/'))![0];
      expect(fragment(cut), name).not.toBe(fragment(whole));
    }
  });
});
