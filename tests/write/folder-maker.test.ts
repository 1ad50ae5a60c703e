import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { FolderMaker } from '../../src/write/folder-maker.js';
import { tempDir } from '../helpers.js';

it('makes a page folder and its missing parents, and accepts folders made by another thread', () => {
  const root = tempDir();
  const folders = new FolderMaker();
  folders.ensureParent(path.join(root, 'site/2025/07/04/storm/index.html'));
  expect(statSync(path.join(root, 'site/2025/07/04/storm')).isDirectory()).toBe(true);
  // Another thread made the next day's folder first: no error, and files can be written in it.
  mkdirSync(path.join(root, 'site/2025/07/05'));
  folders.ensureParent(path.join(root, 'site/2025/07/05/flood/index.html'));
  writeFileSync(path.join(root, 'site/2025/07/05/flood/index.html'), 'x');
  folders.ensureParent(path.join(root, 'site/2025/07/05/flood/index.html'));
  expect(statSync(path.join(root, 'site/2025/07/05/flood/index.html')).size).toBe(1);
});

it('reports a folder it cannot make', () => {
  const root = tempDir();
  writeFileSync(path.join(root, 'file'), 'x');
  expect(() => new FolderMaker().ensure(path.join(root, 'file/below'))).toThrow(/EEXIST.*file/);
});

it('walks up to the root of the file system without failing on it', () => {
  const root = tempDir();
  const folders = new FolderMaker();
  folders.ensure(path.join(root, 'a/b'));
  folders.ensure(path.parse(root).root);
  expect(statSync(path.join(root, 'a/b')).isDirectory()).toBe(true);
});

it('remembers a bounded number of folders, and one it forgot is found again without error', () => {
  const root = tempDir();
  const folders = new FolderMaker(3);
  const days = ['2025/07/04', '2025/07/05', '2025/08/01', '2026/01/02'];
  for (const day of days) folders.ensureParent(path.join(root, day, 'story/index.html'));
  // The first day's folders were forgotten (more than three were made since): asked again, they exist.
  folders.ensureParent(path.join(root, '2025/07/04/story/index.html'));
  folders.ensureParent(path.join(root, '2025/07/04/second/index.html'));
  for (const day of days) expect(statSync(path.join(root, day, 'story')).isDirectory()).toBe(true);
  expect(statSync(path.join(root, '2025/07/04/second')).isDirectory()).toBe(true);
  expect(folders.remembered).toBeLessThanOrEqual(3);
});
