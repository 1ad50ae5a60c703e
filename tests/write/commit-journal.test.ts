import { linkSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPatch, journalDirOf, type PatchOps } from '../../src/write/commit-journal.js';
import { recoverLeftovers } from '../../src/write/build-lock.js';
import { snapshotTree, tempDir } from '../helpers.js';

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
}

/** A previous output, and a staged patch that replaces one page, adds one in new folders and removes one. */
function scene() {
  const root = tempDir();
  const out = path.join(root, 'dist');
  const staging = path.join(root, '.dist.staging-1-abcd');
  writeTree(out, {
    'index.html': 'home v1',
    '2020/01/02/kept/index.html': 'kept',
    '2020/01/02/edited/index.html': 'edited v1',
    '2019/05/06/gone/index.html': 'gone',
    '2019/05/06/stays/index.html': 'stays',
  });
  writeTree(staging, { 'index.html': 'home v2', '2020/01/02/edited/index.html': 'edited v2', '2021/03/04/new/index.html': 'new' });
  const patch = { changed: ['index.html', '2020/01/02/edited/index.html', '2021/03/04/new/index.html'], removed: ['2019/05/06/gone/index.html'] };
  return { root, out, staging, patch, before: snapshotTree(out) };
}

/** File operations that stop dead after `steps` of them, as a SIGKILL would: nothing after runs. */
function stoppingAfter(steps: number): PatchOps & { done: number } {
  const ops = {
    done: 0,
    rename(from: string, to: string) {
      if (ops.done++ >= steps) throw new Error('killed');
      renameSync(from, to);
    },
    link(existing: string, link: string) {
      if (ops.done++ >= steps) throw new Error('killed');
      linkSync(existing, link);
    },
  };
  return ops;
}
describe('in-place patch of the output folder under a journal', () => {
  it('applies a patch: replaced, added and removed files, and no empty folder left behind', () => {
    const s = scene();
    applyPatch(s.out, s.staging, journalDirOf(s.staging), s.patch);
    expect(snapshotTree(s.out)).toEqual(
      new Map([
        ['2019/05/06/stays/index.html', 'stays'],
        ['2020/01/02/edited/index.html', 'edited v2'],
        ['2020/01/02/kept/index.html', 'kept'],
        ['2021/03/04/new/index.html', 'new'],
        ['index.html', 'home v2'],
      ]),
    );
    expect(readdirSync(path.join(s.out, '2019/05/06'))).toEqual(['stays']);
    expect(readdirSync(s.root).includes('.dist.staging-1-abcd.journal')).toBe(false);
  });

  it('a build killed at any step of the patch gets its previous output back, byte for byte, from the next build', async () => {
    // 3 changed files (2 of them replace a file: a link and a rename each; 1 new: a rename) + 1 removal = 6 steps.
    for (let steps = 0; steps < 6; steps++) {
      const s = scene();
      const ops = stoppingAfter(steps);
      expect(() => applyPatch(s.out, s.staging, journalDirOf(s.staging), s.patch, ops)).toThrow('killed');
      expect(ops.done).toBe(steps + 1);
      await recoverLeftovers(s.out);
      expect(snapshotTree(s.out), `killed after ${steps} steps`).toEqual(s.before);
      expect(readdirSync(s.root)).toEqual(['dist']);
      // No folder the patch made is left behind either.
      expect(readdirSync(s.out).sort()).toEqual(['2019', '2020', 'index.html']);
    }
  });

  it('a patch that went through leaves nothing for the next build to undo', async () => {
    const s = scene();
    applyPatch(s.out, s.staging, journalDirOf(s.staging), s.patch);
    const after = snapshotTree(s.out);
    await recoverLeftovers(s.out);
    expect(snapshotTree(s.out)).toEqual(after);
  });

  it('a build killed while patching page shards put together leaves dist/ as it was and nothing beside it', async () => {
    const s = scene();
    // The parts put together (`--pages-from`), and that build's own staging folder and journal beside it.
    const parts = path.join(s.root, '.dist.staging-parts-1-abcd');
    writeTree(parts, { 'index.html': 'home from a part' });
    writeTree(path.join(s.root, '..dist.staging-parts-1-abcd.staging-1-ef01'), { 'index.html': 'home v3' });
    writeTree(path.join(s.root, '..dist.staging-parts-1-abcd.staging-1-ef01.journal'), {});
    await recoverLeftovers(s.out);
    expect(snapshotTree(s.out)).toEqual(s.before);
    expect(readdirSync(s.root)).toEqual(['dist']);
  });
});
