import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/load/parse-article.js';

/** Inputs the property tests found that used to hang or crash the build; each now gets a clear error. */
describe('loader limits', () => {
  const md = (body: string) => `---\ndate: 2025-07-04\n---\n${body}`;

  it('reports a paragraph flooded with emphasis markers instead of spending minutes on it', () => {
    expect(parseArticle(md('*a**'.repeat(50_000)), 'f.md')).toEqual([
      { file: 'f.md', line: 4, message: 'paragraph has more than 2000 runs of "*" or "_"; split it or escape them as \\* and \\_' },
    ]);
  });

  it('reports quotes and lists nested thousands deep instead of overflowing the stack', () => {
    const message = 'quotes or lists are nested more than 100 levels deep (or indented more than 256 columns)';
    expect(parseArticle(md(`Intro.\n\n${'>'.repeat(50_000)}x`), 'f.md')).toEqual([{ file: 'f.md', line: 6, message }]);
    expect(parseArticle(md('- '.repeat(5000)), 'f.md')).toEqual([{ file: 'f.md', line: 4, message }]);
  });

  it('reports characters HTML does not allow, with their line', () => {
    expect(parseArticle(' date 2025-07-04 Text\nbell \u0007 here', 'f.txt')).toEqual([
      { file: 'f.txt', line: 2, message: 'file contains the character U+0007, which HTML does not allow (a control character or noncharacter); remove it' },
    ]);
  });

  it('lets surrogate pairs through but reports lone surrogates and noncharacters above the BMP', () => {
    const error = (line: number, cp: string) => [
      { file: 'f.txt', line, message: `file contains the character ${cp}, which HTML does not allow (a control character or noncharacter); remove it` },
    ];
    const emoji = parseArticle(' date 2025-07-04 Cheers \u{1F389} all round.', 'f.txt');
    expect(Array.isArray(emoji) ? emoji : emoji.title).toBe('Cheers \u{1F389} all round');
    expect(parseArticle(' date 2025-07-04 Text\n\nlone \uD83C here', 'f.txt')).toEqual(error(3, 'U+D83C'));
    expect(parseArticle(' date 2025-07-04 Text\nlow \uDF89 alone', 'f.txt')).toEqual(error(2, 'U+DF89'));
    expect(parseArticle(' date 2025-07-04 Text \u{1FFFE}', 'f.txt')).toEqual(error(1, 'U+1FFFE'));
  });

  it('reports a first sentence with no words to make a headline from', () => {
    expect(parseArticle(` date 2025-07-04 ${', '.repeat(100)}`, 'f.txt')).toEqual([
      { file: 'f.txt', line: 1, message: 'the first sentence has no words to make a headline from' },
    ]);
  });

  it('names the type of a non-date date', () => {
    expect(parseArticle('---\ndate: [2025-07-04]\n---\nx', 'f.md')).toEqual([
      { file: 'f.md', line: 2, message: 'date must be a date such as 2025-07-04, found a list' },
    ]);
  });
});
