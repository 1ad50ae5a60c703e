import type { Theme } from '../load/theme.js';
import type { PageJob } from '../render/page-job.js';
import type { SiteConfig } from '../types.js';
import { generatorKey, sha256 } from './keys.js';

/** Progress of a phase: `total` is 0 when it is not known in advance. */
export type Progress = (phase: string, done: number, total: number) => void;

/**
 * The key of a rendered page: everything its HTML can depend on — the generator's code, the config,
 * every template and asset, the template name and the page's view (which holds the body HTML). Equal
 * keys mean byte-identical pages, so the page need not be rendered again.
 */
export function pageKeyer(config: SiteConfig, theme: Theme): (job: PageJob) => string {
  const themeParts: (string | Uint8Array)[] = [];
  for (const name of Object.keys(theme.templates).sort()) themeParts.push(name, theme.templates[name]!);
  for (const a of theme.assets) themeParts.push(a.relative, a.bytes);
  const base = sha256(generatorKey(), JSON.stringify(config), ...themeParts);
  return (job) => sha256(base, job.template, JSON.stringify(job.view));
}
