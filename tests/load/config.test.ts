import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/load/config.js';

describe('parseConfig', () => {
  it('fills defaults and derives the base path', () => {
    const r = parseConfig('{"title": "T", "baseUrl": "https://example.github.io/archive"}', 'c.json');
    expect(r.ok && r.config.baseUrl).toBe('https://example.github.io/archive/');
    expect(r.ok && r.config.basePath).toBe('/archive/');
    expect(r.ok && r.config.pageSize).toBe(20);
    expect(r.ok && r.config.searchShardPages).toBe(2000);
  });

  it('takes a search shard size in whole pages, from 1 to 10000', () => {
    const r = parseConfig('{"searchShardPages": 500}', 'c.json');
    expect(r.ok && r.config.searchShardPages).toBe(500);
    const message =
      'searchShardPages must be a whole number from 1 to 10000 (pages per search shard; Pagefind needs about 0.2 MB for each page of the shard it indexes)';
    for (const bad of ['0', '2.5', '"500"', '20000']) {
      expect(parseConfig(`{\n  "searchShardPages": ${bad}\n}`, 'c.json')).toEqual({ ok: false, errors: [{ file: 'c.json', line: 2, message }] });
    }
  });

  it('reports every wrong key with its line and a suggestion', () => {
    const text = '{\n  "titel": "T",\n  "pageSize": 0,\n  "baseUrl": "example.org",\n  "dateLocale": "xx"\n}';
    const r = parseConfig(text, 'c.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      { file: 'c.json', line: 2, message: 'unknown setting "titel": did you mean "title"?' },
      { file: 'c.json', line: 3, message: 'pageSize must be a whole number from 1 to 1000' },
      { file: 'c.json', line: 4, message: 'baseUrl "example.org" is not an absolute URL such as "https://example.org/archive/"' },
      { file: 'c.json', line: 5, message: 'dateLocale must be one of en-US, en-GB, de, es, fr, it, nl, pl, pt, ru, uk' },
    ]);
  });

  it('reports broken JSON with its line', () => {
    const r = parseConfig('{\n  "title": "T",\n}', 'c.json');
    expect(!r.ok && r.errors[0]!.line).toBe(3);
  });
});
