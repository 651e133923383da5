import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working defaults for a developer machine', () => {
    const config = loadConfig({}, '/srv/olievlek');
    expect(config).toMatchObject({
      port: 3000,
      production: false,
      database: { type: 'sqlite', path: '/srv/olievlek/data/olievlek.sqlite' },
      orgTimezone: 'Europe/Amsterdam',
      demoData: true,
      secureCookies: false,
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 8,
      noteRetentionDays: 730,
      publicUrl: 'http://localhost:3000',
    });
  });

  it('reads PUBLIC_URL without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://olievlek.gemeente.nl/' }).publicUrl).toBe(
      'https://olievlek.gemeente.nl',
    );
  });

  it('reads a PostgreSQL URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/olievlek' }).database).toEqual({
      type: 'postgres',
      url: 'postgres://u:p@db:5432/olievlek',
    });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with "sqlite:" or "postgres:\/\/"/],
    [
      { ORG_TIMEZONE: 'Europe/Amsterdm' },
      /ORG_TIMEZONE "Europe\/Amsterdm" is not a known IANA time zone/,
    ],
    [{ PUBLIC_URL: 'olievlek.nl' }, /PUBLIC_URL must be a full URL/],
    [{ PUBLIC_URL: 'ftp://olievlek.nl' }, /PUBLIC_URL must start with https:\/\/ or http:\/\//],
    [{ DEMO_DATA: 'sometimes' }, /DEMO_DATA must be true or false/],
    [{ NODE_ENV: 'production' }, /SESSION_SECRET is required when NODE_ENV=production/],
    [{ SESSION_SECRET: 'short' }, /at least 32 characters/],
    [{ NOTE_RETENTION_DAYS: '29' }, /NOTE_RETENTION_DAYS must be a whole number from 30 to 36500/],
    [{ NOTE_RETENTION_DAYS: 'twee jaar' }, /NOTE_RETENTION_DAYS must be a whole number/],
    [
      { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DEMO_DATA: 'true' },
      /DEMO_DATA cannot be switched on/,
    ],
  ])('stops with a clear message for %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('turns demo data off and secure cookies on in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    expect(config.demoData).toBe(false);
    expect(config.secureCookies).toBe(true);
  });

  it('never prints a database password in its message', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:geheim@db/x' })).toThrow(/^(?!.*geheim)/);
  });
});
