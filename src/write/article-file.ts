import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Creates `dir/base.ext`, or `base-2.ext`, `base-3.ext`… when that name is taken. Never overwrites:
 * the `wx` flag makes the existence check and the creation one step.
 */
export async function createArticleFile(dir: string, base: string, ext: string, text: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}.${ext}`);
    try {
      await writeFile(file, text, { flag: 'wx' });
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}
