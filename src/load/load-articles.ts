import type { ContentError, ParsedArticle } from '../types.js';
import type { ParseCache } from './parse-cache.js';
import { readSourceFiles } from './source-files.js';

/**
 * Reads and parses every article file under `inputDir`, collecting every error rather than stopping
 * at the first. With a `cache` (the dev server), files whose bytes did not change are not parsed again.
 */
export async function loadParsedArticles(inputDir: string, cache?: ParseCache): Promise<{ parsed: ParsedArticle[]; errors: ContentError[] }> {
  const { files, errors } = await readSourceFiles(inputDir);
  // Loaded here, not at start-up: cached builds parse on worker threads (see article-files.ts).
  const { decodeUtf8, parseArticle } = await import('./parse-article.js');
  const parsed: ParsedArticle[] = [];
  for (const f of files) {
    const parse = () => {
      const text = decodeUtf8(f.bytes, f.file);
      return typeof text === 'string' ? parseArticle(text, f.file) : text;
    };
    const result = cache ? cache.get(f.file, f.bytes, parse) : parse();
    if (Array.isArray(result)) errors.push(...result);
    else if ('message' in result) errors.push(result);
    else parsed.push(result);
  }
  return { parsed, errors };
}
