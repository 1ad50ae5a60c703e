import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { parseConfig } from '../../src/load/config.js';
import { buildAssets } from '../../src/render/assets.js';
import { MemoryWriter } from '../../src/write/writer.js';
import { fixtures, repoRoot, tempDir } from '../helpers.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('fingerprinted assets', () => {
  it('puts the content hash in CSS and JS names and leaves other assets alone', () => {
    const { files, names } = buildAssets([
      { relative: 'style.css', bytes: bytes('body{}') },
      { relative: 'js/menu.js', bytes: bytes('1') },
      { relative: 'logo.svg', bytes: bytes('<svg/>') },
    ]);
    // `printf 'body{}' | sha256sum` = 7c98040a54…, `printf 1 | sha256sum` = 6b86b273ff…: the first ten hex digits name the file.
    expect(names).toEqual({ 'style.css': 'style.7c98040a54.css', 'js/menu.js': 'js/menu.6b86b273ff.js', 'logo.svg': 'logo.svg' });
    expect(files.map((f) => f.relative)).toEqual(Object.values(names));
  });

  it('the layout links the fingerprinted stylesheet, which is written, and a changed stylesheet gets a new name', async () => {
    const templates = path.join(tempDir(), 'templates');
    cpSync(path.join(repoRoot, 'templates'), templates, { recursive: true });
    const configResult = parseConfig(undefined, 'c.json', { baseUrl: 'https://example.org/news/' });
    if (!configResult.ok) throw new Error('config');
    const buildWith = async () => {
      const writer = new MemoryWriter();
      await build({ inputDir: path.join(fixtures, 'basic'), templatesDir: templates, config: configResult.config }, writer);
      const href = /<link rel="stylesheet" href="\/news\/assets\/(style\.[0-9a-f]{10}\.css)">/.exec(writer.text('index.html'))?.[1];
      return { writer, href };
    };
    const first = await buildWith();
    const css = readFileSync(path.join(templates, 'assets/style.css'));
    expect(first.href).toBe(`style.${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`);
    expect(first.writer.text(`assets/${first.href}`)).toBe(css.toString('utf8'));
    expect(first.writer.files.has('assets/style.css')).toBe(false);
    expect(first.writer.text('_headers')).toBe('/news/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n');

    writeFileSync(path.join(templates, 'assets/style.css'), `${css}\n.new-rule { color: red; }\n`);
    const second = await buildWith();
    expect(second.href).toMatch(/^style\.[0-9a-f]{10}\.css$/);
    expect(second.href).not.toBe(first.href);
    expect(second.writer.text(`assets/${second.href}`)).toContain('.new-rule');
  });
});
