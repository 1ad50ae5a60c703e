/**
 * Input the build cannot read, or whose name it cannot record: each file is an error naming it, in
 * the same run as every other error, never a crash. Unreadable files need a user other than root,
 * who can read anything: as root (CI), the CLI runs as `nobody` through `setpriv`.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers.js';

/** The CLI as a user who cannot read a mode-000 file. */
function runCliUnprivileged(args: string[], cwd: string) {
  const cli = [process.execPath, path.join(repoRoot, 'bin/news-archive.js'), ...args];
  const asRoot = process.getuid?.() === 0;
  const [command, ...rest] = asRoot ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', ...cli] : cli;
  const r = spawnSync(command!, rest, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stderr: r.stderr };
}

describe('input the build cannot read', () => {
  it('reports an unreadable file and folder by name, with the other errors, in build (with and without the cache) and check', () => {
    const root = tempDir();
    chmodSync(root, 0o777);
    const input = path.join(root, 'in');
    mkdirSync(path.join(input, 'locked'), { recursive: true });
    writeFileSync(path.join(input, 'a.txt'), ' date 2025-07-04 Good text here.\n');
    writeFileSync(path.join(input, 'bad.txt'), ' date 2025-02-30 A date that does not exist.\n');
    writeFileSync(path.join(input, 'z.txt'), ' date 2025-07-04 Text nobody may read.\n');
    writeFileSync(path.join(input, 'locked', 'c.txt'), ' date 2025-07-05 In a folder nobody may open.\n');
    chmodSync(path.join(input, 'z.txt'), 0o000);
    chmodSync(path.join(input, 'locked'), 0o000);
    const expected = [
      'in/bad.txt:1: date "2025-02-30" is not a real calendar date',
      'in/locked: cannot be read (permission denied: let the user running the build read it)',
      'in/z.txt: cannot be read (permission denied: let the user running the build read it)',
      '3 errors in 3 files',
    ];
    for (const args of [
      ['build', '--input', 'in', '--out', 'out', '--no-cache'],
      ['build', '--input', 'in', '--out', 'out2', '--cache-dir', 'cache'],
      ['check', '--input', 'in'],
    ]) {
      const r = runCliUnprivileged(args, root);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.split('\n').slice(0, 4), args.join(' ')).toEqual(expected);
    }
  });

  it('refuses a file or folder whose name has a line break, which would break the list of published URLs', () => {
    const root = tempDir();
    chmodSync(root, 0o777);
    const input = path.join(root, 'in');
    mkdirSync(path.join(input, 'x\n2025', 'y'), { recursive: true });
    writeFileSync(path.join(input, 'x\n2025', 'y', 'a.md'), '---\ntitle: T\ndate: 2025-07-04\n---\n\nText.\n');
    writeFileSync(path.join(input, '\tb.txt'), ' date 2025-07-04 Text.\n');
    writeFileSync(path.join(input, 'fine.txt'), ' date 2025-07-04 Text.\n');
    const r = runCliUnprivileged(['build', '--input', 'in', '--out', 'out', '--no-cache'], root);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      '"in/\\tb.txt": its name has a line break, tab or other control character; rename it',
      '"in/x\\n2025": its name has a line break, tab or other control character; rename it',
      '2 errors in 2 files',
    ]);
  });
});
