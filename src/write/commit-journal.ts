import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Patching an output folder in place, so that an incremental build costs what it changed, not what
 * the site holds (re-linking every kept file into a new folder is one mkdir and one link per page:
 * at 20,000 articles that is most of a one-article rebuild). Before anything in the output moves,
 * a journal lists every file the patch replaces, adds or removes; every replaced or removed file
 * is first hard-linked (or moved) into the journal's backup folder. A patch that fails, or a build
 * killed in the middle of one, is rolled back from the journal (by the build itself on failure, by
 * the next build's `recoverLeftovers` after a kill), so the previous output comes back byte for
 * byte. The journal file's removal is the commit point.
 */
export interface Patch {
  /** Files written into `stagingDir`, to be moved into the output (new or replacing a file). */
  changed: string[];
  /** Files of the previous output the new site no longer has. */
  removed: string[];
}

/** The file operations a patch makes, so a test can stop one at any step, as a kill would. */
export interface PatchOps {
  rename(from: string, to: string): void;
  link(existing: string, link: string): void;
}

const NODE_OPS: PatchOps = { rename: renameSync, link: linkSync };

const JOURNAL_FILE = 'journal.json';

/** Where a writer with this staging folder keeps its journal: a sibling, cleaned up with the other leftovers. */
export function journalDirOf(stagingDir: string): string {
  return `${stagingDir}.journal`;
}

interface Journal {
  out: string;
  /** Changed files that replace a file of the previous output (backed up before they are replaced). */
  replaced: string[];
  /** Changed files the previous output did not have. */
  added: string[];
  removed: string[];
}

function ensureParent(file: string, made: Set<string>): void {
  const dir = path.dirname(file);
  if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
}

/** Removes folders left empty by removed files, up to (not including) the output folder. */
function pruneEmptyParents(out: string, rel: string): void {
  for (let dir = path.dirname(rel); dir !== '.' && dir !== '/'; dir = path.dirname(dir)) {
    try {
      rmdirSync(path.join(out, dir));
    } catch {
      return; // not empty (or already gone): nothing above it is empty either
    }
  }
}

/**
 * Applies `patch` to `out`: journal first, then backups, then the moves. Throws on the first
 * failure, leaving the journal for `rollBack` (the caller rolls back at once; a killed process
 * leaves it for the next build). On success the journal and backups are gone.
 */
export function applyPatch(out: string, stagingDir: string, journalDir: string, patch: Patch, ops: PatchOps = NODE_OPS): void {
  const backup = path.join(journalDir, 'backup');
  mkdirSync(backup, { recursive: true });
  // Which changed files replace one is decided before anything moves, so a rollback never takes a
  // file that was not backed up yet for one the patch added.
  const replaced = patch.changed.filter((rel) => existsSync(path.join(out, rel)));
  const replacing = new Set(replaced);
  const journal: Journal = { out, replaced, added: patch.changed.filter((rel) => !replacing.has(rel)), removed: patch.removed };
  writeFileSync(path.join(journalDir, `${JOURNAL_FILE}.tmp`), JSON.stringify(journal));
  renameSync(path.join(journalDir, `${JOURNAL_FILE}.tmp`), path.join(journalDir, JOURNAL_FILE));
  const made = new Set<string>();
  for (const rel of patch.changed) {
    const target = path.join(out, rel);
    if (replacing.has(rel)) {
      const kept = path.join(backup, rel);
      ensureParent(kept, made);
      ops.link(target, kept);
    } else ensureParent(target, made);
    ops.rename(path.join(stagingDir, rel), target);
  }
  for (const rel of patch.removed) {
    const kept = path.join(backup, rel);
    ensureParent(kept, made);
    ops.rename(path.join(out, rel), kept);
    pruneEmptyParents(out, rel);
  }
  // The commit point: from here on the patch stands.
  rmSync(path.join(journalDir, JOURNAL_FILE));
  rmSync(journalDir, { recursive: true, force: true });
}

/**
 * Undoes whatever part of a journaled patch was applied: every backed-up file goes back, every file
 * the patch added is removed. Safe to run again after being interrupted itself. Returns false
 * when `journalDir` holds no journal (nothing to undo).
 */
export function rollBack(journalDir: string): boolean {
  const file = path.join(journalDir, JOURNAL_FILE);
  if (!existsSync(file)) return false;
  const journal = JSON.parse(readFileSync(file, 'utf8')) as Journal;
  const backup = path.join(journalDir, 'backup');
  const made = new Set<string>();
  // A replaced or removed file not in the backup was never touched; an added file not in place was never moved.
  for (const rel of [...journal.replaced, ...journal.removed]) {
    const kept = path.join(backup, rel);
    if (!existsSync(kept)) continue;
    const target = path.join(journal.out, rel);
    ensureParent(target, made);
    renameSync(kept, target);
  }
  for (const rel of journal.added) {
    const target = path.join(journal.out, rel);
    if (existsSync(target)) unlinkSync(target);
    // Its folders may have been made before the kill, with or without the file.
    pruneEmptyParents(journal.out, rel);
  }
  rmSync(file);
  return true;
}
