import type { Article } from '../types.js';

export interface DayEntry {
  year: number;
  month: number;
  day: number;
  /** Oldest first. */
  articles: Article[];
}
export interface MonthEntry {
  year: number;
  month: number;
  count: number;
  days: DayEntry[];
}
export interface YearEntry {
  year: number;
  count: number;
  months: MonthEntry[];
}

/**
 * Groups chronologically sorted articles into years → months → days.
 * Only periods that have articles appear; the order is chronological throughout.
 */
export function buildDateIndex(articles: readonly Article[]): YearEntry[] {
  const years: YearEntry[] = [];
  for (const a of articles) {
    const [y, m, d] = a.date.split('-').map(Number) as [number, number, number];
    let year = years.at(-1);
    if (!year || year.year !== y) years.push((year = { year: y, count: 0, months: [] }));
    let month = year.months.at(-1);
    if (!month || month.month !== m) year.months.push((month = { year: y, month: m, count: 0, days: [] }));
    let day = month.days.at(-1);
    if (!day || day.day !== d) month.days.push((day = { year: y, month: m, day: d, articles: [] }));
    day.articles.push(a);
    month.count++;
    year.count++;
  }
  return years;
}
