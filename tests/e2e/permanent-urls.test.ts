/**
 * Permanent URLs through the real command line: `published-urls.txt` beside the input folder is
 * started, appended to, checked, never written by `check`, and a build that would drop a listed
 * URL fails with the fix, leaving dist/ and the list as they were.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_HEADER } from '../../src/model/published-urls.js';
import { fixtures, runCli, scriptHazards, snapshotTree, tempDir } from '../helpers.js';

const CONFIG = path.join(fixtures, 'basic.config.json');

/** An archive laid out as a user's: seeds/ with the given articles; commands run in its folder. */
function archive(articles: Record<string, string>): { root: string; list: string; write: (name: string, text: string) => void } {
  const root = tempDir();
  mkdirSync(path.join(root, 'seeds'));
  const write = (name: string, text: string) => writeFileSync(path.join(root, 'seeds', name), text);
  for (const [name, text] of Object.entries(articles)) write(name, text);
  return { root, list: path.join(root, 'published-urls.txt'), write };
}

function run(root: string, command: 'build' | 'check', ...flags: string[]) {
  const extra = command === 'build' ? ['--no-search', '--no-cache'] : [];
  return runCli([command, '--config', CONFIG, ...extra, ...flags], { cwd: root });
}

const md = (title: string, date: string, extra = '') => `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n\nThe body of ${title}.\n`;
const list = (...lines: string[]) => `${[...PUBLISHED_HEADER, ...lines].join('\n')}\n`;

describe('published-urls.txt (end to end)', () => {
  it('is not kept unless it exists or --published names it; --published starts it; later builds append new URLs', () => {
    const a = archive({ 'fireworks.md': md('Fireworks return', '2025-07-04'), 'vote.md': md('Library vote', '2024-11-05') });
    expect(run(a.root, 'build').code).toBe(0);
    expect(existsSync(a.list)).toBe(false);

    const first = run(a.root, 'build', '--published', 'published-urls.txt');
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Recorded 2 new URLs in published-urls.txt\n');
    expect(readFileSync(a.list, 'utf8')).toBe(list('/2024/11/05/library-vote/\tvote.md', '/2025/07/04/fireworks-return/\tfireworks.md'));

    a.write('strike.md', md('Rail strike', '2025-08-01'));
    a.write('draft.md', md('Budget draft', '2025-08-02', 'draft: true\n'));
    const second = run(a.root, 'build');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Recorded 1 new URL in published-urls.txt\n');
    // Drafts are not published, so not listed.
    expect(readFileSync(a.list, 'utf8')).toBe(
      list('/2024/11/05/library-vote/\tvote.md', '/2025/07/04/fireworks-return/\tfireworks.md', '/2025/08/01/rail-strike/\tstrike.md'),
    );

    // A preview with drafts publishes nothing for good: the list stays as it was.
    const preview = run(a.root, 'build', '--drafts');
    expect(preview.code).toBe(0);
    expect(readFileSync(a.list, 'utf8')).not.toContain('budget-draft');
    // An unchanged archive leaves the file untouched and says nothing about it.
    expect(run(a.root, 'build').stdout).not.toContain('published-urls.txt');
  });

  it('fails a build that would drop a listed URL, naming it and the fix, and leaves dist/ and the list unchanged', () => {
    const a = archive({ 'fireworks.md': md('Fireworks return', '2025-07-04'), 'vote.md': md('Library vote', '2024-11-05') });
    expect(run(a.root, 'build', '--published', 'published-urls.txt').code).toBe(0);
    const dist = snapshotTree(path.join(a.root, 'dist'));
    const before = readFileSync(a.list, 'utf8');

    rmSync(path.join(a.root, 'seeds/fireworks.md'));
    const r = run(a.root, 'build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'published-urls.txt:7: published URL /2025/07/04/fireworks-return/ would disappear (its article fireworks.md is gone); restore the article, or add "aliases: [/2025/07/04/fireworks-return/]" to the front matter of the article that replaces it, or delete this line to drop the URL on purpose',
    );
    expect(r.stderr).toContain('dist/ left unchanged');
    expect(snapshotTree(path.join(a.root, 'dist'))).toEqual(dist);
    expect(readFileSync(a.list, 'utf8')).toBe(before);

    // `check` reports the same and writes nothing.
    const check = run(a.root, 'check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('published-urls.txt:7: published URL /2025/07/04/fireworks-return/ would disappear');
    expect(readFileSync(a.list, 'utf8')).toBe(before);

    // Deleting the line is the deliberate way to drop a URL.
    writeFileSync(a.list, before.replace('/2025/07/04/fireworks-return/\tfireworks.md\n', ''));
    expect(run(a.root, 'build').code).toBe(0);
  });

  it('check never writes the list, even when there are new URLs to record', () => {
    const a = archive({ 'vote.md': md('Library vote', '2024-11-05') });
    writeFileSync(a.list, list());
    a.write('strike.md', md('Rail strike', '2025-08-01'));
    const r = run(a.root, 'check');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(a.list, 'utf8')).toBe(list());
  });

  it('a retitled article fails with the exact front-matter line that keeps its URL, and the build passes once it is added', () => {
    const a = archive({ 'fireworks.md': md('Fireworks return', '2025-07-04'), 'heat.txt': ' date 2025-07-12 Athens — Authorities closed the Acropolis. More follows.\n' });
    expect(run(a.root, 'build', '--published', 'published-urls.txt').code).toBe(0);
    a.write('fireworks.md', md('Fireworks are back on the river', '2025-07-04'));
    a.write('heat.txt', ' date 2025-07-12 Athens — The Acropolis was closed. More follows.\n');
    const r = run(a.root, 'build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'seeds/fireworks.md: its published URL /2025/07/04/fireworks-return/ (published-urls.txt:6) would change to /2025/07/04/fireworks-are-back-on-the-river/; to keep it, add this line to the front matter: "slug: fireworks-return" (or "aliases: [/2025/07/04/fireworks-return/]" to redirect the old URL to the new one)',
    );
    expect(r.stderr).toContain(
      'seeds/heat.txt: its published URL /2025/07/12/authorities-closed-the-acropolis/ (published-urls.txt:7) would change to /2025/07/12/the-acropolis-was-closed/; a seed (.txt) file cannot set its slug: restore its first sentence, or make it a Markdown (.md) article with "slug: authorities-closed-the-acropolis" in its front matter',
    );

    a.write('fireworks.md', md('Fireworks are back on the river', '2025-07-04', 'slug: fireworks-return\n'));
    a.write('heat.txt', ' date 2025-07-12 Athens — Authorities closed the Acropolis. More follows.\n');
    const fixed = run(a.root, 'build');
    expect(fixed.stderr).toBe('');
    expect(fixed.code).toBe(0);
    expect(readFileSync(path.join(a.root, 'dist/2025/07/04/fireworks-return/index.html'), 'utf8')).toContain('Fireworks are back on the river');
  });

  it('an alias keeps the old URL as a redirect page and a _redirects line, under a sub-path base URL', () => {
    const a = archive({ 'fireworks.md': md('Fireworks return', '2025-07-04') });
    const base = ['--base-url', 'https://example.org/archive/'];
    expect(run(a.root, 'build', '--published', 'published-urls.txt', ...base).code).toBe(0);
    a.write('fireworks.md', md('Fireworks on the river', '2025-07-04', 'aliases: [/2025/07/04/fireworks-return/, /news/fireworks.html]\n'));
    const r = run(a.root, 'build', ...base);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);

    const dist = path.join(a.root, 'dist');
    const page = readFileSync(path.join(dist, '2025/07/04/fireworks-return/index.html'), 'utf8');
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/archive/2025/07/04/fireworks-on-the-river/">');
    expect(page).toContain('<link rel="canonical" href="https://example.org/archive/2025/07/04/fireworks-on-the-river/">');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain('<a href="/archive/2025/07/04/fireworks-on-the-river/">Fireworks on the river</a>');
    expect(page).not.toContain('<script');
    expect(scriptHazards(page)).toEqual([]);
    expect(readFileSync(path.join(dist, 'news/fireworks.html'), 'utf8')).toContain('url=/archive/2025/07/04/fireworks-on-the-river/');
    expect(readFileSync(path.join(dist, '_redirects'), 'utf8')).toBe(
      '/archive/2025/07/04/fireworks-return/ /archive/2025/07/04/fireworks-on-the-river/ 301\n/archive/news/fireworks.html /archive/2025/07/04/fireworks-on-the-river/ 301\n',
    );
    // Redirect pages are not in the sitemap; the new URL joins the list and the old one stays.
    expect(readFileSync(path.join(dist, 'sitemap.xml'), 'utf8')).not.toContain('fireworks-return');
    expect(readFileSync(a.list, 'utf8')).toBe(
      list('/2025/07/04/fireworks-on-the-river/\tfireworks.md', '/2025/07/04/fireworks-return/\tfireworks.md'),
    );
  });

  it('reports a malformed list line with its line number', () => {
    const a = archive({ 'vote.md': md('Library vote', '2024-11-05') });
    writeFileSync(a.list, list('2024/11/05/library-vote/\tvote.md'));
    const r = run(a.root, 'build');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('published-urls.txt:6: expected a site-relative URL path such as /2025/07/04/slug/');
  });
});
