import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
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
 * (else it is joined and written as usual). The file is keyed like any written file (`data:` and the
 * hash of its bytes), so an unchanged one is not written again. `chunks` is called up to twice.
 */
export async function writeChunks(writer: Writer, relativePath: string, chunks: () => Iterable<string>): Promise<void> {
  const rel = checkRelativePath(relativePath);
  if (writer.stagingDir === undefined || !writer.adopt) return writer.write(rel, [...chunks()].join(''));
  const hash = createHash('sha256');
  let n = 0;
  for (const c of chunks()) {
    hash.update(c);
    if (++n % CHUNKS_PER_TURN === 0) await ioTurn();
  }
  const key = `data:${hash.update('\0').digest('hex')}`;
  if (writer.previousKey?.(rel) === key) return writer.adopt(rel, key, false);
  const full = path.join(writer.stagingDir, rel);
  mkdirSync(path.dirname(full), { recursive: true });
  const fd = openSync(full, 'w');
  try {
    let pending: string[] = [];
    let size = 0;
    for (const c of chunks()) {
      if (++n % CHUNKS_PER_TURN === 0) await ioTurn();
      pending.push(c);
      if ((size += c.length) >= FLUSH_BYTES) writeSync(fd, pending.join('')), (pending = []), (size = 0);
    }
    writeSync(fd, pending.join(''));
  } finally {
    closeSync(fd);
  }
  writer.adopt(rel, key, true);
}
