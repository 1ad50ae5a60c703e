import { Option, type Command } from 'commander';
import { ARTICLE_FORMATS, newArticleBaseName, newArticleText, titleProblem, type ArticleFormat } from '../model/new-article.js';
import { createArticleFile } from '../write/article-file.js';
import { buildDate } from './build-date.js';
import { loadSiteConfig, printErrors } from './common.js';
import { EXIT, UsageError, type ExitCode } from './exit-codes.js';
import { displayPath } from '../load/source-files.js';

interface NewFlags {
  title: string;
  format: ArticleFormat;
  input: string;
  config: string;
}

/** Creates an article file dated today (the build's date) and prints only its path, for `$EDITOR "$(news-archive new …)"`. */
async function runNew(flags: NewFlags): Promise<ExitCode> {
  const problem = titleProblem(flags.title);
  if (problem) throw new UsageError(`--title: ${problem}`);
  const loaded = await loadSiteConfig({ ...flags, templates: '' });
  if (!loaded.ok) {
    printErrors(loaded.errors, 'no article created');
    return EXIT.content;
  }
  const today = buildDate(loaded.config);
  const file = await createArticleFile(
    flags.input,
    newArticleBaseName(flags.title, today),
    flags.format,
    newArticleText(flags.format, flags.title, today),
  );
  process.stdout.write(`${displayPath(file)}\n`);
  return EXIT.ok;
}

export function newCommand(program: Command): void {
  program
    .command('new')
    .description("create a new article file dated today in the input folder and print its path (Markdown ones start as drafts)")
    .requiredOption('--title <text>', 'the headline; also names the file')
    .addOption(new Option('-f, --format <format>', 'md (YAML front matter, starts as draft: true) or txt (seed format)').choices(ARTICLE_FORMATS).default('md'))
    .option('-i, --input <dir>', 'folder of article files', 'seeds')
    .option('-c, --config <file>', 'config file (JSON), for the time zone of "today"', 'archive.config.json')
    .action(async (flags: NewFlags) => {
      process.exitCode = await runNew(flags);
    });
}
