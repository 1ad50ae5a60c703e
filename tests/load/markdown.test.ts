import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/load/parse-article.js';
import type { ParsedArticle } from '../../src/types.js';
import { readFixture } from '../helpers.js';

function parsed(text: string, file = 'a.md'): ParsedArticle {
  const r = parseArticle(text, file);
  if (Array.isArray(r)) throw new Error(r.map((e) => e.message).join('; '));
  return r;
}

describe('markdown format', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('reads the front matter fields', () => {
    const a = parsed(readFixture('basic/storm-a.md'));
    expect(a).toMatchObject({
      title: 'Storm closes the port',
      titleDerived: false,
      date: '2025-07-04',
      author: 'A. Reporter',
      tags: ['weather', 'shipping'],
      draft: false,
      format: 'markdown',
    });
    expect(a.bodyHtml).toBe('<p>The port closed at noon as the storm approached.</p>');
  });

  it('keeps a bare YAML date the calendar date it was, in every time zone', () => {
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC', 'Asia/Kolkata']) {
      process.env.TZ = tz;
      const a = parsed('---\ntitle: T\ndate: 2025-07-04\nupdated: 2025-07-05T23:30:00-08:00\n---\nText');
      expect(a.date).toBe('2025-07-04');
      expect(a.updated).toBe('2025-07-05');
    }
  });

  it('takes the date from the top-level key, never from a date: line inside another value', () => {
    expect(parsed('---\ntitle: T\nsummary: |\n  date: 2019-01-01\ndate: 2025-07-04\n---\nText').date).toBe('2025-07-04');
    const a = parsed('---\ntitle: T\ncorrections:\n  - text: fix three\n    date: 2025-08-09\ndate: 2025-07-04\n---\nText');
    expect([a.date, a.corrections]).toEqual(['2025-07-04', [{ date: '2025-08-09', text: 'fix three' }]]);
    // YAML's anchors, aliases and values on the next line are dates like any other.
    const b = parsed('---\ntitle: T\ndate: &d 2025-07-04\nupdated: *d\n---\nText');
    expect([b.date, b.updated]).toEqual(['2025-07-04', '2025-07-04']);
    expect(parsed('---\ntitle: T\ndate:\n  2025-07-04\n---\nText').date).toBe('2025-07-04');
  });

  it("keeps a correction's date as written, and reports a wrong one at its own line", () => {
    const a = parsed('---\ntitle: T\ndate: 2025-07-04\ncorrections:\n  - date: 2025-07-05T23:30:00-08:00\n    text: fix two\n---\nText');
    expect([a.corrections, a.modified]).toEqual([[{ date: '2025-07-05', text: 'fix two' }], '2025-07-05']);
    const text = '---\ntitle: T\ndate: 2025-07-04\ncorrections:\n  - date: 2025-07-06\n    text: fine\n  - date: 2025-02-30\n    text: fix one\n  - text: no date\n---\nText';
    const shape = 'corrections must be a list of {date: YYYY-MM-DD, text: "…"}';
    expect(parseArticle(text, 'x.md')).toEqual([
      { file: 'x.md', line: 7, message: `corrections[1] date "2025-02-30" is not a real calendar date; ${shape}` },
      { file: 'x.md', line: 9, message: `corrections[2] date is missing; ${shape}` },
    ]);
  });

  it("names the key meant for a misspelled one, whose value would be lost, and leaves other tools' keys alone", () => {
    const text = '---\ntittle: T\ndate: 2025-07-04\ntag: [a]\nDate: 2025-07-05\nlayout: post\ncategories: [x]\ndescription: d\n---\nText';
    expect(parseArticle(text, 'x.md')).toEqual([
      { file: 'x.md', line: 2, message: 'unknown key "tittle": did you mean "title"?' },
      { file: 'x.md', line: 4, message: 'unknown key "tag": did you mean "tags"?' },
      { file: 'x.md', line: 5, message: 'unknown key "Date": did you mean "date"?' },
    ]);
    // Other tools' keys are kept with their lines, for the build's note; an article with none has no list.
    expect(parsed('---\nlayout: post\ntitle: T\ndate: 2025-07-04\ncategories: [x]\n---\nText').unreadKeys).toEqual([
      { key: 'layout', line: 2 },
      { key: 'categories', line: 5 },
    ]);
    expect(parsed('---\ntitle: T\ndate: 2025-07-04\n---\nText')).not.toHaveProperty('unreadKeys');
    // A key is found at its line as text, not as a pattern.
    expect(parseArticle('---\n"tit(le": T\ndate: 2025-07-04\n---\nText', 'x.md')).toEqual([{ file: 'x.md', line: 2, message: 'unknown key "tit(le": did you mean "title"?' }]);
  });

  it("ranks the body's headings below the headline, the page's only h1", () => {
    const a = parsed('---\ntitle: T\ndate: 2025-07-04\n---\nText.\n\n# Background\n\n## Timeline\n\n###### Notes\n');
    expect(a.bodyHtml).toBe('<p>Text.</p>\n<h2>Background</h2>\n<h3>Timeline</h3>\n<h6>Notes</h6>');
  });

  it('renders GitHub-flavoured Markdown: tables, strikethrough, bare links, footnotes whose links reach them', () => {
    const a = parsed(
      '---\ntitle: T\ndate: 2025-07-04\n---\nResults at www.example.org today.\n\n| Candidate | Votes |\n| --- | ---: |\n| Ana Silva | 12,345 |\n\nThe ~~first~~ final count[^n] is in.\n\n[^n]: Certified on July 5.\n',
    );
    expect(a.bodyHtml).toContain('<p>Results at <a href="http://www.example.org">www.example.org</a> today.</p>');
    expect(a.bodyHtml).toContain('<th>Candidate</th>\n<th class="align-right">Votes</th>');
    expect(a.bodyHtml).toContain('<td>Ana Silva</td>\n<td class="align-right">12,345</td>');
    expect(a.bodyHtml).not.toContain(' align=');
    expect(a.bodyHtml).toContain('<p>The <del>first</del> final count<sup><a href="#user-content-fn-n" id="user-content-fnref-n"');
    expect(a.bodyHtml).toContain('<li id="user-content-fn-n">\n<p>Certified on July 5. <a href="#user-content-fnref-n"');
  });

  it('finds no names in code: a code block is shown, but it is not prose', () => {
    const a = parsed('---\ntitle: Register opens\ndate: 2025-07-04\n---\nThe register opened in Geneva.\n\n    SELECT name FROM register WHERE year = 2025\n\n```\nUPDATE Register SET Open = TRUE\n```\n');
    expect(a.entities).toEqual({ people: [], places: ['Geneva'], organizations: [] });
    expect(a.bodyHtml).toContain('<pre><code>SELECT name FROM register WHERE year = 2025\n</code></pre>');
    expect(a.wordCount).toBe(5);
  });

  it('keeps number-like values as the text written: titles, slugs and tags', () => {
    const a = parsed('---\ntitle: 1e3\ndate: 2025-07-04\nslug: 0042\ntags: [1.50, 0x1F, 007]\n---\nText');
    expect([a.title, a.explicitSlug, a.tags]).toEqual(['1e3', '0042', ['1.50', '0x1F', '007']]);
    expect(parsed('---\ntitle: 3.10\ndate: 2025-07-04\n---\nText').title).toBe('3.10');
    expect(parseArticle('---\ntitle: true\ndate: 2025-07-04\n---\nText', 'x.md')).toEqual([
      { file: 'x.md', line: 2, message: 'title must be text, found boolean true (write "true" in quotes to mean the word)' },
    ]);
  });

  it('renders Markdown with sanitising: no script, no event handlers, no javascript: URLs', () => {
    const a = parsed(readFixture('basic/hostile.md'));
    expect(a.bodyHtml).not.toMatch(/<script|<iframe|onerror|javascript:/i);
    expect(a.bodyHtml).toContain('<a>javascript link</a>');
    // Front-matter text stays text; escaping happens in the templates.
    expect(a.title).toBe("<script>window.__pwned = 'title'</script> Hostile <b>headline</b>");
  });

  it('refuses ---js front matter without running it', () => {
    const text = readFixture('invalid/js-front-matter/evil.md');
    expect(parseArticle(text, 'evil.md')).toEqual([
      { file: 'evil.md', line: 1, message: 'front matter must be YAML; "---js" front matter is not accepted (use a plain "---" line)' },
    ]);
    expect((globalThis as Record<string, unknown>)['__frontMatterRan']).toBeUndefined();
    expect(existsSync('/tmp/news-archive-pwned')).toBe(false);
  });

  it('reports every problem in a file, each with its line', () => {
    const text = '---\ntitle: [a, b]\ndate: 2025-02-30\nslug: Bad Slug\ntags: {a: 1}\ndraft: maybe\n---\nText';
    expect(parseArticle(text, 'x.md')).toEqual([
      { file: 'x.md', line: 3, message: 'date "2025-02-30" is not a real calendar date' },
      { file: 'x.md', line: 2, message: 'title must be text, found a list' },
      { file: 'x.md', line: 4, message: 'slug "Bad Slug" may only contain a-z, 0-9 and "-"' },
      { file: 'x.md', line: 5, message: 'tags must be a list of words, e.g. tags: [Ukraine, diplomacy]' },
      { file: 'x.md', line: 6, message: 'draft must be true or false' },
    ]);
  });

  it('reports broken YAML at its line', () => {
    expect(parseArticle(readFixture('invalid/broken-yaml/broken.md'), 'broken.md')).toEqual([
      { file: 'broken.md', line: 5, message: 'front matter is not valid YAML: unexpected end of the stream within a flow collection' },
    ]);
  });

  it('derives a headline when the title is missing', () => {
    const a = parsed('---\ndate: 2025-07-04\n---\nGen. Smith arrived in the U.K. on Monday for talks with the prime minister about trade and defence cooperation.');
    expect(a.title).toBe('Gen. Smith arrived in the U.K. on Monday for talks');
    expect(a.titleDerived).toBe(true);
  });

  it('requires front matter', () => {
    expect(parseArticle('Just text', 'x.md')).toEqual([
      { file: 'x.md', line: 1, message: 'missing front matter: a Markdown article starts with "---", then "date: YYYY-MM-DD" and "title: …", then "---"' },
    ]);
  });
});
