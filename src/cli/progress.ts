import { createRequire } from 'node:module';
import type { Progress } from '../cache/page-key.js';

/** The bar's library, loaded only for a terminal (CI logs get plain lines). */
const loadBars = (): typeof import('cli-progress') => createRequire(import.meta.url)('cli-progress');

/** Builds smaller than this finish in about a second: no progress output, just the summary line. */
const QUIET_BELOW = 1000;

/**
 * Progress for long builds: a bar with counts and rate on a terminal; on anything else (CI logs)
 * one plain line per phase with its count and time, written to stdout before the summary line.
 */
export function createProgress(stream: NodeJS.WriteStream): { report: Progress; stop: () => void } {
  let quiet: boolean | undefined;
  let phase = '';
  let started = 0;
  let last = { done: 0, total: 0 };
  const bars = stream.isTTY ? loadBars() : undefined;
  const bar = bars
    ? new bars.SingleBar({ format: '{phase} [{bar}] {value}/{total} · {rate}/s', hideCursor: true, clearOnComplete: true, stream, fps: 10 }, bars.Presets.shades_classic)
    : undefined;

  function endPhase(): void {
    if (!phase) return;
    const secs = (performance.now() - started) / 1000;
    if (bar) bar.stop();
    else process.stdout.write(`${phase}: ${last.done} in ${secs.toFixed(2)} s\n`);
  }

  const report: Progress = (name, done, total) => {
    quiet ??= total < QUIET_BELOW;
    if (quiet) return;
    if (name !== phase) {
      endPhase();
      phase = name;
      started = performance.now();
      bar?.start(total || done, 0, { phase: name, rate: 0 });
    }
    last = { done, total };
    if (bar) {
      const secs = (performance.now() - started) / 1000;
      if (!total) bar.setTotal(done);
      bar.update(done, { rate: secs > 0 ? Math.round(done / secs) : 0 });
    }
  };
  return { report, stop: endPhase };
}
