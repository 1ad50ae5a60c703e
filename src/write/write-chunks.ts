import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as ioTurn } from 'node:timers/promises';
import { checkRelativePath, type Writer } from './writer.js';

const FLUSH_BYTES = 1 << 20;

/**
 * Chunks between two turns of the event loop. Making a large file is seconds of work on the main
 * thread, and the search index's queue feeds Pagefind from this thread: without a turn now and then
 * Pagefind's replies wait, and Pagefind sits idle (two of a one-article rebuild's 17 s at 20,000 articles).
 */
const CHUNKS_PER_TURN = 256;

/**
 * Writes a large file from chunks without holding it whole in memory, when the writer stages on disk
 * (else it is joined and written as usual). The chunks are made once: staged and hashed together.
 * The file is keyed by the hash of its bytes (`data:…`), and one with the bytes the previous build
 * wrote is let go again rather than moved into place; with `inputKey` (a key of everything the chunks
 * are made of) its key is `<inputKey>/data:…`, and when the previous build's has the same input key
 * the chunks are not made at all.
 */
export async function writeChunks(writer: Writer, relativePath: string, chunks: () => Iterable<string>, inputKey?: string): Promise<void> {
  const rel = checkRelativePath(relativePath);
  if (writer.stagingDir === undefined || !writer.adopt) return writer.write(rel, [...chunks()].join(''));
  const before = writer.previousKey?.(rel);
  if (inputKey !== undefined && before?.startsWith(`${inputKey}/`)) return writer.adopt(rel, before, false);
  const full = path.join(writer.stagingDir, rel);
  mkdirSync(path.dirname(full), { recursive: true });
  const hash = createHash('sha256');
  const fd = openSync(full, 'w');
  try {
    let pending: string[] = [];
    let size = 0;
    let n = 0;
    for (const c of chunks()) {
      hash.update(c);
      pending.push(c);
      if ((size += c.length) >= FLUSH_BYTES) writeSync(fd, pending.join('')), (pending = []), (size = 0);
      if (++n % CHUNKS_PER_TURN === 0) await ioTurn();
    }
    writeSync(fd, pending.join(''));
  } finally {
    closeSync(fd);
  }
  const data = `data:${hash.update('\0').digest('hex')}`;
  const key = inputKey === undefined ? data : `${inputKey}/${data}`;
  if (before !== data && !before?.endsWith(`/${data}`)) return writer.adopt(rel, key, true);
  rmSync(full);
  writer.adopt(rel, key, false);
}
