import path from 'node:path';
import type { ContentError } from '../types.js';

/**
 * liquidjs ends its first line with where it failed: `…, file:article.liquid, line:8, col:9`, or
 * `…, line:1, col:4` without the file when rendering (`renderPageSync` then names the page's template).
 */
const WHERE = /^(.*?)(?:, file:([^,\n]+))?, line:(\d+), col:\d+$/;

/**
 * A template that failed to parse or render, as an error in that template's file and line, or
 * undefined when `e` is no template's doing. liquidjs errors carry the token they failed at; one
 * thrown on a render thread comes back as a plain error, and is known by that first line.
 */
export function templateError(e: unknown, templatesDir: string): ContentError | undefined {
  if (!(e instanceof Error)) return undefined;
  const first = e.message.split('\n', 1)[0]!;
  const where = WHERE.exec(first);
  if (!where && !('token' in e)) return undefined;
  const file = where?.[2] ?? ('template' in e && typeof e.template === 'string' ? e.template : undefined);
  if (!where || file === undefined) return { file: templatesDir, message: `a template failed to render: ${first}` };
  return { file: path.join(templatesDir, file), line: Number(where[3]), message: `template failed: ${where[1]}` };
}
