import nlp from 'compromise';
import type { Entities } from '../types.js';

/**
 * Titles that precede a name. Stripped so `President Vladimir Putin` and `Putin` become one topic;
 * a name that is nothing but titles (`President`) is not a topic at all.
 */
const HONORIFICS = new Set([
  'president', 'vice', 'prime', 'minister', 'foreign', 'defence', 'defense', 'finance', 'interior', 'secretary', 'state',
  'chancellor', 'premier', 'king', 'queen', 'prince', 'princess', 'pope', 'sheikh', 'emir', 'sultan',
  'gen', 'general', 'lt', 'lieutenant', 'col', 'colonel', 'maj', 'major', 'capt', 'captain', 'adm', 'admiral', 'sgt', 'sergeant', 'commander',
  'sen', 'senator', 'rep', 'representative', 'gov', 'governor', 'mayor', 'judge', 'justice', 'chief', 'ambassador', 'commissioner',
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend', 'father', 'sister',
  'aide', 'spokesman', 'spokeswoman', 'spokesperson', 'officer', 'director', 'ceo', 'chairman', 'chairwoman', 'chair',
  'kremlin', 'white', 'house', 'u.s.', 'us', 'russian', 'ukrainian', 'american', 'british', 'french', 'german', 'chinese',
]);

/** Little words allowed inside an organisation's name (`Bank of England`, `Doctors without Borders`). */
const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'la', 'le', 'van', 'von', 'der', 'al', 'without', 'on', '&']);

/** `Ukraine’s,` → `Ukraine`; `(NATO)` → `NATO`. */
export function cleanName(raw: string): string {
  let s = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[^\p{L}\p{N}.]+$/u, '');
  s = s.replace(/['’]s?$/u, '').replace(/\.$/u, (dot) => (/(?:^|\s)(?:\p{L}\.)+$/u.test(s) ? dot : ''));
  return s.trim();
}

/** Datelines are often set in capitals (`WASHINGTON`); a topic name is not. Acronyms elsewhere (`NATO`) stay. */
function unshout(name: string): string {
  const words = name.split(' ');
  if (!words.every((w) => w === w.toUpperCase() && /\p{Lu}/u.test(w))) return name;
  return words.map((w) => w[0] + w.slice(1).toLowerCase()).join(' ');
}

function isCapitalised(word: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(word);
}

/** Drops leading titles; returns '' when nothing but titles is left. */
export function stripHonorifics(name: string): string {
  const words = name.split(' ');
  while (words.length > 0 && HONORIFICS.has(words[0]!.toLowerCase().replace(/\.$/, ''))) words.shift();
  return words.join(' ');
}

/** A proper name: every word capitalised, except connectors inside it. */
function isProperName(name: string): boolean {
  const words = name.split(' ');
  if (words.length === 0 || name.length < 2) return false;
  return words.every((w, i) => isCapitalised(w) || (i > 0 && i < words.length - 1 && CONNECTORS.has(w.toLowerCase())));
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = n.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Within one article a surname alone is the full name seen there: `Putin` → `Vladimir Putin`. */
export function mergeSurnames(people: string[]): string[] {
  const full = people.filter((p) => p.includes(' '));
  return unique(
    people.map((p) => {
      if (p.includes(' ')) return p;
      return full.find((f) => f.split(' ').at(-1)!.toLowerCase() === p.toLowerCase()) ?? p;
    }),
  );
}

/** The place a dateline names: its first part (`Moscow, Russia` → `Moscow`; `WASHINGTON` → `Washington`). */
export function datelinePlace(dateline: string): string | undefined {
  const first = unshout(cleanName(dateline.split(',')[0] ?? ''));
  return first && isProperName(first) ? first : undefined;
}

/**
 * People, places and organisations named in the headline and lede. Only those two: they carry most
 * of an article's entities, and running the tagger over whole bodies costs about 9 ms per KB,
 * too slow for a 100k-article archive. A lone surname is kept only when no full name explains it
 * and it is a real name (not a title).
 */
export function extractEntities(headline: string, lede: string, dateline?: string): Entities {
  const doc = nlp(`${headline}.\n\n${lede}`);
  const people = mergeSurnames(
    (doc.people().out('array') as string[])
      .map((n) => stripHonorifics(cleanName(n)))
      .filter((n) => n.length > 0 && isProperName(n)),
  );
  const placeNames = (doc.places().out('array') as string[])
    .flatMap((n) => n.split(','))
    .map((n) => stripHonorifics(cleanName(n.replace(/\s[—–-]+.*$/u, ''))))
    .filter((n) => n.length > 0 && isProperName(n));
  const fromDateline = dateline ? datelinePlace(dateline) : undefined;
  const places = unique([...(fromDateline ? [fromDateline] : []), ...placeNames]).filter(
    (p) => !people.some((person) => person.toLowerCase() === p.toLowerCase()),
  );
  const organizations = unique(
    (doc.organizations().out('array') as string[])
      .map((n) => cleanName(n))
      .filter((n) => n.length > 1 && isProperName(n) && !HONORIFICS.has(n.toLowerCase())),
  );
  return { people, places, organizations };
}
