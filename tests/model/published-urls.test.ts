import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { parseConfig } from '../../src/load/config.js';
import { parseMarkdownArticle } from '../../src/load/markdown.js';
import { formatPublishedList, mergePublished, parsePublishedList, PUBLISHED_HEADER } from '../../src/model/published-urls.js';
import type { SiteConfig } from '../../src/types.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { repoRoot, tempDir } from '../helpers.js';

function config(baseUrl = 'https://example.org/news/'): SiteConfig {
  const r = parseConfig(undefined, 'archive.config.json', { title: 'Test Archive', baseUrl });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

/** Real article files in a temp folder, built in memory against the given list. */
async function buildWith(articles: Record<string, string>, listText: string) {
  const input = path.join(tempDir(), 'seeds');
  mkdirSync(input);
  for (const [name, text] of Object.entries(articles)) writeFileSync(path.join(input, name), text);
  const { list } = parsePublishedList(listText, 'published-urls.txt');
  const writer = new MemoryWriter();
  const result = await build({ inputDir: input, templatesDir: path.join(repoRoot, 'templates'), config: config(), published: list, search: false }, writer);
  return { result, writer };
}

const md = (title: string, extra = '') => `---\ntitle: ${title}\ndate: 2025-07-04\n${extra}---\n\nBody.\n`;

describe('the list of published URLs', () => {
  it('reads paths with their sources, skipping comments and blank lines, and writes them back sorted under the header', () => {
    const { list, errors } = parsePublishedList('# note\n\n/2025/07/04/b/\tb.md\n/2024/01/01/a/\n', 'p.txt');
    expect(errors).toEqual([]);
    expect(list.entries).toEqual([
      { path: '/2025/07/04/b/', source: 'b.md', line: 3 },
      { path: '/2024/01/01/a/', source: '', line: 4 },
    ]);
    expect(formatPublishedList(list.entries)).toBe(`${PUBLISHED_HEADER.join('\n')}\n/2024/01/01/a/\n/2025/07/04/b/\tb.md\n`);
  });

  it('merging never drops a listed URL, adds new ones and follows a renamed source file', () => {
    const { list } = parsePublishedList('/2024/01/01/a/\ta.md\n/2024/01/02/gone/\tgone.md\n', 'p.txt');
    const merged = mergePublished(list, [
      { path: '/2024/01/01/a/', source: 'renamed-a.md' },
      { path: '/2025/01/01/new/', source: 'new.md' },
    ]);
    expect(merged.added).toBe(1);
    expect(merged.entries).toEqual([
      { path: '/2024/01/01/a/', source: 'renamed-a.md' },
      { path: '/2024/01/02/gone/', source: 'gone.md' },
      { path: '/2025/01/01/new/', source: 'new.md' },
    ]);
  });
});

describe('aliases in front matter', () => {
  it('accepts site-relative paths and rejects unsafe ones with the line of the key', () => {
    const ok = parseMarkdownArticle(md('T', 'aliases: [/2025/07/03/old/, /news/1.html]\n'), 'a.md');
    expect(Array.isArray(ok) ? ok : ok.aliases).toEqual(['/2025/07/03/old/', '/news/1.html']);

    const bad = parseMarkdownArticle(md('T', 'aliases: [../etc/, /a/../b/, /x y/, /no-slash, "/<script>/"]\n'), 'a.md');
    expect(bad).toEqual([
      { file: 'a.md', line: 4, message: 'alias "../etc/" must be a site-relative path starting with "/", e.g. /2025/07/04/old-slug/' },
      { file: 'a.md', line: 4, message: 'alias "/a/../b/" may not contain "." or ".." segments' },
      { file: 'a.md', line: 4, message: 'alias "/x y/" may only contain letters, digits, "-", ".", "_", "~" and single "/" between them' },
      { file: 'a.md', line: 4, message: 'alias "/no-slash" must end in "/" (a folder URL) or ".html"' },
      { file: 'a.md', line: 4, message: 'alias "/<script>/" may only contain letters, digits, "-", ".", "_", "~" and single "/" between them' },
    ]);
    expect(parseMarkdownArticle(md('T', 'aliases: {a: 1}\n'), 'a.md')).toEqual([
      { file: 'a.md', line: 4, message: 'aliases must be a list of old URL paths, e.g. aliases: [/2025/07/04/old-slug/]' },
    ]);
  });

  it("rejects an alias that is a live article's URL, claimed twice, or where the site's own pages live", async () => {
    const { result } = await buildWith(
      {
        'a.md': md('Alpha', 'aliases: [/2025/07/04/beta/, /old/]\n'),
        'b.md': md('Beta', 'aliases: [/old/, /2025/07/, /topics/x/]\n'),
      },
      '',
    );
    const input = path.dirname(result.errors[0]!.file);
    expect(result.errors).toEqual([
      { file: path.join(input, 'a.md'), line: 4, message: `alias /2025/07/04/beta/ is the URL of ${path.join(input, 'b.md')}; an alias is an old URL that no article uses now` },
      { file: path.join(input, 'b.md'), line: 4, message: `alias /old/ is already declared by ${path.join(input, 'a.md')}; an old URL can redirect to one article only` },
      { file: path.join(input, 'b.md'), line: 4, message: "alias /2025/07/ is where the site's own pages live; it cannot redirect" },
      { file: path.join(input, 'b.md'), line: 4, message: "alias /topics/x/ is where the site's own pages live; it cannot redirect" },
    ]);
  });
});

describe('aliases that would overwrite a page or a file of the site', () => {
  it('refuses an index.html form, which names the file a live page is served from, and a part too long for a file name', () => {
    const long = `/${'a'.repeat(256)}/`;
    expect(parseMarkdownArticle(md('T', `aliases: [/index.html, /2025/07/04/index.html, /2025/07/04/alpha/index.html, "${long}"]\n`), 'a.md')).toEqual([
      { file: 'a.md', line: 4, message: 'alias "/index.html" must be written as its folder URL, /, not as its index.html' },
      { file: 'a.md', line: 4, message: 'alias "/2025/07/04/index.html" must be written as its folder URL, /2025/07/04/, not as its index.html' },
      { file: 'a.md', line: 4, message: 'alias "/2025/07/04/alpha/index.html" must be written as its folder URL, /2025/07/04/alpha/, not as its index.html' },
      { file: 'a.md', line: 4, message: `alias "${'/' + 'a'.repeat(39)}…" has a part longer than 255 characters, more than a file name can hold` },
    ]);
  });

  it("refuses, in the same run as other errors, a site-wide file's name and a date index's later page", async () => {
    const { result } = await buildWith(
      {
        'a.md': md('Alpha', 'aliases: [/sitemap.xml/, /feed.xml/, /articles.json/, /sitemap-2.xml/, /2025/07/04/page/2/, /2025/page/3/, /robots.txt/x.html]\n'),
        'b.txt': ' date 2025-02-30 A date that does not exist.\n',
      },
      '',
    );
    const input = path.dirname(result.errors[0]!.file);
    const own = (alias: string) => ({ file: path.join(input, 'a.md'), line: 4, message: `alias ${alias} is where the site's own pages live; it cannot redirect` });
    expect(result.errors).toEqual([
      { file: path.join(input, 'b.txt'), line: 1, message: expect.stringContaining('2025-02-30') },
      own('/sitemap.xml/'),
      own('/feed.xml/'),
      own('/articles.json/'),
      own('/sitemap-2.xml/'),
      own('/2025/07/04/page/2/'),
      own('/2025/page/3/'),
      own('/robots.txt/x.html'),
    ]);
  });
});

describe('build against the list (in memory)', () => {
  it('fails when a listed URL is neither an article nor an alias, and writes nothing', async () => {
    const { result, writer } = await buildWith({ 'a.md': md('Alpha') }, '/2025/07/04/alpha/\ta.md\n/2025/07/04/beta/\tb.md\n');
    expect(result.errors).toEqual([
      {
        file: 'published-urls.txt',
        line: 2,
        message: 'published URL /2025/07/04/beta/ would disappear (its article b.md is gone); restore the article, or add "aliases: [/2025/07/04/beta/]" to the front matter of the article that replaces it, or delete this line to drop the URL on purpose',
      },
    ]);
    expect(writer.committed).toBe(false);
    expect(writer.files.size).toBe(0);
  });

  it('passes when another article takes the old URL as an alias, writing the redirect page and _redirects under the base path', async () => {
    const { result, writer } = await buildWith(
      { 'a.md': md('Alpha'), 'c.md': md('Gamma', 'aliases: [/2025/07/04/beta/]\n') },
      '/2025/07/04/alpha/\ta.md\n/2025/07/04/beta/\tb.md\n',
    );
    expect(result.errors).toEqual([]);
    expect(result.publishedUrls).toEqual([
      { path: '/2025/07/04/alpha/', source: 'a.md' },
      { path: '/2025/07/04/gamma/', source: 'c.md' },
    ]);
    expect(writer.text('_redirects')).toBe('/news/2025/07/04/beta/ /news/2025/07/04/gamma/ 301\n');
    const page = writer.text('2025/07/04/beta/index.html');
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/news/2025/07/04/gamma/">');
    expect(page).toContain('<link rel="canonical" href="https://example.org/news/2025/07/04/gamma/">');
    // A page under an alias is not an article: the old URL is not indexed for search or listed in articles.json.
    expect(page).not.toContain('data-pagefind-body');
    expect(JSON.parse(writer.text('articles.json'))[1]).toMatchObject({ path: '/2025/07/04/gamma/', aliases: ['/2025/07/04/beta/'] });
    expect(writer.text('articles.json')).not.toContain('aliasesLine');
  });

  it('an article that became a draft keeps its URL listed, so the build says so', async () => {
    const { result } = await buildWith({ 'a.md': md('Alpha', 'draft: true\n') }, '/2025/07/04/alpha/\ta.md\n');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toBe(
      "published URL /2025/07/04/alpha/ (published-urls.txt:1) would disappear: this article is now a draft or dated after the build's date; publish it again, or delete that line of published-urls.txt to withdraw the URL on purpose",
    );
  });
});
