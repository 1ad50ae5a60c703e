import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';

/** The first line `check` prints for an archive whose one bad file is `in/sub/bad.txt`, run from `cwd`. */
function reported(root: string, cwd: string, input: string): string {
  const r = runCli(['check', '--input', input], { cwd: path.join(root, cwd) });
  expect(r.code).toBe(1);
  return `${r.stdout}${r.stderr}`.split('\n').find((l) => l.includes('missing date'))!.split(':')[0]!;
}

it('shows each file relative to the working folder when inside it, wherever the input folder is', () => {
  const root = tempDir();
  mkdirSync(path.join(root, 'in/sub'), { recursive: true });
  mkdirSync(path.join(root, 'elsewhere'));
  writeFileSync(path.join(root, 'in/ok.txt'), ' date 2025-07-04 Fine text here.\n');
  writeFileSync(path.join(root, 'in/sub/bad.txt'), 'no date here\n');
  expect(reported(root, '.', 'in')).toBe('in/sub/bad.txt');
  expect(reported(root, 'in', '.')).toBe('sub/bad.txt');
  // The working folder inside the input folder: a file under it is still shown relative.
  expect(reported(root, 'in/sub', '..')).toBe('bad.txt');
  expect(reported(root, 'elsewhere', '../in')).toBe(path.join(root, 'in/sub/bad.txt'));
});
