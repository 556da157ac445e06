import { Command } from 'commander';
import { CliError, withContext, withDatabaseOptions } from './common';

/** Commander's own errors (a missing option) read like ours: `matthan: …`. */
const oneLineErrors = {
  outputError: (text: string, write: (text: string) => void) =>
    write(`matthan: ${text.replace(/^error: /, '')}`),
};

export function auditCommand(): Command {
  // Errors from the subcommands reach the root handler instead of exiting the process here.
  const audit = new Command('audit')
    .description('the audit log')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput(oneLineErrors);
  withDatabaseOptions(audit.command('verify'))
    .description(
      "check the audit log's hash chain and signed head; exits 1 and names the first bad event",
    )
    .action(async (options: Record<string, unknown>) => {
      const result = await withContext(options, (ctx) => ctx.audit.verify());
      if (!result.ok) {
        throw new CliError(`audit log broken at event ${result.firstBadSeq}: ${result.problem}`);
      }
      process.stdout.write(`audit log intact: ${result.events} events\n`);
    });
  return audit;
}
