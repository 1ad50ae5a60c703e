import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseArticle } from '../../src/load/parse-article.js';
import type { ParsedArticle } from '../../src/types.js';
import { readFixture } from '../helpers.js';

function parsed(text: string, file = 'a.txt'): ParsedArticle {
  const r = parseArticle(text, file);
  if (Array.isArray(r)) throw new Error(r.map((e) => e.message).join('; '));
  return r;
}

describe('seed format', () => {
  const seed = parsed(readFixture('basic/seed.txt'), 'seeds/seed.txt');

  it('reads the date, dateline and a headline derived from the first sentence', () => {
    expect(seed.date).toBe('2025-07-04');
    expect(seed.dateline).toBe('Moscow, Russia');
    expect(seed.title).toBe(
      'Russian President Vladimir Putin reaffirmed his country’s commitment to resolving the conflict in Ukraine',
    );
    expect(seed.titleDerived).toBe(true);
    expect(seed.format).toBe('seed');
  });

  it('keeps the body, starting after the dateline, as paragraphs', () => {
    expect(seed.bodyHtml.startsWith('<p>Russian President Vladimir Putin reaffirmed')).toBe(true);
    expect(seed.bodyHtml.match(/<p>/g)).toHaveLength(8);
    expect(seed.bodyHtml).not.toContain('Moscow, Russia —');
    expect(seed.wordCount).toBe(378);
    expect(seed.readingMinutes).toBe(2);
    expect(seed.summary.startsWith('Russian President Vladimir Putin')).toBe(true);
  });

  it('accepts a BOM, CRLF, leading blank lines and a "--" dateline, and treats the body as plain text', () => {
    const a = parsed(readFixture('basic/leap-day.txt'));
    expect(a.date).toBe('2024-02-29');
    expect(a.dateline).toBe('WASHINGTON');
    expect(a.bodyHtml).toBe(
      '<p>The committee voted 7 to 2 on Thursday to approve the budget, after a debate about *emphasis* and &#x3C;b>tags&#x3C;/b>. 1. This line starts with a number and a period.</p>\n' +
        '<p>A second paragraph with a [link](https://example.com) that stays text &#x26; an ampersand.</p>',
    );
  });

  it('needs no dateline', () => {
    const a = parsed(' date 2020-01-02 The council met on Monday.');
    expect(a.dateline).toBeUndefined();
    expect(a.title).toBe('The council met on Monday');
  });

  it('reports a missing, malformed or impossible date with its line', () => {
    expect(parseArticle('\n\nno date here', 'x.txt')).toEqual([
      { file: 'x.txt', line: 3, message: 'missing date: the first line must start with "date YYYY-MM-DD", found "no date here"' },
    ]);
    expect(parseArticle(' date 2025-7-4 Text', 'x.txt')).toEqual([
      { file: 'x.txt', line: 1, message: 'date "2025-7-4" is not in the form YYYY-MM-DD' },
    ]);
    expect(parseArticle(' date 2025-02-29 Text', 'x.txt')).toEqual([
      { file: 'x.txt', line: 1, message: 'date "2025-02-29" is not a real calendar date' },
    ]);
    expect(parseArticle(' date 2025-02-28', 'x.txt')).toEqual([{ file: 'x.txt', line: 1, message: 'article has a date but no text' }]);
    // A date run together with the text is quoted up to 40 characters, not whole.
    expect(parseArticle(` date 2025-02-28,${'x'.repeat(60)} Text`, 'x.txt')).toEqual([
      { file: 'x.txt', line: 1, message: `date "2025-02-28,${'x'.repeat(29)}…" is not in the form YYYY-MM-DD` },
    ]);
  });

  it('reports NUL bytes instead of publishing binary junk', () => {
    expect(parseArticle(' date 2025-02-28 a\n\u0000b', 'x.txt')).toEqual([
      { file: 'x.txt', line: 2, message: 'file contains a NUL character: it looks like a binary file, not an article' },
    ]);
    // Old Mac line endings count as lines too.
    expect(parseArticle(' date 2025-02-28 a\rb\rc\u0000\r', 'x.txt')).toEqual([
      { file: 'x.txt', line: 3, message: 'file contains a NUL character: it looks like a binary file, not an article' },
    ]);
  });

  it('reads a first line with a line separator in it, or a no-break space after the date', () => {
    const a = parsed(' date 2025-07-06 Line separator\u2028inside the first sentence. More.');
    expect([a.date, a.title]).toEqual(['2025-07-06', 'Line separator inside the first sentence']);
    expect(parsed(' date 2025-07-06\u00A0Talks resumed on Monday.').title).toBe('Talks resumed on Monday');
  });

  it('puts a byte that is not UTF-8 at its line, past a real U+FFFD and lone CR line endings', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(' date 2025-07-06 \uFFFD is a real character.\ra\rb\r'), 0xc3, 0x28, 0x0a]);
    expect(decodeUtf8(bytes, 'x.txt')).toEqual({ file: 'x.txt', line: 4, message: 'file is not valid UTF-8 text: save it as UTF-8' });
  });
});
