import { buildInstant, calendarDateInZone } from '../model/build-date.js';
import type { CalendarDate, SiteConfig } from '../types.js';
import { UsageError } from './exit-codes.js';

/**
 * The build's date, the one impure step: `SOURCE_DATE_EPOCH` when set (reproducible builds, and
 * how tests pick a date), otherwise the clock; read as a calendar date in the configured `timeZone`.
 */
export function buildDate(config: SiteConfig, env: NodeJS.ProcessEnv = process.env, nowMs = Date.now()): CalendarDate {
  const instant = buildInstant(env['SOURCE_DATE_EPOCH'], nowMs);
  if (typeof instant === 'string') throw new UsageError(instant);
  return calendarDateInZone(instant.ms, config.timeZone);
}
