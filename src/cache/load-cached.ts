import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Article, ContentError, ParsedArticle, UnreadKeyNote } from '../types.js';
import { listSourceFiles, type ListedFile } from '../load/source-files.js';
import { unreadKeyNotes } from '../load/unread-keys.js';
import { inShard, type SplitPart } from '../load/shard.js';
import { StatIndex } from './stat-index.js';
import { assignUrls } from '../model/site-model.js';
import { parseAll } from '../parallel/parse-pool.js';
import type { WorkerPool } from '../parallel/worker-pool.js';
import type { ParseItem } from '../parallel/parse-task.js';
import { PackReader, type BodyRef } from './body-store.js';
import { contentKey, generatorKey, sha256, sha256OfList } from './keys.js';
import { StringPool } from './string-pool.js';
import { hasRecordIndex, loadRecordIndex, saveRecordIndex, type CachedParse } from './record-index.js';

export interface CachedLoadOptions {
  /** Cache folder for this output folder. */
  dir: string;
  /** Parser threads (or a pool); 0 parses in this thread. */
  workers: number | WorkerPool;
  /** Fewer files than this parse in this thread. */
  threshold?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
  /**
   * The build's heap pacer (`HeapPacer`), checked as records arrive and are assembled: the threads'
   * messages, the record index and the stat index die during loading, and without a collection
   * between its steps V8 let the heap grow to the build's peak here (825 MB at 100,000 articles).
   */
  heap?: { check(): void };
  /**
   * Stop the pool's threads as soon as parsing is done (the next task starts new ones): their heaps
   * hold what parsing left, and at 100,000 articles they were over 100 MB of the process's memory
   * while this thread saved the indexes and made the records.
   */
  releaseThreads?: boolean;
}

export interface CachedLoad {
  articles: Article[];
  errors: ContentError[];
  /** Front-matter keys no value of was read (see `unreadKeyNotes`). */
  unreadKeys: UnreadKeyNote[];
  /** Hash of every input's content key, in order: equal when no input changed. */
  inputKey: string;
  parsed: number;
  reused: number;
  /** Reads bodies back; close it when the build is done. */
  bodies: PackReader;
  /**
   * An article's body, read from the cache when a page or feed asks for it. The records' own
   * `bodyHtml` stays '' (not a getter per object, which gave every record its own hidden class).
   */
  bodyOf: (a: Article) => string;
  /**
   * A key of everything an article's page views can show of it: its whole record (with what the
   * model stage gave it: slug, path, topics) and which cached body it has. The record's part is
   * computed once per article; the body's is its place in the packs.
   */
  identityOf: (a: Article) => string;
  /** A key of the record alone, without the body: what `articles.json` shows of an article. */
  recordIdentityOf: (a: Article) => string;
}

const READ_AHEAD = 64;

/** Every input file with its content key: what a build reads before deciding whether anything changed. */
export interface InputScan {
  files: ListedFile[];
  /**
   * Content keys by file. Undefined for a file the scan did not read (see `scanInputs`): the parser
   * finds its key from the bytes it reads anyway.
   */
  keys: (string | undefined)[];
  errors: ContentError[];
  /** Hash of every input's content key, in order (equal when no input changed); undefined until every key is known. */
  inputKey: string | undefined;
  stats: StatIndex;
  generator: string;
}

/**
 * Lists the input and finds every file's content key (its bytes, the path it is reported under and
 * the generator), reading and hashing only files whose metadata changed since the last build. When
 * the cache has no record index yet (a cold build), every file is parsed anyway: their keys are left
 * for the parser threads to find, so the files are not read twice and the threads do not wait.
 */
export async function scanInputs(
  inputDir: string,
  dir: string,
  onProgress?: CachedLoadOptions['onProgress'],
  shard?: SplitPart,
): Promise<InputScan> {
  mkdirSync(dir, { recursive: true });
  const generator = generatorKey();
  const listed = await listSourceFiles(inputDir);
  const { errors } = listed;
  const files = shard ? listed.files.filter((f) => inShard(f.relative, shard)) : listed.files;
  const stats = new StatIndex(dir, generator);
  const readUnknown = hasRecordIndex(dir);
  const keys: (string | undefined)[] = new Array(files.length);
  for (let i = 0; i < files.length; i += READ_AHEAD) {
    const chunk = files.slice(i, i + READ_AHEAD);
    await Promise.all(
      chunk.map(async (f, k) => {
        // A file that cannot be read gets no key here: parsing reports it, with the rest of the input's errors.
        const key = stats.keyOf(f) ?? (readUnknown ? await readFile(f.full).then((bytes) => contentKey(generator, f.file, bytes), () => undefined) : undefined);
        keys[i + k] = key;
        if (key !== undefined) stats.remember(f, key);
      }),
    );
    onProgress?.('reading', Math.min(i + READ_AHEAD, files.length), files.length);
  }
  const known = keys.every((k) => k !== undefined);
  return { files, keys, errors, inputKey: known ? sha256OfList(keys as string[]) : undefined, stats, generator };
}

/**
 * Phase one for large archives: files seen before (same content key) reuse their cached record, the
 * rest are parsed on worker threads. Only the small records stay in memory; each article's
 * `bodyHtml` is read from the cache when asked for.
 */
export async function loadArticlesCached(inputDir: string, options: CachedLoadOptions, scanned?: InputScan): Promise<CachedLoad> {
  const scan = scanned ?? (await scanInputs(inputDir, options.dir, options.onProgress));
  const { parsed, bodyOf, errors, inputKey, misses } = await parseMisses(scan, options);
  // The record index, the threads' messages and the stat index are garbage now: collected before
  // the URL stage copies every record again, not after (at 100,000 articles the build's peak), and
  // the parsed records while it does.
  options.heap?.check();
  const bodies = new PackReader(options.dir);
  const unreadKeys = unreadKeyNotes(parsed);
  const { articles, errors: urlErrors } = assignUrls(parsed, options.heap && (() => options.heap!.check()));
  return {
    ...bodyAccess(bodyOf, bodies),
    articles,
    errors: [...errors, ...urlErrors],
    unreadKeys,
    inputKey,
    parsed: misses,
    reused: scan.files.length - misses,
  };
}

/** What `--shard K/N` did: this shard's files, and how many of them were parsed (the rest were cached). */
export interface ShardParse {
  files: number;
  parsed: number;
  errors: ContentError[];
}

/**
 * `--shard K/N`: parses only this shard's files into the cache, and nothing more (no URLs, no
 * pages: those need every article). Each shard's cache folder is then merged into the cache of the
 * build that makes the site (`--cache-from`, see merge-cache.ts), which so parses nothing.
 */
export async function parseShardIntoCache(inputDir: string, options: CachedLoadOptions, shard: SplitPart): Promise<ShardParse> {
  const scan = await scanInputs(inputDir, options.dir, options.onProgress, shard);
  const { errors, misses } = await parseMisses(scan, options);
  return { files: scan.files.length, parsed: misses, errors };
}

/**
 * Every input's record, from the record index or parsed on the threads, in input order, with the
 * place of its body in the cache; saves the record and stat indexes for the next build.
 */
async function parseMisses(
  scan: InputScan,
  options: CachedLoadOptions,
): Promise<{ parsed: ParsedArticle[]; bodyOf: Map<string, BodyRef>; errors: ContentError[]; inputKey: string; misses: number }> {
  const { files, keys } = scan;
  const errors = [...scan.errors];
  const index = loadRecordIndex(options.dir);
  options.heap?.check();
  const misses: ParseItem[] = [];
  keys.forEach((key, i) => {
    if (key === undefined || !index.has(key)) misses.push({ index: i, full: files[i]!.full, file: files[i]!.file, findKey: key === undefined });
  });

  let parsedDone = 0;
  const strings = new StringPool();
  const outcomes = await parseAll(misses, { packDir: options.dir, generator: scan.generator }, `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`, options.workers, (done) => {
    // Pooled as each batch arrives: the threads' copies of repeated strings (dates, names, tags) then
    // die a batch at a time, not all at once after the last batch (at 100,000 articles the main
    // thread's heap had 321 MB in use at that moment, Node's peak for the whole build).
    for (const o of done) if (o.record && o.body) strings.internRecord(o.record), (o.body.pack = strings.of(o.body.pack));
    options.onProgress?.('parsing', (parsedDone += done.length), misses.length);
    options.heap?.check();
  }, options.threshold);
  if (options.releaseThreads && typeof options.workers !== 'number') await options.workers.destroy();
  // Inputs whose record was parsed now, and so pooled already as it arrived (one byte per input).
  const pooled = new Uint8Array(keys.length);
  for (const o of outcomes) {
    if (o.key !== undefined) keys[o.index] = o.key, scan.stats.remember(files[o.index]!, o.key);
    if (o.errors) errors.push(...o.errors);
    else if (o.record && o.body) index.set(keys[o.index]!, { record: o.record, body: o.body }), (pooled[o.index] = 1);
  }
  const inputKey = scan.inputKey ?? sha256OfList(keys as string[]);

  const current = new Map<string, CachedParse>();
  const bodyOf = new Map<string, BodyRef>();
  (keys as string[]).forEach((key, i) => {
    if (current.size % 4096 === 0) options.heap?.check();
    const hit = index.get(key);
    if (!hit) return; // a file with errors
    if (pooled[i] === 0) strings.internRecord(hit.record), (hit.body.pack = strings.of(hit.body.pack));
    current.set(key, hit);
    bodyOf.set(hit.record.source, hit.body);
  });
  saveRecordIndex(options.dir, current);
  scan.stats.save();
  // Each record becomes its article's parsed form in place, once saved: a copy of each was, for a
  // moment, a second set of records at the build's busiest point.
  const parsed: ParsedArticle[] = [];
  for (const hit of current.values()) parsed.push(Object.assign(hit.record, { bodyHtml: '' }));
  return { parsed, bodyOf, errors, inputKey, misses: misses.length };
}

/**
 * The build's ways to an article's body and identity. Made out here, not as closures inside
 * `loadArticlesCached`: a closure there would keep that function's whole scope alive for the rest of
 * the build (V8 gives all closures of a function one context), and with it the file list, the stat
 * index and the record index: at 100,000 articles tens of megabytes no stage after loading needs.
 */
function bodyAccess(refs: Map<string, BodyRef>, bodies: PackReader): Pick<CachedLoad, 'bodyOf' | 'identityOf' | 'recordIdentityOf' | 'bodies'> {
  const records = new Map<string, string>();
  const recordIdentityOf = (a: Article) => {
    let id = records.get(a.source);
    if (id === undefined) records.set(a.source, (id = recordIdentity(a)));
    return id;
  };
  return {
    bodies,
    bodyOf: (a: Article) => bodies.read(refs.get(a.source)!),
    recordIdentityOf,
    // The body's place in the packs, not its hash: a place is written once and never changes.
    identityOf: (a: Article) => {
      const ref = refs.get(a.source)!;
      return `${recordIdentityOf(a)} ${ref.pack}@${ref.offset}+${ref.length}`;
    },
  };
}

/** Every member of the record but the body (read from the cache, never held). */
function recordIdentity(a: Article): string {
  const parts: string[] = [];
  for (const key of (Object.keys(a) as (keyof Article)[]).sort()) {
    // A member set to undefined is the same record as one without it (records round-trip through JSON).
    const value = key === 'bodyHtml' ? undefined : JSON.stringify(a[key]);
    if (value !== undefined) parts.push(key, value);
  }
  return sha256(...parts);
}
