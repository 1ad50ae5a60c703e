import type { ContentError, ParsedArticle } from '../types.js';
import { extensionOf, type ArticleExtension } from './article-files.js';
import { parseMarkdownArticle } from './markdown.js';
import { parseSeedArticle } from './seed.js';

type Parser = (text: string, file: string) => ParsedArticle | ContentError | ContentError[];

/** One parser per input format, chosen by file extension (every one of `ARTICLE_EXTENSIONS`). */
export const PARSERS: Readonly<Record<ArticleExtension, Parser>> = {
  '.txt': parseSeedArticle,
  '.md': parseMarkdownArticle,
  '.markdown': parseMarkdownArticle,
};

/** Removes a UTF-8 BOM and turns CRLF and lone CR line endings into LF, so parsers see one form. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Parses one article file's text. Pure: the same text and path always give the same result. */
export function parseArticle(text: string, file: string): ParsedArticle | ContentError[] {
  const parser = (PARSERS as Readonly<Record<string, Parser>>)[extensionOf(file)];
  if (!parser) return [{ file, message: `not an article file: expected one of ${Object.keys(PARSERS).join(', ')}` }];
  if (text.includes('\u0000')) {
    const line = text.slice(0, text.indexOf('\u0000')).split(/\r\n?|\n/).length;
    return [{ file, line, message: 'file contains a NUL character: it looks like a binary file, not an article' }];
  }
  const control = findForbiddenCharacter(text);
  if (control) {
    const line = text.slice(0, control.index).split(/\r\n?|\n/).length;
    return [{ file, line, message: `file contains the character ${codePoint(control[0])}, which HTML does not allow (a control character or noncharacter); remove it` }];
  }
  let result: ReturnType<Parser>;
  try {
    result = parser(normaliseText(text), file);
  } catch (err) {
    // A parser bug must still name the file and let the rest of the build report its own errors.
    return [{ file, message: `could not be read (internal error, please report it): ${err instanceof Error ? err.message : String(err)}` }];
  }
  if (Array.isArray(result)) return result;
  return 'message' in result ? [result] : result;
}

/**
 * Characters HTML forbids in a page (the W3C checker reports them as errors): C0 controls other
 * than tab, line feed, form feed and carriage return, DEL, C1 controls, lone surrogates and
 * noncharacters. NUL is reported separately above, as a sign of a binary file.
 */
const FORBIDDEN_CHARACTER =
  /[\u0001-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

/**
 * The first character of every match of `FORBIDDEN_CHARACTER`, as one class: scanning for it is several
 * times cheaper than the expression with its look-arounds, which then runs only on the rare text that
 * has one (an emoji's surrogates, say).
 */
const MAYBE_FORBIDDEN = /[\u0001-\u0008\u000B\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** The first character of `text` that HTML does not allow (see `FORBIDDEN_CHARACTER`), if any. */
export function findForbiddenCharacter(text: string): RegExpExecArray | null {
  return MAYBE_FORBIDDEN.test(text) ? FORBIDDEN_CHARACTER.exec(text) : null;
}

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Decodes bytes as strict UTF-8; invalid bytes are an error naming their line, not silently replaced. */
export function decodeUtf8(bytes: Uint8Array, file: string): string | ContentError {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    const line = new TextDecoder('utf-8').decode(bytes.subarray(0, at)).split(/\r\n?|\n/).length;
    return { file, line, message: 'file is not valid UTF-8 text: save it as UTF-8' };
  }
}

/**
 * Where the first byte that is not UTF-8 is, found by halving: a prefix decodes (as a stream, so a
 * sequence cut at its end is not an error) exactly when it ends before that byte. Not by looking for
 * U+FFFD in a lenient decoding, which finds a real U+FFFD written earlier in the file first.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const decodes = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (decodes(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}
