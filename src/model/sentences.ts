/**
 * Sentence boundaries for news prose. A period ends a sentence unless it belongs to an
 * abbreviation: dotted initials (`U.S.`, `U.K.`, `D.C.`), titles (`Gen.`, `Sen.`, `Dr.`),
 * months (`Jan.`) and a few others newsrooms use every day.
 */
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft',
    'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'cpl', 'pvt', 'brig',
    'sen', 'rep', 'gov', 'pres', 'supt', 'rev', 'hon', 'amb', 'atty', 'insp',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'inc', 'corp', 'co', 'ltd', 'bros', 'dept', 'univ', 'assn', 'no', 'vs', 'etc', 'approx', 'est',
    'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la',
    'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex',
    'va', 'vt', 'wash', 'wis', 'wyo',
  ],
);

/** True when the word ending at a period is an abbreviation, so the period does not end the sentence. */
export function isAbbreviation(wordWithPeriod: string): boolean {
  const word = wordWithPeriod.replace(/^[("“‘'[]+/, '');
  // Dotted initials: U.S., U.K., D.C., e.g., a.m.
  if (/^(?:\p{L}\.)+$/u.test(word)) return true;
  const bare = word.replace(/\.$/, '').toLowerCase();
  return ABBREVIATIONS.has(bare);
}

/** The first sentence of `text`, with its closing punctuation. */
export function firstSentence(text: string): string {
  const words = text.trim().split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out.push(w);
    const ends = /[.!?]["”’')\]]*$/.test(w);
    if (!ends) continue;
    const next = words[i + 1];
    if (next === undefined) break;
    if (/[!?]["”’')\]]*$/.test(w)) break;
    if (isAbbreviation(w.replace(/["”’')\]]+$/, ''))) continue;
    // A period followed by a lower-case word is not a sentence end (`approx. five`).
    if (/^[\p{Ll}]/u.test(next)) continue;
    break;
  }
  return out.join(' ');
}
