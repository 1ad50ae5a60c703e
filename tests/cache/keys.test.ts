import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/cache/keys.js';

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
