/**
 * Reproducible builds: the same input gives byte-identical output whatever the order files were
 * written in, their modification times, the time zone, the locale or the clock.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, listTree, repoRoot, runCli, snapshotSite, tempDir } from '../helpers.js';

/** Copies every article of `sources` into `dest`, in the given order, with the given modification time. */
function copyInput(sources: string[], dest: string, order: 'forward' | 'reverse', mtime: Date): void {
  mkdirSync(dest);
  const files = sources.flatMap((dir) => readdirSync(dir).map((f) => path.join(dir, f)));
  if (order === 'reverse') files.reverse();
  for (const f of files) {
    cpSync(f, path.join(dest, path.basename(f)));
    utimesSync(path.join(dest, path.basename(f)), mtime, mtime);
  }
}

/**
 * Moves the process clock, as faketime would (it is not installed here): loaded with `--require`
 * into the CLI's process, so any use of the current time in the build shows up as a difference.
 */
function clockShifter(dir: string): string {
  const file = path.join(dir, 'shift-clock.cjs');
  writeFileSync(
    file,
    `const Real = Date; const shift = Number(process.env.CLOCK_SHIFT_MS);
class Shifted extends Real { constructor(...a) { if (a.length === 0) super(Real.now() + shift); else super(...a); } static now() { return Real.now() + shift; } }
globalThis.Date = Shifted;\n`,
  );
  return file;
}

describe('reproducible builds', () => {
  it('two builds of the same input are byte-identical across file order, mtimes, TZ, locale and clock', () => {
    const root = tempDir();
    // collation/: tags that sort apart in Swedish (Å after Z), so a locale-dependent sort shows.
    const sources = [path.join(repoRoot, 'seeds'), path.join(fixtures, 'basic'), path.join(fixtures, 'collation')];
    const shifter = clockShifter(root);
    const runs = [
      { order: 'forward', mtime: new Date('2001-01-01T00:00:00Z'), env: { TZ: 'Pacific/Kiritimati', LANG: 'C', LC_ALL: 'C', CLOCK_SHIFT_MS: '0', SOURCE_DATE_EPOCH: '1800000000' } },
      {
        order: 'reverse',
        mtime: new Date('2030-06-15T12:34:56Z'),
        // Ten years and eleven hours on, in the zone furthest from Kiritimati.
        env: { TZ: 'America/Los_Angeles', LANG: 'sv_SE.UTF-8', LC_ALL: 'sv_SE.UTF-8', CLOCK_SHIFT_MS: String(3_650 * 86_400_000 + 11 * 3_600_000), SOURCE_DATE_EPOCH: '1800000000', NODE_OPTIONS: `--require ${shifter}` },
      },
    ] as const;
    const outputs = runs.map((run, i) => {
      // The same input path each time: articles.json records each article's source path as given.
      const input = path.join(root, 'in');
      rmSync(input, { recursive: true, force: true });
      copyInput(sources, input, run.order, run.mtime);
      const out = path.join(root, `out-${i}`);
      const r = runCli(['build', '--input', input, '--out', out, '--base-url', 'https://example.org/news/'], { env: { ...run.env } });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return out;
    });
    const [a, b] = outputs.map((o) => snapshotSite(o!));
    expect(listTree(outputs[0]!).length).toBeGreaterThan(50);
    expect([...b!.keys()]).toEqual([...a!.keys()]);
    for (const [file, bytes] of a!) expect(b!.get(file) === bytes, file).toBe(true);
  });
});
