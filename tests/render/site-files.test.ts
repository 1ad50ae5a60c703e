import { describe, expect, it } from 'vitest';
import { siteFileKey, writeSiteFile, type SiteFile } from '../../src/render/site-files.js';
import type { Article } from '../../src/types.js';
import { MemoryWriter } from '../../src/write/writer.js';

/** The in-memory writer with a previous build's keys, kept as the incremental writer keeps them. */
class KeyedMemoryWriter extends MemoryWriter {
  readonly keys = new Map<string, string>();
  constructor(private readonly previous: ReadonlyMap<string, string>) {
    super();
  }
  reuse(relativePath: string, key: () => string): boolean {
    const k = key();
    this.keys.set(relativePath, k);
    return this.previous.get(relativePath) === k;
  }
}

const a = { source: 'a.md' } as Article;
const b = { source: 'b.md' } as Article;
const keys = { base: 'base', identityOf: (x: Article) => `id of ${x.source}` };

function file(shows: Article[], about: string[], made: string[]): SiteFile {
  return { path: 'feed.xml', shows, about, content: () => (made.push('feed.xml'), '<rss/>') };
}

describe('site files (feeds, sitemaps) made only when their inputs changed', () => {
  it('a file whose key the previous build wrote is neither made nor written', async () => {
    const made: string[] = [];
    const key = siteFileKey(keys, file([a, b], ['Storms'], made));
    const writer = new KeyedMemoryWriter(new Map([['feed.xml', key]]));
    await writeSiteFile(writer, file([a, b], ['Storms'], made), keys);
    await writer.commit();
    expect(made).toEqual([]);
    expect(writer.files.has('feed.xml')).toBe(false);
    expect(writer.keys.get('feed.xml')).toBe(key);
  });

  it('another article shown, another order, or other text about it is another key, and the file is made', async () => {
    const made: string[] = [];
    const key = siteFileKey(keys, file([a, b], ['Storms'], made));
    for (const changed of [file([a], ['Storms'], made), file([b, a], ['Storms'], made), file([a, b], ['Storm'], made), file([a, b], ['Storms', ''], made)]) {
      expect(siteFileKey(keys, changed)).not.toBe(key);
      const writer = new KeyedMemoryWriter(new Map([['feed.xml', key]]));
      await writeSiteFile(writer, changed, keys);
      await writer.commit();
      expect(writer.text('feed.xml')).toBe('<rss/>');
    }
    expect(made).toHaveLength(4);
    // The same inputs, the same key: it depends on nothing else.
    expect(siteFileKey(keys, file([a, b], ['Storms'], made))).toBe(key);
  });

  it('without keys (a build without a cache) the file is always made and written', async () => {
    const made: string[] = [];
    const writer = new KeyedMemoryWriter(new Map());
    await writeSiteFile(writer, file([a], [], made), undefined);
    await writer.commit();
    expect(made).toEqual(['feed.xml']);
    expect(writer.keys.size).toBe(0);
  });
});
