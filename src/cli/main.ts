// First, so V8's settings hold before the build's code is compiled.
import './v8-flags.js';
import { Command, CommanderError } from 'commander';
import { buildCommand } from './build-command.js';
import { checkCommand } from './check-command.js';
import { devCommand } from './dev-command.js';
import { version } from './common.js';
import { EXIT, UsageError } from './exit-codes.js';
import { newCommand } from './new-command.js';

/**
 * The `news-archive` command line: one file per subcommand. Exit codes: 0 ok, 1 content or
 * config errors, 2 wrong usage or an internal error (see exit-codes.ts and the README).
 */
const program = new Command()
  .name('news-archive')
  .description('Builds a static news archive from a folder of article files.')
  .version(version)
  .showHelpAfterError('(run with --help for usage)')
  .showSuggestionAfterError()
  // Throw instead of exiting, so usage errors get exit code 2 rather than commander's 1.
  .exitOverride();

buildCommand(program);
devCommand(program);
checkCommand(program);
newCommand(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CommanderError) {
    // --help and --version "fail" with exit code 0; everything else is wrong usage.
    process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (e instanceof UsageError) {
    process.stderr.write(`news-archive: ${e.message}\n`);
    process.exitCode = EXIT.usage;
  } else {
    process.stderr.write(`news-archive: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = EXIT.usage;
  }
});
