import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { parseConfig } from '../../src/load/config.js';
import { rebaseBodyLinks } from '../../src/render/body-links.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { repoRoot, tempDir } from '../helpers.js';

const BODY = [
  'See [the vote](/2024/11/05/vote/), the ![map](/assets/favicon.svg "Map"),',
  '[elsewhere](https://example.com/a/) and [a CDN](//cdn.example/x).',
  '',
  'Code keeps its words: `<a href="/x">`.',
].join('\n');

describe('root-relative links in article bodies', () => {
  it('go under the base path on pages and become absolute in feeds, leaving other links and code alone', async () => {
    const input = path.join(tempDir(), 'in');
    mkdirSync(input);
    writeFileSync(path.join(input, 'a.md'), `---\ntitle: Links\ndate: 2025-07-04\n---\n\n${BODY}\n`);
    const r = parseConfig(undefined, 'archive.config.json', { title: 'T', baseUrl: 'https://example.org/news/' });
    if (!r.ok) throw new Error('config');
    const writer = new MemoryWriter();
    const result = await build({ inputDir: input, templatesDir: path.join(repoRoot, 'templates'), config: r.config, search: false }, writer);
    expect(result.errors).toEqual([]);
    const page = writer.text('2025/07/04/links/index.html');
    expect(page).toContain('<a href="/news/2024/11/05/vote/">the vote</a>');
    expect(page).toContain('<img src="/news/assets/favicon.svg" alt="map" title="Map">');
    expect(page).toContain('<a href="https://example.com/a/">elsewhere</a> and <a href="//cdn.example/x">a CDN</a>');
    expect(page).toContain('<code>&#x3C;a href="/x"></code>');
    const feed = writer.text('feed.xml');
    expect(feed).toContain('<a href="https://example.org/news/2024/11/05/vote/">the vote</a>');
    expect(feed).toContain('<img src="https://example.org/news/assets/favicon.svg"');
  });

  it('are left as they are on a site at the root', () => {
    expect(rebaseBodyLinks('<p><a href="/2024/">x</a></p>', '/')).toBe('<p><a href="/2024/">x</a></p>');
  });
});
