import type { CompactText } from '../types.js';

/**
 * The same string stored one byte per character when it is all Latin-1.
 *
 * V8 keeps a string cut from a two-byte string (one holding any character past U+00FF, such as an
 * em dash or a curly quote, which most articles have) two bytes per character, even when the part cut
 * is plain ASCII. A record's headline, slug and path are cut that way from its body, so each took
 * twice the memory it needs, for every article the build holds (about 185 bytes an article in the
 * bench corpus; its summaries keep a curly quote or an ellipsis, and so two bytes a character).
 * Copying through a Latin-1 buffer gives V8 a one-byte string of the same characters.
 */
export function oneByte(s: string): string {
  if (s.length < 8 || NOT_LATIN1.test(s)) return s;
  return Buffer.from(s, 'latin1').toString('latin1');
}

const NOT_LATIN1 = /[^\x00-\xff]/;

/** The text as its UTF-8 bytes, one byte a character (see `CompactText`). ASCII text is its own UTF-8, and kept as it is. */
export function compactText(s: string): CompactText {
  // A cast, because `CompactText` is deliberately not typed as the string it is (see there).
  return (NOT_ASCII.test(s) ? Buffer.from(s, 'utf8').toString('latin1') : s) as unknown as CompactText;
}

/** The text `compactText` was given. */
export function textOf(c: CompactText): string {
  const bytes = c as unknown as string;
  return NOT_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

const NOT_ASCII = /[^\x00-\x7f]/;
