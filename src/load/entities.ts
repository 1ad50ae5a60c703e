import type { Entities } from '../types.js';
import { findNames } from './name-finder.js';

/** How many names of each kind an article keeps: the most mentioned, so passing mentions do not become topics. */
const MAX_PER_KIND = 4;

/** `Ukraine’s,` → `Ukraine`; `(NATO)` → `NATO`; dotted initials keep their last period (`U.S.`). */
export function cleanName(raw: string): string {
  let s = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[^\p{L}\p{N}.]+$/u, '');
  s = s.replace(/['’]s?$/u, '').replace(/\.$/u, (dot) => (/(?:^|\s)(?:\p{L}\.)+$/u.test(s) ? dot : ''));
  return s.trim();
}

/** Datelines are often set in capitals (`WASHINGTON`); a topic name is not. */
function unshout(name: string): string {
  const words = name.split(' ');
  if (!words.every((w) => w === w.toUpperCase() && /\p{Lu}/u.test(w))) return name;
  return words.map((w) => w[0] + w.slice(1).toLowerCase()).join(' ');
}

/** The place a dateline names: its first part (`Moscow, Russia` → `Moscow`; `WASHINGTON` → `Washington`). */
export function datelinePlace(dateline: string): string | undefined {
  const first = unshout(cleanName(dateline.split(',')[0] ?? ''));
  return first.length > 1 && first.split(' ').every((w) => /^\p{Lu}/u.test(w)) ? first : undefined;
}

/**
 * People, places and organisations named in an article, most mentioned first, plus the dateline's
 * place. The headline counts twice: what it names is what the article is about.
 */
export function extractEntities(headline: string, text: string, dateline?: string): Entities {
  const found = findNames(`${headline}.\n${headline}.\n${text}`);
  const people = found.people.slice(0, MAX_PER_KIND);
  const fromDateline = dateline ? datelinePlace(dateline) : undefined;
  const seen = new Set(people.map((p) => p.toLowerCase()));
  const places: string[] = [];
  for (const p of [...(fromDateline ? [fromDateline] : []), ...found.places]) {
    if (!seen.has(p.toLowerCase())) places.push(p);
    seen.add(p.toLowerCase());
  }
  return { people, places: places.slice(0, MAX_PER_KIND), organizations: found.organizations.slice(0, MAX_PER_KIND) };
}
