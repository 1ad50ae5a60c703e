import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderContents, markOutput, OUTPUT_MARKER } from '../../src/write/output-marker.js';
import { tempDir } from '../helpers.js';

describe('folderContents', () => {
  it('tells a missing, an empty, a marked and an unmarked folder apart', () => {
    const root = tempDir();
    expect(folderContents(path.join(root, 'none'))).toEqual({ kind: 'absent' });
    const out = path.join(root, 'out');
    mkdirSync(out);
    expect(folderContents(out)).toEqual({ kind: 'empty' });
    // What macOS Finder leaves in a folder it showed is nobody's work: still empty, and not listed later.
    writeFileSync(path.join(out, '.DS_Store'), 'x');
    expect(folderContents(out)).toEqual({ kind: 'empty' });
    for (const name of ['b.txt', 'a.html', 'd', 'c.css']) writeFileSync(path.join(out, name), 'x');
    expect(folderContents(out)).toEqual({ kind: 'unmarked', sample: ['a.html', 'b.txt', 'c.css'], count: 4 });
    // (`.DS_Store` sorts first, but is not one of the four.)
    markOutput(out);
    expect(folderContents(out)).toEqual({ kind: 'marked' });
  });

  it('leaves a mark that is there alone', () => {
    const out = tempDir();
    writeFileSync(path.join(out, OUTPUT_MARKER), 'written by an earlier version\n');
    markOutput(out);
    expect(readFileSync(path.join(out, OUTPUT_MARKER), 'utf8')).toBe('written by an earlier version\n');
  });
});
