import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/load/parse-article.js';
import { sha256 } from '../../src/cache/keys.js';
import { rebindManifest } from '../../src/write/incremental-writer.js';
import { fixtures, repoRoot, runCli, snapshotSite, snapshotTree, tempDir } from '../helpers.js';

const MARCH_5 = String(Date.UTC(2025, 2, 5, 12) / 1000);
const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** A folder laid out like a user's archive: seeds/ and archive.config.json. */
function archiveFolder(from = path.join(fixtures, 'basic')): string {
  const root = tempDir();
  cpSync(from, path.join(root, 'seeds'), { recursive: true });
  cpSync(path.join(fixtures, 'basic.config.json'), path.join(root, 'archive.config.json'));
  return root;
}

describe('the command line', () => {
  it('prints its version', () => {
    const r = runCli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it.each([
    ['build', ['--out <dir>', '--drafts', '--future', '--base-url <url>']],
    ['check', ['--input <dir>', '--config <file>', '--templates <dir>']],
    ['new', ['--title <text>', '--format <format>', 'choices: "md", "txt"']],
    ['dev', ['--port <number>', '--out <dir>', '--future']],
  ])('explains %s with --help', (command, options) => {
    const r = runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: news-archive ${command} [options]`);
    for (const o of options) expect(r.stdout).toContain(o);
  });

  it('lists the subcommands with --help', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['build [options]', 'dev [options]', 'new [options]', 'check [options]']) expect(r.stdout).toContain(c);
  });

  it.each([
    [['publish'], "error: unknown command 'publish'"],
    [['build', '--frob'], "error: unknown option '--frob'"],
    [['new', '--title', 'x', '--format', 'doc'], "argument 'doc' is invalid. Allowed choices are md, txt."],
    [['new'], "error: required option '--title <text>' not specified"],
  ])('exits 2 on wrong usage: %j', (args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('news-archive check', () => {
  it('passes a valid archive, drafts and embargoed articles included, and writes nothing', () => {
    const root = archiveFolder(path.join(fixtures, 'publishing'));
    const before = snapshotTree(root);
    const r = runCli(['check'], { cwd: root, env: { SOURCE_DATE_EPOCH: MARCH_5 } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK 4 articles and archive\.config\.json valid, \d+ output files rendered; nothing written\n$/);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('reports every bad article and every bad config key in one run and exits 1', () => {
    const root = archiveFolder(path.join(fixtures, 'invalid'));
    writeFileSync(path.join(root, 'archive.config.json'), '{\n  "pageSize": 0\n}\n');
    const before = snapshotTree(root);
    const r = runCli(['check'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('archive.config.json:2: pageSize must be a whole number from 1 to 1000');
    expect(r.stderr).toContain('seeds/impossible-date/bad.md:3: date "2025-02-30" is not a real calendar date');
    expect(r.stderr).toContain('seeds/js-front-matter/evil.md:1: front matter must be YAML');
    expect(r.stderr).toMatch(/\n16 errors in 16 files\ncheck failed\n$/);
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('front-matter keys news-archive does not read', () => {
  // An archive moved from another tool (fixtures/other-tools): Jekyll's layout and categories, an image,
  // and a key with a terminal escape sequence in it, which must not reach the terminal as one.
  const note = [
    'Front-matter keys not read, left out of the site:',
    '  "categories" in 1 file (first seeds/2025-07-04-harbour.md:5)',
    '  "image" in 1 file (first seeds/2025-07-05-bridge.md:5)',
    '  "layout" in 2 files (first seeds/2025-07-04-harbour.md:2)',
    '  "note\\u001b]0;retitled\\u0007" in 1 file (first seeds/2025-07-06-ferry.md)',
    '  The keys read are title, date, updated, slug, summary, dateline, author, tags, corrections, aliases, draft.',
  ].join('\n');

  it('check names each one, with its count of files and the first, and still passes', () => {
    const r = runCli(['check'], { cwd: archiveFolder(path.join(fixtures, 'other-tools')) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK 4 articles and archive\.config\.json valid, \d+ output files rendered; nothing written\n/);
    expect(r.stdout.slice(r.stdout.indexOf('\n') + 1)).toBe(`${note}\n`);
  });

  it('build says the same after its summary line, from the cache as well', () => {
    const root = archiveFolder(path.join(fixtures, 'other-tools'));
    for (const build of ['first', 'unchanged']) {
      const r = runCli(['build', '--no-search'], { cwd: root });
      expect(r.code, build).toBe(0);
      expect(r.stdout, build).toMatch(/^Built 4 articles, \d+ pages in \d+\.\d\d s → dist\/\n/);
      expect(r.stdout.slice(r.stdout.indexOf('\n') + 1), build).toBe(`${note}\n`);
    }
  });

  it('is not said when every key is read', () => {
    const r = runCli(['check'], { cwd: archiveFolder() });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('not read');
  });
});

describe('an output folder that holds the user\'s own files', () => {
  // A build replaces its output folder whole: each of these would have deleted the folder named.
  // (No case names a folder above the test's own temporary one: if the guard ever broke, it would be deleted.)
  it.each([
    ['.', 'is the working folder or holds it'],
    ['', 'is empty'],
    ['seeds', 'is the input folder seeds or holds it'],
    ['seeds/site', 'is inside the input folder seeds'],
    ['notes.txt', 'exists and is not a folder'],
  ])('build --out %j is refused with exit 2, and nothing is touched', (outDir, why) => {
    const root = archiveFolder();
    writeFileSync(path.join(root, 'notes.txt'), 'keep me\n');
    const before = snapshotTree(root);
    const r = runCli(['build', '--out', outDir, '--no-search'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out ${outDir === '' ? '""' : outDir}: ${why}; the output folder is replaced whole by every build`);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('refuses the home folder and a folder holding the templates, for dev too', () => {
    const root = archiveFolder();
    const home = path.join(root, 'home');
    mkdirSync(home);
    writeFileSync(path.join(home, '.profile'), 'keep me\n');
    const before = snapshotTree(root);
    const r = runCli(['build', '--out', home, '--no-search'], { cwd: root, env: { HOME: home } });
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('is the home folder')]);
    cpSync(path.join(repoRoot, 'templates'), path.join(root, 'site', 'templates'), { recursive: true });
    const t = runCli(['build', '--out', 'site', '--templates', 'site/templates', '--no-search'], { cwd: root });
    expect([t.code, t.stderr]).toEqual([2, expect.stringContaining('holds the templates folder site/templates')]);
    const d = runCli(['dev', '--port', '0', '--out', 'seeds'], { cwd: root });
    expect([d.code, d.stderr]).toEqual([2, expect.stringContaining('--out seeds: is the input folder seeds or holds it')]);
    rmSync(path.join(root, 'site'), { recursive: true });
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('an existing output folder', () => {
  it('is replaced only when empty or made by a build: a folder of other files is refused with exit 2 and left as it was', () => {
    const root = archiveFolder();
    const docs = path.join(root, 'docs');
    mkdirSync(path.join(docs, 'drafts'), { recursive: true });
    for (const name of ['about.html', 'notes.txt', 'CNAME']) writeFileSync(path.join(docs, name), 'keep me\n');
    const before = snapshotTree(root);
    const r = runCli(['build', '--out', 'docs', '--no-search'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--out docs: holds files news-archive did not make (CNAME, about.html, drafts and 1 more), and a build replaces its output folder whole; move them out, delete the folder, or choose another one',
    );
    const d = runCli(['dev', '--port', '0', '--out', 'docs'], { cwd: root });
    expect([d.code, d.stderr]).toEqual([2, expect.stringContaining('--out docs: holds files news-archive did not make (CNAME, about.html, drafts and 1 more)')]);
    expect(snapshotTree(root)).toEqual(before);

    // An empty folder is taken, and the build marks what it wrote as its own; the next build replaces it.
    mkdirSync(path.join(root, 'site'));
    expect(runCli(['build', '--out', 'site', '--no-search'], { cwd: root }).code).toBe(0);
    expect(readFileSync(path.join(root, 'site', '.news-archive'), 'utf8')).toBe(
      'This folder is a site built by news-archive. Every build replaces it whole: keep no files of your own here.\n',
    );
    writeFileSync(path.join(root, 'seeds', 'extra.md'), '---\ntitle: Port reopens\ndate: 2025-03-02\n---\nThe port reopened on Sunday.\n');
    const again = runCli(['build', '--out', 'site', '--no-search', '--no-cache'], { cwd: root });
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(path.join(root, 'site'))).toContain('.news-archive');
    expect(readFileSync(path.join(root, 'site', '2025', '03', '02', 'port-reopens', 'index.html'), 'utf8')).toContain('The port reopened on Sunday.');
  });

  it('written before outputs were marked is still known by the build\'s cache, and marked by the next build', () => {
    const root = archiveFolder();
    expect(runCli(['build', '--no-search'], { cwd: root }).code).toBe(0);
    // As an older version left it: no mark, and the cache's record of the folder as it is now.
    rmSync(path.join(root, 'dist', '.news-archive'));
    rebindManifest(path.join(root, '.cache', 'news-archive', sha256(path.join(root, 'dist')).slice(0, 16)), path.join(root, 'dist'));
    // Without the cache nothing says the folder is a build's.
    const uncached = runCli(['build', '--no-search', '--no-cache'], { cwd: root });
    expect([uncached.code, uncached.stderr]).toEqual([2, expect.stringContaining('--out dist: holds files news-archive did not make (')]);
    // With it, the build marks the folder first, even when it has nothing else to do, and stays incremental.
    const cached = runCli(['build', '--no-search'], { cwd: root });
    expect([cached.code, cached.stderr]).toEqual([0, '']);
    expect(readdirSync(path.join(root, 'dist'))).toContain('.news-archive');
    const notFound = statSync(path.join(root, 'dist', '404.html')).ino;
    writeFileSync(path.join(root, 'seeds', 'extra.md'), '---\ntitle: Port reopens\ndate: 2025-03-02\n---\nThe port reopened on Sunday.\n');
    expect(runCli(['build', '--no-search'], { cwd: root }).code).toBe(0);
    expect(statSync(path.join(root, 'dist', '2025', '03', '02', 'port-reopens', 'index.html')).isFile()).toBe(true);
    // A patch, not a full build: the 404 page, which shows no article, is the very file written before.
    expect(statSync(path.join(root, 'dist', '404.html')).ino).toBe(notFound);
    expect(runCli(['build', '--no-search', '--no-cache'], { cwd: root }).code).toBe(0);
  });
});

describe('a config file named with --config', () => {
  it('must exist: a typo in its name is an error, not a site built with the defaults', () => {
    const root = archiveFolder();
    const check = runCli(['check', '--config', 'archive.confg.json'], { cwd: root });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('archive.confg.json: config file not found; check its name');
    const build = runCli(['build', '-c', 'archive.confg.json', '--no-search'], { cwd: root });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('archive.confg.json: config file not found');
    expect(readdirSync(root)).not.toContain('dist');
    // The default file may be missing: the defaults apply.
    rmSync(path.join(root, 'archive.config.json'));
    expect(runCli(['check'], { cwd: root }).code).toBe(0);
  });
});

describe('a template that fails', () => {
  it('is an error in its file and line for build (exit 1, the output left as it was) and for check', () => {
    const root = archiveFolder();
    cpSync(path.join(repoRoot, 'templates'), path.join(root, 'theme'), { recursive: true });
    const article = path.join(root, 'theme', 'article.liquid');
    writeFileSync(article, readFileSync(article, 'utf8').replace('<h1>{{ article.title }}</h1>', '<h1>{{ article.title | nosuchfilter }}</h1>'));
    const line = readFileSync(article, 'utf8').split('\n').findIndex((l) => l.includes('nosuchfilter')) + 1;
    const expected = `theme/article.liquid:${line}: template failed: undefined filter: nosuchfilter`;
    const build = runCli(['build', '--templates', 'theme', '--no-search'], { cwd: root });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(expected);
    expect(build.stderr).not.toContain('internal error');
    expect(readdirSync(root)).not.toContain('dist');
    const check = runCli(['check', '--templates', 'theme'], { cwd: root });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(expected);
  });
});

describe('news-archive new', () => {
  const title = 'Mayor says: "No" — #1 priority, [again] & Путин';

  it.each(['md', 'txt'] as const)('creates a %s article for today that the parser accepts, and prints its path', (format) => {
    const root = archiveFolder();
    const r = runCli(['new', '--title', title, '--format', format], { cwd: root, env: { SOURCE_DATE_EPOCH: MARCH_5 } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`seeds/2025-03-05-mayor-says-no-1-priority-again-and-putin.${format}\n`);
    const file = path.join(root, r.stdout.trim());
    const parsed = parseArticle(readFileSync(file, 'utf8'), file);
    if (Array.isArray(parsed)) throw new Error(JSON.stringify(parsed));
    expect(parsed.date).toBe('2025-03-05');
    // The seed format has no title field: its headline, derived from the first sentence, is the title.
    expect(parsed.title).toBe(title);
    expect(parsed.draft).toBe(format === 'md');
    expect(runCli(['check'], { cwd: root, env: { SOURCE_DATE_EPOCH: MARCH_5 } }).code).toBe(0);
  });

  it('never overwrites: a second article with the same title and day gets -2', () => {
    const root = tempDir();
    const args = ['new', '--title', 'Storm closes the port', '--input', 'articles'];
    const env = { SOURCE_DATE_EPOCH: MARCH_5 };
    expect(runCli(args, { cwd: root, env }).stdout).toBe('articles/2025-03-05-storm-closes-the-port.md\n');
    expect(runCli(args, { cwd: root, env }).stdout).toBe('articles/2025-03-05-storm-closes-the-port-2.md\n');
    expect(readdirSync(path.join(root, 'articles')).sort()).toEqual(['2025-03-05-storm-closes-the-port-2.md', '2025-03-05-storm-closes-the-port.md']);
  });

  it('refuses a title of several lines', () => {
    const r = runCli(['new', '--title', 'one\ntwo'], { cwd: tempDir() });
    expect(r).toMatchObject({ code: 2, stderr: 'news-archive: --title: the title must be a single line\n' });
  });
});

describe('colour', () => {
  const check = (env: Record<string, string>) => runCli(['check', '-i', path.join(fixtures, 'basic'), '-c', path.join(fixtures, 'basic.config.json')], { env });
  // ESC [ 32 m: picocolors' green.
  const GREEN = '\u001b[32m';

  it('is off when the output is not a terminal', () => {
    expect(check({ NO_COLOR: '' }).stdout).not.toContain('\u001b[');
  });

  it('is on in a real terminal, and off there too with NO_COLOR', () => {
    const cmd = `${process.execPath} ${path.join(repoRoot, 'bin/news-archive.js')} check -i ${path.join(fixtures, 'basic')} -c ${path.join(fixtures, 'basic.config.json')}`;
    // util-linux `script` runs the command on a pseudo-terminal.
    const tty = (env: Record<string, string>) => spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '', ...env } }).stdout;
    expect(tty({ NO_COLOR: '' })).toContain(`${GREEN}OK`);
    expect(tty({ NO_COLOR: '1' })).not.toContain('\u001b[');
  });

  it('FORCE_COLOR turns it on without a terminal, but NO_COLOR still wins', () => {
    expect(check({ NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toContain(`${GREEN}OK`);
    expect(check({ NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });
});

describe('npx news-archive in another folder', () => {
  it('builds that folder exactly as the repository build does', () => {
    const root = archiveFolder();
    // What `npm install news-archive` leaves behind: the package in node_modules and its bin linked.
    mkdirSync(path.join(root, 'node_modules/.bin'), { recursive: true });
    symlinkSync(repoRoot, path.join(root, 'node_modules/news-archive'));
    symlinkSync('../news-archive/bin/news-archive.js', path.join(root, 'node_modules/.bin/news-archive'));
    const npx = spawnSync('npx', ['--no-install', 'news-archive', 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(npx.stderr.replace(/^npm warn .*\n/gm, '')).toBe('');
    expect(npx.status).toBe(0);
    expect(npx.stdout).toMatch(/^Built 8 articles, \d+ pages in \d+\.\d\d s → dist\/\n$/);

    const reference = path.join(tempDir(), 'dist');
    // `npm run build` here is `node bin/news-archive.js build`; run it in that folder too.
    const direct = runCli(['build', '--out', reference], { cwd: root });
    expect(direct.code).toBe(0);
    expect(snapshotSite(path.join(root, "dist"))).toEqual(snapshotSite(reference));
  });
});
