import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, sha256OfList } from '../../src/cache/keys.js';
import { archiveShapeKey } from '../../src/cache/page-key.js';
import type { Article } from '../../src/types.js';

describe('sha256 of parts', () => {
  it('hashes each part followed by NUL, whether the parts are strings, bytes or both', () => {
    // `printf 'a\0bc\0' | sha256sum`
    const expected = createHash('sha256').update('a\0bc\0').digest('hex');
    expect(sha256('a', 'bc')).toBe(expected);
    expect(sha256(new TextEncoder().encode('a'), 'bc')).toBe(expected);
    expect(sha256('ab', 'c')).not.toBe(expected);
    expect(sha256()).toBe(createHash('sha256').digest('hex'));
  });
});

describe('sha256 of a list', () => {
  it('equals sha256 of the same parts, at chunk edges too', () => {
    for (const n of [0, 1, 2, 4095, 4096, 4097, 10_000]) {
      const list = Array.from({ length: n }, (_, i) => `part-${i}`);
      expect(sha256OfList(list)).toBe(sha256(...list));
    }
  });

  it('takes lists far longer than a call can take arguments (an archive of 150,000 articles has 600,000 shape parts)', () => {
    const list = Array.from({ length: 600_000 }, (_, i) => String(i % 7));
    expect(() => sha256(...list)).toThrow(RangeError);
    expect(sha256OfList(list)).toBe(createHash('sha256').update(`${list.join('\0')}\0`).digest('hex'));
    const articles = Array.from({ length: 150_000 }, (_, i) => ({ source: `s${i}`, path: `/p${i}/`, date: '2025-07-04', topics: [] }));
    expect(archiveShapeKey(articles as unknown as Article[])).toMatch(/^[0-9a-f]{64}$/);
  });
});
