import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatorKeyOf, sha256, sha256OfList } from '../../src/cache/keys.js';
import { tempDir } from '../helpers.js';
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

describe('the generator key', () => {
  /** A package laid out as the repository is: package.json, a lockfile, node_modules and its code in lib/. */
  function packageFolder(): { lib: string; write: (rel: string, text: string) => void } {
    const root = tempDir();
    const write = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    };
    write('package.json', JSON.stringify({ name: 'p', version: '1.0.0', dependencies: { feed: '^5.0.0' } }));
    write('package-lock.json', '{"lockfileVersion":3,"packages":{"node_modules/feed":{"version":"5.2.1"}}}');
    write('node_modules/feed/package.json', '{"name":"feed","version":"5.2.1"}');
    write('lib/build.js', 'export const a = 1;');
    write('lib/cli/main.js', 'import "../build.js";');
    return { lib: path.join(root, 'lib'), write };
  }

  it('changes with the code that runs, the lockfile and an installed dependency, and only with them', () => {
    const { lib, write } = packageFolder();
    const keys = [generatorKeyOf(lib)];
    write('README.md', 'Not code.');
    write('lib/notes.txt', 'Not code either.');
    expect(generatorKeyOf(lib)).toBe(keys[0]);
    write('lib/cli/main.js', 'import "../build.js"; // compiled again');
    keys.push(generatorKeyOf(lib));
    write('package-lock.json', '{"lockfileVersion":3,"packages":{"node_modules/feed":{"version":"5.2.2"}}}');
    keys.push(generatorKeyOf(lib));
    write('node_modules/feed/package.json', '{"name":"feed","version":"5.2.2"}');
    keys.push(generatorKeyOf(lib));
    write('package.json', JSON.stringify({ name: 'p', version: '1.0.1', dependencies: { feed: '^5.0.0' } }));
    keys.push(generatorKeyOf(lib));
    expect(new Set(keys).size).toBe(5);
  });
});
