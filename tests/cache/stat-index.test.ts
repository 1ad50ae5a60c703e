import { describe, expect, it } from 'vitest';
import { StatIndex } from '../../src/cache/stat-index.js';
import type { ListedFile } from '../../src/load/source-files.js';
import { tempDir } from '../helpers.js';

const file = (mtimeMs: number, size = 100, shown = 'in/a.md'): ListedFile => ({
  file: shown,
  relative: 'a.md',
  full: '/abs/in/a.md',
  stat: { size, mtimeMs, ctimeMs: mtimeMs, ino: 7 },
});

describe('the stat index', () => {
  it('gives back a key only for the same file with the same metadata, saved by the same generator', () => {
    const dir = tempDir();
    const first = new StatIndex(dir, 'gen-1');
    expect(first.keyOf(file(1000))).toBeUndefined();
    first.remember(file(1000), 'key-a');
    first.save(10_000);
    const next = new StatIndex(dir, 'gen-1');
    expect(next.keyOf(file(1000))).toBe('key-a');
    expect(next.keyOf(file(1001))).toBeUndefined(); // modified
    expect(next.keyOf(file(1000, 101))).toBeUndefined(); // other size
    expect(next.keyOf(file(1000, 100, 'a.md'))).toBeUndefined(); // shown under another path (other working folder)
    expect(new StatIndex(dir, 'gen-2').keyOf(file(1000))).toBeUndefined();
  });

  it('does not trust files changed just before it was saved (the same clock tick could hide a second change)', () => {
    const dir = tempDir();
    const index = new StatIndex(dir, 'gen');
    index.remember(file(9_000), 'key-recent');
    index.save(10_000);
    expect(new StatIndex(dir, 'gen').keyOf(file(9_000))).toBeUndefined();
  });
});
