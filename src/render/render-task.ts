import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Liquid } from 'liquidjs';
import { pageKey } from '../cache/page-key.js';
import { sha256 } from '../cache/keys.js';
import { createTemplateEngine } from './engine.js';
import { renderPageSync, type PageJob } from './page-job.js';
import { checkRelativePath } from '../write/writer.js';
import { FolderMaker } from '../write/folder-maker.js';
import { sameBytes } from '../write/same-bytes.js';
import { memlog } from './memlog.js';
import { INDEXED_MARKER } from '../search/marker.js';

export interface RenderItem {
  /** Output file, relative to the output folder. */
  file: string;
  template: string;
  /** Absent for a page kept from the previous build (its key is unchanged): it only keeps its place in the order. */
  view?: PageJob['view'];
  /** The page's key when the main thread found it (`pageInputKey`); else it is computed here from the view. */
  key?: string;
  /** The key this file had in the previous build: an equal key means it need not be rendered. */
  previousKey?: string;
  /**
   * A list page whose input key (`key`) changed: its view is hashed too, the file is written only
   * if that hash differs from `previousKey` (then the view hash the previous build recorded), and its
   * key becomes `<input key>/<view hash>` (see `renderPages`).
   */
  byView?: boolean;
}

export interface RenderBatch {
  templates: Record<string, string>;
  /** Set when pages are keyed (incremental builds): see `pageKey`. */
  keyBase?: string;
  /** A writer's staging folder: files are written into it and the writer adopts them. */
  stagingDir: string;
  /**
   * The output folder, untouched until the writer commits: a page that had a file there (it has a
   * `previousKey`) and renders to the same bytes is left there, not written again (`written: false`).
   */
  outDir?: string;
  items: RenderItem[];
}

export interface Rendered {
  file: string;
  key?: string;
  written: boolean;
  /** For a written HTML page: whether it opts in to search (see `Writer.adopt`). */
  optsInToSearch?: boolean;
}

/** One engine per theme per thread: Liquid parses each template once and keeps it. */
const engines = new Map<string, Liquid>();
const folders = new FolderMaker();

/**
 * Renders pages with the same `renderPage` the single-threaded build uses and writes them into the
 * staging folder, skipping pages whose key is unchanged. Runs in worker threads (and in this thread
 * when there are none); only the small `Rendered` records go back, never the HTML.
 */
export function renderBatch(batch: RenderBatch): Rendered[] {
  memlog('render');
  const themeId = sha256(...Object.entries(batch.templates).flat());
  let engine = engines.get(themeId);
  if (!engine) engines.set(themeId, (engine = createTemplateEngine(batch.templates)));
  const out: Rendered[] = [];
  for (const item of batch.items) {
    const rel = checkRelativePath(item.file);
    if (item.view === undefined) {
      out.push({ file: rel, key: item.key, written: false });
      continue;
    }
    const viewKey =
      batch.keyBase !== undefined && (item.byView || item.key === undefined) ? pageKey(batch.keyBase, { template: item.template, view: item.view }) : undefined;
    const key = item.byView ? `${item.key}/${viewKey}` : (item.key ?? viewKey);
    // A list page re-keyed by its view compares the view's hash; any other page its whole key.
    if (item.byView ? viewKey !== undefined && viewKey === item.previousKey : key !== undefined && key === item.previousKey) {
      out.push({ file: rel, key, written: false });
      continue;
    }
    const bytes = Buffer.from(renderPageSync(engine, { template: item.template, view: item.view }));
    if (item.previousKey !== undefined && batch.outDir !== undefined && sameBytes(path.join(batch.outDir, rel), bytes)) {
      out.push({ file: rel, key, written: false });
      continue;
    }
    const full = path.join(batch.stagingDir, rel);
    folders.ensureParent(full);
    writeFileSync(full, bytes);
    out.push({ file: rel, key, written: true, optsInToSearch: bytes.includes(INDEXED_MARKER) });
  }
  return out;
}
