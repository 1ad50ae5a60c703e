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
