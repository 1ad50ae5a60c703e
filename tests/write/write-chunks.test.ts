import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IncrementalDiskWriter } from '../../src/write/incremental-writer.js';
import { writeChunks } from '../../src/write/write-chunks.js';
import { tempDir } from '../helpers.js';

describe('writeChunks (articles.json)', () => {
  /** One build of `data.json` from `parts` under `inputKey`; tells how often the chunks were made. */
  async function buildOnce(root: string, parts: string[], inputKey: string | undefined) {
    const writer = new IncrementalDiskWriter(path.join(root, 'dist'), path.join(root, 'cache'));
    let made = 0;
    await writeChunks(writer, 'data/data.json', () => (made++, parts), inputKey);
    await writer.commit();
    const file = path.join(root, 'dist/data/data.json');
    return { made, text: readFileSync(file, 'utf8'), inode: statSync(file).ino };
  }

  it('makes the chunks once, skips them when the input key is unchanged, and keeps a file whose bytes are unchanged', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'cache'));
    const first = await buildOnce(root, ['[\n', '  1\n', ']\n'], 'records-1');
    expect(first).toMatchObject({ made: 1, text: '[\n  1\n]\n' });
    // Same input key: not made, not touched.
    expect(await buildOnce(root, ['never read'], 'records-1')).toEqual({ made: 0, text: '[\n  1\n]\n', inode: first.inode });
    // Another input key with the same bytes: made once, and the file in place stays the same file.
    expect(await buildOnce(root, ['[\n  1\n', ']\n'], 'records-2')).toEqual({ made: 1, text: '[\n  1\n]\n', inode: first.inode });
    // The key recorded is the new one: the next build with it makes nothing.
    expect((await buildOnce(root, ['never read'], 'records-2')).made).toBe(0);
    // New bytes: made once and replaced.
    const changed = await buildOnce(root, ['[\n  2\n]\n'], 'records-3');
    expect(changed).toMatchObject({ made: 1, text: '[\n  2\n]\n' });
    expect(changed.inode).not.toBe(first.inode);
    // Without an input key the bytes alone decide, as before.
    expect(await buildOnce(root, ['[\n  2\n]\n'], undefined)).toEqual({ made: 1, text: '[\n  2\n]\n', inode: changed.inode });
  });
});
