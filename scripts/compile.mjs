#!/usr/bin/env node
// Compiles src/ to plain JavaScript in lib/ (git-ignored) with esbuild, one file per source file and
// the same folder layout, so paths relative to a module (`import.meta.url`) mean the same in both.
// Running compiled JS skips tsx's start-up and on-the-fly transpiling in the CLI and in every worker
// thread. bin/news-archive.js uses lib/ only while it is fresh (see lib-freshness.mjs), else tsx.
// Only Node built-ins and esbuild here.
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const lib = path.join(root, 'lib');

export async function compile() {
  const files = readdirSync(src, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const rel = (e) => path.relative(src, path.join(e.parentPath, e.name));
  const entries = files.filter((e) => e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')).map((e) => path.join(src, rel(e)));
  // Build beside lib/ and swap it in, so a CLI starting meanwhile never sees half a folder.
  const tmp = `${lib}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: entries,
    outdir: tmp,
    outbase: src,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
  });
  // Plain JavaScript files (browser scripts read as text, worker entries) are copied as they are.
  for (const e of files.filter((e) => /\.(m?js)$/.test(e.name))) {
    mkdirSync(path.dirname(path.join(tmp, rel(e))), { recursive: true });
    cpSync(path.join(src, rel(e)), path.join(tmp, rel(e)));
  }
  // The name finder's lexicon, extracted from compromise once here instead of in every process.
  const { nameLexiconFromCompromise, LEXICON_FILE } = await import(pathToFileURL(path.join(tmp, 'load/name-lexicon.js')).href);
  writeFileSync(path.join(tmp, 'load', LEXICON_FILE), JSON.stringify(await nameLexiconFromCompromise()));
  writeFileSync(path.join(tmp, '.compiled'), `${new Date().toISOString()}\n`);
  const old = `${lib}.old-${process.pid}`;
  try {
    renameSync(lib, old);
  } catch {
    /* no lib/ yet */
  }
  renameSync(tmp, lib);
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await compile();
