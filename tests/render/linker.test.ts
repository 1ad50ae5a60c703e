import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, withBase } from '../../src/load/config.js';
import { Linker } from '../../src/render/views.js';

const linker = (baseUrl: string) => new Linker(withBase({ ...DEFAULT_CONFIG, baseUrl }));

describe('Linker.absolute', () => {
  it('appends a plain path to the base URL', () => {
    expect(linker('https://example.org/news/').absolute('/2025/07/04/harbour-reopens/')).toBe('https://example.org/news/2025/07/04/harbour-reopens/');
    expect(linker('https://example.org').absolute('/feed.xml')).toBe('https://example.org/feed.xml');
    expect(linker('https://example.org/news/').absolute('/')).toBe('https://example.org/news/');
  });

  it('gives what URL gives where a path or base is not plain', () => {
    // The base as URL writes it (host in lower case), dot segments resolved, other characters escaped.
    expect(linker('https://EXAMPLE.org/News/').absolute('/a/')).toBe('https://example.org/News/a/');
    expect(linker('https://example.org/news/').absolute('/a/../b/')).toBe('https://example.org/news/b/');
    expect(linker('https://example.org/news/').absolute('/topics/café crème/')).toBe('https://example.org/news/topics/caf%C3%A9%20cr%C3%A8me/');
    expect(linker('https://example.org/news/').absolute('/./x.xml')).toBe('https://example.org/news/x.xml');
    for (const path of ['/2025/07/04/a-b_c~d.e/', '/on-this-day/07-04/', '/..', '/a/.', '/%41/', '/a?b', '/a#b']) {
      const base = 'https://example.org/news/';
      expect(linker(base).absolute(path), path).toBe(new URL(path.slice(1), base).href);
    }
  });
});
