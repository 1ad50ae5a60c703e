import { lexiconTags, loadNameLexicon, tagBit } from './name-lexicon.js';
import { BREAK_AFTER, SENTENCE_START, tokenize } from './name-tokens.js';

/**
 * A fast finder of people, places and organisations: runs of capitalised words, classified with
 * compromise's lexicon (first names, surnames, countries, cities, organisations) and a few rules
 * (a title before a name marks a person, an institutional last word or an acronym an organisation).
 * It costs microseconds per article where compromise's full tagger costs milliseconds, so it can
 * read the whole body of every article of a 100k archive on each build.
 */

type Kind = 'person' | 'place' | 'organization';

/** Word (lower case) → its tags as bits: one lookup answers every question asked of a word. */
const LEXICON = lexiconTags(await loadNameLexicon());

/** The lexicon's tags of a word, as `tagBit` bits (0 for a word it does not know). */
function tagsOf(word: string): number {
  return LEXICON.get(word.toLowerCase()) ?? 0;
}

const DATE_WORD = tagBit('Date', 'Month', 'WeekDay');
const ORGANISATION = tagBit('Organization', 'Company');
const PLACE = tagBit('Place', 'Country', 'City', 'Region');
const FIRST_NAME = tagBit('FirstName');
const LAST_NAME = tagBit('LastName');
const PRONOUN = tagBit('Pronoun');
const ACTOR = tagBit('Actor');
/** Leading words that say what or whose someone is, not who: `Russian`, `the`. */
const DEMONYM_OR_DETERMINER = tagBit('Demonym', 'Determiner');

/** A title (`President`, `Gen.`) or a word the lexicon calls an actor (`spokesman`): a person follows. */
function isTitle(word: string): boolean {
  const lower = word.toLowerCase();
  return TITLES.has(lower.endsWith('.') ? lower.slice(0, -1) : lower) || (tagsOf(word) & ACTOR) !== 0;
}

/** Words that, leading a run, only say what someone is: stripped, and evidence that a person follows. */
export const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'foreign', 'defence', 'defense', 'finance', 'interior', 'secretary', 'state',
  'chancellor', 'premier', 'king', 'queen', 'prince', 'princess', 'pope', 'sheikh', 'emir', 'sultan',
  'gen', 'general', 'lt', 'lieutenant', 'col', 'colonel', 'maj', 'major', 'capt', 'captain', 'adm', 'admiral', 'sgt', 'sergeant', 'commander',
  'sen', 'senator', 'rep', 'representative', 'gov', 'governor', 'mayor', 'judge', 'justice', 'chief', 'ambassador', 'commissioner',
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend', 'father', 'sister',
  'aide', 'spokesman', 'spokeswoman', 'spokesperson', 'officer', 'director', 'ceo', 'chairman', 'chairwoman', 'chair', 'head',
  'librarian', 'curator', 'coach', 'captain', 'striker', 'economist', 'analyst', 'dean', 'bishop', 'archbishop', 'cardinal', 'rabbi', 'imam',
]);

/**
 * Words whose period does not end a sentence, so the name goes on: the titles, and the abbreviations
 * that begin place names (`St. Louis`, `Mt. Everest`, `Ft. Worth`), which were cut off as places of their own (`St`).
 */
const NOT_SENTENCE_END: ReadonlySet<string> = new Set([...TITLES, 'st', 'mt', 'ft']);

/** The lexicon knows `Saint Louis` and `Fort Worth`, not `St Louis`. */
const SPELLED_OUT: ReadonlyMap<string, string> = new Map([['st', 'saint'], ['mt', 'mount'], ['ft', 'fort']]);

/** First or last words that make a run an institution: `Bank of England`, `New Tretyakov Gallery`. */
const ORGANISATION_WORDS = new Set([
  'ministry', 'department', 'agency', 'party', 'council', 'parliament', 'senate', 'congress', 'assembly', 'court', 'commission',
  'committee', 'bank', 'fund', 'university', 'college', 'school', 'institute', 'foundation', 'association', 'union', 'federation',
  'league', 'company', 'corporation', 'corp', 'inc', 'ltd', 'group', 'gallery', 'museum', 'library', 'hospital', 'police', 'army',
  'navy', 'force', 'forces', 'guard', 'office', 'authority', 'service', 'times', 'post', 'news', 'press', 'airlines', 'railway', 'railways',
  'organization', 'organisation', 'alliance', 'coalition', 'movement', 'front', 'board', 'bureau', 'exchange', 'orchestra', 'theatre', 'theater',
]);

/** Small words allowed inside a name (`Bank of England`), never at its ends. Not `and`: it joins two names. */
const CONNECTORS = new Set(['of', 'the', 'for', 'de', 'du', 'la', 'le', 'van', 'von', 'der', 'al', 'bin', 'y', '&']);

function capitalised(word: string): boolean {
  if (word === '') return false; // a word the tokenizer left out (see `Tokens.text`)
  const c = word.charCodeAt(0);
  // ASCII answered without a regular expression: this runs for every word of every article.
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

interface Found {
  name: string;
  kind: Kind;
  /** Position of the first mention, for ordering. */
  first: number;
  mentions: number;
}

/** Classifies a run of capitalised words, after leading titles and demonyms are stripped. */
function classify(words: string[], titled: boolean, sentenceStart: boolean): Kind | undefined {
  const name = words.join(' ');
  const lower = name.toLowerCase();
  const last = words.at(-1)!;
  if (words.every((w) => (tagsOf(w) & DATE_WORD) !== 0)) return undefined;
  if (words.length > 1 && (ORGANISATION_WORDS.has(last.toLowerCase()) || ORGANISATION_WORDS.has(words[0]!.toLowerCase()))) return 'organization';
  const spelled = lower.charCodeAt(2) === 32 ? SPELLED_OUT.get(lower.slice(0, 2)) : undefined;
  const tags = LEXICON.get(lower) ?? (spelled ? LEXICON.get(`${spelled}${lower.slice(2)}`) : undefined) ?? 0;
  if ((tags & ORGANISATION) !== 0) return 'organization';
  if ((tags & PLACE) !== 0) return words.length <= 3 ? 'place' : undefined;
  if (titled && words.length <= 3) return 'person';
  if (words.length >= 2 && words.length <= 3 && (tagsOf(words[0]!) & FIRST_NAME) !== 0) return 'person';
  if (words.length === 1 && /^\p{Lu}{2,6}$/u.test(name) && (tags & PRONOUN) === 0) return 'organization';
  if (words.length === 1 && (tags & LAST_NAME) !== 0 && !sentenceStart) return 'person';
  // A lone capitalised word the lexicon does not know may be a surname: kept only if a full name explains it.
  return undefined;
}

/**
 * Every person, place and organisation named in `text`, most mentioned first. A lone surname
 * (`Putin`, `Ushakov`) counts as a mention of the full name used elsewhere in the same text.
 */
export function findNames(text: string): { people: string[]; places: string[]; organizations: string[] } {
  const { text: words, flags } = tokenize(text, NOT_SENTENCE_END);
  const count = words.length;
  const found = new Map<string, Found>();
  const loneWords: { word: string; at: number }[] = [];
  const record = (run: string[], titled: boolean, sentenceStart: boolean, at: number) => {
    const kind = classify(run, titled, sentenceStart);
    // `St Louis` is written `St. Louis`: the tokenizer leaves the abbreviation's period out.
    const name = run.map((w, k) => (k < run.length - 1 && SPELLED_OUT.has(w.toLowerCase()) ? `${w}.` : w)).join(' ');
    if (!kind) {
      if (run.length === 1) loneWords.push({ word: name, at });
      return;
    }
    const key = `${kind}:${name.toLowerCase()}`;
    const entry = found.get(key);
    if (entry) entry.mentions++;
    else found.set(key, { name, kind, first: at, mentions: 1 });
  };
  let i = 0;
  while (i < count) {
    if (!capitalised(words[i]!)) {
      i++;
      continue;
    }
    const start = i;
    const run: string[] = [];
    while (i < count) {
      const word = words[i]!;
      const isConnector = CONNECTORS.has(word.toLowerCase()) && run.length > 0 && i + 1 < count && capitalised(words[i + 1]!);
      if (!capitalised(word) && !isConnector) break;
      if (/^\p{N}/u.test(word)) break;
      run.push(word);
      i++;
      if ((flags[i - 1]! & BREAK_AFTER) !== 0) break;
    }
    if (run.length === 0) {
      i++;
      continue;
    }
    // `U.S. President Donald Trump`: what precedes the last title is a name of its own (`U.S.`).
    let lastTitle = -1;
    for (let k = 0; k < run.length - 1; k++) if (isTitle(run[k]!)) lastTitle = k;
    const before = lastTitle > 0 ? run.splice(0, lastTitle) : [];
    while (before.length > 0 && (TITLES.has(before.at(-1)!.toLowerCase()) || (tagsOf(before.at(-1)!) & ACTOR) !== 0)) before.pop();
    if (before.length > 0) record(before, false, false, start);
    // Strip leading titles, demonyms and determiners: `Russian President Vladimir Putin` → `Vladimir Putin`.
    let titled = false;
    while (run.length > 0) {
      const describes = (tagsOf(run[0]!) & DEMONYM_OR_DETERMINER) !== 0;
      if (!describes && !isTitle(run[0]!)) break;
      if (!describes) titled = true;
      run.shift();
    }
    while (run.length > 0 && CONNECTORS.has(run.at(-1)!.toLowerCase())) run.pop();
    if (run.length === 0) continue;
    const sentenceStart = (flags[start]! & SENTENCE_START) !== 0 && run.length === i - start;
    const at = start + (i - start - run.length);
    // `Jane Smith of Johns Hopkins University`: a person's full name before `of` is a person, and what
    // follows a name of its own (`Bank of England` stays whole: `Bank` is no one's name).
    const of = run.indexOf('of');
    if (of >= 2 && of < run.length - 1 && classify(run.slice(0, of), titled, false) === 'person' && !ORGANISATION_WORDS.has(run[of - 1]!.toLowerCase())) {
      record(run.slice(0, of), titled, false, at);
      record(run.slice(of + 1), false, false, at + of + 1);
      continue;
    }
    record(run, titled, sentenceStart, at);
  }

  // Merge lone surnames into full names seen in the text: `Putin` → `Vladimir Putin`.
  const people = [...found.values()].filter((f) => f.kind === 'person');
  const fullNames = people.filter((p) => p.name.includes(' '));
  for (const p of people.filter((x) => !x.name.includes(' '))) {
    const full = fullNames.find((f) => f.name.split(' ').at(-1)!.toLowerCase() === p.name.toLowerCase());
    if (full) {
      full.mentions += p.mentions;
      found.delete(`person:${p.name.toLowerCase()}`);
    }
  }
  for (const { word } of loneWords) {
    const full = fullNames.find((f) => f.name.split(' ').at(-1)!.toLowerCase() === word.toLowerCase());
    if (full) full.mentions++;
  }

  const ranked = [...found.values()].sort((a, b) => b.mentions - a.mentions || a.first - b.first);
  const of = (kind: Kind) => ranked.filter((f) => f.kind === kind).map((f) => f.name);
  return { people: of('person'), places: of('place'), organizations: of('organization') };
}
