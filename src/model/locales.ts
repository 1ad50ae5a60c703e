import type { Locale } from 'date-fns';
import { de, enGB, enUS, es, fr, it, nl, pl, pt, ru, uk } from 'date-fns/locale';

export interface DateLocale {
  locale: Locale;
  /** date-fns pattern for a full date as a newspaper prints it. */
  longDate: string;
}

/** The date-fns locales a config may name, keyed by the code users write. */
export const DATE_LOCALES: Readonly<Record<string, DateLocale>> = {
  'en-US': { locale: enUS, longDate: 'MMMM d, yyyy' },
  'en-GB': { locale: enGB, longDate: 'd MMMM yyyy' },
  de: { locale: de, longDate: 'PPP' },
  es: { locale: es, longDate: 'PPP' },
  fr: { locale: fr, longDate: 'PPP' },
  it: { locale: it, longDate: 'PPP' },
  nl: { locale: nl, longDate: 'PPP' },
  pl: { locale: pl, longDate: 'PPP' },
  pt: { locale: pt, longDate: 'PPP' },
  ru: { locale: ru, longDate: 'PPP' },
  uk: { locale: uk, longDate: 'PPP' },
};
