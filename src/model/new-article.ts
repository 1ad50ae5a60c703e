import type { CalendarDate } from '../types.js';
import { slugFromTitle } from './slug.js';

export type ArticleFormat = 'md' | 'txt';
export const ARTICLE_FORMATS: readonly ArticleFormat[] = ['md', 'txt'];

/** `2025-03-05-council-opens-the-bridge` (the extension is added by the caller). */
export function newArticleBaseName(title: string, date: CalendarDate): string {
  return `${date}-${slugFromTitle(title)}`;
}

/**
 * The text of a new article, correctly formatted for its format. Markdown gets YAML front matter
 * with the title as a JSON string (always a valid YAML double-quoted scalar, whatever the title
 * holds) and `draft: true`, so the article stays out of the published site until the editor
 * flips it. The seed format has no fields: its headline is derived from the first sentence, so
 * the title is written as that sentence.
 */
export function newArticleText(format: ArticleFormat, title: string, date: CalendarDate): string {
  if (format === 'md') {
    return [
      '---',
      `title: ${JSON.stringify(title)}`,
      `date: ${date}`,
      'draft: true',
      '# summary: One sentence for lists and meta descriptions.',
      '# dateline: City, Country',
      '# author: Your Name',
      '# tags: [topic, another topic]',
      '---',
      '',
      'Write the article here. Blank lines separate paragraphs; this is Markdown.',
      '',
    ].join('\n');
  }
  const sentence = /[.!?…]$/.test(title) ? title : `${title}.`;
  return ` date ${date} ${sentence}\n\nWrite the article here. Blank lines separate paragraphs; this is plain text.\n`;
}

/** A title must be one line of text: it becomes a headline and a file name. */
export function titleProblem(title: string): string | undefined {
  if (title.trim().length === 0) return 'the title is empty';
  if (/[\r\n\u0000]/.test(title)) return 'the title must be a single line';
  return undefined;
}
