import type { ParsedArticle, UnreadKeyNote } from '../types.js';

/**
 * The articles' unread front-matter keys summed up by key, in input order: how many files have each,
 * and where the first one is. Keys are listed in code-point order, the same in every locale. (The
 * model stage's records do not carry the keys on: `makeArticle` copies only what pages show.)
 */
export function unreadKeyNotes(parsed: readonly ParsedArticle[]): UnreadKeyNote[] {
  const notes = new Map<string, UnreadKeyNote>();
  for (const article of parsed) {
    for (const { key, line } of article.unreadKeys ?? []) {
      const note = notes.get(key);
      if (note) note.files++;
      else notes.set(key, { key, files: 1, first: { file: article.source, ...(line !== undefined ? { line } : {}) } });
    }
  }
  return [...notes.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
