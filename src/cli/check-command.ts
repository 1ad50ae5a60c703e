import type { Command } from 'commander';
import { build } from '../build.js';
import { DEFAULT_CONFIG, withBase } from '../load/config.js';
import { publishEverything } from '../model/publishing.js';
import type { ContentError, UnreadKeyNote } from '../types.js';
import { DiscardWriter } from '../write/discard-writer.js';
import { buildDate } from './build-date.js';
import { out } from './colors.js';
import { addArchiveOptions, loadSiteConfig, plural, printErrors, unreadKeysNote, type ArchiveFlags } from './common.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { templateError } from '../render/template-error.js';
import { addPublishedOption, loadPublishedList, type PublishedFlags } from './published-list.js';

/**
 * Validates the config and every article (drafts and embargoed ones too), and renders every page
 * into nothing, so a template that fails on some article is caught as well. Writes nothing.
 */
async function runCheck(flags: ArchiveFlags & PublishedFlags): Promise<ExitCode> {
  const loaded = await loadSiteConfig(flags);
  // The list of published URLs is checked against, never written: `check` writes nothing.
  const published = await loadPublishedList(flags);
  const errors: ContentError[] = [...(loaded.ok ? [] : loaded.errors), ...published.errors];
  // A broken config must not hide the articles' errors: check those against the defaults.
  const config = loaded.ok ? loaded.config : withBase(DEFAULT_CONFIG);
  const writer = new DiscardWriter();
  let articles = 0;
  let unreadKeys: UnreadKeyNote[] = [];
  try {
    const result = await build(
      { inputDir: flags.input, templatesDir: flags.templates, config, publish: publishEverything(buildDate(config)), search: false, published: published.list },
      writer,
    );
    errors.push(...result.errors);
    articles = result.articles;
    unreadKeys = result.unreadKeys;
  } catch (e) {
    // Once the content is valid, what is left to fail is a template; anything else is not the
    // templates' doing, and is not reported as such.
    const failed = templateError(e, flags.templates);
    if (!failed) throw e;
    errors.push(failed);
  }
  // Said whether or not the check passed: a key not read is never an error.
  const note = unreadKeysNote(unreadKeys).map((line) => `${out.dim(line)}\n`).join('');
  if (errors.length > 0) {
    printErrors(errors, 'check failed');
    process.stdout.write(note);
    return EXIT.content;
  }
  process.stdout.write(`${out.green('OK')} ${plural(articles, 'article')} and ${flags.config} valid, ${plural(writer.files, 'output file')} rendered; nothing written\n${note}`);
  return EXIT.ok;
}

export function checkCommand(program: Command): void {
  const cmd = program
    .command('check')
    .description('validate the config and every article (drafts and future ones too) without writing anything; exits 1 on errors');
  addPublishedOption(addArchiveOptions(cmd)).action(async (flags: ArchiveFlags & PublishedFlags) => {
    process.exitCode = await runCheck(flags);
  });
}
