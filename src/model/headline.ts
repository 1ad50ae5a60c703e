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
 * A headline for an article that has none: the first sentence, shortened at a natural clause
 * boundary to about twelve words. Abbreviations (`U.S.`) never end the sentence early.
 * `Russian President Vladimir Putin reaffirmed ... during a phone call with U.S. President ...`
 * becomes `Russian President Vladimir Putin reaffirmed his country's commitment to resolving the conflict in Ukraine`.
 */
export function deriveHeadline(body: string): string {
  const sentence = firstSentence(body.replace(/\s+/g, ' ').trim());
  const words = sentence.split(' ').filter((w) => w.length > 0);
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
