import type { ContentError, ParsedArticle } from '../types.js';
import { decodeUtf8, parseArticle } from './parse-article.js';
import { readSourceFiles } from './source-files.js';

/** Reads and parses every article file under `inputDir`, collecting every error rather than stopping at the first. */
export async function loadParsedArticles(inputDir: string): Promise<{ parsed: ParsedArticle[]; errors: ContentError[] }> {
  const { files, errors } = await readSourceFiles(inputDir);
  const parsed: ParsedArticle[] = [];
  for (const f of files) {
    const text = decodeUtf8(f.bytes, f.file);
    if (typeof text !== 'string') {
      errors.push(text);
      continue;
    }
    const result = parseArticle(text, f.file);
    if (Array.isArray(result)) errors.push(...result);
    else parsed.push(result);
  }
  return { parsed, errors };
}
