import { describe, expect, it } from 'vitest';
import { buildInstant, calendarDateInZone } from '../../src/model/build-date.js';
import { selectPublished } from '../../src/model/publishing.js';

const articles = [
  { id: 'old', date: '2025-03-01', draft: false },
  { id: 'draft', date: '2025-03-02', draft: true },
  { id: 'today', date: '2025-03-05', draft: false },
  { id: 'embargoed', date: '2025-03-10', draft: false },
  { id: 'future-draft', date: '2025-04-01', draft: true },
];

describe('selectPublished', () => {
  it('leaves out drafts and articles dated after the build date by default', () => {
    const r = selectPublished(articles, { today: '2025-03-05', drafts: false, future: false });
    expect(r.published.map((a) => a.id)).toEqual(['old', 'today']);
    expect(r.withheld).toEqual({ drafts: 2, future: 1 });
  });

  it('includes drafts with drafts: true, but still embargoes the future', () => {
    const r = selectPublished(articles, { today: '2025-03-05', drafts: true, future: false });
    expect(r.published.map((a) => a.id)).toEqual(['old', 'draft', 'today']);
    expect(r.withheld).toEqual({ drafts: 0, future: 2 });
  });

  it('includes the future with future: true, but still leaves out drafts', () => {
    const r = selectPublished(articles, { today: '2025-03-05', drafts: false, future: true });
    expect(r.published.map((a) => a.id)).toEqual(['old', 'today', 'embargoed']);
    expect(r.withheld).toEqual({ drafts: 2, future: 0 });
  });
});

describe('the build date', () => {
  it('is the calendar date of the instant in the configured zone', () => {
    const instant = Date.UTC(2025, 2, 5, 23, 30); // 2025-03-05 23:30 UTC
    expect(calendarDateInZone(instant, 'UTC')).toBe('2025-03-05');
    expect(calendarDateInZone(instant, 'Pacific/Auckland')).toBe('2025-03-06'); // UTC+13 in March
    expect(calendarDateInZone(instant, 'America/Los_Angeles')).toBe('2025-03-05');
  });

  it('comes from SOURCE_DATE_EPOCH when it is set, else from the clock reading passed in', () => {
    expect(buildInstant('1741132800', 5)).toEqual({ ms: 1741132800000, from: 'SOURCE_DATE_EPOCH' });
    expect(buildInstant(undefined, 5)).toEqual({ ms: 5, from: 'clock' });
    expect(buildInstant('', 5)).toEqual({ ms: 5, from: 'clock' });
    expect(buildInstant('yesterday', 5)).toBe('SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, found "yesterday"');
  });

  it('refuses a SOURCE_DATE_EPOCH past the year 9999, whose date no article could be compared with', () => {
    expect(buildInstant('253402300799', 5)).toEqual({ ms: 253402300799000, from: 'SOURCE_DATE_EPOCH' });
    expect(buildInstant('253402300800', 5)).toBe('SOURCE_DATE_EPOCH must be a moment before the year 10000 (at most 253402300799), found "253402300800"');
    expect(buildInstant('99999999999999', 5)).toBe('SOURCE_DATE_EPOCH must be a moment before the year 10000 (at most 253402300799), found "99999999999999"');
  });
});
