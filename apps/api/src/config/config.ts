import { validateCronExpression } from 'cron';
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { MAP_TEAMS_MAX, ROLES, type Role } from '@olievlek/shared';

export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

export interface AppConfig {
  port: number;
  production: boolean;
  database: DatabaseConfig;
  /** SESSION_SECRET; null: the database's own random key (auth/server-secret.ts). */
  sessionSecret: string | null;
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
  /** Single sign-on with OpenID Connect (apps/api/src/auth/oidc); null when it is off. */
  oidc: OidcConfig | null;
  /** Sign-in with an e-mail address and password; may be switched off only when SSO is on. */
  localPasswords: boolean;
  /** Reminders and digests by mail (apps/api/src/mail). */
  mail: MailConfig;
  /** The olievlek map leaves teams out above this many teams in the subtree (MAP_TEAMS_MAX). */
  olievlekMapTeamsMax: number;
  /**
   * Which proxies' `X-Forwarded-For` to believe (Fastify's `trustProxy`): false (none, the
   * default), a number of hops, or addresses and CIDR ranges. Never `true`: a client could then
   * write its own address and walk past the per-address sign-in limit and the audit log.
   */
  trustedProxies: false | number | string[];
  /** The headless Chromium that prints the director's report as PDF (CHROMIUM_PATH). */
  chromiumPath: string;
}

export interface MailConfig {
  /** smtp:// or smtps:// URL of the mail server; null: mail is off. */
  smtpUrl: string | null;
  /** The From header, e.g. `Olievlek <olievlek@gemeente.nl>`. */
  from: string;
  /** Cron expressions (seconds first), in ORG_TIMEZONE. */
  schedules: {
    teamReminder: string;
    ambassadorDigest: string;
    directorSummary: string;
    retry: string;
  };
}

export interface OidcConfig {
  /** The provider's issuer URL; its metadata is read from `/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated, always including `openid`. */
  scopes: string;
  /** Where the groups or roles are in the claims: a name, or a dotted path (`realm_access.roles`). */
  rolesClaim: string;
  /** Which group (exact value in the claim) gives which Olievlek role. */
  roleMap: ReadonlyArray<{ group: string; role: Role }>;
  /** Link or create an account by e-mail only when the provider says the address is verified. */
  requireVerifiedEmail: boolean;
  /** The sign-in button's text; null: the translated default. */
  buttonLabel: string | null;
}

/** Thrown for a wrong setting: `main.ts` prints the message and stops without a stack trace. */
export class ConfigError extends Error {}

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

const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** `TRUSTED_PROXIES`: empty (none), a hop count, or comma-separated addresses / CIDR ranges. */
export function parseTrustedProxies(value: string | undefined): false | number | string[] {
  const setting = value?.trim() ?? '';
  if (setting === '') return false;
  const example = 'e.g. 10.0.0.5,10.1.0.0/16 or 1 (the number of proxies in front)';
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    if (hops < 1 || hops > 10) {
      throw new ConfigError(
        `TRUSTED_PROXIES as a hop count must be from 1 to 10 (got "${value}").`,
      );
    }
    return hops;
  }
  return setting.split(',').map((entry) => {
    const item = entry.trim();
    if (PROXY_RANGE_NAMES.includes(item)) return item;
    const [address, prefix, ...rest] = item.split('/');
    const family = isIP(address ?? '');
    const maxPrefix = family === 6 ? 128 : 32;
    const prefixOk =
      prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk || rest.length > 0) {
      throw new ConfigError(
        `TRUSTED_PROXIES entry "${item}" is not an IP address or CIDR range: ${example}.`,
      );
    }
    return item;
  });
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function parseCron(name: string, value: string | undefined, fallback: string): string {
  const expression = value?.trim() || fallback;
  if (!validateCronExpression(expression).valid) {
    throw new ConfigError(
      `${name} must be a cron expression with seconds first, e.g. "0 30 7 * * 1" for Mondays at 07:30 (got "${value}").`,
    );
  }
  return expression;
}

function parseMail(env: NodeJS.ProcessEnv, publicUrl: string): MailConfig {
  const smtp = env['SMTP_URL']?.trim() || null;
  if (smtp !== null) {
    let url: URL | null = null;
    try {
      url = new URL(smtp);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
      throw new ConfigError(
        'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.gemeente.nl:587 (leave it unset to switch mail off).',
      );
    }
  }
  const from = env['MAIL_FROM']?.trim() || `Olievlek <olievlek@${new URL(publicUrl).hostname}>`;
  if (
    !/^[^<>@\s]+@[^<>@\s]+\.?[^<>@\s]*$|<[^<>@\s]+@[^<>@\s]+>$/.test(from) ||
    /[\r\n]/.test(from)
  ) {
    throw new ConfigError(
      `MAIL_FROM must be an e-mail address, optionally with a name: Olievlek <olievlek@gemeente.nl> (got "${from}").`,
    );
  }
  return {
    smtpUrl: smtp,
    from,
    schedules: {
      teamReminder: parseCron(
        'MAIL_TEAM_REMINDER_CRON',
        env['MAIL_TEAM_REMINDER_CRON'],
        '0 30 7 * * 1',
      ),
      ambassadorDigest: parseCron(
        'MAIL_AMBASSADOR_DIGEST_CRON',
        env['MAIL_AMBASSADOR_DIGEST_CRON'],
        '0 0 8 * * 1',
      ),
      // Every working day; the summary goes out once per month, so the first of them sends it.
      directorSummary: parseCron(
        'MAIL_DIRECTOR_SUMMARY_CRON',
        env['MAIL_DIRECTOR_SUMMARY_CRON'],
        '0 0 8 * * 1-5',
      ),
      retry: parseCron('MAIL_RETRY_CRON', env['MAIL_RETRY_CRON'], '0 */10 * * * *'),
    },
  };
}

const OIDC_ROLE_MAP_EXAMPLE = 'olievlek-beheer=admin,olievlek-ambassadeurs=ambassador';

function parseOidc(env: NodeJS.ProcessEnv): OidcConfig | null {
  const value = (name: string) => env[name]?.trim() || '';
  const issuerSetting = value('OIDC_ISSUER');
  if (issuerSetting === '') {
    const stray = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_MAP'].find((n) => value(n));
    if (stray) {
      throw new ConfigError(`${stray} is set, but OIDC_ISSUER is not: set both to switch SSO on.`);
    }
    return null;
  }
  let issuer: URL;
  try {
    issuer = new URL(issuerSetting);
  } catch {
    throw new ConfigError(
      `OIDC_ISSUER must be the provider's issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0 (got "${issuerSetting}").`,
    );
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && loopback)) {
    throw new ConfigError(
      `OIDC_ISSUER must use https:// (plain http only on localhost, for tests) (got "${issuerSetting}").`,
    );
  }
  for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_MAP']) {
    if (value(name) === '') {
      throw new ConfigError(
        name === 'OIDC_ROLE_MAP'
          ? `OIDC_ROLE_MAP is required with OIDC_ISSUER: which group gives which role, e.g. ${OIDC_ROLE_MAP_EXAMPLE}.`
          : `${name} is required with OIDC_ISSUER: take it from the client registered at the provider.`,
      );
    }
  }
  const scopes = (value('OIDC_SCOPES') || 'openid email profile').split(/\s+/);
  if (!scopes.includes('openid')) {
    throw new ConfigError(
      `OIDC_SCOPES must include "openid", e.g. "openid email profile" (got "${value('OIDC_SCOPES')}").`,
    );
  }
  const rolesClaim = value('OIDC_ROLES_CLAIM') || 'groups';
  if (!/^[^\s.]+(\.[^\s.]+)*$/.test(rolesClaim)) {
    throw new ConfigError(
      `OIDC_ROLES_CLAIM must be a claim name or a dotted path, e.g. groups or realm_access.roles (got "${rolesClaim}").`,
    );
  }
  const roleMap = value('OIDC_ROLE_MAP')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const at = entry.lastIndexOf('=');
      const group = at > 0 ? entry.slice(0, at).trim() : '';
      const role = at > 0 ? entry.slice(at + 1).trim() : '';
      if (group === '' || !(ROLES as readonly string[]).includes(role)) {
        throw new ConfigError(
          `OIDC_ROLE_MAP entry "${entry}" must be group=role with a role from ${ROLES.join(', ')}, e.g. ${OIDC_ROLE_MAP_EXAMPLE}.`,
        );
      }
      return { group, role: role as Role };
    });
  const buttonLabel = value('OIDC_BUTTON_LABEL') || null;
  if (buttonLabel !== null && buttonLabel.length > 80) {
    throw new ConfigError('OIDC_BUTTON_LABEL must be at most 80 characters long.');
  }
  return {
    issuer: issuerSetting,
    clientId: value('OIDC_CLIENT_ID'),
    clientSecret: value('OIDC_CLIENT_SECRET'),
    scopes: scopes.join(' '),
    rolesClaim,
    roleMap,
    requireVerifiedEmail: parseBoolean(
      'OIDC_REQUIRE_VERIFIED_EMAIL',
      env['OIDC_REQUIRE_VERIFIED_EMAIL'],
      true,
    ),
    buttonLabel,
  };
}

/** Reads and validates the environment once, at boot. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const nodeEnv = env['NODE_ENV'] ?? 'development';
  const production = nodeEnv === 'production';

  const port = parseInteger('PORT', env['PORT'], 3000, 0, 65535);
  const database = parseDatabaseUrl(env['DATABASE_URL'], cwd);

  const sessionSecret = env['SESSION_SECRET'] ?? '';
  if (production && sessionSecret === '') {
    throw new ConfigError(
      'SESSION_SECRET is required when NODE_ENV=production (at least 32 random characters).',
    );
  }
  if (sessionSecret !== '' && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters long.');
  }

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

  const oidc = parseOidc(env);
  const localPasswords = parseBoolean('LOCAL_PASSWORDS', env['LOCAL_PASSWORDS'], true);
  if (!localPasswords && !oidc) {
    throw new ConfigError(
      'LOCAL_PASSWORDS=false needs single sign-on (OIDC_ISSUER and the other OIDC_ settings): otherwise nobody can sign in.',
    );
  }

  // Set by hand, it must exist; the default may be missing (then only the PDF is unavailable).
  const chromiumSetting = env['CHROMIUM_PATH']?.trim();
  if (chromiumSetting && !existsSync(chromiumSetting)) {
    throw new ConfigError(
      `CHROMIUM_PATH "${chromiumSetting}" does not exist; point it at a Chromium or Chrome binary, e.g. /usr/bin/chromium.`,
    );
  }

  const webRootSetting = env['WEB_ROOT'];
  const webRoot =
    webRootSetting === '' ? null : resolve(cwd, webRootSetting ?? 'dist/apps/web/browser');

  return {
    port,
    production,
    database,
    sessionSecret: sessionSecret === '' ? null : sessionSecret,
    orgTimezone,
    demoData,
    webRoot,
    chromiumPath: chromiumSetting || '/usr/bin/chromium',
    secureCookies: parseBoolean('SECURE_COOKIES', env['SECURE_COOKIES'], production),
    sessionIdleMinutes: parseInteger(
      'SESSION_IDLE_MINUTES',
      env['SESSION_IDLE_MINUTES'],
      30,
      1,
      24 * 60,
    ),
    pulseK: parseInteger('PULSE_K', env['PULSE_K'], 5, 3, 1000),
    olievlekMapTeamsMax: parseInteger(
      'OLIEVLEK_MAP_TEAMS_MAX',
      env['OLIEVLEK_MAP_TEAMS_MAX'],
      MAP_TEAMS_MAX,
      1,
      100_000,
    ),
    noteRetentionDays: parseInteger(
      'NOTE_RETENTION_DAYS',
      env['NOTE_RETENTION_DAYS'],
      730,
      30,
      36_500,
    ),
    publicUrl: parsePublicUrl(env['PUBLIC_URL'], port),
    trustedProxies: parseTrustedProxies(env['TRUSTED_PROXIES']),
    oidc,
    localPasswords,
    mail: parseMail(env, parsePublicUrl(env['PUBLIC_URL'], port)),
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
