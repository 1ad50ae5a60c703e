import type { ContentError } from '../types.js';

/**
 * Text from the content, made safe to print on a terminal: control characters (ESC, which starts a
 * terminal's colour and title sequences, BEL, CR, a line feed that would forge a line of the report,
 * DEL, C1) are shown as `\u001b`, not sent. A YAML key can hold any of them (`"\e]0;…\a": x`), and
 * messages quote keys and values. Only a tab is left as it is.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `seeds/foo.md:3: date "2025-02-30" is not a real calendar date`, as a compiler would print it. */
export function formatError(e: ContentError): string {
  return printable(`${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`);
}

/** Sorted by file then line, so the report reads top to bottom like the folder. */
export function formatErrors(errors: readonly ContentError[]): string {
  const sorted = [...errors].sort((a, b) =>
    a.file !== b.file ? (a.file < b.file ? -1 : 1) : (a.line ?? 0) - (b.line ?? 0),
  );
  const files = new Set(errors.map((e) => e.file)).size;
  const lines = sorted.map(formatError);
  lines.push(`${errors.length} error${errors.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`);
  return lines.join('\n');
}

/** What the second of two builds into one folder says. */
export function lockedMessage(out: string, lock: { lockFile: string; holder?: { pid: number; host: string; started: string } }): string {
  const who = lock.holder ? `build ${lock.holder.pid} on ${lock.holder.host}, started ${lock.holder.started}` : 'another build';
  return `build refused: ${who} is writing to ${out}/ (lock ${lock.lockFile}); wait for it to finish. ${out}/ left unchanged`;
}
