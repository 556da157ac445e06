import { Command, Option } from 'commander';
import { seedDemo } from '../demo/seed';
import { createContext } from '../platform/bootstrap';
import { configSources, loadConfig } from '../platform/config';
import type { AppContext } from '../platform/context';
import { buildApp } from '../platform/http/app';
import { startDemoCameras } from '../sim/demo';
import type { Simulator } from '../sim/rtsp-server';
import { CliError } from './common';

async function startDemoSimulator(ctx: AppContext): Promise<Simulator> {
  try {
    return await startDemoCameras(ctx);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new CliError(
        `the demo cameras' RTSP port ${ctx.config.simPort} is in use: choose another with --sim-port`,
      );
    }
    throw error;
  }
}

export function serveCommand(): Command {
  const command = new Command('serve').description('run the server (API, web app)');
  for (const key of Object.keys(configSources) as (keyof typeof configSources)[]) {
    if (key === 'demo') continue;
    const source = configSources[key];
    command.addOption(new Option(`${source.flag} <value>`, `${source.help} [env ${source.env}]`));
  }
  command.addOption(
    new Option('--demo', `${configSources.demo.help} [env ${configSources.demo.env}]`),
  );
  return command.action(async (options: Record<string, unknown>) => {
    const config = loadConfig(options);
    const ctx = await createContext(config);
    const accounts = config.demo ? (await seedDemo(ctx)).accounts : [];
    // The demo's cameras are simulated on loopback; they must answer before the recorder starts.
    const simulator = config.demo && config.recording ? await startDemoSimulator(ctx) : null;
    const app = await buildApp(ctx);
    const stop = async (signal: string) => {
      app.log.info({ signal }, 'stopping');
      await app.close();
      await simulator?.close();
      await ctx.db.close();
      process.exit(0);
    };
    process.once('SIGINT', (signal) => void stop(signal));
    process.once('SIGTERM', (signal) => void stop(signal));
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const lines = [
      ``,
      `Mắt Thần is running at http://${shownHost}:${port}/`,
      `API documentation: http://${shownHost}:${port}/api/docs`,
    ];
    if (config.demo) {
      lines.push('', 'Demo accounts (demo mode only):');
      for (const account of accounts) {
        lines.push(
          `  ${account.username.padEnd(18)} ${account.password}   ${account.role} — ${account.unitName}`,
        );
      }
    } else if (
      (await ctx.db.kysely.selectFrom('users').select('id').limit(1).execute()).length === 0
    ) {
      lines.push(
        '',
        'No accounts yet. Create the first administrator with:',
        '  matthan users create --username admin --role admin',
      );
    }
    process.stdout.write(lines.join('\n') + '\n\n');
  });
}
