import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { folderContents } from '../write/output-marker.js';
import { UsageError } from './exit-codes.js';

/** What an output folder must never be, contain or sit inside: the user's own files. */
export interface GuardedPaths {
  input: string;
  templates?: string;
  config?: string;
  published?: string;
}

const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

/**
 * Refuses an output folder the build would destroy something in. A build replaces its output
 * folder whole (the previous one is moved aside and deleted), so `--out .`, an empty `--out ""`
 * (an unset variable), `--out ~` or `--out seeds` deleted the working folder, the home folder or
 * the articles. Refused with a usage error (exit 2), before anything is read or written:
 * - the file system's root, the home folder, the working folder or a folder holding it;
 * - the input folder, a folder holding it, or a folder inside it (the next build would read the site as articles);
 * - a folder holding the templates, the config file or the list of published URLs;
 * - something that exists and is not a folder.
 */
export function checkOutputFolder(out: string, guarded: GuardedPaths, option = '--out'): void {
  const shown = out === '' ? '""' : out;
  const refuse = (why: string): never => {
    throw new UsageError(`${option} ${shown}: ${why}; the output folder is replaced whole by every build, so choose a folder of its own, such as dist`);
  };
  if (out.trim() === '') refuse('is empty');
  const target = path.resolve(out);
  if (path.dirname(target) === target) refuse("is the file system's root");
  if (target === path.resolve(os.homedir())) refuse('is the home folder');
  if (within(process.cwd(), target)) refuse('is the working folder or holds it');
  const input = path.resolve(guarded.input);
  if (within(input, target)) refuse(`is the input folder ${guarded.input} or holds it`);
  if (within(target, input)) refuse(`is inside the input folder ${guarded.input}`);
  for (const [what, p] of [['templates folder', guarded.templates], ['config file', guarded.config], ['list of published URLs', guarded.published]] as const) {
    if (p !== undefined && within(path.resolve(p), target)) refuse(`holds the ${what} ${p}`);
  }
  try {
    if (!statSync(target).isDirectory()) refuse('exists and is not a folder');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    // Not there yet: the build makes it.
  }
}

/**
 * Refuses to replace a folder of someone else's files. An existing output folder is replaced only
 * when it is empty or an earlier build's: marked as one (see output-marker.ts), or, for a folder
 * written before outputs were marked, recorded as its output by the build's cache (`recordedByCache`).
 */
export function checkOutputIsOurs(out: string, recordedByCache: () => boolean, option = '--out'): void {
  const contents = folderContents(path.resolve(out));
  if (contents.kind !== 'unmarked' || recordedByCache()) return;
  const more = contents.count - contents.sample.length;
  const listed = contents.sample.join(', ') + (more > 0 ? ` and ${more} more` : '');
  throw new UsageError(
    `${option} ${out}: holds files news-archive did not make (${listed}), and a build replaces its output folder whole; ` +
      'move them out, delete the folder, or choose another one',
  );
}
