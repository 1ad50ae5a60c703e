/**
 * Every page kind passes the W3C Nu HTML Checker (vnu-jar, run with Java) with zero errors, and
 * every internal link, image and asset resolves, at the root and under a sub-path base URL.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { brokenLinks, fixtures, listTree, runCli, tempDir } from '../helpers.js';

const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  url?: string;
  message: string;
  lastLine?: number;
}

describe('HTML validity and links', () => {
  let root: string;
  const sites = [
    { name: 'basic', base: 'https://example.org/', basePath: '/' },
    { name: 'hostile', base: 'https://example.github.io/archive/', basePath: '/archive/' },
  ];
  beforeAll(() => {
    root = tempDir();
    const hostileInput = path.join(root, 'hostile-in');
    mkdirSync(hostileInput);
    cpSync(path.join(fixtures, 'hostile/published'), hostileInput, { recursive: true });
    // An article with aliases, so redirect pages are validated and crawled too, under the sub-path.
    writeFileSync(path.join(hostileInput, 'moved.md'), '---\ntitle: Moved here\ndate: 2025-07-04\naliases: [/2025/07/04/old-name/, /news/moved.html]\n---\n\nBody.\n');
    // GitHub-flavoured Markdown: an aligned table, strikethrough, a task list, a bare link and a footnote.
    writeFileSync(
      path.join(hostileInput, 'results.md'),
      '---\ntitle: Results\ndate: 2025-07-05\n---\n\nFull results at www.example.org.\n\n| Candidate | Votes | Share |\n| :--- | ---: | :---: |\n| Ana Silva | 12,345 | 52% |\n\nThe ~~first~~ final count[^c] is in.\n\n- [x] counted\n- [ ] certified\n\n[^c]: Certified on July 6.\n',
    );
    for (const site of sites) {
      const input = site.name === 'basic' ? path.join(fixtures, 'basic') : hostileInput;
      const r = runCli(['build', '--input', input, '--out', path.join(root, site.name), '--config', path.join(fixtures, 'basic.config.json'), '--base-url', site.base]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('every page of both sites passes the Nu HTML Checker with zero errors', () => {
    const pages = sites.flatMap((s) => listTree(path.join(root, s.name)).filter((f) => f.endsWith('.html')).map((f) => path.join(root, s.name, f)));
    // Every page kind is among them.
    for (const kind of ['index.html', 'archive/index.html', '2025/index.html', '2025/07/index.html', '2025/07/04/index.html', '404.html']) {
      expect(pages).toContain(path.join(root, 'basic', kind));
    }
    expect(pages).toContain(path.join(root, 'hostile', '2025/07/04/old-name/index.html'));
    expect(pages.length).toBeGreaterThan(40);
    // One Java run over every page; JSON on stdout, whatever it finds.
    const result = execFileSync('java', ['-jar', vnuJar, '--format', 'json', '--exit-zero-always', '--stdout', ...pages], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const messages = (JSON.parse(result) as { messages: VnuMessage[] }).messages;
    const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error').map((m) => `${m.url}:${m.lastLine}: ${m.message}`);
    expect(errors).toEqual([]);
  });

  it('every internal link, image and asset resolves, at the root and under a sub-path', () => {
    for (const site of sites) expect(brokenLinks(path.join(root, site.name), site.basePath), site.name).toEqual([]);
  });
});
