import type { CalendarDate } from '../types.js';
import { parseCalendarDate } from './calendar.js';

/** Offsets already computed, per zone and day: a big archive asks for the same days over and over. */
const offsets = new Map<string, string>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset on a calendar day, as `+03:00`; read at noon UTC, away from night-time DST switches. */
export function offsetOn(date: CalendarDate, timeZone: string): string {
  const key = `${timeZone} ${date}`;
  let offset = offsets.get(key);
  if (offset === undefined) offsets.set(key, (offset = computeOffset(date, timeZone)));
  return offset;
}

function computeOffset(date: CalendarDate, timeZone: string): string {
  const p = parseCalendarDate(date);
  if (!p) throw new Error(`not a calendar date: ${date}`);
  let format = formatters.get(timeZone);
  if (!format) formatters.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })));
  const name = format
    .formatToParts(new Date(Date.UTC(p.year, p.month - 1, p.day, 12)))
    .find((part) => part.type === 'timeZoneName')?.value;
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name ?? '');
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

/**
 * An article's calendar date as an ISO 8601 timestamp with the newsroom's offset: the start of
 * that day where the newsroom is (`2025-07-04T00:00:00+03:00`). Structured data and feeds want an
 * instant; the calendar date stays the one the author wrote in every reader's zone.
 */
export function isoTimestamp(date: CalendarDate, timeZone: string): string {
  return `${date}T00:00:00${offsetOn(date, timeZone)}`;
}

/** The same instant as a `Date`, for libraries that want one. */
export function instantOf(date: CalendarDate, timeZone: string): Date {
  return new Date(isoTimestamp(date, timeZone));
}
