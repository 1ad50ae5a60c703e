import { closeSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { rollBack } from './commit-journal.js';

/**
 * One build at a time per output folder. The lock is a file beside the output folder
 * (`.dist.lock` for `dist/`), created with an exclusive open so two processes cannot both get it.
 * It records who holds it, so a lock left by a killed build (its process is gone) is taken over
 * instead of blocking forever.
 */
export interface LockHolder {
  pid: number;
  host: string;
  started: string;
}

export type LockResult = { ok: true; release: () => void } | { ok: false; lockFile: string; holder?: LockHolder };

export function lockFileOf(outDir: string): string {
  const out = path.resolve(outDir);
  return path.join(path.dirname(out), `.${path.basename(out)}.lock`);
}

/** True when `holder` is a process on this machine that no longer exists. */
function isDead(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function readHolder(lockFile: string): Promise<LockHolder | undefined> {
  try {
    const h = JSON.parse(await readFile(lockFile, 'utf8')) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? { pid: h.pid, host: h.host, started: String(h.started) } : undefined;
  } catch {
    return undefined;
  }
}

/** A lock file nobody could have written fully: half-written by a build killed between open and write. */
const UNREADABLE_STALE_MS = 30_000;

export async function acquireBuildLock(outDir: string): Promise<LockResult> {
  const lockFile = lockFileOf(outDir);
  // `--out site/news/dist` in a fresh checkout: the lock sits beside the output folder, so its parent must exist.
  mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      const holder: LockHolder = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
      writeSync(fd, `${JSON.stringify(holder)}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on('exit', release);
      return { ok: true, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readHolder(lockFile);
    const stale = holder
      ? isDead(holder)
      : Date.now() - (await stat(lockFile).catch(() => ({ mtimeMs: 0 }))).mtimeMs > UNREADABLE_STALE_MS;
    if (!stale) return { ok: false, lockFile, holder };
    await unlink(lockFile).catch(() => undefined);
  }
  return { ok: false, lockFile, holder: await readHolder(lockFile) };
}

/**
 * The start of the path of every folder a build of `outDir` makes beside it while it runs (`.dist.staging-…`
 * for `dist/`): whatever such a folder a killed build left, `recoverLeftovers` removes.
 */
export function stagingPrefixOf(outDir: string): string {
  const out = path.resolve(outDir);
  return path.join(path.dirname(out), `.${path.basename(out)}.staging-`);
}

/**
 * Clears what a killed build may have left beside the output folder. Call only while holding the
 * lock, so no running build owns these. A build killed between the two renames of its commit left
 * the previous output as `….old` and no output folder: that output is put back first. One killed
 * while patching the output in place left a journal: the patch is rolled back first.
 */
export async function recoverLeftovers(outDir: string): Promise<void> {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  const prefix = path.basename(stagingPrefixOf(outDir));
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  // `..dist.staging-parts-…`: the staging folder of a build patching page shards put together (`--pages-from`),
  // which was never the output: removed with the rest.
  const leftovers = names.filter((n) => n.startsWith(prefix) || n.startsWith(`.${prefix}parts-`)).sort();
  // An incremental build killed while patching the output in place: put the previous output back first.
  for (const name of leftovers) if (name.endsWith('.journal')) rollBack(path.join(parent, name));
  const previous = leftovers.find((n) => n.endsWith('.old'));
  if (previous) {
    const outExists = await stat(out).then(() => true, () => false);
    if (!outExists) await rename(path.join(parent, previous), out);
  }
  for (const name of leftovers) await rm(path.join(parent, name), { recursive: true, force: true });
}
