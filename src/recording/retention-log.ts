import type { Config } from '../platform/config';
import type { Logger } from '../platform/supervisor';

/** The part of the supervisor's logger (Fastify's `app.log`) that retention and reconcile use. */
export type RecordingLog = Pick<Logger, 'info' | 'warn' | 'error'>;

const levels = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

/**
 * A JSON-lines logger in pino's shape for callers with no server logger at hand (scripts, a
 * command run outside `serve`); respects the configured level.
 */
export function lineLog(level: Config['logLevel'], name: string): RecordingLog {
  const threshold = level === 'silent' ? Infinity : (levels[level as keyof typeof levels] ?? 30);
  const write = (at: number, details: object, message: string) => {
    if (at < threshold) return;
    const line = { level: at, time: Date.now(), name, ...details, msg: message };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  };
  return {
    info: (details, message) => write(levels.info, details, message),
    warn: (details, message) => write(levels.warn, details, message),
    error: (details, message) => write(levels.error, details, message),
  };
}
