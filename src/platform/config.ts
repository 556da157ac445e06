import { join, resolve } from 'node:path';
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';

/**
 * The one configuration schema. Every setting can come from a command-line flag or an
 * environment variable (flags win); the merged result is validated once at start-up.
 */
const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  host: Type.String({ minLength: 1, default: '127.0.0.1' }),
  dataDir: Type.String({ minLength: 1, default: './data' }),
  databaseUrl: Type.Optional(Type.String({ pattern: '^(postgres|postgresql|sqlite):' })),
  demo: Type.Boolean({ default: false }),
  /** 32-byte key (64 hex characters or base64) that encrypts camera credentials at rest. */
  secretKey: Type.Optional(Type.String({ minLength: 32 })),
  tileUrl: Type.String({
    pattern: '^(https?://|/)',
    default: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  }),
  logLevel: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  sessionTtlHours: Type.Integer({ minimum: 1, maximum: 720, default: 12 }),
  importMaxBytes: Type.Integer({ minimum: 1024, maximum: 1_073_741_824, default: 10_485_760 }),
  loginMaxAttempts: Type.Integer({ minimum: 1, maximum: 1000, default: 5 }),
  loginWindowSeconds: Type.Integer({ minimum: 1, maximum: 86_400, default: 900 }),
  /** Run the recorder for cameras with recording on (tests switch it off). */
  recording: Type.Boolean({ default: true }),
  /** Write each ward's monthly report on the 1st (tests switch it off). */
  reportSchedule: Type.Boolean({ default: true }),
  /** Where segments and quarantined files live (default: `<data-dir>/media`). */
  mediaDir: Type.Optional(Type.String({ minLength: 1 })),
  /** Total bytes of footage kept across all cameras; 0 means no quota beyond free disk. */
  storageQuotaBytes: Type.Integer({ minimum: 0, default: 0 }),
  /** Retention deletes oldest footage whenever free disk falls below this. */
  minFreeBytes: Type.Integer({ minimum: 0, default: 1_073_741_824 }),
  retentionIntervalSeconds: Type.Integer({ minimum: 5, maximum: 86_400, default: 300 }),
  /** An ffmpeg binary to use instead of the system one or the bundled one. */
  ffmpegPath: Type.Optional(Type.String({ minLength: 1 })),
  /** RTSP port of the simulated cameras that demo mode starts. */
  simPort: Type.Integer({ minimum: 1, maximum: 65535, default: 8554 }),
  /** Largest file an owner may upload in answer to a footage request. */
  uploadMaxBytes: Type.Integer({ minimum: 1024, maximum: 68_719_476_736, default: 4_294_967_296 }),
  /** Where notifications are also POSTed as JSON (an SMS, Zalo or e-mail gateway); none if unset. */
  notifyWebhookUrl: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** Key for the webhook's HMAC-SHA256 signature header, so the gateway can trust the sender. */
  notifyWebhookSecret: Type.Optional(Type.String({ minLength: 16 })),
});

export type Config = Static<typeof ConfigSchema>;
type Key = keyof Config;

/** Where each setting comes from: its flag and its environment variable. */
export const configSources: Record<Key, { flag: string; env: string; help: string }> = {
  port: { flag: '--port', env: 'MATTHAN_PORT', help: 'HTTP port' },
  host: { flag: '--host', env: 'MATTHAN_HOST', help: 'address to listen on' },
  dataDir: {
    flag: '--data-dir',
    env: 'MATTHAN_DATA_DIR',
    help: 'folder for the database and media',
  },
  databaseUrl: {
    flag: '--database-url',
    env: 'MATTHAN_DATABASE_URL',
    help: 'postgres://… for PostgreSQL (default: SQLite in the data folder)',
  },
  demo: { flag: '--demo', env: 'MATTHAN_DEMO', help: 'seed demo data and demo accounts' },
  secretKey: {
    flag: '--secret-key',
    env: 'MATTHAN_SECRET_KEY',
    help: 'key that encrypts camera credentials (default: generated into the data folder)',
  },
  tileUrl: { flag: '--tile-url', env: 'MATTHAN_TILE_URL', help: 'map tile URL template' },
  logLevel: { flag: '--log-level', env: 'MATTHAN_LOG_LEVEL', help: 'log level' },
  sessionTtlHours: {
    flag: '--session-ttl-hours',
    env: 'MATTHAN_SESSION_TTL_HOURS',
    help: 'session lifetime',
  },
  importMaxBytes: {
    flag: '--import-max-bytes',
    env: 'MATTHAN_IMPORT_MAX_BYTES',
    help: 'largest CSV accepted',
  },
  loginMaxAttempts: {
    flag: '--login-max-attempts',
    env: 'MATTHAN_LOGIN_MAX_ATTEMPTS',
    help: 'failed logins allowed per window',
  },
  loginWindowSeconds: {
    flag: '--login-window-seconds',
    env: 'MATTHAN_LOGIN_WINDOW_SECONDS',
    help: 'login rate-limit window',
  },
  recording: { flag: '--recording', env: 'MATTHAN_RECORDING', help: 'record cameras (true/false)' },
  reportSchedule: {
    flag: '--report-schedule',
    env: 'MATTHAN_REPORT_SCHEDULE',
    help: 'write monthly reports on the 1st (true/false)',
  },
  mediaDir: { flag: '--media-dir', env: 'MATTHAN_MEDIA_DIR', help: 'folder for footage' },
  storageQuotaBytes: {
    flag: '--storage-quota-bytes',
    env: 'MATTHAN_STORAGE_QUOTA_BYTES',
    help: 'footage kept across all cameras (0 = no quota)',
  },
  minFreeBytes: {
    flag: '--min-free-bytes',
    env: 'MATTHAN_MIN_FREE_BYTES',
    help: 'free disk kept by deleting the oldest footage',
  },
  retentionIntervalSeconds: {
    flag: '--retention-interval-seconds',
    env: 'MATTHAN_RETENTION_INTERVAL_SECONDS',
    help: 'how often retention runs',
  },
  ffmpegPath: { flag: '--ffmpeg', env: 'MATTHAN_FFMPEG', help: 'ffmpeg binary to use' },
  simPort: { flag: '--sim-port', env: 'MATTHAN_SIM_PORT', help: 'RTSP port of demo cameras' },
  uploadMaxBytes: {
    flag: '--upload-max-bytes',
    env: 'MATTHAN_UPLOAD_MAX_BYTES',
    help: 'largest footage file an owner may upload',
  },
  notifyWebhookUrl: {
    flag: '--notify-webhook-url',
    env: 'MATTHAN_NOTIFY_WEBHOOK_URL',
    help: 'gateway that receives notifications as JSON (SMS, Zalo, e-mail)',
  },
  notifyWebhookSecret: {
    flag: '--notify-webhook-secret',
    env: 'MATTHAN_NOTIFY_WEBHOOK_SECRET',
    help: 'key that signs webhook requests (HMAC-SHA256)',
  },
};

export class ConfigError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

function parseBoolean(raw: string): boolean | string {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  return raw; // left as a string so validation names it
}

/** Merges flags over environment over defaults, then validates. Throws ConfigError naming the setting. */
export function loadConfig(
  flags: Partial<Record<Key, unknown>>,
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(configSources) as Key[]) {
    const fromFlag = flags[key];
    const fromEnv = env[configSources[key].env];
    const raw = fromFlag ?? (fromEnv === undefined || fromEnv === '' ? undefined : fromEnv);
    if (raw === undefined) continue;
    const isFlag = key === 'demo' || key === 'recording' || key === 'reportSchedule';
    merged[key] = isFlag && typeof raw === 'string' ? parseBoolean(raw) : raw;
  }
  const withDefaults = Value.Default(ConfigSchema, merged);
  const converted = Value.Convert(ConfigSchema, withDefaults);
  const firstError = [...Value.Errors(ConfigSchema, converted)][0];
  if (firstError) {
    const key = (firstError.instancePath.split('/')[1] ?? '') as Key;
    const source = configSources[key];
    const given = (converted as Record<string, unknown>)[key];
    const name = source ? `${source.flag} (${source.env})` : key;
    throw new ConfigError(key, `invalid ${name}: ${JSON.stringify(given)} ${firstError.message}`);
  }
  const config = converted as Config;
  const dataDir = resolve(config.dataDir);
  return { ...config, dataDir, mediaDir: resolve(config.mediaDir ?? join(dataDir, 'media')) };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {
      dataDir: overrides.dataDir ?? '/tmp/matthan-test',
      logLevel: 'silent',
      secretKey: '0'.repeat(64),
      recording: false,
      reportSchedule: false,
      ...overrides,
    },
    {},
  );
}
