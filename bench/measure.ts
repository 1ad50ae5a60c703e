import { spawnSync } from 'node:child_process';

export interface Measurement {
  seconds: number;
  peakMb: number;
  ok: boolean;
  /** The last lines of output, for a failed run. */
  tail: string;
  /** What went into the figures, printed beside them (the steps of a split build). */
  detail?: string;
}

/**
 * Runs a command under GNU time (`/usr/bin/time -v`), so wall time and peak RSS come from the OS
 * and cover every thread the tool starts, not from inside the measured process.
 */
export function measure(command: string, args: string[], cwd: string): Measurement {
  const r = spawnSync('/usr/bin/time', ['-v', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const err = r.stderr ?? '';
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(err);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  const ok = r.status === 0 && /Exit status: 0/.test(err);
  const tail = `${r.stdout ?? ''}\n${err}`.trim().split('\n').slice(-12).join('\n');
  return { seconds, peakMb: rss ? Number(rss[1]) / 1024 : NaN, ok, tail };
}
