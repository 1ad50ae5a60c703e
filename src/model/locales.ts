import type { Locale } from 'date-fns';
// One module per locale: the `date-fns/locale` barrel loads every locale date-fns has (about 0.6 s at start-up).
import { de } from 'date-fns/locale/de';
import { enGB } from 'date-fns/locale/en-GB';
import { enUS } from 'date-fns/locale/en-US';
import { es } from 'date-fns/locale/es';
import { fr } from 'date-fns/locale/fr';
import { it } from 'date-fns/locale/it';
import { nl } from 'date-fns/locale/nl';
import { pl } from 'date-fns/locale/pl';
import { pt } from 'date-fns/locale/pt';
import { ru } from 'date-fns/locale/ru';
import { uk } from 'date-fns/locale/uk';

export interface DateLocale {
  locale: Locale;
  /** date-fns pattern for a full date as a newspaper prints it. */
  longDate: string;
  /** Pattern for a day of a month without the year ("July 4", "4 июля"). */
  dayMonth: string;
}

/** The date-fns locales a config may name, keyed by the code users write. */
export const DATE_LOCALES: Readonly<Record<string, DateLocale>> = {
  'en-US': { locale: enUS, longDate: 'MMMM d, yyyy', dayMonth: 'MMMM d' },
  'en-GB': { locale: enGB, longDate: 'd MMMM yyyy', dayMonth: 'd MMMM' },
  de: { locale: de, longDate: 'PPP', dayMonth: 'd MMMM' },
  es: { locale: es, longDate: 'PPP', dayMonth: 'd MMMM' },
  fr: { locale: fr, longDate: 'PPP', dayMonth: 'd MMMM' },
  it: { locale: it, longDate: 'PPP', dayMonth: 'd MMMM' },
  nl: { locale: nl, longDate: 'PPP', dayMonth: 'd MMMM' },
  pl: { locale: pl, longDate: 'PPP', dayMonth: 'd MMMM' },
  pt: { locale: pt, longDate: 'PPP', dayMonth: 'd MMMM' },
  ru: { locale: ru, longDate: 'PPP', dayMonth: 'd MMMM' },
  uk: { locale: uk, longDate: 'PPP', dayMonth: 'd MMMM' },
};
