import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackAppender, PackReader, type BodyRef } from '../../src/cache/body-store.js';
import { tempDir } from '../helpers.js';

/** A body of about `size` bytes, with text in several scripts, different for each `n`. */
function body(n: number, size: number): string {
  const words = [`<p>Article ${n}`, 'harbour', 'Zürich', 'Москва', '東京', '🎉', '“quoted”', '—'];
  let text = '';
  for (let k = 0; text.length < size; k++) text += `${words[(n + k) % words.length]} `;
  return `${text}</p>`;
}

describe('cache packs', () => {
  it('reads back every body appended, in any order, across chunks, packs and appenders', () => {
    const dir = tempDir();
    const written: { ref: BodyRef; text: string }[] = [];
    // Two packs filled in turns (as two parser threads do), each by several appenders (one per batch),
    // with bodies from a few bytes to larger than a read chunk (256 KB) and past a flush (1 MB).
    for (let batch = 0; batch < 6; batch++) {
      const appender = new PackAppender(dir, `build-${batch % 2}.pack`);
      for (let i = 0; i < 300; i++) {
        const n = batch * 1000 + i;
        const text = body(n, i === 7 ? 400_000 : i % 50 === 0 ? 3 : 4000);
        written.push({ ref: appender.append(text), text });
      }
      appender.close();
    }
    const packBytes = (pack: string) => statSync(path.join(dir, pack)).size;
    const last = (pack: string) => written.filter((w) => w.ref.pack === pack).at(-1)!.ref;
    for (const pack of ['build-0.pack', 'build-1.pack']) expect(packBytes(pack)).toBe(last(pack).offset + last(pack).length);

    const reader = new PackReader(dir);
    for (const { ref, text } of written) expect(reader.read(ref)).toBe(text);
    // Backwards, and jumping about: chunks are reread where a body falls outside them.
    for (const { ref, text } of [...written].reverse()) expect(reader.read(ref)).toBe(text);
    for (let k = 0; k < written.length; k += 37) expect(reader.read(written[(k * 7919) % written.length]!.ref)).toBe(written[(k * 7919) % written.length]!.text);
    reader.close();
    // What a pack holds is the bodies one after another, nothing else.
    const pack0 = written.filter((w) => w.ref.pack === 'build-0.pack').map((w) => w.text).join('');
    expect(readFileSync(path.join(dir, 'build-0.pack'), 'utf8')).toBe(pack0);
  });

  it('says so when a pack is shorter than a body it should hold', () => {
    const dir = tempDir();
    const appender = new PackAppender(dir, 'short.pack');
    const ref = appender.append('<p>Only this.</p>');
    appender.close();
    const reader = new PackReader(dir);
    expect(() => reader.read({ ...ref, length: ref.length + 10 })).toThrow('cache pack short.pack is shorter than expected; delete the cache folder and build again');
    reader.close();
  });
});
