// How much a second thread adds on this machine, for our parse and for plain arithmetic:
//   node scripts/thread-scaling.mjs bench/.work/corpus-4000-42 [threads]
// Each workload runs on one thread, then on `threads` threads at once (same work each); the ratio
// is the throughput of all threads together over one thread's. 2.00 would be perfect on 2 cores.
// Run `npm run prebuild` first: it parses with the compiled `lib/`.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const WORKLOADS = {
  /** Our parse of Markdown articles with front matter (remark underneath). */
  async parse(dir) {
    const { parseArticle } = await import(new URL('../lib/load/parse-article.js', import.meta.url).href);
    const files = [];
    for (const y of readdirSync(dir)) {
      if (!/^\d{4}$/.test(y)) continue;
      for (const f of readdirSync(path.join(dir, y))) if (f.endsWith('.md')) files.push(path.join(dir, y, f));
    }
    const some = files.slice(0, 600).map((f) => [f, readFileSync(f, 'utf8')]);
    for (const [f, text] of some.slice(0, 100)) parseArticle(text, f);
    const t = performance.now();
    for (const [f, text] of some) parseArticle(text, f);
    return performance.now() - t;
  },
  /** Arithmetic on a few registers, no allocation. */
  async compute() {
    const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));
    fib(25);
    const t = performance.now();
    fib(38);
    return performance.now() - t;
  },
};

if (isMainThread) {
  const dir = process.argv[2];
  const threads = Number(process.argv[3] ?? 2);
  if (!dir) throw new Error('usage: node scripts/thread-scaling.mjs <corpus folder> [threads]');
  const runOn = (name, n) =>
    Promise.all(
      Array.from({ length: n }, () => new Promise((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url), { workerData: { name, dir } });
        w.once('message', resolve);
        w.once('error', reject);
      })),
    );
  for (const name of Object.keys(WORKLOADS)) {
    const [one] = await runOn(name, 1);
    const many = await runOn(name, threads);
    const slowest = Math.max(...many);
    console.log(`${name}: one thread ${one.toFixed(0)} ms; ${threads} at once ${many.map((m) => m.toFixed(0)).join(', ')} ms; throughput ×${((threads * one) / slowest).toFixed(2)}`);
  }
} else {
  parentPort.postMessage(await WORKLOADS[workerData.name](workerData.dir));
}
