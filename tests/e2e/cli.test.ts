import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { markOutput } from '../../src/write/output-marker.js';
import { brokenLinks, fixtures, listTree, runCli, snapshotTree, tempDir } from '../helpers.js';

describe('news-archive build (end to end)', () => {
  let out: string;
  let run: ReturnType<typeof runCli>;
  beforeAll(() => {
    out = path.join(tempDir(), 'dist');
    run = runCli(['build', '--input', path.join(fixtures, 'basic'), '--out', out, '--config', path.join(fixtures, 'basic.config.json')]);
  });

  it('ends with one summary line and exits 0', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Built 8 articles, \d+ pages in \d+\.\d\d s → .*dist\/\n$/);
  });

  it('publishes every page kind', () => {
    const files = listTree(out);
    expect(files.filter((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f) && !f.includes('/page/'))).toHaveLength(8);
    for (const f of ['index.html', 'page/2/index.html', 'archive/index.html', '2025/index.html', '2025/07/index.html', '2025/07/04/index.html', 'articles.json', '_headers']) {
      expect(files).toContain(f);
    }
  });

  it('has no broken internal links', () => {
    expect(brokenLinks(out, '/')).toEqual([]);
  });

  it('shows the day with several articles and links the neighbouring days', () => {
    const day = readFileSync(path.join(out, '2025/07/04/index.html'), 'utf8');
    expect(day).toContain('<p>3 articles. <a href="/on-this-day/07-04/">July 4 in every year</a></p>');
    expect(day).toContain('<a rel="prev" href="/2025/07/03/">← July 3, 2025</a>');
    expect(day).not.toContain('rel="next"');
  });

  it('makes the folders an output folder is in when they do not exist yet', () => {
    const nested = path.join(tempDir(), 'site', 'news', 'dist');
    const r = runCli(['build', '--input', path.join(fixtures, 'basic'), '--out', nested, '--config', path.join(fixtures, 'basic.config.json'), '--no-search']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(nested, '2025/07/04/index.html'), 'utf8')).toContain('<p>3 articles. <a href="/on-this-day/07-04/">July 4 in every year</a></p>');
  });

  it('works under a sub-path base URL', () => {
    const sub = path.join(tempDir(), 'dist');
    const r = runCli(['build', '--input', path.join(fixtures, 'basic'), '--out', sub, '--base-url', 'https://example.github.io/archive/']);
    expect(r.code).toBe(0);
    expect(brokenLinks(sub, '/archive/')).toEqual([]);
    expect(readFileSync(path.join(sub, 'index.html'), 'utf8')).toContain('<link rel="canonical" href="https://example.github.io/archive/">');
  });
});

describe('bad input', () => {
  const cases = readdirSync(path.join(fixtures, 'invalid')).sort();

  it.each(cases)('%s: reports the expected errors and leaves the output as it was', (name) => {
    const input = path.join(fixtures, 'invalid', name);
    const root = tempDir();
    const out = path.join(root, 'dist');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), 'previous build');
    markOutput(out); // as a build leaves it
    const before = snapshotTree(out);
    const r = runCli(['build', '--input', input, '--out', out]);
    expect(r.code).toBe(1);
    const expected = readFileSync(path.join(input, 'errors.expected'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => `${path.relative(process.cwd(), input)}/${l.replaceAll('DIR/', `${path.relative(process.cwd(), input)}/`)}`);
    const lines = r.stderr.trim().split('\n');
    expect(lines.slice(0, -2).sort()).toEqual(expected.sort());
    expect(lines.at(-1)).toBe(`build failed: ${out}/ left unchanged`);
    expect(snapshotTree(out)).toEqual(before);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('reports every bad file of every case in one run', () => {
    const input = path.join(tempDir(), 'all');
    cpSync(path.join(fixtures, 'invalid'), input, { recursive: true });
    const r = runCli(['build', '--input', input, '--out', path.join(tempDir(), 'dist')]);
    expect(r.code).toBe(1);
    const expectedCount = cases
      .map((c) => readFileSync(path.join(fixtures, 'invalid', c, 'errors.expected'), 'utf8').trim().split('\n').length)
      .reduce((a, b) => a + b, 0);
    expect(r.stderr).toContain(`${expectedCount} errors in ${expectedCount} files`);
  });

  it('does not follow a symbolic link out of the input folder', () => {
    const root = tempDir();
    const input = path.join(root, 'in');
    mkdirSync(input);
    writeFileSync(path.join(root, 'secret.txt'), ' date 2025-01-01 Secret text outside the input folder.');
    symlinkSync(path.join(root, 'secret.txt'), path.join(input, 'link.txt'));
    const r = runCli(['build', '--input', input, '--out', path.join(root, 'dist')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${input}/link.txt: symbolic link points outside the input folder; it is not read`);
  });

  it('reports a bad config with every wrong key', () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'c.json'), '{\n  "titel": "x",\n  "pageSize": -1\n}\n');
    const r = runCli(['build', '--input', path.join(fixtures, 'basic'), '--out', path.join(root, 'dist'), '--config', path.join(root, 'c.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('c.json:2: unknown setting "titel": did you mean "title"?');
    expect(r.stderr).toContain('c.json:3: pageSize must be a whole number from 1 to 1000');
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('exits 2 on a bad --base-url, a bad flag value, for build and check', () => {
    for (const command of ['build', 'check']) {
      const r = runCli([command, '--input', path.join(fixtures, 'basic'), '--out', path.join(tempDir(), 'dist'), '--base-url', 'notaurl'].filter((a, i, all) => command === 'build' || (a !== '--out' && all[i - 1] !== '--out')));
      expect(r.code, command).toBe(2);
      expect(r.stderr, command).toContain('--base-url: "notaurl" is not an absolute URL');
    }
  });

  it('reports the articles\' errors in the same run as a bad config\'s', () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'c.json'), '{\n  "pageSize": 0\n}\n');
    const input = path.join(root, 'in');
    mkdirSync(input);
    writeFileSync(path.join(input, 'bad.md'), '---\ntitle: Bad\ndate: 2025-02-30\n---\n\nText.\n');
    const r = runCli(['build', '--input', input, '--out', path.join(root, 'dist'), '--config', path.join(root, 'c.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('c.json:2: pageSize must be a whole number from 1 to 1000');
    expect(r.stderr).toContain('bad.md:3: date "2025-02-30" is not a real calendar date');
    expect(r.stderr).toContain('2 errors in 2 files');
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });
});
