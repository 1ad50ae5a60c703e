/**
 * `npm run bench -- --sizes 1000,4000 --reps 1`: builds the same synthetic corpora with this project
 * and with Hugo and Eleventy, interleaved in one run (so machine load hits every tool alike), and
 * prints one table. Not a test: timings depend on the machine and its load, so they live here.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.js';
import { measure, type Measurement } from './measure.js';
import { writeEleventySite, writeHugoSite } from './peers.js';
import { ensureEleventy, ensureHugo } from './setup.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const work = path.join(benchDir, '.work');

interface Options {
  sizes: number[];
  reps: number;
  seed: number;
  peers: string[];
  /** Also time the full site split over this many machines (0: not), each step alone on this one. */
  split: number;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { sizes: [1000, 4000], reps: 1, seed: 42, peers: ['hugo', 'eleventy'], split: 0 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--sizes') opts.sizes = value.split(',').map((s) => Number(s.replace(/k$/i, '000')));
    else if (flag === '--reps') opts.reps = Number(value);
    else if (flag === '--seed') opts.seed = Number(value);
    else if (flag === '--peers') opts.peers = value.split(',').filter(Boolean);
    else if (flag === '--split') opts.split = value === '' ? NaN : Number(value);
    else throw new Error(`unknown option ${flag}; use --sizes 1000,4000 --reps 1 --seed 42 --peers hugo,eleventy --split 2`);
    i++;
  }
  if (opts.sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new Error('--sizes takes whole numbers ≥ 10, e.g. 1000,4000,20000');
  if (!Number.isInteger(opts.split) || opts.split < 0 || opts.split === 1) throw new Error('--split takes a number of machines ≥ 2 (or 0, the default: not timed)');
  return opts;
}

function load(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' ');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

/** A named build that can be run again from a clean state. */
interface Tool {
  name: string;
  run(): Measurement;
}

function ourBuild(corpus: string, out: string, cache: string, templates?: string, more: string[] = []): Measurement {
  const args = [path.join(repoRoot, 'bin/news-archive.js'), 'build', '--input', corpus, '--out', out, '--cache-dir', cache, ...more];
  if (templates) args.push('--templates', templates);
  return measure(process.execPath, args, repoRoot);
}

/**
 * The full site split over `n` machines (README, "Past one machine"), each step run alone here one
 * after another: `n` parse shards, then `n` page shards given every parse shard's cache, then the
 * build that puts the pages together. What `n` machines would take is the longest path: the slowest
 * parse shard, the slowest page shard and the last step (copying caches and parts between machines
 * not counted). Its peak is the largest of any step's.
 */
function splitBuild(corpus: string, dir: (name: string) => string, n: number): Measurement {
  const parts = Array.from({ length: n }, (_, i) => i + 1);
  fresh(...parts.flatMap((k) => [dir(`parse-${k}`), dir(`part-${k}`), dir(`part-${k}-cache`)]), dir('final'), dir('final-cache'), dir('unused'));
  const parse = parts.map((k) => ourBuild(corpus, dir('unused'), dir(`parse-${k}`), undefined, ['--shard', `${k}/${n}`]));
  const caches = parts.map((k) => dir(`parse-${k}`));
  const pages = parts.map((k) => ourBuild(corpus, dir(`part-${k}`), dir(`part-${k}-cache`), undefined, ['--cache-from', ...caches, '--page-shard', `${k}/${n}`]));
  const last = ourBuild(corpus, dir('final'), dir('final-cache'), undefined, ['--cache-from', ...caches, '--pages-from', ...parts.map((k) => dir(`part-${k}`))]);
  const steps = [...parse, ...pages, last];
  const failed = steps.find((m) => !m.ok);
  const slowest = (ms: Measurement[]) => Math.max(...ms.map((m) => m.seconds));
  const times = (ms: Measurement[]) => ms.map((m) => m.seconds.toFixed(2)).join(' and ');
  return {
    detail: `parse shards ${times(parse)} s, page shards ${times(pages)} s, put together ${times([last])} s`,
    seconds: slowest(parse) + slowest(pages) + last.seconds,
    peakMb: Math.max(...steps.map((m) => m.peakMb)),
    ok: failed === undefined,
    tail: failed?.tail ?? '',
  };
}

/** The last Markdown file of the corpus's newest year folder. */
function newestMarkdown(corpus: string): string {
  const years = readdirSync(corpus).filter((d) => /^\d{4}$/.test(d)).sort();
  const year = years[years.length - 1];
  const file = year === undefined ? undefined : readdirSync(path.join(corpus, year)).filter((f) => f.endsWith('.md')).sort().pop();
  if (year === undefined || file === undefined) throw new Error(`no Markdown file in the newest year of ${corpus}`);
  return path.join(corpus, year, file);
}

/**
 * Old outputs are moved aside (into `.work/.trash`, emptied when the run is over), not deleted, before
 * a timed build. On this machine's ext4, which has no journal, the kernel skips inodes freed in the
 * last minute or more when it allocates new ones (`recently_deleted` in `fs/ext4/ialloc.c`), so a
 * build that creates tens of thousands of files right after tens of thousands were deleted spends most
 * of its writing in `mkdir` and `open`: 24–26 s against 10–11 s to write the 20,000-article minimal
 * site (`perf record -a -g` showed `recently_deleted` in half the samples). Deleting would tax
 * whichever tool ran next by the size of the output before it.
 */
const trash = path.join(work, '.trash');
let trashed = 0;

function fresh(...dirs: string[]): void {
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    mkdirSync(trash, { recursive: true });
    renameSync(d, path.join(trash, `${process.pid}-${trashed++}`));
  }
}

function emptyTrash(): void {
  rmSync(trash, { recursive: true, force: true });
}

interface Row {
  size: number;
  name: string;
  m: Measurement[];
  vsPeers: boolean;
  vsCold?: string;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const hugo = opts.peers.includes('hugo') ? ensureHugo() : undefined;
  const eleventy = opts.peers.includes('eleventy') ? ensureEleventy(path.join(benchDir, '.peers')) : undefined;
  const header = [
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
    `peers: ${hugo?.version ?? 'Hugo not installed'}; ${eleventy?.version ?? 'Eleventy not installed'}`,
    `command: npm run bench -- --sizes ${opts.sizes.join(',')} --reps ${opts.reps} --seed ${opts.seed}${opts.split > 0 ? ` --split ${opts.split}` : ''}`,
    `load at start: ${load()}`,
  ];
  for (const line of header) console.log(line);
  const rows: Row[] = [];

  for (const size of opts.sizes) {
    const corpus = path.join(work, `corpus-${size}-${opts.seed}`);
    if (!existsSync(path.join(corpus, '.complete'))) {
      fresh(corpus);
      console.log(`generating ${size} articles…`);
      writeCorpus(corpus, size, opts.seed);
      writeFileSync(path.join(corpus, '.complete'), '');
    }
    // Conversion for the peers happens here, outside every timed run.
    const hugoSite = path.join(work, `hugo-${size}-${opts.seed}`);
    if (hugo && !existsSync(path.join(hugoSite, '.complete'))) {
      fresh(hugoSite);
      writeHugoSite(corpus, hugoSite);
      writeFileSync(path.join(hugoSite, '.complete'), '');
    }
    const elSite = path.join(work, `eleventy-${size}-${opts.seed}`);
    if (eleventy && !existsSync(path.join(elSite, '.complete'))) {
      fresh(elSite);
      writeEleventySite(corpus, elSite);
      writeFileSync(path.join(elSite, '.complete'), '');
    }

    const out = (name: string) => path.join(work, `out-${name}-${size}`);
    const cache = (name: string) => path.join(work, `cache-${name}-${size}`);
    const tools: Tool[] = [
      { name: 'news-archive, full site', run: () => (fresh(out('full'), cache('full')), ourBuild(corpus, out('full'), cache('full'))) },
      {
        name: 'news-archive, minimal templates',
        run: () => (fresh(out('min'), cache('min')), ourBuild(corpus, out('min'), cache('min'), path.join(benchDir, 'templates-minimal'))),
      },
    ];
    if (opts.split > 0) {
      const name = `news-archive, full site split over ${opts.split} machines (longest path)`;
      tools.push({ name, run: () => splitBuild(corpus, (part) => path.join(work, `split-${size}`, part), opts.split) });
    }
    if (hugo) tools.push({ name: `${hugo.version}, minimal templates`, run: () => (fresh(path.join(hugoSite, 'public')), measure(hugo.bin, ['--quiet', '-s', hugoSite], hugoSite)) });
    if (eleventy) tools.push({ name: `${eleventy.version}, minimal templates`, run: () => (fresh(path.join(elSite, '_site')), measure(process.execPath, [eleventy.bin, '--quiet', '--config=eleventy.config.cjs'], elSite)) });

    const results = new Map<string, Measurement[]>(tools.map((t) => [t.name, []]));
    for (let rep = 0; rep < opts.reps; rep++) {
      // Rotate the order each repetition, so no tool always runs first (cold file cache) or last.
      for (let k = 0; k < tools.length; k++) {
        const t = tools[(k + rep) % tools.length]!;
        process.stdout.write(`${size}: ${t.name} (run ${rep + 1}/${opts.reps})… `);
        const m = t.run();
        console.log(m.ok ? `${m.seconds.toFixed(2)} s, ${m.peakMb.toFixed(0)} MB${m.detail ? ` (${m.detail})` : ''}` : `FAILED\n${m.tail}`);
        results.get(t.name)!.push(m);
      }
    }
    // Rebuilds of the full site, on the output and cache of its last cold build.
    const coldFull = median(results.get(tools[0]!.name)!.map((m) => m.seconds));
    const ratio = (ms: Measurement[]) => `${(median(ms.map((m) => m.seconds)) / coldFull).toFixed(2)}×`;
    for (const t of tools) {
      const m = results.get(t.name)!;
      const split = t.name.includes(' split over ');
      rows.push({ size, name: t.name, m, vsPeers: t.name.startsWith('news-archive'), vsCold: split ? ratio(m) : undefined });
    }
    // Each rebuild sees exactly one file changed since the build before it: the edits are undone only
    // once all rebuilds are done (undoing one between two builds would be a second change).
    const noChange: Measurement[] = [];
    const firstShard: Measurement[] = [];
    const newestYear: Measurement[] = [];
    // Article 1 is always a Markdown file from 2000 (see corpus.ts), so every size edits the same one; its
    // search shard is the first and a full one (the most Pagefind work). The newest year's last Markdown
    // file is where a newsroom's edits mostly fall, and its shard is the newest, often a small one.
    const targets = [path.join(corpus, '2000', '000001.md'), newestMarkdown(corpus)];
    const originals = targets.map((t) => readFileSync(t, 'utf8'));
    const edit = (i: number, rep: number) => writeFileSync(targets[i]!, `${originals[i]!.trimEnd()} One more sentence, edit ${rep + 1}.\n`);
    try {
      for (let rep = 0; rep < opts.reps; rep++) {
        edit(0, rep);
        firstShard.push(ourBuild(corpus, out('full'), cache('full')));
        noChange.push(ourBuild(corpus, out('full'), cache('full')));
        edit(1, rep);
        newestYear.push(ourBuild(corpus, out('full'), cache('full')));
      }
    } finally {
      targets.forEach((t, i) => writeFileSync(t, originals[i]!));
    }
    rows.push({ size, name: 'news-archive rebuild, no change', m: noChange, vsPeers: false, vsCold: ratio(noChange) });
    rows.push({ size, name: 'news-archive rebuild, one article changed (first search shard)', m: firstShard, vsPeers: false, vsCold: ratio(firstShard) });
    rows.push({ size, name: `news-archive rebuild, one article changed (newest year, ${path.relative(corpus, targets[1]!)})`, m: newestYear, vsPeers: false, vsCold: ratio(newestYear) });
    console.log(`load after ${size}: ${load()}`);
  }

  console.log(`\nload at end: ${load()}\n`);
  console.log(table(rows, hugo?.version, eleventy?.version));
  emptyTrash();
}

function table(rows: Row[], hugoName?: string, eleventyName?: string): string {
  const lines = [
    '| articles | build | wall time | peak RSS | ÷ Hugo | ÷ Eleventy | ÷ our cold build |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const ok = r.m.every((m) => m.ok);
    const secs = median(r.m.map((m) => m.seconds));
    const mb = median(r.m.map((m) => m.peakMb));
    const peer = (name?: string) => {
      if (!r.vsPeers || !name || !ok) return '';
      const p = rows.find((x) => x.size === r.size && x.name.startsWith(name));
      return p && p.m.every((m) => m.ok) ? `${(secs / median(p.m.map((m) => m.seconds))).toFixed(2)}×` : '';
    };
    lines.push(
      `| ${r.size.toLocaleString('en-US')} | ${r.name} | ${ok ? `${secs.toFixed(2)} s` : 'failed'} | ${ok ? `${mb.toFixed(0)} MB` : ''} | ${peer(hugoName)} | ${peer(eleventyName)} | ${r.vsCold ?? ''} |`,
    );
  }
  return lines.join('\n');
}

main();
