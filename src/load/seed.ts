import type { ContentError, ParsedArticle } from '../types.js';
import { calendarDateProblem } from '../model/calendar.js';
import { deriveHeadline, hasWords } from '../model/headline.js';
import { slugFromTitle } from '../model/slug.js';
import { countWords, plainTextToMdast, readingMinutes, renderBody, summarise } from './body.js';
import { splitDateline } from './dateline.js';
import { extractEntities } from './entities.js';
import { excerpt } from './excerpt.js';

// `[^\n]`, not `.`: a first line may hold a line or paragraph separator (U+2028, U+2029), which `.` does not match.
// Any space but a line break between the parts: a no-break space after the date is a space too.
const DATE_LINE = /^\s*date[^\S\n]+(\S+)(?:[^\S\n]+([^\n]*))?$/;

/**
 * The seed format (`.txt`): the first non-blank line is ` date YYYY-MM-DD` followed by the start of
 * the body; the body runs on through the following lines. No title: the headline is derived.
 * `text` has already had its BOM and CR line endings removed.
 */
export function parseSeedArticle(text: string, file: string): ParsedArticle | ContentError {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim().length > 0);
  if (first === -1) return { file, message: 'file is empty: expected a first line like " date 2025-07-04 Moscow, Russia — …"' };
  const line = first + 1;
  const m = DATE_LINE.exec(lines[first]!);
  if (!m) {
    return { file, line, message: `missing date: the first line must start with "date YYYY-MM-DD", found "${excerpt(lines[first]!)}"` };
  }
  const rawDate = m[1]!;
  const problem = calendarDateProblem(rawDate, excerpt(rawDate));
  if (problem) return { file, line, message: `date ${problem}` };
  const bodyText = [m[2] ?? '', ...lines.slice(first + 1)].join('\n').trim();
  if (bodyText.length === 0) return { file, line, message: 'article has a date but no text' };

  const { dateline, rest } = splitDateline(bodyText);
  const body = renderBody(plainTextToMdast(rest));
  const words = countWords(body.text);
  const title = deriveHeadline(body.lede);
  if (!hasWords(title)) return { file, line, message: 'the first sentence has no words to make a headline from' };
  return {
    title,
    titleDerived: true,
    titleSlug: slugFromTitle(title),
    date: rawDate,
    dateline,
    corrections: [],
    tags: [],
    entities: extractEntities(title, body.text, dateline),
    summary: summarise(body.lede),
    wordCount: words,
    readingMinutes: readingMinutes(words),
    draft: false,
    bodyHtml: body.html,
    source: file,
    format: 'seed',
  };
}
