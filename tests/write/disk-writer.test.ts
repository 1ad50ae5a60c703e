import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskWriter } from '../../src/write/disk-writer.js';
import { checkRelativePath, MemoryWriter } from '../../src/write/writer.js';
import { tempDir } from '../helpers.js';

describe('checkRelativePath', () => {
  it('refuses any path that could leave the output folder', () => {
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'a\\..\\x', 'a\0b', '', './a', 'a//b']) {
      expect(() => checkRelativePath(bad), bad).toThrow(/outside the output folder/);
    }
    expect(checkRelativePath('2025/07/04/x/index.html')).toBe('2025/07/04/x/index.html');
  });
  it('is enforced by the in-memory writer too', async () => {
    await expect(new MemoryWriter().write('../x', 'a')).rejects.toThrow(/outside the output folder/);
  });
});

describe('DiskWriter', () => {
  it('swaps the new output in only on commit', async () => {
    const root = tempDir();
    const out = path.join(root, 'dist');
    mkdirSync(out);
    writeFileSync(path.join(out, 'old.html'), 'old');
    const w = new DiskWriter(out);
    await w.write('a/b/index.html', 'new');
    expect(readdirSync(out)).toEqual(['old.html']);
    await w.commit();
    // The new output, marked as a build's (see output-marker.ts).
    expect(readdirSync(out).sort()).toEqual(['.news-archive', 'a']);
    expect(readFileSync(path.join(out, 'a/b/index.html'), 'utf8')).toBe('new');
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('leaves the previous output untouched on abort, and cleans its staging folder', async () => {
    const root = tempDir();
    const out = path.join(root, 'dist');
    mkdirSync(out);
    writeFileSync(path.join(out, 'old.html'), 'old');
    const w = new DiskWriter(out);
    await w.write('index.html', 'new');
    await w.abort();
    expect(readdirSync(root)).toEqual(['dist']);
    expect(readFileSync(path.join(out, 'old.html'), 'utf8')).toBe('old');
    expect(existsSync(w.stagingDir)).toBe(false);
  });

  it('creates the output folder when there was none', async () => {
    const root = tempDir();
    const w = new DiskWriter(path.join(root, 'site'));
    await w.write('index.html', 'x');
    await w.commit();
    expect(readFileSync(path.join(root, 'site/index.html'), 'utf8')).toBe('x');
  });
});
