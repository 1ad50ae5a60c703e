import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.js';
import { libIsFresh } from '../../scripts/lib-freshness.mjs';
import { repoRoot, runCli, snapshotSite, tempDir } from '../helpers.js';

// 150 synthetic articles: a few hundred pages, so rendering is split over several worker tasks.
let corpus: string;
let reference: Map<string, string>;

function buildInto(args: string[]): Map<string, string> {
  const out = path.join(tempDir(), 'dist');
  const r = runCli(['build', '--input', corpus, '--out', out, ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return snapshotSite(out);
}

/** Every article page of a built site, with its inode (a rewritten file gets a new one) and text. */
function articlePages(out: string): Map<string, { ino: number; text: string }> {
  const pages = new Map<string, { ino: number; text: string }>();
  for (const file of readdirSync(out, { recursive: true }) as string[]) {
    if (!/^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(file)) continue;
    pages.set(file, { ino: statSync(path.join(out, file)).ino, text: readFileSync(path.join(out, file), 'utf8') });
  }
  return pages;
}

beforeAll(() => {
  corpus = path.join(tempDir(), 'corpus');
  writeCorpus(corpus, 150, 7);
  reference = buildInto(['--workers', '0', '--no-cache']);
});

describe('rendering on worker threads', () => {
  it('writes the same bytes as rendering on the main thread, with and without the cache', () => {
    expect(reference.size).toBeGreaterThan(300);
    expect(buildInto(['--workers', '2', '--no-cache'])).toEqual(reference);
    expect(buildInto(['--workers', '2', '--cache-dir', path.join(tempDir(), 'cache')])).toEqual(reference);
  });

  it('rebuilds one changed article on worker threads exactly as a cold single-threaded build does', () => {
    const out = path.join(tempDir(), 'dist');
    const cache = path.join(tempDir(), 'cache');
    const build = (...extra: string[]) => runCli(['build', '--input', corpus, '--out', out, '--cache-dir', cache, '--workers', '2', ...extra]);
    expect(build().code).toBe(0);
    const before = articlePages(out);
    const target = path.join(corpus, '2000', '000001.md');
    const original = readFileSync(target, 'utf8');
    try {
      writeFileSync(target, `${original.trimEnd()} One more sentence.\n`);
      expect(build().code).toBe(0);
      const cold = buildInto(['--workers', '0', '--no-cache']);
      expect(snapshotSite(out)).toEqual(cold);
      expect(cold).not.toEqual(reference);
      // Only pages that show the changed article are rendered again (it, its neighbours in time and the
      // pages it is related to); every other article page is the very file the first build wrote.
      const after = articlePages(out);
      const rewritten = [...after].filter(([file, page]) => before.get(file)?.ino !== page.ino).map(([file]) => file);
      const changed = [...after].filter(([file, page]) => before.get(file)?.text !== page.text).map(([file]) => file);
      expect(after.size).toBe(150);
      expect(changed.length).toBeGreaterThanOrEqual(1);
      expect(rewritten).toEqual(expect.arrayContaining(changed));
      expect(rewritten.length).toBeLessThan(15);
    } finally {
      writeFileSync(target, original);
    }
  });

  it('leaves in place every page whose key changed but whose bytes did not, on threads and on one', () => {
    // A template the pages never use still changes every page's key (the theme is part of it), as a
    // new generator version does: every page is rendered again, and none of them is different.
    for (const workers of ['2', '0']) {
      const out = path.join(tempDir(), 'dist');
      const cache = path.join(tempDir(), 'cache');
      const templates = path.join(tempDir(), 'templates');
      cpSync(path.join(repoRoot, 'templates'), templates, { recursive: true });
      const build = () => runCli(['build', '--input', corpus, '--out', out, '--cache-dir', cache, '--templates', templates, '--workers', workers]);
      expect(build().code).toBe(0);
      const before = articlePages(out);
      writeFileSync(path.join(templates, 'partials', 'unused.liquid'), '<p>never rendered</p>');
      const r = build();
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(snapshotSite(out)).toEqual(reference);
      const after = articlePages(out);
      expect(after.size).toBe(150);
      const rewritten = [...after].filter(([file, page]) => before.get(file)?.ino !== page.ino).map(([file]) => file);
      expect(rewritten).toEqual([]);
      // Edited by hand (dist/ belongs to the build): a page whose key changed is compared, and written again.
      const [file, page] = [...after][0]!;
      writeFileSync(path.join(out, file), 'edited by hand');
      writeFileSync(path.join(templates, 'partials', 'unused.liquid'), '<p>still never rendered</p>');
      expect(build().code).toBe(0);
      expect(readFileSync(path.join(out, file), 'utf8')).toBe(page.text);
      expect(snapshotSite(out)).toEqual(reference);
    }
  });

  it('gives the same output from the TypeScript sources through tsx as from the compiled CLI', () => {
    const out = path.join(tempDir(), 'dist');
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'build', '--input', corpus, '--out', out, '--no-cache', '--workers', '2'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(snapshotSite(out)).toEqual(reference);
  });
});

describe('the compiled CLI', () => {
  it('is used only while it was compiled after every source file and the compiler', () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'src/load'), { recursive: true });
    mkdirSync(path.join(root, 'scripts'));
    mkdirSync(path.join(root, 'lib'));
    const at = (file: string, seconds: number) => (writeFileSync(path.join(root, file), ''), utimesSync(path.join(root, file), seconds, seconds));
    expect(libIsFresh(root)).toBe(false); // never compiled
    at('src/load/a.ts', 1000);
    at('scripts/compile.mjs', 1000);
    utimesSync(path.join(root, 'src/load'), 1000, 1000); // folders count too: a deleted file changes its folder
    at('lib/.compiled', 2000);
    expect(libIsFresh(root)).toBe(true);
    at('src/load/a.ts', 3000); // a source edited after compiling
    expect(libIsFresh(root)).toBe(false);
    at('lib/.compiled', 4000);
    at('scripts/compile.mjs', 5000); // the compiler changed
    expect(libIsFresh(root)).toBe(false);
  });
});
