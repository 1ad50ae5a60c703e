import { UTCDate } from '@date-fns/utc';
import type { CalendarDate } from '../types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/**
 * The earliest year an article may carry. `Date` maps years 0–99 to 1900–1999 and the site's URLs
 * have four-digit years, so earlier dates were shown and filed under the wrong century; no news
 * archive needs them.
 */
export const MIN_YEAR = 1000;

/** Splits `YYYY-MM-DD`; returns undefined for anything that is not a real calendar date (`2025-02-30`) from MIN_YEAR on. */
export function parseCalendarDate(text: string): DateParts | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Why `text` is not a calendar date an article can have, or undefined when it is one; the message quotes `shown` (a long text shortened by the caller). */
export function calendarDateProblem(text: string, shown = text): string | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return `"${shown}" is not in the form YYYY-MM-DD`;
  if (Number(m[1]) < MIN_YEAR) return `"${shown}" is before the year ${MIN_YEAR}, which the archive's dates do not go back to`;
  return parseCalendarDate(text) ? undefined : `"${shown}" is not a real calendar date`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // Counted, not asked of `Date`, which takes years 0–99 for 1900–1999.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

export function isCalendarDate(text: string): text is CalendarDate {
  return parseCalendarDate(text) !== undefined;
}

/**
 * The calendar day as a `Date` whose every getter reads UTC (`UTCDate`), at noon, for formatting with
 * date-fns. Not local time: a zone that skipped a day (Kiritimati skipped 1994-12-31, Samoa 2011-12-30)
 * has no local noon on it, and `Date` moved it to the next day's.
 */
export function calendarDateAsUtc(date: CalendarDate): Date {
  const p = parseCalendarDate(date);
  if (!p) throw new Error(`not a calendar date: ${date}`);
  return utcNoon(p.year, p.month, p.day);
}

/** Noon UTC of a day, as a `UTCDate`. */
export function utcNoon(year: number, month: number, day: number): Date {
  const d = new UTCDate(Date.UTC(2000, 0, 1, 12));
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
