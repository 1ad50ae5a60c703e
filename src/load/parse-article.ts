import type { ContentError, ParsedArticle } from '../types.js';
import { parseMarkdownArticle } from './markdown.js';
import { parseSeedArticle } from './seed.js';

type Parser = (text: string, file: string) => ParsedArticle | ContentError | ContentError[];

/** One parser per input format, chosen by file extension. */
export const PARSERS: Readonly<Record<string, Parser>> = {
  '.txt': parseSeedArticle,
  '.md': parseMarkdownArticle,
  '.markdown': parseMarkdownArticle,
};

export function isArticleFile(name: string): boolean {
  return Object.hasOwn(PARSERS, extensionOf(name));
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot).toLowerCase();
}

/** Removes a UTF-8 BOM and turns CRLF and lone CR line endings into LF, so parsers see one form. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Parses one article file's text. Pure: the same text and path always give the same result. */
export function parseArticle(text: string, file: string): ParsedArticle | ContentError[] {
  const parser = PARSERS[extensionOf(file)];
  if (!parser) return [{ file, message: `not an article file: expected one of ${Object.keys(PARSERS).join(', ')}` }];
  if (text.includes('\u0000')) {
    const line = text.slice(0, text.indexOf('\u0000')).split('\n').length;
    return [{ file, line, message: 'file contains a NUL character: it looks like a binary file, not an article' }];
  }
  const result = parser(normaliseText(text), file);
  if (Array.isArray(result)) return result;
  return 'message' in result ? [result] : result;
}

/** Decodes bytes as strict UTF-8; invalid bytes are an error naming their line, not silently replaced. */
export function decodeUtf8(bytes: Uint8Array, file: string): string | ContentError {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find the first undecodable byte by decoding leniently and locating the replacement character.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    const line = at === -1 ? undefined : lenient.slice(0, at).split('\n').length;
    return { file, line, message: 'file is not valid UTF-8 text: save it as UTF-8' };
  }
}
