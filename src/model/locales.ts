import { createRequire } from 'node:module';
import type { Locale } from 'date-fns';

export interface DateLocale {
  locale: Locale;
  /** date-fns pattern for a full date as a newspaper prints it. */
  longDate: string;
  /** Pattern for a day of a month without the year ("July 4", "4 июля"). */
  dayMonth: string;
}

/**
 * The date-fns locales a config may name, keyed by the code users write, which is also the name of
 * the locale's own module (`date-fns/locale/en-GB`; not the `date-fns/locale` barrel, which loads
 * every locale date-fns has, about 0.6 s at start-up): the module's export, and the patterns.
 * Only the configured locale is loaded (`dateLocale`): all eleven were a tenth of the command
 * line's start-up.
 */
const LOCALES: Readonly<Record<string, { name: string; longDate: string; dayMonth: string }>> = {
  'en-US': { name: 'enUS', longDate: 'MMMM d, yyyy', dayMonth: 'MMMM d' },
  'en-GB': { name: 'enGB', longDate: 'd MMMM yyyy', dayMonth: 'd MMMM' },
  de: { name: 'de', longDate: 'PPP', dayMonth: 'd. MMMM' },
  es: { name: 'es', longDate: 'PPP', dayMonth: "d 'de' MMMM" },
  fr: { name: 'fr', longDate: 'PPP', dayMonth: 'd MMMM' },
  it: { name: 'it', longDate: 'PPP', dayMonth: 'd MMMM' },
  nl: { name: 'nl', longDate: 'PPP', dayMonth: 'd MMMM' },
  pl: { name: 'pl', longDate: 'PPP', dayMonth: 'd MMMM' },
  pt: { name: 'pt', longDate: 'PPP', dayMonth: "d 'de' MMMM" },
  ru: { name: 'ru', longDate: 'PPP', dayMonth: 'd MMMM' },
  uk: { name: 'uk', longDate: 'PPP', dayMonth: 'd MMMM' },
};

/** The codes a config may name. */
export const DATE_LOCALE_CODES: readonly string[] = Object.keys(LOCALES);

const loaded = new Map<string, DateLocale>();
const load = createRequire(import.meta.url);

/** The locale of `code`, loaded on first use (locale modules are plain data; date-fns' CommonJS build of it). */
export function dateLocale(code: string): DateLocale | undefined {
  const entry = Object.hasOwn(LOCALES, code) ? LOCALES[code]! : undefined;
  if (!entry) return undefined;
  let dl = loaded.get(code);
  if (!dl) {
    const exports = load(`date-fns/locale/${code}`) as Record<string, Locale>;
    loaded.set(code, (dl = { locale: exports[entry.name]!, longDate: entry.longDate, dayMonth: entry.dayMonth }));
  }
  return dl;
}
