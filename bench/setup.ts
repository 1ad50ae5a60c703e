import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The peers are installed for the benchmark only: Hugo from Debian (`apt-get install -y hugo`, as root),
 * Eleventy with `npm install --prefix bench/.peers`, never as a project dependency.
 */
export function ensureHugo(): { bin: string; version: string } | undefined {
  const which = () => spawnSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' }).stdout.trim();
  if (!which() && process.getuid?.() === 0) {
    console.log('installing Hugo: apt-get install -y hugo');
    spawnSync('apt-get', ['install', '-y', 'hugo'], { stdio: 'inherit' });
  }
  const bin = which();
  if (!bin) {
    console.log('Hugo is not installed (run: apt-get install -y hugo); skipping it');
    return undefined;
  }
  const v = /v(\d+\.\d+\.\d+)/.exec(execFileSync(bin, ['version'], { encoding: 'utf8' }))?.[1] ?? '?';
  return { bin, version: `Hugo ${v}` };
}

export const ELEVENTY_VERSION = '3.1.8';

export function ensureEleventy(prefix: string): { bin: string; version: string } | undefined {
  const pkgDir = path.join(prefix, 'node_modules/@11ty/eleventy');
  if (!existsSync(pkgDir)) {
    console.log(`installing Eleventy: npm install --prefix ${prefix} @11ty/eleventy@${ELEVENTY_VERSION}`);
    const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', `@11ty/eleventy@${ELEVENTY_VERSION}`], { stdio: 'inherit' });
    if (r.status !== 0) {
      console.log('could not install Eleventy; skipping it');
      return undefined;
    }
  }
  return { bin: path.join(pkgDir, 'cmd.cjs'), version: `Eleventy ${ELEVENTY_VERSION}` };
}
