import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stagingPrefixOf } from './build-lock.js';
import { markOutput } from './output-marker.js';
import { checkRelativePath, type Writer } from './writer.js';

/**
 * Writes into a staging folder beside the output folder and swaps it in on `commit`, so a failed
 * or interrupted build leaves the previous output exactly as it was.
 */
export class DiskWriter implements Writer {
  readonly stagingDir: string;
  private readonly madeDirs = new Set<string>();
  private done = false;

  constructor(readonly outDir: string) {
    this.stagingDir = `${stagingPrefixOf(outDir)}${process.pid}-${randomBytes(4).toString('hex')}`;
  }

  async write(relativePath: string, data: string | Uint8Array): Promise<void> {
    const rel = checkRelativePath(relativePath);
    const full = path.join(this.stagingDir, rel);
    const dir = path.dirname(full);
    // One mkdir per folder, not one per file.
    if (!this.madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    await writeFile(full, data);
  }

  adopt(relativePath: string): void {
    // Written by another thread into the staging folder: nothing to do but check the path.
    checkRelativePath(relativePath);
  }

  async commit(): Promise<void> {
    if (this.done) throw new Error('writer already finished');
    this.done = true;
    await mkdir(this.stagingDir, { recursive: true });
    await swapIn(this.stagingDir, this.outDir);
  }

  async abort(): Promise<void> {
    this.done = true;
    await rm(this.stagingDir, { recursive: true, force: true });
  }
}

/**
 * Puts a complete folder in the output folder's place, marked as a build's output (see
 * output-marker.ts): the output is moved aside (the `….old` a killed build leaves is put back by
 * `recoverLeftovers`), the folder moved in, the old output removed.
 */
export async function swapIn(folder: string, outDir: string): Promise<void> {
  markOutput(folder);
  const out = path.resolve(outDir);
  const old = `${folder}.old`;
  let hadOld = true;
  try {
    await rename(out, old);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    hadOld = false;
  }
  try {
    await rename(folder, out);
  } catch (err) {
    if (hadOld) await rename(old, out);
    throw err;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}
