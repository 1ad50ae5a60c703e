import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveSite } from '../browser.js';
import { fixtures, runCli, tempDir } from '../helpers.js';

/**
 * Content a narrow screen cannot fit as it is (tests/fixtures/long-words): a German headline and tag
 * with 64-letter words, code lines and a bare URL 130 characters long. No page may scroll sideways on
 * a 360 px phone: long words wrap, code scrolls inside its own box.
 */

// Functions given to page.evaluate run in the browser; the project has no DOM types.
declare const document: { documentElement: { scrollWidth: number } };

const WIDTH = 360;
let browser: Browser;
let site: { origin: string; close: () => Promise<void> };

beforeAll(async () => {
  const dist = path.join(tempDir(), 'dist');
  const r = runCli(['build', '--input', path.join(fixtures, 'long-words'), '--out', dist, '--no-cache']);
  if (r.code !== 0) throw new Error(`build failed: ${r.stderr}`);
  site = await serveSite(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('a phone 360 px wide', () => {
  it('never scrolls sideways, whatever the words and code in the articles', async () => {
    const pages = [
      '/',
      '/2025/03/14/bundestag-beschliesst-das/',
      '/2025/03/15/the-ministry-published-its-findings-at-https-www-example-org/',
      '/2025/03/14/',
      '/2025/03/',
      '/topics/',
      '/topics/rindfleischetikettierungsueberwachungsaufgabenuebertragungsg/',
      '/on-this-day/03-14/',
      '/search/?q=Rindfleischetikettierungs%C3%BCberwachungsaufgaben%C3%BCbertragungsgesetz',
    ];
    const ctx = await browser.newContext({ viewport: { width: WIDTH, height: 800 } });
    const overflowing: string[] = [];
    for (const sitePath of pages) {
      const page = await ctx.newPage();
      const response = await page.goto(site.origin + sitePath);
      expect(response?.status(), sitePath).toBe(200);
      if (sitePath.startsWith('/search/')) await page.locator('.pagefind-ui__result-link').first().waitFor();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > WIDTH) overflowing.push(`${sitePath} is ${scrollWidth}px wide`);
      await page.close();
    }
    await ctx.close();
    expect(overflowing).toEqual([]);
  });
});
