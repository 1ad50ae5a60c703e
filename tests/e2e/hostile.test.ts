/**
 * The hostile corpus (tests/fixtures/hostile/), built by the real CLI and opened page by page in
 * headless Chromium: no payload runs, nothing lands outside the output folder, and every file is
 * either published or reported.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveDir } from '../browser.js';
import { fixtures, listTree, runCli, scriptHazards, snapshotTree, tempDir } from '../helpers.js';

const corpus = path.join(fixtures, 'hostile');

/** A 5 MB seed article of ordinary paragraphs: made here, not committed. */
function bigArticle(): string {
  const paragraph = `${'The council met on Tuesday and voted to approve the budget, officials said. '.repeat(12)}\n\n`;
  return ` date 2025-06-04 Springfield — ${paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length))}`;
}

describe('hostile corpus', () => {
  let root: string;
  let input: string;
  let out: string;
  let browser: Browser;
  const outside = () => snapshotTree(root);

  beforeAll(async () => {
    root = tempDir();
    input = path.join(root, 'in');
    out = path.join(root, 'dist');
    mkdirSync(input);
    cpSync(path.join(corpus, 'published'), input, { recursive: true });
    cpSync(path.join(corpus, 'rejected'), path.join(input, 'rejected'), { recursive: true });
    writeFileSync(path.join(input, 'big.txt'), bigArticle());
    writeFileSync(path.join(root, 'secret.txt'), ' date 2025-01-01 Secret text outside the input folder.');
    symlinkSync(path.join(root, 'secret.txt'), path.join(input, 'rejected', 'escape.txt'));
    symlinkSync(root, path.join(input, 'rejected', 'escape-dir'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reports every rejected file, each by name, and publishes nothing while any is left', () => {
    const before = outside();
    const r = runCli(['build', '--input', input, '--out', out]);
    expect(r.code).toBe(1);
    // The input is outside the working folder, so messages name it by its absolute path.
    const reported = new Set(r.stderr.split('\n').filter((l) => l.startsWith(input)).map((l) => l.slice(input.length + 1).split(':')[0]));
    expect([...reported].sort()).toEqual([
      'rejected/binary.txt',
      'rejected/escape-dir',
      'rejected/escape.txt',
      'rejected/js-front-matter.md',
      'rejected/latin1.txt',
      'rejected/traversal-slug.md',
      'rejected/yaml-function.md',
    ]);
    expect(r.stderr).toContain('rejected/escape.txt: symbolic link points outside the input folder; it is not read');
    expect(r.stderr).toContain('rejected/traversal-slug.md:4: slug "../../../outside" may only contain a-z, 0-9 and "-"');
    // Nothing written anywhere: no dist/, no staging folder, the secret untouched.
    expect(outside()).toEqual(before);
  });

  it('publishes every other file, and writes only inside the output folder', () => {
    rmSync(path.join(input, 'rejected'), { recursive: true });
    const before = outside();
    const r = runCli(['build', '--input', input, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const after = outside();
    for (const [file, bytes] of before) expect(after.get(file), file).toBe(bytes);
    expect([...after.keys()].filter((f) => !before.has(f) && !f.startsWith('dist/'))).toEqual([]);
    const sources = (JSON.parse(readFileSync(path.join(out, 'articles.json'), 'utf8')) as { source: string }[]).map((a) => path.basename(a.source));
    expect(sources.sort()).toEqual([...readdirSync(input)].sort());
  });

  it('has no script, event handler or javascript:/data: URL in any page', () => {
    const pages = listTree(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expect(scriptHazards(readFileSync(path.join(out, page), 'utf8')), page).toEqual([]);
  });

  it('the detector works: a page whose payload does run is caught', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.setContent(`<img src=x onerror="window.__pwned='control'; alert('control')">`);
    await page.waitForFunction('window.__pwned !== undefined');
    expect(await page.evaluate('window.__pwned')).toBe('control');
    expect(dialogs).toEqual(['control']);
    await page.close();
  });

  it('runs no payload when every page is opened, hovered and clicked in Chromium', async () => {
    const server = await serveDir(out);
    try {
      const context = await browser.newContext();
      const dialogs: string[] = [];
      const errors: string[] = [];
      const pages = listTree(out).filter((f) => f.endsWith('.html'));
      for (const file of pages) {
        const page = await context.newPage();
        page.on('dialog', (d) => {
          dialogs.push(`${file}: ${d.message()}`);
          void d.dismiss();
        });
        page.on('pageerror', (e) => errors.push(`${file}: ${e.message}`));
        await page.goto(`${server.origin}/${file.replace(/index\.html$/, '')}`, { waitUntil: 'load' });
        // Give handlers on every element a chance: hover and click each one that is not a navigation.
        // Navigation is cancelled so the page stays; handlers, if any had survived, still run.
        // (Browser-side code as a string: the project's TypeScript has no DOM types.)
        await page.evaluate(`
          document.addEventListener('click', (e) => e.preventDefault(), true);
          for (const el of document.querySelectorAll('body *')) {
            el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
            if (typeof el.click === 'function') el.click();
          }
        `);
        const pwned = await page.evaluate('window.__pwned');
        expect(pwned, file).toBeUndefined();
        await page.close();
      }
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  });

  it('runs no payload from any feed or sitemap opened in Chromium, and each is well-formed XML', async () => {
    const server = await serveDir(out);
    try {
      const context = await browser.newContext();
      const files = listTree(out).filter((f) => f.endsWith('.xml'));
      expect(files).toEqual(expect.arrayContaining(['feed.xml', 'atom.xml', 'corrections/feed.xml', 'topics/at-and-t/feed.xml']));
      for (const file of files) {
        const page = await context.newPage();
        // Served as application/xml: Chromium runs an XHTML <script> that gets out of a CDATA section.
        await page.goto(`${server.origin}/${file}`, { waitUntil: 'load' });
        expect(await page.evaluate('window.__pwned'), file).toBeUndefined();
        expect(await page.evaluate('document.getElementsByTagName("parsererror").length'), file).toBe(0);
        await page.close();
      }
      await context.close();
    } finally {
      await server.close();
    }
  });

  it('shows the payloads as text', () => {
    const records = JSON.parse(readFileSync(path.join(out, 'articles.json'), 'utf8')) as { source: string; path: string }[];
    const pageOf = (name: string) => readFileSync(path.join(out, records.find((a) => a.source.endsWith(name))!.path, 'index.html'), 'utf8');
    expect(pageOf('seed-script.txt')).toContain('and &lt;img src=x onerror=alert(&#39;seed&#39;)&gt; stay characters.');
    expect(pageOf('front-matter.md')).toContain('<h1>&lt;script&gt;window.__pwned = &#39;title&#39;&lt;/script&gt; Council &lt;/title&gt;');
    expect(pageOf('body-html.md')).toContain("<code>&#x3C;script>window.__pwned = 'inline code is text'&#x3C;/script></code>");
  });
});
