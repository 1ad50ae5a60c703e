import { checkRelativePath, type Writer } from './writer.js';

/**
 * A writer that keeps nothing: for `check`, which renders every page to prove the templates work
 * but must not write anything. Paths are still checked, so an unsafe path is still an error.
 */
export class DiscardWriter implements Writer {
  files = 0;
  async write(relativePath: string): Promise<void> {
    checkRelativePath(relativePath);
    this.files++;
  }
  async commit(): Promise<void> {}
  async abort(): Promise<void> {}
}
