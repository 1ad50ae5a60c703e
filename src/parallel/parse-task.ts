import { readFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import type { ContentError, ParsedArticle } from '../types.js';
import { PackAppender, type BodyRef } from '../cache/body-store.js';
import { contentKey } from '../cache/keys.js';
import { decodeUtf8, parseArticle } from '../load/parse-article.js';
import { unreadable } from '../load/source-files.js';

/** A parsed article without its body, which went to a pack file instead. */
export type ParsedRecord = Omit<ParsedArticle, 'bodyHtml'>;

export interface ParseItem {
  /** Position in the build's file list, so results can be put back in order. */
  index: number;
  /** Absolute path to read. */
  full: string;
  /** Path as shown to the user. */
  file: string;
  /** The file's content key is not known yet: find it from the bytes read (see `scanInputs`). */
  findKey?: boolean;
}

export interface ParseOutcome {
  index: number;
  /** The content key, when the item asked for it. */
  key?: string;
  record?: ParsedRecord;
  body?: BodyRef;
  errors?: ContentError[];
}

export interface ParseBatch {
  items: ParseItem[];
  packDir: string;
  /** The generator's key, part of every content key. */
  generator: string;
  /** Unique per build; the thread id is added, so no two threads ever append to one file. */
  packPrefix: string;
}

/**
 * Reads and parses a batch of files, appending each body to this thread's pack file. The same
 * function runs in worker threads and, for small builds, in the main thread.
 */
export async function parseBatch(batch: ParseBatch): Promise<ParseOutcome[]> {
  const appender = new PackAppender(batch.packDir, `${batch.packPrefix}-${threadId}.pack`);
  try {
    return await parseInto(batch, appender);
  } finally {
    appender.close();
  }
}

async function parseInto(batch: ParseBatch, appender: PackAppender): Promise<ParseOutcome[]> {
  const out: ParseOutcome[] = [];
  for (const item of batch.items) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(item.full);
    } catch (err) {
      out.push({ index: item.index, errors: [unreadable(item.file, err)] });
      continue;
    }
    const key = item.findKey ? contentKey(batch.generator, item.file, bytes) : undefined;
    const text = decodeUtf8(bytes, item.file);
    if (typeof text !== 'string') {
      out.push({ index: item.index, key, errors: [text] });
      continue;
    }
    const result = parseArticle(text, item.file);
    if (Array.isArray(result)) {
      out.push({ index: item.index, key, errors: result });
      continue;
    }
    const { bodyHtml, ...record } = result;
    out.push({ index: item.index, key, record, body: appender.append(bodyHtml) });
  }
  return out;
}
