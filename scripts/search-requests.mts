// What one search costs a reader: the requests (and bytes) under /pagefind/ that the search page makes
// when it opens, and then for a search typed into it, in the machine's headless Chromium:
//   npx tsx scripts/search-requests.mts dist harbour [more words…]
// The site is served at the root of a local server, so build it with the default base URL.
import path from 'node:path';
import type { Response } from 'playwright-core';
import { launchChromium, serveSite } from '../tests/browser.js';

const [dir, ...words] = process.argv.slice(2);
if (!dir || words.length === 0) throw new Error('usage: search-requests.mts <site folder> <word> [word…]');
const site = await serveSite(path.resolve(dir));
const browser = await launchChromium();
try {
  for (const word of words) {
    const page = await browser.newPage();
    let requests = 0;
    let bytes = 0;
    const pending: Promise<void>[] = [];
    page.on('response', (r: Response) => {
      if (!new URL(r.url()).pathname.startsWith('/pagefind/')) return;
      requests++;
      pending.push(r.body().then((b) => void (bytes += b.length), () => undefined));
    });
    await page.goto(`${site.origin}/search/`, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    const opening = { requests, bytes };
    requests = bytes = 0;
    pending.length = 0;
    await page.fill('.pagefind-ui__search-input', word);
    await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__result-link').length > 0, undefined, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000); // Pagefind loads each result's fragment as it shows it
    await Promise.all(pending);
    const results = await page.locator('.pagefind-ui__message').textContent();
    console.log(`${word}: opening the page ${opening.requests} requests, ${(opening.bytes / 1024).toFixed(0)} KB; the search ${requests} requests, ${(bytes / 1024).toFixed(0)} KB (${results?.trim()})`);
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
