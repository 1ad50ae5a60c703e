import { afterEach, describe, expect, it } from 'vitest';
import { calendarDateProblem, daysInMonth, parseCalendarDate } from '../../src/model/calendar.js';
import { DateFormatter } from '../../src/render/format.js';

describe('calendar dates', () => {
  it('counts leap years by the Gregorian rule, centuries included', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(1600, 2)]).toEqual([29, 28, 28, 29, 29]);
    expect([daysInMonth(2025, 1), daysInMonth(2025, 4), daysInMonth(2025, 12)]).toEqual([31, 30, 31]);
  });

  it('says what is wrong with a date an article cannot have', () => {
    expect(calendarDateProblem('2025-07-04')).toBeUndefined();
    expect(calendarDateProblem('1000-01-01')).toBeUndefined();
    expect(calendarDateProblem('2025-7-4')).toBe('"2025-7-4" is not in the form YYYY-MM-DD');
    expect(calendarDateProblem('2025-02-29')).toBe('"2025-02-29" is not a real calendar date');
    // Date would read year 50 as 1950: such dates were shown in the wrong century and filed under /50/.
    expect(calendarDateProblem('0050-07-04')).toBe('"0050-07-04" is before the year 1000, which the archive\'s dates do not go back to');
    expect(parseCalendarDate('0999-12-31')).toBeUndefined();
  });
});

describe('dates in words', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('names the written day even in a zone that skipped it', () => {
    for (const tz of ['UTC', 'Pacific/Kiritimati', 'Pacific/Apia', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      const dates = new DateFormatter('en-US');
      // Kiritimati went from 1994-12-30 to 1995-01-01, Samoa (Apia) from 2011-12-29 to 2011-12-31.
      expect([dates.long('1994-12-31'), dates.long('2011-12-30'), dates.dayMonth('1994-12-31')], tz).toEqual(['December 31, 1994', 'December 30, 2011', 'December 31']);
      expect(dates.monthYear(1994, 12), tz).toBe('December 1994');
    }
  });
});
