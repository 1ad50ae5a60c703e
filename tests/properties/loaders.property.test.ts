/**
 * Property-based tests: whatever bytes or text a file holds, loading it gives either an article
 * or errors naming that file: never an exception, a hang (the test timeout catches one) or a body
 * that could run script. fast-check prints the seed and the shrunk input of any failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/load/body.js';
import { decodeUtf8, parseArticle } from '../../src/load/parse-article.js';
import { isCalendarDate } from '../../src/model/calendar.js';
import { deriveHeadline, hasWords } from '../../src/model/headline.js';
import { slugFromTitle } from '../../src/model/slug.js';
import type { ContentError, ParsedArticle } from '../../src/types.js';
import { scriptHazards } from '../helpers.js';

const RUNS = { numRuns: 300 };

/** Payloads and Markdown syntax that matter, mixed into random text. */
const TOKENS = [
  '<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">', '<svg onload=alert(1)>',
  '[x](javascript:alert(1))', '![i](data:text/html;base64,PHNjcmlwdD4=)', '[a]: javascript:alert(1)\n\n[a]',
  '<a href="javascript:alert(1)">y</a>', '<iframe src="https://example.com"></iframe>', '&#106;avascript:',
  '<!-- c -->', '<style>*{}</style>', '```\ncode\n```', '`', '*', '**', '_', '> ', '- ', '1. ', '# ', '---', '\n', '\n\n',
  ' ', '\t', '\r', '\r\n', '\u0000', '\u0007', '\u001b', '\u0085', '\uFEFF', '\uFFFD', '\uD800', 'Путин', 'U.S.', 'Gen.', '—', ' -- ',
  'Moscow, Russia — ', 'word', 'Word.', 'date', '2025-07-04', '2025-02-30', ':', '"', "'", '|', '{', '[', '&a', '*a', '!!js/function',
];
const FILES = ['in/a.md', 'in/b.txt', 'in/c.markdown', 'in/d.MD'];

const token = fc.constantFrom(...TOKENS);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.oneof(token, fc.string({ maxLength: 12 })), { maxLength: 60 }).map((parts) => parts.join('')),
);
const dateText = fc.oneof(
  fc.constantFrom('2025-07-04', '2024-02-29', '2025-02-30', '2025-13-01', '0000-00-00', '9999-12-31', '2025-07-04T23:30:00-05:00', ''),
  fc.string({ maxLength: 12 }),
);
const yamlValue = fc.oneof(
  anyText.map((s) => JSON.stringify(s)),
  fc.string({ maxLength: 30 }),
  dateText,
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('[a, b]', '{a: 1}', '&x [1]', '*x', '!!binary aGk=', '|\n  text', '>\n  folded', 'true', 'null', '~', '1e400', '- x'),
);
const frontMatterKey = fc.oneof(
  fc.constantFrom('title', 'date', 'slug', 'summary', 'dateline', 'author', 'tags', 'updated', 'draft', 'corrections', '__proto__', 'constructor'),
  fc.string({ maxLength: 10 }),
);
const frontMatter = fc.array(fc.tuple(frontMatterKey, yamlValue), { maxLength: 8 }).map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n'));
const markdownFile = fc
  .tuple(fc.constantFrom('---', '---yaml', '---js', '--- ', '---\r'), frontMatter, fc.constantFrom('---', '--- ', ''), anyText)
  .map(([open, fm, close, body]) => `${open}\n${fm}\n${close}\n${body}`);
const seedFile = fc
  .tuple(fc.constantFrom('', ' ', '\n\n', '\t'), fc.constantFrom('date', 'Date', 'date\t'), dateText, anyText)
  .map(([lead, word, date, body]) => `${lead}${word} ${date} ${body}`);

/** The one contract of every loader: an article from this file, or errors about this file. */
function expectArticleOrErrors(result: ParsedArticle | ContentError[], file: string): void {
  if (Array.isArray(result)) {
    expect(result.length).toBeGreaterThan(0);
    for (const e of result) {
      expect(e.file).toBe(file);
      expect(e.message.trim().length).toBeGreaterThan(0);
      if (e.line !== undefined) expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
    }
    return;
  }
  expect(result.source).toBe(file);
  expect(isCalendarDate(result.date)).toBe(true);
  expect(hasWords(result.title)).toBe(true);
  expect(scriptHazards(result.bodyHtml)).toEqual([]);
  expect(result.bodyHtml).not.toMatch(/<\/?(script|iframe|style|img[^>]*\son)/i);
}

describe('parseArticle, for any input', () => {
  it('any string, in any article format', () => {
    fc.assert(fc.property(anyText, fc.constantFrom(...FILES), (text, file) => expectArticleOrErrors(parseArticle(text, file), file)), RUNS);
  });

  it('any front matter, with any Markdown body', () => {
    fc.assert(fc.property(markdownFile, (text) => expectArticleOrErrors(parseArticle(text, 'in/a.md'), 'in/a.md')), RUNS);
  });

  it('any seed-format file', () => {
    fc.assert(fc.property(seedFile, (text) => expectArticleOrErrors(parseArticle(text, 'in/a.txt'), 'in/a.txt')), RUNS);
  });

  it('is pure: the same text always gives the same result', () => {
    fc.assert(fc.property(fc.oneof(markdownFile, seedFile), (text) => {
      expect(parseArticle(text, 'x.md')).toEqual(parseArticle(text, 'x.md'));
      expect(parseArticle(text, 'x.txt')).toEqual(parseArticle(text, 'x.txt'));
    }), { numRuns: 100 });
  });

  it('huge lines, long runs and deep nesting give an answer, not a hang or a crash', () => {
    const big = 100_000;
    const cases: [string, string][] = [
      ['a.txt', ` date 2025-07-04 ${'x'.repeat(big)}`],
      ['a.txt', ` date 2025-07-04 ${','.repeat(big)}x`],
      ['a.txt', ` date 2025-07-04 ${'word '.repeat(big / 5)}`],
      ['a.txt', ` date 2025-07-04 ${' '.repeat(big)}`],
      ['a.md', `---\ndate: 2025-07-04\n---\n${'*a**'.repeat(big / 4)}`],
      ['a.md', `---\ndate: 2025-07-04\n---\n${'>'.repeat(big)}x`],
      ['a.md', `---\ndate: 2025-07-04\n---\n${'- '.repeat(big / 2)}x`],
      ['a.md', `---\ndate: 2025-07-04\n---\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')}`],
      ['a.md', `---\ndate: 2025-07-04\n---\n${'*t '.repeat(3000)}${'_t*_ '.repeat(3000)}`],
      ['a.md', `---\ndate: 2025-07-04\n---\n${'['.repeat(big)}`],
      ['a.md', `---\ndate: 2025-07-04\ntitle: ${'t'.repeat(big)}\n---\nx`],
      ['a.md', `---\n${'k: v\n'.repeat(big / 5)}---\nx`],
      ['a.md', `---\ndate: 2025-07-04\n---\n${' \n\t\n'.repeat(big / 4)}`],
      ['a.md', '\n'.repeat(big)],
    ];
    for (const [file, text] of cases) expectArticleOrErrors(parseArticle(text, file), file);
  });
});

describe('decodeUtf8, for any bytes', () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 500 }),
    fc.tuple(anyText, fc.uint8Array({ maxLength: 4 }), anyText).map(([a, junk, b]) => {
      const enc = new TextEncoder();
      return new Uint8Array([...enc.encode(a), ...junk, ...enc.encode(b)]);
    }),
  );
  it('gives text or an error naming the file; the text then loads or is reported', () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom(...FILES), (data, file) => {
        const text = decodeUtf8(data, file);
        if (typeof text === 'string') expectArticleOrErrors(parseArticle(text, file), file);
        else {
          expect(text.file).toBe(file);
          expect(text.message).toBe('file is not valid UTF-8 text: save it as UTF-8');
        }
      }),
      RUNS,
    );
  });

  it('rejects every invalid UTF-8 sequence', () => {
    for (const bad of [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x80]]) {
      const r = decodeUtf8(new Uint8Array([0x61, 0x0a, ...bad]), 'f.txt');
      expect(r).toEqual({ file: 'f.txt', line: 2, message: 'file is not valid UTF-8 text: save it as UTF-8' });
    }
  });
});

describe('slugFromTitle and deriveHeadline, for any text', () => {
  it('a slug is always lower-case ASCII words joined by hyphens, at most 60 characters', () => {
    fc.assert(
      fc.property(anyText, (title) => {
        const slug = slugFromTitle(title);
        expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(slug.length).toBeLessThanOrEqual(60);
      }),
      { numRuns: 1000 },
    );
  });

  it('a headline is one line of at most 151 characters, cut from the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const headline = deriveHeadline(text);
        expect(headline).not.toMatch(/[\n\r\t]/);
        expect(headline.length).toBeLessThanOrEqual(151);
        expect(headline).toBe(headline.trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('handles a megabyte without spaces', () => {
    expect(deriveHeadline(`${'-'.repeat(1_000_000)}x`)).toHaveLength(1);
    expect(deriveHeadline(`Storm ${'a'.repeat(1_000_000)}`).length).toBeLessThanOrEqual(151);
    expect(slugFromTitle('a'.repeat(1_000_000))).toHaveLength(60);
  });
});

describe('countWords, for any text', () => {
  // The definition, as one regular expression: what the hand-written single pass must agree with.
  const byDefinition = (t: string) => (t.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;
  const pieces = fc.constantFrom('a', 'Z', '9', ' ', "'", '’', '.', '-', 'é', '𝒜', '😀', '\n', ',', '中', '\uD835', '\uDC9C', '٣');

  it('counts what the definition counts: runs from a letter or digit through letters, digits and ’\'.-', () => {
    expect(countWords("Moscow's U.S.-led talks — 3 days, 2.5% up; ‘x’ 中文 𝒜bc")).toBe(10);
    fc.assert(fc.property(fc.string({ unit: pieces, maxLength: 40 }), (t) => countWords(t) === byDefinition(t)), { numRuns: 5000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (t) => countWords(t) === byDefinition(t)), { numRuns: 5000 });
  });
});
