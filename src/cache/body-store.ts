import { closeSync, fstatSync, openSync, readSync, writevSync } from 'node:fs';
import path from 'node:path';

/**
 * Article bodies live on disk, not in memory: a build keeps only the small records and reads a
 * body back when its page is rendered. Bodies are appended to pack files (one open file per worker,
 * no file per article) and addressed by pack name, offset and length.
 */
export interface BodyRef {
  pack: string;
  offset: number;
  length: number;
}

/**
 * Appends bodies to one pack file. One appender per thread, so no two writers share a file. Bodies
 * are written together when the appender is closed (at the end of a parse batch) or every
 * `FLUSH_BYTES`: a write per body was 20,000 system calls in a 20,000-article build, which are slow
 * on this kind of virtual machine. A body's place is known before it is written; the records that
 * point to it are kept only once the batch that wrote it has closed its appender.
 */
export class PackAppender {
  private fd: number | undefined;
  private size = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  constructor(private readonly dir: string, readonly pack: string) {}

  append(text: string): BodyRef {
    if (this.fd === undefined) {
      this.fd = openSync(path.join(this.dir, this.pack), 'a');
      this.size = fstatSync(this.fd).size;
    }
    const bytes = Buffer.from(text, 'utf8');
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    const ref = { pack: this.pack, offset: this.size, length: bytes.length };
    this.size += bytes.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    return ref;
  }

  /** Writes what is pending and closes the file; a failed write throws (and the batch fails with it). */
  close(): void {
    if (this.fd === undefined) return;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
      this.fd = undefined;
    }
  }

  private flush(): void {
    let buffers = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    while (buffers.length > 0) {
      let written = writevSync(this.fd!, buffers);
      // A short write leaves the rest, from where it stopped.
      let k = 0;
      while (k < buffers.length && written >= buffers[k]!.length) written -= buffers[k++]!.length;
      buffers = buffers.slice(k);
      if (written > 0) buffers[0] = buffers[0]!.subarray(written);
    }
  }
}

const FLUSH_BYTES = 1 << 20;

/**
 * Reads bodies back by reference, keeping one descriptor per pack open for the build. Each read
 * takes `CHUNK_BYTES` from the body on, and the next bodies come from that chunk while they fall in
 * it: pages are planned in date order, which is mostly the order bodies were parsed and appended,
 * so a build reads about one chunk for every 60 bodies of 4 KB instead of one call each. Packs are
 * only ever appended to, so what a chunk holds never goes stale. The chunks of the few packs read
 * last are kept.
 */
export class PackReader {
  private readonly fds = new Map<string, number>();
  /** The chunk read last from each of the packs read last (most recent last); `bytes` is a view of `buffer`. */
  private readonly chunks = new Map<string, { start: number; bytes: Buffer; buffer: Buffer }>();
  constructor(private readonly dir: string) {}

  read(ref: BodyRef): string {
    // A body larger than a chunk (rare: 256 KB of HTML) is read alone.
    if (ref.length > CHUNK_BYTES) return this.readAt(ref.pack, ref.offset, ref.length, Buffer.allocUnsafe(ref.length)).toString('utf8');
    const end = ref.offset + ref.length;
    let chunk = this.chunks.get(ref.pack);
    this.chunks.delete(ref.pack);
    if (chunk === undefined || ref.offset < chunk.start || end > chunk.start + chunk.bytes.length) {
      // A chunk's buffer is reused (or the oldest kept chunk's), not a new 256 KB one for each chunk read.
      let buffer = chunk?.buffer;
      if (buffer === undefined && this.chunks.size >= KEPT_CHUNKS) {
        const [oldest, evicted] = this.chunks.entries().next().value!;
        this.chunks.delete(oldest);
        buffer = evicted.buffer;
      }
      buffer ??= Buffer.allocUnsafe(CHUNK_BYTES);
      chunk = { start: ref.offset, bytes: this.readAt(ref.pack, ref.offset, ref.length, buffer), buffer };
    }
    this.chunks.set(ref.pack, chunk);
    const at = ref.offset - chunk.start;
    return chunk.bytes.toString('utf8', at, at + ref.length);
  }

  /** At least `length` bytes from `offset` into `buffer`, and as many more as fit and the pack has. */
  private readAt(pack: string, offset: number, length: number, buffer: Buffer): Buffer {
    let fd = this.fds.get(pack);
    if (fd === undefined) this.fds.set(pack, (fd = openSync(path.join(this.dir, pack), 'r')));
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buffer, done, buffer.length - done, offset + done);
      if (n === 0) throw new Error(`cache pack ${pack} is shorter than expected; delete the cache folder and build again`);
      done += n;
    }
    return buffer.subarray(0, done);
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
    this.chunks.clear();
  }
}

const CHUNK_BYTES = 256 * 1024;
const KEPT_CHUNKS = 8;
