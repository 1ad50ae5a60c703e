import type { CalendarDate } from '../types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Splits `YYYY-MM-DD`; returns undefined for anything that is not a real calendar date (`2025-02-30`). */
export function parseCalendarDate(text: string): DateParts | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC so no zone can shift it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isCalendarDate(text: string): text is CalendarDate {
  return parseCalendarDate(text) !== undefined;
}

/**
 * A local-time `Date` at noon of the calendar day, for formatting with date-fns.
 * Noon, because some zones skip midnight on DST days; local, because date-fns formats in local time.
 */
export function calendarDateToLocalNoon(date: CalendarDate): Date {
  const p = parseCalendarDate(date);
  if (!p) throw new Error(`not a calendar date: ${date}`);
  return new Date(p.year, p.month - 1, p.day, 12);
}

/** Reads a `Date` that js-yaml made from a bare `2025-07-04` (UTC midnight) back as the calendar date it was. */
export function utcDateToCalendarDate(date: Date): CalendarDate {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
