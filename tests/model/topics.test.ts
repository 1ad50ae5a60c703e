import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthGrid } from '../../src/model/calendar-grid.js';
import { relatedArticles } from '../../src/model/related.js';
import { buildTopics, type Topic } from '../../src/model/topics.js';
import { isoTimestamp } from '../../src/model/timestamps.js';
import type { Article, Entities } from '../../src/types.js';
import { compactText } from '../../src/model/one-byte.js';

function article(source: string, date: string, tags: string[], entities: Partial<Entities> = {}): Article {
  return {
    slug: source, path: `/${date.replaceAll('-', '/')}/${source}/`, title: source, titleDerived: false,
    date, corrections: [], tags, entities: { people: [], places: [], organizations: [], ...entities }, topics: [], summary: compactText(''),
    wordCount: 1, readingMinutes: 1, draft: false, bodyHtml: '', source, format: 'markdown',
  };
}

describe('buildTopics', () => {
  it('makes one topic of a tag and a place with the same name, with the more specific kind', () => {
    const { articles, topics } = buildTopics([
      article('a', '2025-01-01', ['ukraine']),
      article('b', '2025-01-02', [], { places: ['Ukraine'], people: ['Vladimir Putin'] }),
      article('c', '2025-01-03', [], { places: ['Ukraine'] }),
    ]);
    expect(topics.map((t) => [t.slug, t.name, t.kind, t.articles.map((a) => a.source)])).toEqual([
      ['ukraine', 'Ukraine', 'place', ['a', 'b', 'c']],
      ['vladimir-putin', 'Vladimir Putin', 'person', ['b']],
    ]);
    expect(articles[1]!.topics).toEqual([
      { slug: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person' },
      { slug: 'ukraine', name: 'Ukraine', kind: 'place' },
    ]);
    // One ref per topic, shared by every article that has it (not one object per mention).
    expect(articles[2]!.topics[0]).toBe(articles[1]!.topics[1]);
  });
});

describe('topics from tags that do not transliterate, and many tags', () => {
  it('keeps every tag: one in a script with no Latin spelling gets a slug of its own letters', () => {
    const { topics } = buildTopics([article('a', '2025-01-01', ['Ελλάδα', 'עברית', '한국', '日本', 'Article', 'Україна', '!!!'])]);
    expect(topics.map((t) => [t.slug, t.name])).toEqual([
      ['article', 'Article'],
      ['ellada', 'Ελλάδα'],
      ['ukrayina', 'Україна'],
      ['עברית', 'עברית'],
      ['日本', '日本'],
      ['한국', '한국'],
    ]);
  });

  it("keeps all of an author's tags, and at most eight topics in all from names found in the text", () => {
    const tags = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10'];
    const { articles } = buildTopics([article('a', '2025-01-01', tags, { places: ['Kyiv'] }), article('b', '2025-01-02', ['t1'], { places: ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9'] })]);
    expect(articles[0]!.topics.map((t) => t.name)).toEqual(tags);
    expect(articles[1]!.topics.map((t) => t.name)).toEqual(['t1', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);
  });
});

describe('relatedArticles', () => {
  it('ranks by shared topics, then nearness in time, and fills up to three from neighbours', () => {
    const { articles, topics } = buildTopics([
      article('far-two', '2020-01-01', ['x', 'y']),
      article('near-one', '2025-01-09', ['x']),
      article('self', '2025-01-10', ['x', 'y']),
      article('other', '2025-01-11', ['z']),
      article('far-one', '2025-06-01', ['x']),
    ]);
    const bySlug = new Map(topics.map((t) => [t.slug, t]));
    expect(relatedArticles(articles[2]!, bySlug, articles, 2).map((a) => a.source)).toEqual(['far-two', 'near-one', 'far-one']);
    // An article with a topic nobody shares still gets three neighbours in time.
    expect(relatedArticles(articles[3]!, bySlug, articles, 3).map((a) => a.source)).toEqual(['self', 'far-one', 'near-one']);
  });
});

describe('relatedArticles, for any archive', () => {
  // The ranking as first written: every candidate sorted. The one-pass version must pick the same five.
  function rankedBySorting(a: Article, bySlug: Map<string, Topic>): string[] {
    const shared = new Map<Article, number>();
    for (const ref of a.topics) {
      const list = bySlug.get(ref.slug)!.articles;
      const at = list.indexOf(a);
      for (let i = Math.max(0, at - 40); i < Math.min(list.length, at + 41); i++) if (list[i] !== a) shared.set(list[i]!, (shared.get(list[i]!) ?? 0) + 1);
    }
    const day = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;
    return [...shared]
      .map(([o, n]) => ({ o, n, d: Math.abs(day(o.date) - day(a.date)) }))
      .sort((x, y) => y.n - x.n || x.d - y.d || (x.o.source < y.o.source ? -1 : 1))
      .slice(0, 5)
      .map(({ o }) => o.source);
  }

  it('ranks the same five as sorting every candidate would', () => {
    const input = fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), tags: fc.uniqueArray(fc.constantFrom('p', 'q', 'r', 's', 't'), { maxLength: 4 }) }), { minLength: 1, maxLength: 120 });
    fc.assert(
      fc.property(input, (specs) => {
        const sorted = specs
          .map((x, i) => article(`a${String(i).padStart(3, '0')}`, `2025-02-${String(x.day).padStart(2, '0')}`, x.tags))
          .sort((x, y) => (x.date < y.date || (x.date === y.date && x.source < y.source) ? -1 : 1));
        const { articles, topics } = buildTopics(sorted);
        const bySlug = new Map(topics.map((t) => [t.slug, t]));
        articles.forEach((a, i) => {
          const shared = relatedArticles(a, bySlug, articles, i).map((r) => r.source).slice(0, rankedBySorting(a, bySlug).length);
          expect(shared).toEqual(rankedBySorting(a, bySlug));
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('monthGrid', () => {
  it('lays out July 2025 in weeks starting on Monday or Sunday', () => {
    const monday = monthGrid(2025, 7, 1);
    expect(monday[0]).toEqual([null, 1, 2, 3, 4, 5, 6]);
    expect(monday.at(-1)).toEqual([28, 29, 30, 31, null, null, null]);
    expect(monthGrid(2025, 7, 0)[0]).toEqual([null, null, 1, 2, 3, 4, 5]);
    expect(monthGrid(2024, 2, 1).flat().filter((d) => d !== null)).toHaveLength(29);
  });
});

describe('isoTimestamp', () => {
  it('gives a calendar date the newsroom zone offset of that day', () => {
    expect(isoTimestamp('2025-07-04', 'UTC')).toBe('2025-07-04T00:00:00+00:00');
    // UTC's other names, and a zone on UTC in winter only.
    expect(isoTimestamp('2025-07-04', 'Etc/UTC')).toBe('2025-07-04T00:00:00+00:00');
    expect(isoTimestamp('2025-07-04', 'GMT')).toBe('2025-07-04T00:00:00+00:00');
    expect(isoTimestamp('2025-01-15', 'Europe/London')).toBe('2025-01-15T00:00:00+00:00');
    expect(isoTimestamp('2025-07-04', 'Europe/London')).toBe('2025-07-04T00:00:00+01:00');
    expect(isoTimestamp('2025-07-04', 'Europe/Moscow')).toBe('2025-07-04T00:00:00+03:00');
    expect(isoTimestamp('2025-01-15', 'America/New_York')).toBe('2025-01-15T00:00:00-05:00');
    expect(isoTimestamp('2025-07-04', 'America/New_York')).toBe('2025-07-04T00:00:00-04:00');
    expect(isoTimestamp('2025-07-04', 'Asia/Kolkata')).toBe('2025-07-04T00:00:00+05:30');
  });

  it("gives a DST-switch day its midnight's offset, not noon's, so the instant stays on that day", () => {
    // Spring forward at 02:00: midnight was still standard time (noon's -07:00 put it at 23:00 the day before).
    expect(isoTimestamp('2025-03-09', 'America/Los_Angeles')).toBe('2025-03-09T00:00:00-08:00');
    expect(isoTimestamp('2025-03-30', 'Europe/Berlin')).toBe('2025-03-30T00:00:00+01:00');
    expect(isoTimestamp('2025-10-05', 'Australia/Sydney')).toBe('2025-10-05T00:00:00+10:00');
    // Fall back at 02:00: midnight was still summer time.
    expect(isoTimestamp('2025-11-02', 'America/Los_Angeles')).toBe('2025-11-02T00:00:00-07:00');
    // Chile skips midnight itself: the day starts at 01:00 -03:00, the same instant as 00:00 -04:00.
    expect(isoTimestamp('2024-09-08', 'America/Santiago')).toBe('2024-09-08T00:00:00-04:00');
  });
});
