import { describe, expect, it } from 'vitest';
import { DATE_LOCALE_CODES, dateLocale } from '../../src/model/locales.js';

describe('date locales', () => {
  it('loads each configurable locale from its own module, and nothing for an unknown code', () => {
    expect(DATE_LOCALE_CODES).toEqual(['en-US', 'en-GB', 'de', 'es', 'fr', 'it', 'nl', 'pl', 'pt', 'ru', 'uk']);
    for (const code of DATE_LOCALE_CODES) expect(dateLocale(code)?.locale.code).toBe(code);
    expect(dateLocale('en-GB')?.longDate).toBe('d MMMM yyyy');
    expect(dateLocale('xx')).toBeUndefined();
    expect(dateLocale('toString')).toBeUndefined();
  });
});
