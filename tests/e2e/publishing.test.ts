import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, listTree, runCli, tempDir } from '../helpers.js';

/** 2025-03-05 12:00 UTC, so the fixture's 2025-03-10 article is embargoed and 2025-03-05 is today. */
const MARCH_5 = String(Date.UTC(2025, 2, 5, 12) / 1000);
const input = path.join(fixtures, 'publishing');
const config = path.join(fixtures, 'publishing.config.json');

function buildPublishing(flags: string[] = [], env: Record<string, string> = { SOURCE_DATE_EPOCH: MARCH_5 }) {
  const out = path.join(tempDir(), 'dist');
  const run = runCli(['build', '--input', input, '--config', config, '--out', out, ...flags], { env });
  const read = (rel: string) => readFileSync(path.join(out, rel), 'utf8');
  const titles = () => (JSON.parse(read('articles.json')) as { title: string }[]).map((a) => a.title);
  return { out, run, read, titles };
}

const DRAFT = '2025/03/02/budget-vote-draft/index.html';
const EMBARGOED = '2025/03/10/embargoed-election-results/index.html';

describe('publishing rules (end to end)', () => {
  it('leaves drafts and articles dated after the build date out of pages, indexes and articles.json', () => {
    const { out, run, read, titles } = buildPublishing();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Left out 1 draft (--drafts to include) and 1 article dated after 2025-03-05 (--future to include).');
    expect(titles()).toEqual(['Council opens the new bridge', 'Harbour festival announced for the spring']);
    expect(existsSync(path.join(out, DRAFT))).toBe(false);
    expect(existsSync(path.join(out, EMBARGOED))).toBe(false);
    expect(existsSync(path.join(out, '2025/03/10/index.html'))).toBe(false);
    // Not on any page, feed, sitemap or index: no output file mentions them at all.
    const mentions = listTree(out).filter((f) => /budget-vote-draft|Budget vote draft|embargoed-election|Embargoed election/.test(read(f)));
    expect(mentions).toEqual([]);
    expect(read('2025/03/index.html')).toContain('<p>2 articles.</p>');
  });

  it('--drafts includes drafts and marks them on their page and in lists', () => {
    const { run, read, titles } = buildPublishing(['--drafts']);
    expect(run.code).toBe(0);
    expect(titles()).toContain('Budget vote draft');
    expect(titles()).not.toContain('Embargoed election results');
    const page = read(DRAFT);
    expect(page).toContain('<article class="article is-draft" data-pagefind-body');
    expect(page).toContain('<p class="draft-banner" role="note"><strong>Draft</strong>');
    const home = read('index.html');
    expect(home).toContain('<span class="draft-label">Draft</span> <a href="/2025/03/02/budget-vote-draft/">Budget vote draft</a>');
    // Published articles are not marked.
    expect(home).toContain('<h2 class="teaser-title"><a href="/2025/03/01/council-opens-the-new-bridge/">');
    expect(read('2025/03/01/council-opens-the-new-bridge/index.html')).not.toContain('draft-banner');
  });

  it('--future includes articles dated after the build date', () => {
    const { run, read, titles } = buildPublishing(['--future']);
    expect(run.code).toBe(0);
    expect(titles()).toEqual(['Council opens the new bridge', 'Harbour festival announced for the spring', 'Embargoed election results']);
    expect(read(EMBARGOED)).toContain('<h1>Embargoed election results</h1>');
    expect(run.stdout).toContain('Left out 1 draft (--drafts to include).');
  });

  it("takes the build date from the configured time zone's calendar", () => {
    // 2025-03-09 12:00 UTC is already March 10 in Kiritimati (UTC+14).
    const root = tempDir();
    const cfg = path.join(root, 'c.json');
    writeFileSync(cfg, JSON.stringify({ baseUrl: 'https://example.org/', timeZone: 'Pacific/Kiritimati' }));
    const out = path.join(root, 'dist');
    const epoch = String(Date.UTC(2025, 2, 9, 12) / 1000);
    const inZone = runCli(['build', '--input', input, '--config', cfg, '--out', out], { env: { SOURCE_DATE_EPOCH: epoch } });
    expect(inZone.code).toBe(0);
    expect(existsSync(path.join(out, EMBARGOED))).toBe(true);
    const utc = buildPublishing([], { SOURCE_DATE_EPOCH: epoch });
    expect(existsSync(path.join(utc.out, EMBARGOED))).toBe(false);
  });

  it('uses the clock when SOURCE_DATE_EPOCH is not set (these 2025 dates are all past)', () => {
    const { run, titles } = buildPublishing([], { SOURCE_DATE_EPOCH: '' });
    expect(run.code).toBe(0);
    expect(titles()).toContain('Embargoed election results');
    expect(run.stdout).toContain('Left out 1 draft (--drafts to include).');
  });

  it('rejects a malformed SOURCE_DATE_EPOCH as a usage error', () => {
    const { run, out } = buildPublishing([], { SOURCE_DATE_EPOCH: 'tomorrow' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('news-archive: SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, found "tomorrow"\n');
    expect(existsSync(out)).toBe(false);
  });
});
