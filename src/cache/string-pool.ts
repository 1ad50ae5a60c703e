import type { ParsedRecord } from '../parallel/parse-task.js';
import { sharedIfEmpty } from '../model/shared-empty.js';

/**
 * One copy of each repeated string of the records a build holds. Records arrive from worker
 * threads and from the record index as fresh copies, so without this every article holds its own
 * `"2019-01-19"`, `"Denver, Colorado"`, `"politics"`, and its own copy of every name it mentions.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  of(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  private each(list: string[]): void {
    for (let i = 0; i < list.length; i++) list[i] = this.of(list[i]!);
  }

  /**
   * Replaces, in place, the record's repeated strings (dates, dateline, author, tags, names) by pooled
   * ones, and its empty lists by one shared empty list.
   */
  internRecord(r: ParsedRecord): void {
    r.date = this.of(r.date);
    if (r.updated !== undefined) r.updated = this.of(r.updated);
    if (r.modified !== undefined) r.modified = this.of(r.modified);
    if (r.dateline !== undefined) r.dateline = this.of(r.dateline);
    if (r.author !== undefined) r.author = this.of(r.author);
    r.format = this.of(r.format) as ParsedRecord['format'];
    this.each(r.tags);
    this.each(r.entities.people);
    this.each(r.entities.places);
    this.each(r.entities.organizations);
    r.tags = sharedIfEmpty(r.tags);
    r.corrections = sharedIfEmpty(r.corrections);
    r.entities.people = sharedIfEmpty(r.entities.people);
    r.entities.places = sharedIfEmpty(r.entities.places);
    r.entities.organizations = sharedIfEmpty(r.entities.organizations);
  }
}
