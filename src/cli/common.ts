import { Command, Option } from 'commander';
import { createContext } from '../platform/bootstrap';
import { ConfigError, configSources, loadConfig, type Config } from '../platform/config';
import type { AppContext } from '../platform/context';

/** A CLI failure: printed as `matthan: message` with a non-zero exit, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Adds the options every command that opens the database shares. */
export function withDatabaseOptions(command: Command): Command {
  return command
    .addOption(new Option('--data-dir <dir>', configSources.dataDir.help))
    .addOption(new Option('--database-url <url>', configSources.databaseUrl.help))
    .addOption(new Option('--secret-key <key>', configSources.secretKey.help));
}

export function configFromOptions(
  options: Record<string, unknown>,
  extra: Partial<Config> = {},
): Config {
  return loadConfig({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    secretKey: options.secretKey,
    logLevel: 'warn',
    ...extra,
  });
}

/** Opens the database for a one-shot command and always closes it. */
export async function withContext<T>(
  options: Record<string, unknown>,
  run: (ctx: AppContext) => Promise<T>,
): Promise<T> {
  const ctx = await createContext(configFromOptions(options));
  try {
    return await run(ctx);
  } finally {
    await ctx.db.close();
  }
}

export function describeError(error: unknown): string {
  if (error instanceof CliError || error instanceof ConfigError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
