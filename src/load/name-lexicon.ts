import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The lexicon tags the name finder asks about; `has()` accepts only these, so the list cannot drift. */
export const USED_TAGS = [
  'Date', 'Month', 'WeekDay', 'Organization', 'Company', 'Place', 'Country', 'City', 'Region',
  'FirstName', 'LastName', 'Pronoun', 'Actor', 'Demonym', 'Determiner',
] as const;
export type UsedTag = (typeof USED_TAGS)[number];

/** Word (lower case) → the used tags it carries, its own and inherited from parent tags. */
export type NameLexicon = Record<string, UsedTag[]>;

/** The bits of these tags in `lexiconTags`' values. */
export function tagBit(...tags: UsedTag[]): number {
  return tags.reduce((bits, tag) => bits | (1 << USED_TAGS.indexOf(tag)), 0);
}

/** The lexicon as word → tag bits: the finder asks several questions of each capitalised word, each then a bit test. */
export function lexiconTags(lexicon: NameLexicon): Map<string, number> {
  return new Map(Object.entries(lexicon).map(([word, tags]) => [word, tagBit(...tags)]));
}

/**
 * Extracts the lexicon from compromise. Loading compromise unpacks its whole lexicon, about half a
 * second of CPU in every process and worker thread, so the compiled CLI (scripts/compile.mjs) saves
 * this extract as JSON beside the compiled module and `loadNameLexicon` reads that instead.
 */
export async function nameLexiconFromCompromise(): Promise<NameLexicon> {
  const nlp = (await import('compromise')).default;
  const model = nlp.model() as unknown as {
    one: { lexicon: Record<string, string | string[]>; tagSet: Record<string, { parents?: string[] } | undefined> };
  };
  const used = new Set<string>(USED_TAGS);
  const out: NameLexicon = {};
  for (const [word, t] of Object.entries(model.one.lexicon)) {
    const tags = (Array.isArray(t) ? t : [t]).flatMap((tag) => [tag, ...(model.one.tagSet[tag]?.parents ?? [])]);
    const kept = [...new Set(tags.filter((tag) => used.has(tag)))] as UsedTag[];
    if (kept.length > 0) out[word] = kept;
  }
  return out;
}

export const LEXICON_FILE = 'name-lexicon.json';

export async function loadNameLexicon(): Promise<NameLexicon> {
  const saved = fileURLToPath(new URL(`./${LEXICON_FILE}`, import.meta.url));
  if (existsSync(saved)) return JSON.parse(readFileSync(saved, 'utf8')) as NameLexicon;
  return nameLexiconFromCompromise();
}
