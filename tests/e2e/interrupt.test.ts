/**
 * Output that never loses anything: concurrent builds are refused, and a build that is killed or
 * whose writes fail leaves the previous output byte for byte as it was.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { parseConfig } from '../../src/load/config.js';
import { DiskWriter } from '../../src/write/disk-writer.js';
import { lockFileOf, recoverLeftovers } from '../../src/write/build-lock.js';
import { fixtures, repoRoot, runCli, snapshotSite, snapshotTree, tempDir, withoutSearchIndex } from '../helpers.js';

/** Enough articles that a build spends seconds writing, so it can be caught in the middle. */
function writeLargeInput(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const date = new Date(Date.UTC(2001, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(path.join(dir, `a${i}.txt`), ` date ${date} Springfield — Article ${i} reports that the council met and voted.\n\nMore text.`);
  }
}

function startCli(args: string[]): ChildProcess & { done: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/news-archive.js'), ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return Object.assign(child, { done });
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 20));
}

/** A previous build of the small fixture site, to be protected. */
function previousBuild(root: string): { out: string; before: Map<string, string> } {
  const out = path.join(root, 'dist');
  const r = runCli(['build', '--input', path.join(fixtures, 'basic'), '--out', out]);
  expect(r.code).toBe(0);
  return { out, before: snapshotTree(out) };
}

describe('interrupted and concurrent builds', () => {
  let large: string;
  beforeAll(() => {
    large = path.join(tempDir(), 'large');
    writeLargeInput(large, 500);
  });

  it('a build killed with SIGKILL mid-write leaves the previous output exactly as it was', async () => {
    const root = tempDir();
    const { out, before } = previousBuild(root);
    const child = startCli(['build', '--input', large, '--out', out]);
    // Wait until the build is writing its staging folder, then kill it without warning.
    await until(() => readdirSync(root).some((n) => n.startsWith('.dist.staging-') && readdirSync(path.join(root, n)).length > 3));
    child.kill('SIGKILL');
    const result = await child.done;
    expect(result.signal).toBe('SIGKILL');
    expect(snapshotTree(out)).toEqual(before);
    // Its lock and staging folder are left behind; the next build takes over and cleans them.
    expect(existsSync(lockFileOf(out))).toBe(true);
    const next = runCli(['build', '--input', path.join(fixtures, 'basic'), '--out', out]);
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    expect(readdirSync(root)).toEqual(['dist']);
    // A new build of the same input: the same site (Pagefind's own index files are not byte-stable, see helpers).
    expect(snapshotSite(out)).toEqual(withoutSearchIndex(before));
  });

  it('a build without a cache killed mid-write leaves its bodies beside the output, and the next build clears them', async () => {
    const root = tempDir();
    const { out, before } = previousBuild(root);
    const child = startCli(['build', '--input', large, '--out', out, '--no-cache']);
    const leftovers = () => readdirSync(root).filter((n) => n.startsWith('.dist.staging-'));
    await until(() => leftovers().some((n) => !n.startsWith('.dist.staging-bodies-') && readdirSync(path.join(root, n)).length > 3));
    child.kill('SIGKILL');
    expect((await child.done).signal).toBe('SIGKILL');
    expect(snapshotTree(out)).toEqual(before);
    const bodies = leftovers().filter((n) => n.startsWith('.dist.staging-bodies-'));
    expect(bodies).toHaveLength(1);
    expect(readdirSync(path.join(root, bodies[0]!)).length).toBeGreaterThan(0);
    const next = runCli(['build', '--input', path.join(fixtures, 'basic'), '--out', out, '--no-cache']);
    expect([next.code, next.stderr]).toEqual([0, '']);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('a second build into the same folder is refused while the first runs, and the first completes', async () => {
    const root = tempDir();
    const { out } = previousBuild(root);
    const first = startCli(['build', '--input', large, '--out', out]);
    await until(() => existsSync(lockFileOf(out)));
    const second = runCli(['build', '--input', path.join(fixtures, 'basic'), '--out', out]);
    const stillRunning = first.exitCode === null;
    const firstResult = await first.done;
    expect(stillRunning).toBe(true);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`^build refused: build ${first.pid} on ${os.hostname()}, started \\S+ is writing to ${out}/ \\(lock ${lockFileOf(out)}\\); wait for it to finish\\. ${out}/ left unchanged\\n$`));
    expect(firstResult.code).toBe(0);
    expect(readdirSync(root)).toEqual(['dist']);
    expect(readdirSync(path.join(out, '2001')).sort()).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', 'index.html']);
  });

  it('a lock held by a live process blocks; one left by a dead process does not', () => {
    const root = tempDir();
    const { out, before } = previousBuild(root);
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(lockFileOf(out), JSON.stringify({ pid: sleeper.pid, host: os.hostname(), started: '2025-01-01T00:00:00.000Z' }));
      const blocked = runCli(['build', '--input', path.join(fixtures, 'basic'), '--out', out]);
      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toContain(`build refused: build ${sleeper.pid} on ${os.hostname()}, started 2025-01-01T00:00:00.000Z is writing to ${out}/`);
      expect(snapshotTree(out)).toEqual(before);
    } finally {
      sleeper.kill();
    }
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lockFileOf(out), JSON.stringify({ pid: Number(dead.stdout), host: os.hostname(), started: '2025-01-01T00:00:00.000Z' }));
    const taken = runCli(['build', '--input', path.join(fixtures, 'basic'), '--out', out]);
    expect(taken.code).toBe(0);
    expect(existsSync(lockFileOf(out))).toBe(false);
  });

  it('a write that fails part-way (disk full) leaves the previous output exactly as it was', async () => {
    const root = tempDir();
    const { out, before } = previousBuild(root);
    /** A real DiskWriter whose disk "fills up" after 20 files. */
    class FillingDisk extends DiskWriter {
      written = 0;
      override async write(rel: string, data: string | Uint8Array): Promise<void> {
        if (++this.written > 20) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        await super.write(rel, data);
      }
    }
    const config = parseConfig(undefined, 'archive.config.json');
    if (!config.ok) throw new Error('default config is invalid');
    const writer = new FillingDisk(out);
    await expect(build({ inputDir: path.join(fixtures, 'basic'), templatesDir: path.join(repoRoot, 'templates'), config: config.config }, writer)).rejects.toThrow(/ENOSPC/);
    // The search index writes a finished shard alongside the pages, so one more write may have been in flight.
    expect(writer.written).toBeGreaterThanOrEqual(21);
    expect(writer.written).toBeLessThanOrEqual(22);
    expect(snapshotTree(out)).toEqual(before);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('a build killed between the two renames of its commit gets its previous output put back', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, '.dist.staging-123-abcd.old'));
    writeFileSync(path.join(root, '.dist.staging-123-abcd.old', 'index.html'), 'previous');
    mkdirSync(path.join(root, '.dist.staging-123-abcd'));
    await recoverLeftovers(path.join(root, 'dist'));
    expect(readdirSync(root)).toEqual(['dist']);
    expect(snapshotTree(path.join(root, 'dist'))).toEqual(new Map([['index.html', 'previous']]));
  });
});
