import type { CalendarDate } from '../types.js';

/**
 * The calendar date of an instant in a time zone: the build's "today". Pure; the instant comes
 * from the caller (`SOURCE_DATE_EPOCH` or the clock), so tests can pass any moment.
 */
export function calendarDateInZone(epochMs: number, timeZone: string): CalendarDate {
  // en-CA formats as YYYY-MM-DD; formatToParts keeps it independent of that locale's habits anyway.
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(epochMs);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/** 9999-12-31T23:59:59Z, in milliseconds. */
const LAST_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

/**
 * `SOURCE_DATE_EPOCH` (reproducible-builds.org: whole seconds since 1970-01-01 UTC) when set,
 * else the given clock reading. Returns an error message for a malformed value.
 */
export function buildInstant(sourceDateEpoch: string | undefined, nowMs: number): { ms: number; from: 'SOURCE_DATE_EPOCH' | 'clock' } | string {
  if (sourceDateEpoch === undefined || sourceDateEpoch === '') return { ms: nowMs, from: 'clock' };
  if (!/^\d+$/.test(sourceDateEpoch)) return `SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, found "${sourceDateEpoch}"`;
  const ms = Number(sourceDateEpoch) * 1000;
  // The last second of 9999: past it the build's date has five digits and no article's date compares with it.
  if (ms > LAST_MS) return `SOURCE_DATE_EPOCH must be a moment before the year 10000 (at most ${LAST_MS / 1000}), found "${sourceDateEpoch}"`;
  return { ms, from: 'SOURCE_DATE_EPOCH' };
}
