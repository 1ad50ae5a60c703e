import { readFileSync } from 'node:fs';

/**
 * True when `file` holds exactly `bytes`. A page whose key changed (a new generator version, a
 * template edit that does not touch it) is often the same page: left in place, it costs one read
 * instead of a write, a move into the output folder and a backup in the commit's journal, for
 * every page of the site. Missing or unreadable files are simply not the same.
 */
export function sameBytes(file: string, bytes: Uint8Array): boolean {
  let existing: Buffer;
  try {
    existing = readFileSync(file);
  } catch {
    return false;
  }
  return existing.length === bytes.length && existing.equals(bytes);
}
