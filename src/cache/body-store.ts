import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
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

/** Appends bodies to one pack file. One appender per thread, so no two writers share a file. */
export class PackAppender {
  private fd: number | undefined;
  private size = 0;
  constructor(private readonly dir: string, readonly pack: string) {}

  append(text: string): BodyRef {
    if (this.fd === undefined) {
      this.fd = openSync(path.join(this.dir, this.pack), 'a');
      this.size = fstatSync(this.fd).size;
    }
    const bytes = Buffer.from(text, 'utf8');
    writeSync(this.fd, bytes);
    const ref = { pack: this.pack, offset: this.size, length: bytes.length };
    this.size += bytes.length;
    return ref;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** Reads bodies back by reference, keeping one descriptor per pack open for the build. */
export class PackReader {
  private readonly fds = new Map<string, number>();
  constructor(private readonly dir: string) {}

  read(ref: BodyRef): string {
    let fd = this.fds.get(ref.pack);
    if (fd === undefined) this.fds.set(ref.pack, (fd = openSync(path.join(this.dir, ref.pack), 'r')));
    const buf = Buffer.allocUnsafe(ref.length);
    let done = 0;
    while (done < ref.length) {
      const n = readSync(fd, buf, done, ref.length - done, ref.offset + done);
      if (n === 0) throw new Error(`cache pack ${ref.pack} is shorter than expected; delete the cache folder and build again`);
      done += n;
    }
    return buf.toString('utf8');
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
