import { firstSentence } from './sentences.js';

/** About twelve words, as the brief asks; a clause may run a little longer rather than be cut mid-phrase. */
const TARGET_WORDS = 12;
const MAX_WORDS = 16;
const MIN_WORDS = 4;

/**
 * Words that open an adverbial or subordinate clause. Cutting the sentence just before one keeps
 * "who did what" and drops "when, where, how": the shape of a news headline.
 */
const CLAUSE_OPENERS = new Set([
  'during', 'after', 'before', 'amid', 'amidst', 'as', 'while', 'despite', 'following', 'when',
  'whereas', 'although', 'though', 'because', 'since', 'until', 'according', 'which', 'where',
  'on', 'at', 'in', 'with', 'without', 'by', 'for', 'over', 'from', 'through', 'via', 'including',
  'saying', 'citing', 'but', 'and', 'to',
]);

/** Prepositions are weaker boundaries than conjunctions and subordinators; prefer the strong ones. */
const STRONG_OPENERS = new Set([
  'during', 'after', 'before', 'amid', 'amidst', 'as', 'while', 'despite', 'following', 'when',
  'whereas', 'although', 'though', 'because', 'since', 'until', 'according', 'which', 'where',
  'saying', 'citing', 'but',
]);

/** Words a headline must not end on. */
const DANGLING = new Set([
  'a', 'an', 'the', 'of', 'to', 'and', 'or', 'but', 'in', 'on', 'at', 'for', 'with', 'by', 'from',
  'his', 'her', 'its', 'their', 'our', 'my', 'your', 'that', 'this', 'these', 'those', 'is', 'was',
  'are', 'were', 'be', 'has', 'have', 'had', 'will', 'would', 'as', 'than', 'into', 'about',
]);

function bare(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function trimDangling(words: string[]): string[] {
  const out = [...words];
  while (out.length > MIN_WORDS && DANGLING.has(bare(out[out.length - 1]!))) out.pop();
  return out;
}

/**
 * A derived headline never runs longer than this, even when the first "word" is a megabyte of
 * text without spaces: it has to fit a `<title>`, a list and a slug.
 */
const MAX_HEADLINE_CHARS = 150;

/** Strips trailing characters in `chars`. A loop, not `/[…]+$/`, which is quadratic on a long run of them. */
function trimEndOf(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}

function tidy(words: string[]): string {
  let text = words.join(' ');
  if (text.length > MAX_HEADLINE_CHARS) {
    const cut = text.slice(0, MAX_HEADLINE_CHARS);
    const space = cut.lastIndexOf(' ');
    text = `${trimEndOf(space > MAX_HEADLINE_CHARS / 2 ? cut.slice(0, space) : cut, ' ,;:—–-')}…`;
  }
  text = trimEndOf(text, ' \t\n,;:—–-');
  const stripped = trimEndOf(text, '.!?');
  const stops = text.slice(stripped.length);
  // A single closing `?` or `!` is part of the headline; a full stop or a run of marks is not.
  if (stops !== '?' && stops !== '!') text = stripped;
  return text.trim();
}

/**
 * Words that open an introductory phrase ("After three days of talks in Geneva, …", "According to
 * police, …"): subordinators and prepositions of time that cannot begin a subject. Not "at", "as",
 * "in", "on", "over", "for" or "this", which begin subjects and quantities as often ("At least 12
 * people were killed, officials said" keeps its first clause).
 */
const INTRODUCTION_OPENERS = new Set([
  'after', 'before', 'during', 'following', 'amid', 'amidst', 'despite', 'while', 'when', 'although', 'though',
  'because', 'since', 'until', 'once', 'according', 'earlier', 'later',
]);
/** An introductory phrase ends at a comma within this many words. */
const MAX_INTRODUCTION_WORDS = 10;

/** A comma that is one of a list's (`Paris, Berlin and Rome`): "and" or "or" comes within the next three words. */
function listComma(words: string[], at: number): boolean {
  for (let i = at + 1; i <= at + 3 && i < words.length; i++) {
    if (/^(?:and|or)$/i.test(words[i]!)) return true;
    if (/[,.;:]$/.test(words[i]!)) return false;
  }
  return false;
}

/**
 * The sentence without an introductory phrase, which says when, where or why but not who did what:
 * "After three days of negotiations in Geneva, the two sides agreed to a ceasefire" becomes "The two
 * sides agreed to a ceasefire". Kept when too little would be left, or when the comma is a list's.
 */
function withoutIntroduction(words: string[]): string[] {
  if (!INTRODUCTION_OPENERS.has(bare(words[0] ?? ''))) return words;
  const end = words.findIndex((w, i) => i < MAX_INTRODUCTION_WORDS && w.endsWith(','));
  if (end < 0 || words.length - (end + 1) < MIN_WORDS || listComma(words, end)) return words;
  const rest = words.slice(end + 1);
  // "the" becomes "The"; "iPhone" and "eBay" stay as they are written.
  if (/^[a-z][a-z'’-]*$/.test(rest[0]!)) rest[0] = rest[0]!.charAt(0).toUpperCase() + rest[0]!.slice(1);
  return rest;
}

/** Words that open an aside set off by commas after the subject: a relative clause or a participle. */
const ASIDE_OPENERS = new Set(['which', 'who', 'whose', 'whom', 'speaking', 'writing', 'citing']);
/** The subject an aside follows is at most this many words; an aside, at most this many more. */
const MAX_SUBJECT_WORDS = 6;
const MAX_ASIDE_WORDS = 20;

/**
 * The sentence without an aside between its subject and its verb: "The company, which employs about
 * 1,200 people in the region, said it would close the plant" becomes "The company said it would close
 * the plant". Cutting at the aside's first comma left the subject alone, a fragment with no verb. The
 * aside ends at its first comma that is not a list's; without one, the sentence is kept.
 */
function withoutAside(words: string[]): string[] {
  const open = words.findIndex((w, i) => i < MAX_SUBJECT_WORDS && w.endsWith(','));
  if (open < 0 || !ASIDE_OPENERS.has(bare(words[open + 1] ?? ''))) return words;
  let close = -1;
  for (let i = open + 1; i < Math.min(words.length - 1, open + 1 + MAX_ASIDE_WORDS); i++) {
    if (words[i]!.endsWith(',') && !listComma(words, i)) {
      close = i;
      break;
    }
  }
  if (close < 0 || words.length - (close + 1) < 2) return words;
  return [...words.slice(0, open), words[open]!.slice(0, -1), ...words.slice(close + 1)];
}

/**
 * A headline for an article that has none: the first sentence, shortened at a natural clause
 * boundary to about twelve words. Abbreviations (`U.S.`) never end the sentence early.
 * `Russian President Vladimir Putin reaffirmed ... during a phone call with U.S. President ...`
 * becomes `Russian President Vladimir Putin reaffirmed his country's commitment to resolving the conflict in Ukraine`.
 */
export function deriveHeadline(body: string): string {
  const sentence = firstSentence(body.replace(/\s+/g, ' ').trim());
  const words = withoutAside(withoutIntroduction(sentence.split(' ').filter((w) => w.length > 0)));
  if (words.length <= MAX_WORDS) return tidy(words);

  // Candidate cut points: before a clause opener, or after a word carrying a comma, semicolon or dash.
  const candidates: { at: number; strength: number }[] = [];
  for (let i = MIN_WORDS; i <= Math.min(words.length - 1, MAX_WORDS); i++) {
    const prev = words[i - 1]!;
    const word = bare(words[i]!);
    if (/[,;:]$/.test(prev) || words[i] === '—' || words[i] === '–') candidates.push({ at: i, strength: 3 });
    else if (STRONG_OPENERS.has(word)) candidates.push({ at: i, strength: 2 });
    else if (CLAUSE_OPENERS.has(word)) candidates.push({ at: i, strength: 1 });
  }
  // Score: strong boundaries near twelve words win; weak ones only when nothing better exists.
  let best: { at: number; score: number } | undefined;
  for (const c of candidates) {
    const distance = Math.abs(c.at - TARGET_WORDS);
    const score = c.strength * 10 - distance * 2;
    if (!best || score > best.score) best = { at: c.at, score };
  }
  const cut = best ? best.at : TARGET_WORDS;
  return tidy(trimDangling(words.slice(0, cut)));
}

/** A headline worth printing has at least one letter or digit; `…` or `, ,` is not one. */
export function hasWords(headline: string): boolean {
  return /[\p{L}\p{N}]/u.test(headline);
}
