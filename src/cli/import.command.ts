import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Command, Option } from 'commander';
import { importCameraCsv } from '../cameras/camera-import';
import { importJurisdictions } from '../jurisdictions/jurisdiction-import';
import { AppError } from '../platform/http/errors';
import { CliError, withContext, withDatabaseOptions } from './common';

interface RowProblem {
  line: number;
  column?: string;
  reason: string;
}

/** Reads the file whole, refusing one over the configured limit before reading it. */
function readLimited(file: string, limit: unknown): Buffer {
  const maxBytes = Number(limit);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) {
    throw new CliError(
      `invalid --import-max-bytes: ${String(limit)} is not a positive whole number`,
    );
  }
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new CliError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  if (size > maxBytes)
    throw new CliError(`${file} is ${size} bytes; the limit is ${maxBytes} (--import-max-bytes)`);
  return readFileSync(file);
}

/** Turns the API's row errors into one line per bad row, so the CLI says what the API says. */
function explain(error: unknown, file: string): never {
  if (error instanceof AppError) {
    const rows = (error.details as { rows?: RowProblem[] } | undefined)?.rows ?? [];
    const lines = rows.map(
      (r) => `  line ${r.line}${r.column ? `, column ${r.column}` : ''}: ${r.reason}`,
    );
    const head = `${file}: ${error.message}`;
    throw new CliError([head, ...lines].join('\n'));
  }
  throw error;
}

function importOptions(command: Command): Command {
  return withDatabaseOptions(command).addOption(
    new Option('--import-max-bytes <bytes>', 'largest file accepted').default('10485760'),
  );
}

export function importCommand(): Command {
  const command = new Command('import').description(
    'import registry data from a file (all or nothing)',
  );

  command.addCommand(
    importOptions(new Command('cameras'))
      .description('import cameras from a CSV file (UTF-8, comma or semicolon)')
      .argument('<file>', 'CSV file')
      .option('--dry-run', 'check every row and import nothing')
      .action(async (file: string, options: Record<string, unknown>) => {
        const data = readLimited(file, options.importMaxBytes);
        const result = await withContext(options, (ctx) =>
          importCameraCsv(ctx, null, data, { dryRun: Boolean(options.dryRun) }).catch(
            (error: unknown) => explain(error, file),
          ),
        );
        process.stdout.write(
          `${options.dryRun ? 'checked' : 'imported'} ${result.imported} cameras from ${file}\n`,
        );
      }),
  );
  command.addCommand(
    importOptions(new Command('jurisdictions'))
      .description('import administrative units from a CSV or JSON file')
      .argument('<file>', 'CSV or JSON file')
      .action(async (file: string, options: Record<string, unknown>) => {
        const data = readLimited(file, options.importMaxBytes);
        const format = extname(file).toLowerCase() === '.json' ? 'json' : 'csv';
        const result = await withContext(options, (ctx) =>
          importJurisdictions(ctx, null, data, format).catch((error: unknown) =>
            explain(error, file),
          ),
        );
        process.stdout.write(`imported ${result.imported} units from ${file}\n`);
      }),
  );
  return command;
}
