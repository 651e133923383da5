import { isAbsolute, resolve } from 'node:path';

export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

export interface AppConfig {
  port: number;
  production: boolean;
  database: DatabaseConfig;
  sessionSecret: string;
  orgTimezone: string;
  demoData: boolean;
  /** Directory with the built Angular client; null when it is not served. */
  webRoot: string | null;
  /** Mark cookies Secure. On by default in production (served over https). */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Pulse figures need at least this many answers (never below 3). */
  pulseK: number;
  /** Private notes of a case closed longer ago than this many days are purged (AVG retention). */
  noteRetentionDays: number;
  /** The origin people reach the app at (links in mail, the SSO redirect), without a trailing slash. */
  publicUrl: string;
}

/** Thrown for a wrong setting: `main.ts` prints the message and stops without a stack trace. */
export class ConfigError extends Error {}

const DEV_SESSION_SECRET = 'olievlek-development-secret-do-not-use-in-production';

function parsePublicUrl(value: string | undefined, port: number): string {
  if (value === undefined || value.trim() === '') return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError(
      `PUBLIC_URL must be a full URL, e.g. https://olievlek.gemeente.nl (got "${value}").`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`PUBLIC_URL must start with https:// or http:// (got "${value}").`);
  }
  return url.toString().replace(/\/+$/, '');
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(`${name} must be true or false (got "${value}").`);
}

function parseInteger(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value.trim())) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${value}").`);
  }
  const n = Number(value);
  if (n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${value}").`);
  }
  return n;
}

export function parseDatabaseUrl(value: string | undefined, cwd: string): DatabaseConfig {
  const url = value && value.trim() !== '' ? value.trim() : 'sqlite:data/olievlek.sqlite';
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '')
      throw new ConfigError(
        'DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:data/olievlek.sqlite.',
      );
    return {
      type: 'sqlite',
      path: path === ':memory:' ? path : isAbsolute(path) ? path : resolve(cwd, path),
    };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      throw new ConfigError('DATABASE_URL is not a valid postgres:// URL.');
    }
    return { type: 'postgres', url };
  }
  throw new ConfigError(
    `DATABASE_URL must start with "sqlite:" or "postgres://" (got "${url.replace(/\/\/[^@]*@/, '//***@')}").`,
  );
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Reads and validates the environment once, at boot. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const nodeEnv = env['NODE_ENV'] ?? 'development';
  const production = nodeEnv === 'production';

  const port = parseInteger('PORT', env['PORT'], 3000, 0, 65535);
  const database = parseDatabaseUrl(env['DATABASE_URL'], cwd);

  let sessionSecret = env['SESSION_SECRET'] ?? '';
  if (production && sessionSecret === '') {
    throw new ConfigError(
      'SESSION_SECRET is required when NODE_ENV=production (at least 32 random characters).',
    );
  }
  if (sessionSecret !== '' && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters long.');
  }
  if (sessionSecret === '') sessionSecret = DEV_SESSION_SECRET;

  const orgTimezone = env['ORG_TIMEZONE']?.trim() || 'Europe/Amsterdam';
  if (!validTimeZone(orgTimezone)) {
    throw new ConfigError(
      `ORG_TIMEZONE "${orgTimezone}" is not a known IANA time zone, e.g. Europe/Amsterdam.`,
    );
  }

  const demoData = parseBoolean('DEMO_DATA', env['DEMO_DATA'], !production);
  if (production && demoData) {
    throw new ConfigError('DEMO_DATA cannot be switched on when NODE_ENV=production.');
  }

  const webRootSetting = env['WEB_ROOT'];
  const webRoot =
    webRootSetting === '' ? null : resolve(cwd, webRootSetting ?? 'dist/apps/web/browser');

  return {
    port,
    production,
    database,
    sessionSecret,
    orgTimezone,
    demoData,
    webRoot,
    secureCookies: parseBoolean('SECURE_COOKIES', env['SECURE_COOKIES'], production),
    sessionIdleMinutes: parseInteger(
      'SESSION_IDLE_MINUTES',
      env['SESSION_IDLE_MINUTES'],
      30,
      1,
      24 * 60,
    ),
    pulseK: parseInteger('PULSE_K', env['PULSE_K'], 5, 3, 1000),
    noteRetentionDays: parseInteger(
      'NOTE_RETENTION_DAYS',
      env['NOTE_RETENTION_DAYS'],
      730,
      30,
      36_500,
    ),
    publicUrl: parsePublicUrl(env['PUBLIC_URL'], port),
    sessionAbsoluteHours: parseInteger(
      'SESSION_ABSOLUTE_HOURS',
      env['SESSION_ABSOLUTE_HOURS'],
      8,
      1,
      24 * 7,
    ),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
