import { describe, expect, it } from 'vitest';
import { ShardPlan } from '../../src/search/shard-plan.js';

/** Article pages for the given pages per year, oldest first, as the build writes them. */
function pagesOf(pagesPerYear: Record<string, number>): string[] {
  return Object.entries(pagesPerYear).flatMap(([year, n]) => Array.from({ length: n }, (_, i) => `${year}/01/01/a${i}/index.html`));
}

/** The shards a plan makes of those pages: each shard's name and its pages' years, in order. */
function shardsOf(maxPages: number, pagesPerYear: Record<string, number>): [string, string[]][] {
  const plan = new ShardPlan(maxPages, Object.entries(pagesPerYear));
  const shards: [string, string[]][] = [];
  for (const page of pagesOf(pagesPerYear)) {
    const { name, isNew } = plan.next(page);
    if (isNew) shards.push([name, []]);
    expect(shards.at(-1)![0]).toBe(name);
    shards.at(-1)![1].push(page.slice(0, 4));
  }
  return shards;
}

describe('search shard plan', () => {
  it('keeps an archive under the limit in one shard, whatever its years', () => {
    expect(shardsOf(5, { '2019': 2, '2020': 1, '2025': 2 })).toEqual([['2019', ['2019', '2019', '2020', '2025', '2025']]]);
  });

  it('packs whole consecutive years into a shard, and starts the next on a year edge', () => {
    expect(shardsOf(5, { '2018': 1, '2019': 2, '2020': 2, '2021': 3, '2022': 2 })).toEqual([
      ['2018', ['2018', '2019', '2019', '2020', '2020']],
      ['2021', ['2021', '2021', '2021', '2022', '2022']],
    ]);
    // 2020 does not fit beside 2018 and 2019 (3 + 3 > 5): it opens the next shard, not split.
    expect(shardsOf(5, { '2018': 1, '2019': 2, '2020': 3, '2021': 1 })).toEqual([
      ['2018', ['2018', '2019', '2019']],
      ['2020', ['2020', '2020', '2020', '2021']],
    ]);
  });

  it('splits only a year bigger than the limit, into parts of the limit', () => {
    expect(shardsOf(5, { '2019': 1, '2020': 12, '2021': 2 })).toEqual([
      ['2019', ['2019']],
      ['2020', ['2020', '2020', '2020', '2020', '2020']],
      ['2020-2', ['2020', '2020', '2020', '2020', '2020']],
      ['2020-3', ['2020', '2020']],
      ['2021', ['2021', '2021']],
    ]);
  });

  it('changes only the last shard when an article is added to the last year', () => {
    const before = shardsOf(5, { '2018': 2, '2019': 3, '2020': 1, '2021': 2 });
    const after = shardsOf(5, { '2018': 2, '2019': 3, '2020': 1, '2021': 3 });
    expect(before).toEqual([
      ['2018', ['2018', '2018', '2019', '2019', '2019']],
      ['2020', ['2020', '2021', '2021']],
    ]);
    expect(after).toEqual([
      ['2018', ['2018', '2018', '2019', '2019', '2019']],
      ['2020', ['2020', '2021', '2021', '2021']],
    ]);
  });

  it('without counts, fills shards page by page as pages arrive', () => {
    const plan = new ShardPlan(2);
    const names = ['2019/a/index.html', '2019/b/index.html', '2019/c/index.html', '2020/d/index.html', 'about/index.html'].map((p) => plan.next(p));
    expect(names).toEqual([
      { name: '2019', isNew: true },
      { name: '2019', isNew: false },
      { name: '2019-2', isNew: true },
      { name: '2019-2', isNew: false },
      { name: 'pages', isNew: true },
    ]);
  });
});
