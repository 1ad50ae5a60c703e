import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/load/parse-article.js';
import { unreadKeyNotes } from '../../src/load/unread-keys.js';
import type { ParsedArticle } from '../../src/types.js';

function parsed(text: string, file: string): ParsedArticle {
  const a = parseArticle(text, file);
  if (Array.isArray(a)) throw new Error(JSON.stringify(a));
  return a;
}

describe('unreadKeyNotes', () => {
  it('counts the files that have each key and names the first, keys in code-point order', () => {
    const articles = [
      parsed('---\ntitle: A\ndate: 2025-07-04\nlayout: post\n---\nText', 'a.md'),
      parsed(' date 2025-07-05 Seed files have no keys.', 'b.txt'),
      parsed('---\nlayout: page\ntitle: C\ndate: 2025-07-06\nÉtat: x\nZone: y\n---\nText', 'c.md'),
    ];
    expect(unreadKeyNotes(articles)).toEqual([
      { key: 'Zone', files: 1, first: { file: 'c.md', line: 6 } },
      { key: 'layout', files: 2, first: { file: 'a.md', line: 4 } },
      { key: 'État', files: 1, first: { file: 'c.md', line: 5 } },
    ]);
  });

  it('is empty when every key is read', () => {
    expect(unreadKeyNotes([parsed('---\ntitle: A\ndate: 2025-07-04\ntags: [x]\n---\nText', 'a.md')])).toEqual([]);
  });
});
