import { describe, expect, it } from 'vitest';
import { formatError, printable } from '../../src/cli/report.js';
import { parseArticle } from '../../src/load/parse-article.js';

describe('errors printed on a terminal', () => {
  it('show control characters from the content as escapes, not as terminal sequences', () => {
    // "titl" plus ESC is one letter from "title": a misspelling, quoted in the error.
    const errors = parseArticle('---\n"titl\\e": T\ndate: 2025-07-04\n---\nText', 'x.md');
    expect(Array.isArray(errors) && errors.map(formatError)).toEqual(['x.md: unknown key "titl\\u001b": did you mean "title"?']);
    expect(printable('a\u0007b\u009bc\u007fd\re')).toBe('a\\u0007b\\u009bc\\u007fd\\u000de');
  });

  it('show a line feed as an escape too, so content cannot forge a line of the report', () => {
    expect(printable('key\nFront-matter keys not read: none')).toBe('key\\u000aFront-matter keys not read: none');
  });

  it('keep tabs and every other character as they are', () => {
    expect(printable('Tab\there État — 日本 \u00a0')).toBe('Tab\there État — 日本 \u00a0');
  });
});
