import { describe, expect, it } from 'vitest';
import { otherYearOnSameDay, sameDayIndex } from '../../src/model/same-day.js';
import type { Article } from '../../src/types.js';

const article = (date: string) => ({ date, source: `${date}.md` }) as Article;

describe('articles on the same day in other years', () => {
  it('names one from another year when there is one, and none when only the article\'s year has that day', () => {
    const [a2019, b2019, a2023, c2024, d2024] = [article('2019-07-04'), article('2019-07-04'), article('2023-07-04'), article('2024-02-29'), article('2024-12-31')];
    const index = sameDayIndex([a2019, b2019, c2024, a2023, d2024]);
    expect(index.size).toBe(3);
    expect(otherYearOnSameDay(index, a2019)).toBe(a2023);
    expect(otherYearOnSameDay(index, b2019)).toBe(a2023);
    expect(otherYearOnSameDay(index, a2023)).toBe(a2019);
    expect(otherYearOnSameDay(index, c2024)).toBeUndefined();
    expect(otherYearOnSameDay(index, d2024)).toBeUndefined();
    expect(otherYearOnSameDay(index, article('2020-01-01'))).toBeUndefined();
  });
});
