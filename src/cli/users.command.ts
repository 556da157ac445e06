import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { Command, Option } from 'commander';
import { roles } from '../auth/actor';
import { createUser, listUsers } from '../auth/users.service';
import { AppError } from '../platform/http/errors';
import { CliError, withContext, withDatabaseOptions } from './common';

/** Commander's own errors (a missing option) read like ours: `matthan: …`. */
const oneLineErrors = {
  outputError: (text: string, write: (text: string) => void) =>
    write(`matthan: ${text.replace(/^error: /, '')}`),
};

interface CreateOptions {
  username: string;
  role: string;
  unit?: string;
  displayName?: string;
  password?: string;
  passwordStdin?: boolean;
  phone?: string;
  email?: string;
  [database: string]: unknown;
}

/** Reads the password without echoing it at a terminal, or the first line of piped input. */
async function readPassword(): Promise<string> {
  const input = process.stdin;
  if (input.isTTY) {
    const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
    const prompt = createInterface({ input, output: muted, terminal: true });
    process.stderr.write('Password: ');
    try {
      return await new Promise<string>((resolve) => prompt.question('', resolve));
    } finally {
      prompt.close();
      process.stderr.write('\n');
    }
  }
  let text = '';
  for await (const chunk of input) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

/** Service errors are user mistakes here: one line, no stack. */
async function asCliError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  }
}

function createCommand(parent: Command): void {
  withDatabaseOptions(parent.command('create'))
    .description('create an account and print its id (without --password, reads it from stdin)')
    .requiredOption('--username <name>', '3–64 characters of a–z, 0–9, dot, dash or underscore')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .option(
      '--unit <code-or-id>',
      "the account's unit: official code or id (every role but admin needs one)",
    )
    .option('--display-name <name>', 'name shown in the app (default: the username)')
    .addOption(
      new Option(
        '--password <password>',
        'the password (visible to other local users: prefer stdin)',
      ).conflicts('passwordStdin'),
    )
    .option('--password-stdin', 'read the password from the first line of stdin (the default)')
    .option('--phone <phone>', 'contact phone')
    .option('--email <email>', 'contact email')
    .action(async (options: CreateOptions) => {
      const password = options.password ?? (await readPassword());
      const { id } = await withContext(options, (ctx) =>
        asCliError(() =>
          createUser(
            ctx,
            {
              username: options.username,
              displayName: options.displayName ?? options.username,
              password,
              role: options.role,
              jurisdictionId: options.unit ?? null,
              phone: options.phone ?? null,
              email: options.email ?? null,
            },
            null,
            { ip: 'cli' },
          ),
        ),
      );
      process.stdout.write(`${id}\n`);
    });
}

function listCommand(parent: Command): void {
  withDatabaseOptions(parent.command('list'))
    .description('list accounts')
    .addOption(new Option('--role <role>', 'only this role').choices(roles))
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { role?: string; json?: boolean; [database: string]: unknown }) => {
      const { items } = await withContext(options, (ctx) =>
        listUsers(ctx, { role: options.role, limit: 100_000 }),
      );
      if (options.json) {
        process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
        return;
      }
      const rows = items.map((u) => [
        u.username,
        u.role,
        u.jurisdictionName ?? '—',
        u.displayName,
        u.id,
      ]);
      const table = [['USERNAME', 'ROLE', 'UNIT', 'NAME', 'ID'], ...rows];
      const widths = table[0]!.map((_, column) =>
        Math.max(...table.map((row) => row[column]!.length)),
      );
      for (const row of table) {
        process.stdout.write(
          `${row
            .map((cell, column) => cell.padEnd(widths[column]!))
            .join('  ')
            .trimEnd()}\n`,
        );
      }
      if (items.length === 0)
        process.stdout.write(
          '(no accounts yet: create the first with `matthan users create --role admin`)\n',
        );
    });
}

export function usersCommand(): Command {
  // Errors from the subcommands reach the root handler instead of exiting the process here.
  const users = new Command('users')
    .description('manage accounts')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput(oneLineErrors);
  createCommand(users);
  listCommand(users);
  return users;
}
