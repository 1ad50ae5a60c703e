/** The command line's exit codes, as documented in the README. */
export const EXIT = {
  /** Everything worked. */
  ok: 0,
  /** Content or config errors: some article or the config file is wrong. */
  content: 1,
  /** Wrong usage (unknown command or option, bad flag value) or an internal error. */
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A usage problem found after commander parsed the flags (a bad `--port`, `SOURCE_DATE_EPOCH`). */
export class UsageError extends Error {}
