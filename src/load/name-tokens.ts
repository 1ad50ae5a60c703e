/**
 * The words of a text as the name finder needs them, read in one pass over its characters.
 *
 * A word is what `/[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’&-]*[\p{L}\p{N}.]|[\p{L}\p{N}]/gu` matches: a
 * letter or digit, then letters, marks, digits and `.'’&-`, ending on a letter, digit or period.
 * Scanning by hand instead of with that expression (and keeping two arrays instead of an object per
 * word) made the finder about three times faster; it reads every word of every article on a cold build.
 */
export interface Tokens {
  /**
   * Each word, a final sentence period and a possessive `’s` cut off. A word starting with a
   * lower-case ASCII letter or a digit that cannot be a connector of a name (longer than 3
   * characters) is left as '': the finder only ever asks whether it is capitalised, which it is not.
   */
  text: string[];
  /** `BREAK_AFTER` and `SENTENCE_START` bits per word. */
  flags: number[];
}

/** Punctuation other than a dotted abbreviation ends a run of capitalised words after this word. */
export const BREAK_AFTER = 1;
export const SENTENCE_START = 2;

const LETTER_OR_DIGIT = 1;
const INSIDE = 2; // in the middle class only: marks and ' ’ & -
const OTHER = 3;
/** Class of each BMP character, found once by the Unicode expressions and remembered (0: not yet). */
const bmpClass = new Uint8Array(0x10000);

function classOf(cp: number): number {
  if (cp < 0x10000) {
    const known = bmpClass[cp]!;
    if (known !== 0) return known;
    return (bmpClass[cp] = classify(cp));
  }
  return classify(cp);
}

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (/[\p{L}\p{N}]/u.test(ch)) return LETTER_OR_DIGIT;
  if (/[\p{M}'’&-]/u.test(ch)) return INSIDE;
  return OTHER;
}

/** Letter, digit or period: a character a word may end on. */
function endsWord(cp: number): boolean {
  return cp === 46 || classOf(cp) === LETTER_OR_DIGIT;
}

function inWord(cp: number): boolean {
  return cp === 46 || classOf(cp) !== OTHER;
}

const GAP_BREAK = /[,;:!?()"“”—–]|\s-\s|\n/u;
const DOTTED = /^(?:\p{L}\.)+$/u;

export function tokenize(source: string, titles: ReadonlySet<string>): Tokens {
  const text: string[] = [];
  const flags: number[] = [];
  const n = source.length;
  let last = 0;
  let sentenceStart = true;
  let p = 0;
  while (p < n) {
    let cp = source.charCodeAt(p);
    // ASCII letters and digits start most words; everything else goes through the class table.
    if (!((cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57))) {
      if (cp >= 0xd800 && cp <= 0xdbff) cp = source.codePointAt(p)!;
      if (cp < 128 || classOf(cp) !== LETTER_OR_DIGIT) {
        p += cp > 0xffff ? 2 : 1;
        continue;
      }
    }
    const start = p;
    p += cp > 0xffff ? 2 : 1;
    let end = p;
    let apostropheAt = -1;
    while (p < n) {
      let c = source.charCodeAt(p);
      if (c >= 0xd800 && c <= 0xdbff) c = source.codePointAt(p)!;
      const ascii = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46;
      if (!ascii && !inWord(c)) break;
      if ((c === 39 || c === 0x2019) && apostropheAt === -1) apostropheAt = p;
      p += c > 0xffff ? 2 : 1;
      if (ascii || endsWord(c)) end = p;
    }
    p = end; // what followed the last letter, digit or period is not part of the word
    const apostrophe = apostropheAt !== -1 && apostropheAt < end;

    // Most gaps are one space: only longer ones (or other characters) can hold punctuation.
    if (text.length > 0 && !(start - last === 1 && source.charCodeAt(last) === 32)) {
      const gap = source.slice(last, start);
      if (GAP_BREAK.test(gap)) flags[flags.length - 1]! |= BREAK_AFTER;
      if (gap.includes('!') || gap.includes('?')) sentenceStart = true;
    }
    last = end;

    let wordEnd = end;
    let endsSentence = false;
    const lastChar = source.charCodeAt(end - 1);
    // A final period ends a sentence unless the word is an initial or a dotted abbreviation (`U.S.`).
    if (lastChar === 46 && !DOTTED.test(source.slice(start, end))) {
      wordEnd--;
      endsSentence = !titles.has(source.slice(start, wordEnd).toLowerCase());
    }
    let possessive = false;
    if (apostrophe) {
      // `’s` or a bare `’` at the end (after the period was cut) is dropped; either ends the run.
      const a = source.charCodeAt(wordEnd - 1);
      const b = source.charCodeAt(wordEnd - 2);
      if (a === 115 && (b === 39 || b === 0x2019)) wordEnd -= 2;
      const c = source.charCodeAt(wordEnd - 1);
      if (c === 39 || c === 0x2019) wordEnd -= 1;
      const r = source.charCodeAt(end - 1);
      const r2 = source.charCodeAt(end - 2);
      possessive = r === 39 || r === 0x2019 || (r === 115 && (r2 === 39 || r2 === 0x2019));
    }
    const first = source.charCodeAt(start);
    const plain = ((first >= 97 && first <= 122) || (first >= 48 && first <= 57)) && wordEnd - start > 3;
    text.push(plain ? '' : source.slice(start, wordEnd));
    flags.push((endsSentence || possessive ? BREAK_AFTER : 0) | (sentenceStart ? SENTENCE_START : 0));
    sentenceStart = endsSentence;
  }
  return { text, flags };
}
