import { describe, expect, it } from 'vitest';
import { DATE_LOCALE_CODES, dateLocale } from '../../src/model/locales.js';
import { DateFormatter } from '../../src/render/format.js';

describe('date locales', () => {
  it('loads each configurable locale from its own module, and nothing for an unknown code', () => {
    expect(DATE_LOCALE_CODES).toEqual(['en-US', 'en-GB', 'de', 'es', 'fr', 'it', 'nl', 'pl', 'pt', 'ru', 'uk']);
    for (const code of DATE_LOCALE_CODES) expect(dateLocale(code)?.locale.code).toBe(code);
    expect(dateLocale('en-GB')?.longDate).toBe('d MMMM yyyy');
    expect(dateLocale('xx')).toBeUndefined();
    expect(dateLocale('toString')).toBeUndefined();
  });

  it('writes a day of a month as each language does, the same as in its full dates', () => {
    const dayMonth = (code: string) => new DateFormatter(code).dayMonth('2024-06-09');
    expect(DATE_LOCALE_CODES.map((code) => `${code}: ${dayMonth(code)}`)).toEqual([
      'en-US: June 9',
      'en-GB: 9 June',
      'de: 9. Juni',
      'es: 9 de junio',
      'fr: 9 juin',
      'it: 9 giugno',
      'nl: 9 juni',
      'pl: 9 czerwca',
      'pt: 9 de junho',
      'ru: 9 июня',
      'uk: 9 червня',
    ]);
  });
});
