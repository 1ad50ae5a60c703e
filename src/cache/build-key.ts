import type { Theme } from '../load/theme.js';
import type { SiteConfig } from '../types.js';
import { sha256 } from './keys.js';
import { pageKeyBase } from './page-key.js';

/**
 * The key of a whole build: every input file's content key (which holds the generator's code),
 * the config, every template and asset, and the publishing rules (the build's date decides which
 * embargoes are lifted). The same key over an untouched output folder means the same output, so
 * nothing needs rendering at all.
 */
export function wholeBuildKey(inputKey: string, config: SiteConfig, theme: Theme, settings: Record<string, unknown>): string {
  return sha256(inputKey, pageKeyBase(config, theme), JSON.stringify(settings));
}
