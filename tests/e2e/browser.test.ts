import axe from 'axe-core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, runCli, tempDir } from '../helpers.js';

/**
 * The built site in real headless Chromium, served under a sub-path (`/news/`) as on GitHub Pages.
 * One browser for the whole file; each check opens its own pages.
 */

// Functions given to page.evaluate run in the browser. The project has no DOM types (src/ must not
// use them), so this file names the few browser globals it touches.
declare const document: {
  querySelector(selector: string): { textContent: string | null } | null;
  querySelectorAll(selector: string): { length: number };
  documentElement: { scrollWidth: number };
};
declare const window: { __pwned?: string; axe: typeof axe };

const BASE = '/news/';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** One URL per page kind (site-relative). Add a line here for a new page kind and every check below covers it. */
const PAGE_KINDS: Record<string, string> = {
  home: '/',
  archive: '/archive/',
  year: '/2025/',
  month: '/2025/07/',
  day: '/2025/07/04/',
  article: '/2025/07/04/storm-closes-the-port/',
  search: '/search/?q=Ushakov',
  topics: '/topics/',
  topic: '/topics/weather/',
  'on-this-day': '/on-this-day/07-04/',
  corrections: '/corrections/',
  'not found': '/404.html',
};
/** Pages photographed at phone and desktop widths (written to SCREENSHOT_DIR or a temp folder). */
const SCREENSHOT_KINDS = ['home', 'article', 'search'];
const WIDTHS = [390, 1280];

const SEED_TITLE = 'Russian President Vladimir Putin reaffirmed his country’s';

let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
/** Everything that went wrong in any page this file opened: console errors, script errors, failed requests. */
const problems: string[] = [];

function watch(page: Page): Page {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${page.url()}: console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${page.url()}: script error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A navigation cancels the requests of the page it leaves (the favicon, say): that is not a broken
    // resource, and a missing one still shows up below as an HTTP error status.
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`${page.url()}: request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${page.url()}: HTTP ${r.status()} for ${r.url()}`);
  });
  return page;
}

async function open(sitePath: string, ctx: BrowserContext = context): Promise<Page> {
  const page = watch(await ctx.newPage());
  await page.goto(url(sitePath), { waitUntil: 'load' });
  if (sitePath.startsWith('/search/?q=')) await searchSettled(page);
  return page;
}

function url(sitePath: string): string {
  return origin + BASE + sitePath.replace(/^\//, '');
}

/**
 * Pagefind's UI searches after a debounce, says how many results it found, then loads each shown
 * result (five at first). Wait until it has said so for `term` and shown them all.
 */
async function searchSettled(page: Page, term = new URL(page.url()).searchParams.get('q') ?? ''): Promise<void> {
  await page.waitForFunction((t) => {
    const m = /^(\d+|No) results? for (.*)$/.exec(document.querySelector('.pagefind-ui__message')?.textContent?.trim() ?? '');
    if (!m || m[2] !== t) return false;
    const found = m[1] === 'No' ? 0 : Number(m[1]);
    return document.querySelectorAll('.pagefind-ui__result-link').length === Math.min(found, 5);
  }, term);
}

const resultLinks = (page: Page) => page.locator('.pagefind-ui__result-link');

beforeAll(async () => {
  const dist = path.join(tempDir(), 'dist');
  const r = runCli(['build', '--input', path.join(fixtures, 'basic'), '--out', dist, '--base-url', `https://example.org${BASE}`]);
  if (r.code !== 0) throw new Error(`build failed: ${r.stderr}`);
  const files = sirv(dist, { dev: true });
  server = createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404;
      res.end('not found');
    };
    if (!req.url?.startsWith(BASE)) return notFound();
    req.url = req.url.slice(BASE.length - 1);
    files(req, res, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the site in a real browser', () => {
  it('follows home → article → its day and its year through links', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: SEED_TITLE }).first().click();
    await page.waitForURL(url('/2025/07/04/russian-president-vladimir-putin-reaffirmed-his-countrys/'));
    await expect(page.locator('h1').textContent()).resolves.toContain('Russian President Vladimir Putin');

    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await crumbs.getByRole('link', { name: '4', exact: true }).click();
    await page.waitForURL(url('/2025/07/04/'));
    await expect(page.locator('h1').textContent()).resolves.toBe('July 4, 2025');
    await expect(page.getByRole('link', { name: SEED_TITLE }).count()).resolves.toBe(1);

    await page.goBack();
    await crumbs.getByRole('link', { name: '2025', exact: true }).click();
    await page.waitForURL(url('/2025/'));
    await expect(page.locator('h1').textContent()).resolves.toBe('2025');
  });

  it('follows an article to its topic, its on-this-day page and back through the year calendar', async () => {
    const page = await open('/2025/07/04/russian-president-vladimir-putin-reaffirmed-his-countrys/');
    await page.locator('.article-footer').getByRole('link', { name: 'Vladimir Putin', exact: true }).click();
    await page.waitForURL(url('/topics/vladimir-putin/'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Vladimir Putin');
    await page.getByRole('link', { name: SEED_TITLE }).click();
    await page.waitForURL(url('/2025/07/04/russian-president-vladimir-putin-reaffirmed-his-countrys/'));

    // Every July 4 of the fixture is in 2025, so the article has no link to other years; its day page
    // links the calendar day in every year all the same.
    await expect(page.getByRole('link', { name: /in other years/ }).count()).resolves.toBe(0);
    await page.goto(url('/2025/07/04/'));
    await page.getByRole('link', { name: 'July 4 in every year' }).click();
    await page.waitForURL(url('/on-this-day/07-04/'));
    await expect(page.locator('h1').textContent()).resolves.toBe('On this day: July 4');
    await expect(page.getByRole('link', { name: SEED_TITLE }).count()).resolves.toBe(1);

    // The year calendar: a day with articles is a link, a day without is plain text.
    const year = await open('/2025/');
    const july = year.locator('table.month-grid').filter({ has: year.locator('caption', { hasText: 'July' }) });
    await expect(july.getByRole('link', { name: 'July 5: 1 article' }).count()).resolves.toBe(0);
    await july.getByRole('link', { name: 'July 4: 3 articles' }).click();
    await year.waitForURL(url('/2025/07/04/'));
  });

  it('finds the seed article by a word of its text, from the search page and from the header box', async () => {
    const page = await open('/search/');
    await page.getByRole('textbox', { name: 'Search' }).fill('Ushakov');
    await searchSettled(page, 'Ushakov');
    await expect(resultLinks(page).allTextContents()).resolves.toEqual([expect.stringContaining('Russian President Vladimir Putin')]);
    const result = resultLinks(page).first();
    // Result links carry the sub-path, and lead to the article.
    await result.click();
    await page.waitForURL((u) => u.pathname === `${BASE}2025/07/04/russian-president-vladimir-putin-reaffirmed-his-countrys/`);

    const home = await open('/');
    await home.getByRole('searchbox', { name: 'Search the archive' }).fill('Ushakov');
    await home.getByRole('button', { name: 'Search' }).click();
    await home.waitForURL((u) => u.pathname === `${BASE}search/` && u.searchParams.get('q') === 'Ushakov');
    await searchSettled(home);
    await expect(resultLinks(home).allTextContents()).resolves.toEqual([expect.stringContaining('Russian President')]);
  });

  it("finds an article by its author's name, and none by the words every article page shows around it", async () => {
    // The storm report's only "report…" word is its author's name (A. Reporter); Pagefind's stemming
    // also finds the articles that say "reported".
    const page = await open('/search/?q=Reporter');
    await searchSettled(page);
    await expect(resultLinks(page).allTextContents()).resolves.toContain('Storm closes the port');
    // No fixture article has "read" (or a word it begins) in its text: "· 1 min read" is the page's own.
    await page.goto(url('/search/?q=read'));
    await searchSettled(page, 'read');
    await expect(page.locator('.pagefind-ui__message').textContent()).resolves.toBe('No results for read');
    // Two articles were updated, and say so above their text; that line is not what a search finds.
    await page.goto(url('/search/?q=updated'));
    await searchSettled(page, 'updated');
    const found = await resultLinks(page).allTextContents();
    expect(found).not.toContain('A headline that the editor shortened');
    expect(found).not.toContain('Storm closes the port');
  });

  it('offers year and topic filters, and narrows results by them', async () => {
    // "harbour" is in the 2019 fireworks report and in a 2025 storm report's correction.
    // They sit in different search shards (2019 is the first, 2025 is merged in), so this also proves the merge.
    const page = await open('/search/?q=harbour');
    // Polled: Pagefind's UI fills results in asynchronously, one by one.
    await expect.poll(() => resultLinks(page).allTextContents().then((t) => t.sort())).toEqual(['Fireworks lit up the harbour at midnight', 'Storm closes the port']);
    const filters = page.locator('.pagefind-ui__filter-panel');
    await expect.poll(() => filters.locator('summary').allTextContents()).toEqual(['Topic', 'Year']);
    await filters.locator('summary', { hasText: 'Year' }).click();
    await filters.getByLabel(/^2019/).check();
    await expect.poll(() => page.locator('.pagefind-ui__message').textContent()).toBe('1 result for harbour');
    await searchSettled(page);
    await expect.poll(() => resultLinks(page).allTextContents()).toEqual(['Fireworks lit up the harbour at midnight']);
    await filters.getByLabel(/^2019/).uncheck();
    await expect.poll(() => page.locator('.pagefind-ui__message').textContent()).toBe('2 results for harbour');
    await filters.locator('summary', { hasText: 'Topic' }).click();
    await filters.getByLabel(/^Shipping/).check();
    await expect.poll(() => page.locator('.pagefind-ui__message').textContent()).toBe('1 result for harbour');
    await searchSettled(page);
    await expect.poll(() => resultLinks(page).allTextContents()).toEqual(['Storm closes the port']);
  });

  it('never runs script from hostile content, in pages or in search results', async () => {
    const pwned = (p: Page) => p.evaluate(() => window.__pwned);
    const page = await open('/search/?q=Hostile');
    // Pagefind's filter labels are HTML: the tag `<img src=x onerror=…>` would run here if it reached them as it is.
    await page.locator('.pagefind-ui__filter-name', { hasText: 'Topic' }).click();
    await expect(page.getByLabel(/onerror/).count()).resolves.toBe(1);
    await expect(pwned(page)).resolves.toBeUndefined();
    const result = resultLinks(page).filter({ hasText: 'Hostile' });
    await expect(result.textContent()).resolves.toBe("<script>window.__pwned = 'title'</script> Hostile <b>headline</b>");
    await result.click();
    await page.waitForURL((u) => u.pathname.startsWith(`${BASE}2025/06/01/`));
    await expect(pwned(page)).resolves.toBeUndefined();
  });

  it('has no broken internal link on any page reachable from the home page', async () => {
    const seen = new Set<string>([url('/')]);
    const queue = [url('/')];
    const broken: string[] = [];
    while (queue.length > 0) {
      const current = queue.shift()!;
      const res = await fetch(current);
      if (!res.ok) {
        broken.push(`${current}: HTTP ${res.status}`);
        continue;
      }
      if (!res.headers.get('content-type')?.includes('text/html')) continue;
      for (const m of (await res.text()).matchAll(/\s(?:href|src|action)="([^"#]+)/g)) {
        const target = new URL(m[1]!.replaceAll('&amp;', '&'), current);
        target.search = '';
        if (target.origin !== origin || seen.has(target.href)) continue;
        seen.add(target.href);
        queue.push(target.href);
      }
    }
    expect(broken).toEqual([]);
    // Reached: every page kind (but 404.html, which nothing links to), the assets and the search bundle.
    for (const [kind, sitePath] of Object.entries(PAGE_KINDS)) {
      if (kind !== 'not found') expect(seen).toContain(url(sitePath.split('?')[0]!));
    }
    expect(seen).toContain(url('/pagefind/pagefind-ui.js'));
  });

  describe.each(['light', 'dark'] as const)('accessibility (%s scheme)', (colorScheme) => {
    it.each(Object.entries(PAGE_KINDS))('%s page has no axe-core violations', async (_kind, sitePath) => {
      const ctx = await browser.newContext({ colorScheme });
      const page = await open(sitePath, ctx);
      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run();
        return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      await ctx.close();
      expect(violations).toEqual([]);
    });
  });

  it('fits phone and desktop widths without sideways scrolling, and screenshots them', async () => {
    const dir = process.env['SCREENSHOT_DIR'] ?? tempDir('news-archive-shots-');
    const overflowing: string[] = [];
    for (const width of WIDTHS) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } });
      for (const kind of SCREENSHOT_KINDS) {
        const page = await open(PAGE_KINDS[kind]!, ctx);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) overflowing.push(`${kind} at ${width}px is ${scrollWidth}px wide`);
        await page.screenshot({ path: path.join(dir, `${kind}-${width}.png`), fullPage: true });
      }
      await ctx.close();
    }
    expect(overflowing).toEqual([]);
  });

  // Last, so it covers every page every check above opened.
  it('saw no console error, script error or failed request on any page', () => {
    expect(problems).toEqual([]);
  });
});
