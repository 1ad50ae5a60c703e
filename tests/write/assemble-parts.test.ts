import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleParts, PART_RECORD } from '../../src/write/assemble-parts.js';
import { readManifest, writeManifest } from '../../src/write/incremental-writer.js';
import { tempDir } from '../helpers.js';

/** A page shard's folder as its build leaves it: files, and its record of their keys and of the search index. */
function part(root: string, name: string, files: Record<string, string>, records: Record<string, unknown>): string {
  const dir = path.join(root, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  mkdirSync(dir, { recursive: true });
  writeManifest(path.join(dir, PART_RECORD), { outId: 'elsewhere', files: new Map(Object.keys(files).map((f) => [f, `key of ${f}`])), records });
  return dir;
}

describe('assembleParts', () => {
  it('joins the parts and their search records; a file both have comes from the first', () => {
    const root = tempDir();
    const one = part(root, 'one', { '2019/index.html': 'a', 'pagefind/wasm.en.pagefind': 'w1' }, { search: { indexed: { '2019/index.html': 'h1' } } });
    const two = part(root, 'two', { '2021/index.html': 'b', 'pagefind/wasm.en.pagefind': 'w2' }, { search: { indexed: { '2021/index.html': 'h2' } } });
    const assembled = assembleParts(path.join(root, 'dist'), [one, two]);
    if ('problem' in assembled) throw new Error(assembled.problem);
    const manifest = readManifest(assembled.manifest)!;
    expect([...manifest.files]).toEqual([
      ['2019/index.html', 'key of 2019/index.html'],
      ['pagefind/wasm.en.pagefind', 'key of pagefind/wasm.en.pagefind'],
      ['2021/index.html', 'key of 2021/index.html'],
    ]);
    expect(manifest.records).toEqual({ search: { indexed: { '2019/index.html': 'h1', '2021/index.html': 'h2' } } });
    expect(assembled.files).toBe(3);
  });

  it('leaves out the search record when a part has none (built without search), so its pages are indexed again', () => {
    const root = tempDir();
    const one = part(root, 'one', { '2019/index.html': 'a' }, { search: { indexed: { '2019/index.html': 'h1' } } });
    const two = part(root, 'two', { '2021/index.html': 'b' }, {});
    const assembled = assembleParts(path.join(root, 'dist'), [one, two]);
    if ('problem' in assembled) throw new Error(assembled.problem);
    expect(readManifest(assembled.manifest)!.records).toEqual({});
  });

  it('refuses a file reached through a link to a folder outside the part, or missing, and leaves nothing behind', () => {
    const root = tempDir();
    const outside = path.join(root, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'index.html'), 'a secret');
    const linked = part(root, 'linked', {}, {});
    symlinkSync(outside, path.join(linked, '2019'));
    writeManifest(path.join(linked, PART_RECORD), { outId: 'x', files: new Map([['2019/index.html', 'k']]), records: {} });
    expect(assembleParts(path.join(root, 'dist'), [linked])).toEqual({ problem: `${linked}: 2019/index.html is not a file of the folder itself (a link?)` });
    const gone = part(root, 'gone', { 'a/index.html': 'a' }, {});
    writeManifest(path.join(gone, PART_RECORD), { outId: 'x', files: new Map([['b/index.html', 'k']]), records: {} });
    expect(assembleParts(path.join(root, 'dist'), [gone])).toEqual({ problem: `${gone}: b/index.html is in its record but not in the folder` });
    expect(readdirSync(root).sort()).toEqual(['gone', 'linked', 'outside']);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });
});
