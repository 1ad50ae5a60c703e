// The function's own module, not the `date-fns` barrel (which loads every function, about 0.5 s at start-up).
import { format } from 'date-fns/format';
import type { CalendarDate } from '../types.js';
import { calendarDateAsUtc, utcNoon } from '../model/calendar.js';
import { dateLocale, type DateLocale } from '../model/locales.js';

/**
 * Human-readable dates in the configured locale. Works on calendar dates read in UTC, so no zone can shift a day.
 * Each text is made once per build: an archive names the same few thousand days again and again, on
 * every page that lists, links or dates an article, and date-fns' `format` was the main thread's
 * largest single cost while pages were planned (1,057 of about 7,500 ms at 4,000 articles).
 */
export class DateFormatter {
  private readonly dl: DateLocale;
  private readonly longTexts = new Map<string, string>();
  private readonly dayMonthTexts = new Map<string, string>();
  private readonly monthYearTexts = new Map<number, string>();
  constructor(localeCode: string) {
    const dl = dateLocale(localeCode);
    if (!dl) throw new Error(`unknown date locale ${localeCode}`);
    this.dl = dl;
  }
  long(date: CalendarDate): string {
    return remembered(this.longTexts, date, () => format(calendarDateAsUtc(date), this.dl.longDate, { locale: this.dl.locale }));
  }
  /** "July 2025" (stand-alone month name, as a heading needs in Slavic languages). */
  monthYear(year: number, month: number): string {
    return remembered(this.monthYearTexts, year * 100 + month, () => format(utcNoon(year, month, 15), 'LLLL yyyy', { locale: this.dl.locale }));
  }
  /** "July 4", for on-this-day pages that span years. */
  dayMonth(date: CalendarDate): string {
    return remembered(this.dayMonthTexts, date, () => format(calendarDateAsUtc(date), this.dl.dayMonth, { locale: this.dl.locale }));
  }
  /** Short weekday names in calendar order, starting on the locale's first day of the week. */
  weekdayNames(): string[] {
    const start = this.weekStartsOn();
    // 2024-01-07 was a Sunday.
    return Array.from({ length: 7 }, (_, i) => format(utcNoon(2024, 1, 7 + ((start + i) % 7)), 'EEEEEE', { locale: this.dl.locale }));
  }
  weekStartsOn(): number {
    return this.dl.locale.options?.weekStartsOn ?? 1;
  }
  monthName(month: number): string {
    return format(utcNoon(2000, month, 15), 'LLLL', { locale: this.dl.locale });
  }
}

/** The text under `key`, made by `make` the first time it is asked for. */
function remembered<K>(texts: Map<K, string>, key: K, make: () => string): string {
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = make()));
  return text;
}
