import { daysInMonth } from './calendar.js';

/**
 * A month as calendar weeks: each week is seven cells, `null` outside the month.
 * `weekStartsOn` is 0 for Sunday, 1 for Monday (as date-fns locales give it).
 */
export function monthGrid(year: number, month: number, weekStartsOn: number): (number | null)[][] {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const lead = (firstWeekday - weekStartsOn + 7) % 7;
  const cells: (number | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= daysInMonth(year, month); d++) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
