import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, repoRoot, tempDir } from '../helpers.js';

const MARCH_5 = String(Date.UTC(2025, 2, 5, 12) / 1000);
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WAIT = 30_000;

function article(date: string, body: string): string {
  return `---\ntitle: Council opens the new bridge\ndate: ${date}\n---\n\n${body}\n`;
}

async function until<T>(what: string, probe: () => T | undefined, timeout = WAIT): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Opens `url` and waits for the page's reload client to be connected: a rebuild's reload message
 * sent before it connects never reaches the page (under load, the edit right after \`goto\` came first).
 */
async function openLive(page: Page, url: string): Promise<void> {
  const connected = new Promise<void>((resolve) => {
    page.on('websocket', (ws) => ws.on('framereceived', (frame) => (String(frame.payload).includes('"connected"') ? resolve() : undefined)));
  });
  await page.goto(url);
  await Promise.race([connected, new Promise((_, reject) => setTimeout(() => reject(new Error(`the reload client of ${url} did not connect`)), WAIT))]);
  page.removeAllListeners('websocket');
}

describe('news-archive dev (in headless Chromium)', () => {
  let root: string;
  let child: ChildProcess;
  let output = '';
  let browser: Browser;
  let page: Page;
  let siteUrl: string;
  const source = () => path.join(root, 'seeds/published.md');

  beforeAll(async () => {
    root = tempDir();
    cpSync(path.join(fixtures, 'publishing'), path.join(root, 'seeds'), { recursive: true });
    // A sub-path base URL: the dev server must serve the site under it.
    writeFileSync(path.join(root, 'archive.config.json'), JSON.stringify({ title: 'Dev Test', baseUrl: 'https://example.org/news/' }));
    child = spawn(process.execPath, [path.join(repoRoot, 'bin/news-archive.js'), 'dev', '--port', '0', '--out', path.join(root, 'preview')], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: MARCH_5 },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    siteUrl = await until('the dev server to start', () => /Serving (http:\/\/localhost:\d+\/news\/)/.exec(output)?.[1], 60_000);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('serves the site under the base path, drafts included and marked', async () => {
    await page.goto(`${siteUrl}2025/03/02/budget-vote-draft/`);
    await expect(page.locator('.draft-banner').textContent()).resolves.toContain('Draft');
    await page.goto(siteUrl);
    await expect(page.locator('.draft-label').count()).resolves.toBe(1);
    // The folder is marked as a build's (output-marker.ts), so a later build or dev session may replace it.
    expect(readdirSync(path.join(root, 'preview'))).toContain('.news-archive');
  });

  it('shows an edited article on the open page without a manual reload, re-parsing only that file', async () => {
    await openLive(page, `${siteUrl}2025/03/01/council-opens-the-new-bridge/`);
    await expect(page.locator('.article-body').textContent()).resolves.toContain('The council opened the new bridge on Saturday.');
    const before = output.length;
    writeFileSync(source(), article('2025-03-01', 'The council reopened the bridge after overnight repairs.'));
    await page.getByText('The council reopened the bridge after overnight repairs.').waitFor({ timeout: WAIT });
    await until('the rebuild report', () => (/parsed 1 of 4 files/.test(output.slice(before)) ? true : undefined));
  });

  it('shows a broken file as an overlay and in the terminal, and recovers when it is fixed', async () => {
    const message = 'seeds/published.md:3: date "2025-02-30" is not a real calendar date';
    writeFileSync(source(), article('2025-02-30', 'This version has an impossible date.'));
    const overlay = page.locator('#news-archive-error-overlay');
    await overlay.waitFor({ state: 'visible', timeout: WAIT });
    await expect(overlay.textContent()).resolves.toContain(message);
    expect(output).toContain(message);
    // The server is alive and still serves the last good build.
    const response = await page.request.get(`${siteUrl}2025/03/01/council-opens-the-new-bridge/`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('overnight repairs');

    writeFileSync(source(), article('2025-03-01', 'Fixed: the bridge opened on time.'));
    await overlay.waitFor({ state: 'detached', timeout: WAIT });
    await page.getByText('Fixed: the bridge opened on time.').waitFor({ timeout: WAIT });
  });

  it('shows the overlay on a page opened while the build is broken', async () => {
    writeFileSync(path.join(root, 'seeds/broken.md'), '---js\n{ title: "x" }\n---\n');
    await until('the failed build', () => (output.includes('seeds/broken.md:1: front matter must be YAML') ? true : undefined));
    const fresh = await browser.newPage();
    await fresh.goto(siteUrl);
    await fresh.locator('#news-archive-error-overlay').waitFor({ state: 'visible', timeout: WAIT });
    await expect(fresh.locator('#news-archive-error-overlay').textContent()).resolves.toContain('seeds/broken.md:1: front matter must be YAML');
    await fresh.close();
  });

  it('takes a deleted article off the open page by itself, without an error in the terminal', async () => {
    const fixing = output.length;
    rmSync(path.join(root, 'seeds/broken.md'));
    // The rebuild without the broken file reloads every open page: a page of its own opens after it.
    await until('the rebuild without the broken file', () => (/parsed \d+ of \d+ files/.test(output.slice(fixing)) ? true : undefined));
    const home = await browser.newPage();
    await openLive(home, siteUrl);
    const extra = path.join(root, 'seeds/extra.md');
    writeFileSync(extra, '---\ntitle: Ferry timetable changes\ndate: 2025-03-03\n---\n\nThe winter timetable starts in October.\n');
    await home.getByText('Ferry timetable changes').first().waitFor({ timeout: WAIT });
    const before = output.length;
    rmSync(extra);
    await home.getByText('Ferry timetable changes').first().waitFor({ state: 'detached', timeout: WAIT });
    await home.close();
    expect(output.slice(before)).not.toContain('Error');
  });
});

describe('news-archive dev without --out', () => {
  /** Starts a preview of `input` from `cwd`, returns the folder it says it writes to, and stops it. */
  async function previewFolder(cwd: string, input: string): Promise<string> {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/news-archive.js'), 'dev', '--port', '0', '--input', input], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    try {
      return await until('the dev server to start', () => /\(drafts included; (.+?); Ctrl\+C to stop\)/.exec(output)?.[1], 60_000);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }

  it('gives two archives previewed from one folder a temporary folder each', async () => {
    const root = tempDir();
    cpSync(path.join(fixtures, 'publishing'), path.join(root, 'a'), { recursive: true });
    cpSync(path.join(fixtures, 'basic'), path.join(root, 'b'), { recursive: true });
    const [a, b, again] = [await previewFolder(root, 'a'), await previewFolder(root, 'b'), await previewFolder(root, 'a')];
    expect(a).not.toBe(b);
    expect(again).toBe(a);
    expect(path.dirname(a)).toBe(os.tmpdir());
  });
});
