import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Colour only on a terminal, never with `NO_COLOR` (no-color.org: set and not empty), and never
 * for `TERM=dumb`. `FORCE_COLOR` turns it on without a terminal, but `NO_COLOR` still wins.
 * Unlike picocolors' own guess, a CI environment alone does not turn colour on.
 */
export function colourEnabled(env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  if (env['NO_COLOR']) return false;
  if (env['FORCE_COLOR'] && env['FORCE_COLOR'] !== '0') return true;
  return isTTY === true && env['TERM'] !== 'dumb';
}

export function colorsFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Colors {
  return pc.createColors(colourEnabled(env, stream.isTTY));
}

/** Colours for stdout and stderr separately: one may be a terminal while the other is piped. */
export const out = colorsFor(process.stdout);
export const err = colorsFor(process.stderr);
