import { Command, CommanderError } from 'commander';
import { auditCommand } from './audit.command';
import { CliError, describeError } from './common';
import { importCommand } from './import.command';
import { serveCommand } from './serve.command';
import { simCommand } from './sim.command';
import { usersCommand } from './users.command';
import { verifyCommand } from './verify.command';

const program = new Command('matthan')
  .description('Mắt Thần — community security camera platform')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

program.addCommand(serveCommand());
program.addCommand(importCommand());
program.addCommand(usersCommand());
program.addCommand(auditCommand());
program.addCommand(simCommand());
program.addCommand(verifyCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`matthan: ${describeError(error)}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}
