import type { CompactText } from '../types.js';

/**
 * The same string stored one byte per character when it is all Latin-1.
 *
 * V8 keeps a string cut from a two-byte string (one holding any character past U+00FF, such as an
 * em dash or a curly quote, which most articles have) two bytes per character, even when the part cut
 * is plain ASCII. A record's headline, slug and path are cut that way from its body, so each took
 * twice the memory it needs, for every article the build holds (about 185 bytes an article in the
 * bench corpus; summaries, which keep their curly quotes, are held as `CompactText` instead).
 * Copying through a Latin-1 buffer gives V8 a one-byte string of the same characters.
 */
export function oneByte(s: string): string {
  if (s.length < 8 || NOT_LATIN1.test(s)) return s;
  return Buffer.from(s, 'latin1').toString('latin1');
}

const NOT_LATIN1 = /[^\x00-\xff]/;

/**
 * The text as its UTF-8 bytes, one byte a character (see `CompactText`). Plain ASCII is copied too: a
 * summary cut from a two-byte body is two bytes a character until it is copied. A text with a lone
 * surrogate (half an emoji, where a summary was cut mid-character) has no UTF-8 form and is kept as it
 * is, so it is published as before; `textOf` tells it apart by its character past Latin-1, which no
 * compacted text has.
 */
export function compactText(s: string): CompactText {
  const stored = LONE_SURROGATE.test(s) ? s : Buffer.from(s, 'utf8').toString('latin1');
  // A cast, because `CompactText` is deliberately not typed as the string it is (see there).
  return stored as unknown as CompactText;
}

/** The text `compactText` was given. */
export function textOf(c: CompactText): string {
  const stored = c as unknown as string;
  return NOT_ASCII.test(stored) && !NOT_LATIN1.test(stored) ? Buffer.from(stored, 'latin1').toString('utf8') : stored;
}

const NOT_ASCII = /[^\x00-\x7f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
