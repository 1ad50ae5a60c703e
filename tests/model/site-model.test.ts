import { describe, expect, it } from 'vitest';
import { buildDateIndex } from '../../src/model/date-index.js';
import { paginate } from '../../src/model/paginate.js';
import { assignUrls } from '../../src/model/site-model.js';
import { slugFromTitle } from '../../src/model/slug.js';
import type { ParsedArticle } from '../../src/types.js';

function article(source: string, date: string, title: string, explicitSlug?: string): ParsedArticle {
  return {
    title, titleDerived: false, titleSlug: slugFromTitle(title), explicitSlug, date, tags: [], corrections: [],
    entities: { people: [], places: [], organizations: [] }, summary: '', wordCount: 1,
    readingMinutes: 1, draft: false, bodyHtml: '', source, format: 'markdown',
  };
}

describe('slugFromTitle', () => {
  it('transliterates to lower-case ASCII', () => {
    expect(slugFromTitle('Путин говорит о переговорах')).toBe('putin-govorit-o-peregovorakh');
    expect(slugFromTitle('Zürich’s “Café” Opens!')).toBe('zuerichs-cafe-opens');
    expect(slugFromTitle('!!!')).toBe('article');
  });
  it('cuts long slugs at a hyphen and drops a dangling word', () => {
    expect(slugFromTitle('Engineers reopened the eastern lane of the harbour bridge on Tuesday')).toBe(
      'engineers-reopened-the-eastern-lane-of-the-harbour-bridge',
    );
  });
});

describe('assignUrls', () => {
  it('gives every article the same members in the same order, optional ones included', () => {
    const plain = article('a.md', '2025-07-04', 'Storm');
    const full: ParsedArticle = { ...article('b.md', '2025-07-05', 'Flood'), author: 'Ann', updated: '2025-07-06', aliases: ['/old/'], aliasesLine: 4 };
    const { articles } = assignUrls([full, plain]);
    expect(Object.keys(articles[0]!)).toEqual(Object.keys(articles[1]!));
    expect(articles.map((a) => [a.source, a.author, a.aliases])).toEqual([['a.md', undefined, undefined], ['b.md', 'Ann', ['/old/']]]);
  });

  it('publishes both articles that share a title and a day, with -2', () => {
    const { articles, errors } = assignUrls([
      article('b.md', '2025-07-04', 'Storm'), article('a.md', '2025-07-04', 'Storm'), article('c.md', '2025-07-05', 'Storm'),
    ]);
    expect(errors).toEqual([]);
    expect(articles.map((a) => [a.source, a.path])).toEqual([
      ['a.md', '/2025/07/04/storm/'],
      ['b.md', '/2025/07/04/storm-2/'],
      ['c.md', '/2025/07/05/storm/'],
    ]);
  });

  it('keeps an explicit slug and moves a derived one out of its way', () => {
    const { articles } = assignUrls([article('a.md', '2025-07-04', 'Storm'), article('b.md', '2025-07-04', 'Other', 'storm')]);
    expect(articles.map((a) => a.slug)).toEqual(['storm-2', 'storm']);
  });

  it('rejects a duplicate or reserved explicit slug', () => {
    const { errors } = assignUrls([
      article('a.md', '2025-07-04', 'A', 'same'), article('b.md', '2025-07-04', 'B', 'same'), article('c.md', '2025-07-04', 'C', 'page'),
    ]);
    expect(errors).toEqual([
      { file: 'b.md', message: 'slug "same" is already used on 2025-07-04 by a.md; choose another' },
      { file: 'c.md', message: 'slug "page" is reserved for the site\'s own pages; choose another' },
    ]);
  });
});

describe('buildDateIndex and paginate', () => {
  it('groups by year, month and day with counts', () => {
    const { articles } = assignUrls([
      article('a', '2024-12-31', 'A'), article('b', '2025-01-01', 'B'), article('c', '2025-01-01', 'C'), article('d', '2025-03-09', 'D'),
    ]);
    const years = buildDateIndex(articles);
    expect(years.map((y) => [y.year, y.count])).toEqual([[2024, 1], [2025, 3]]);
    expect(years[1]!.months.map((m) => [m.month, m.count, m.days.map((d) => [d.day, d.articles.length])])).toEqual([
      [1, 2, [[1, 2]]],
      [3, 1, [[9, 1]]],
    ]);
  });

  it('paginates under /page/N/', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2, '/2025/');
    expect(pages.map((p) => [p.path, p.items, p.prevPath, p.nextPath])).toEqual([
      ['/2025/', [1, 2], undefined, '/2025/page/2/'],
      ['/2025/page/2/', [3, 4], '/2025/', '/2025/page/3/'],
      ['/2025/page/3/', [5], '/2025/page/2/', undefined],
    ]);
    expect(paginate([], 10, '/')).toHaveLength(1);
  });
});
