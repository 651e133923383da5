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
      olievlekMapTeamsMax: 2500,
    });
  });

  it('reads OLIEVLEK_MAP_TEAMS_MAX', () => {
    expect(loadConfig({ OLIEVLEK_MAP_TEAMS_MAX: '20' }).olievlekMapTeamsMax).toBe(20);
  });

  it('reads PUBLIC_URL without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://olievlek.gemeente.nl/' }).publicUrl).toBe(
      'https://olievlek.gemeente.nl',
    );
  });

  it("takes the Chromium for the PDF report from CHROMIUM_PATH, Debian's by default", () => {
    expect(loadConfig({}).chromiumPath).toBe('/usr/bin/chromium');
    expect(loadConfig({ CHROMIUM_PATH: process.execPath }).chromiumPath).toBe(process.execPath);
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
    [{ OLIEVLEK_MAP_TEAMS_MAX: '0' }, /OLIEVLEK_MAP_TEAMS_MAX must be a whole number from 1 to/],
    [{ OLIEVLEK_MAP_TEAMS_MAX: 'veel' }, /OLIEVLEK_MAP_TEAMS_MAX must be a whole number/],
    [{ CHROMIUM_PATH: '/nowhere/chromium' }, /CHROMIUM_PATH "\/nowhere\/chromium" does not exist/],
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

  it('trusts no proxy by default, in production too', () => {
    expect(loadConfig({}).trustedProxies).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }).trustedProxies,
    ).toBe(false);
  });

  it('reads TRUSTED_PROXIES as a hop count or as addresses and CIDR ranges', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '2' }).trustedProxies).toBe(2);
    expect(
      loadConfig({ TRUSTED_PROXIES: ' 10.0.0.5, 10.1.0.0/16,fd00::/8, loopback' }).trustedProxies,
    ).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', 'loopback']);
  });

  it.each(['0', '11', 'proxy.gemeente.nl', '10.0.0.0/33', '10.0.0.1/8/2', '*', 'true'])(
    'refuses TRUSTED_PROXIES=%s',
    (value) => {
      expect(() => loadConfig({ TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES/);
    },
  );

  it('never prints a database password in its message', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:geheim@db/x' })).toThrow(/^(?!.*geheim)/);
  });
});

describe('loadConfig: single sign-on (OIDC_*) and LOCAL_PASSWORDS', () => {
  const sso = {
    OIDC_ISSUER: 'https://login.microsoftonline.com/tenant-id/v2.0',
    OIDC_CLIENT_ID: 'olievlek',
    OIDC_CLIENT_SECRET: 'geheim-van-de-client',
    OIDC_ROLE_MAP:
      'olievlek-beheer=admin, olievlek-ambassadeurs=ambassador,olievlek-beheer=director',
  };

  it('keeps SSO off and passwords on by default', () => {
    const config = loadConfig({});
    expect(config.oidc).toBeNull();
    expect(config.localPasswords).toBe(true);
  });

  it('reads the provider, the scopes, the claim and the group-to-role map', () => {
    expect(loadConfig(sso).oidc).toEqual({
      issuer: 'https://login.microsoftonline.com/tenant-id/v2.0',
      clientId: 'olievlek',
      clientSecret: 'geheim-van-de-client',
      scopes: 'openid email profile',
      rolesClaim: 'groups',
      roleMap: [
        { group: 'olievlek-beheer', role: 'admin' },
        { group: 'olievlek-ambassadeurs', role: 'ambassador' },
        { group: 'olievlek-beheer', role: 'director' },
      ],
      requireVerifiedEmail: true,
      buttonLabel: null,
    });
    const custom = loadConfig({
      ...sso,
      OIDC_SCOPES: '  openid   email profile groups ',
      OIDC_ROLES_CLAIM: 'realm_access.roles',
      OIDC_ROLE_MAP: '/gemeente/olievlek=team=team',
      OIDC_REQUIRE_VERIFIED_EMAIL: 'false',
      OIDC_BUTTON_LABEL: 'Inloggen met je Voorbeeldstad-account',
      LOCAL_PASSWORDS: 'false',
    });
    expect(custom.oidc).toMatchObject({
      scopes: 'openid email profile groups',
      rolesClaim: 'realm_access.roles',
      // The last "=" separates the role, so a group may itself contain "=".
      roleMap: [{ group: '/gemeente/olievlek=team', role: 'team' }],
      requireVerifiedEmail: false,
      buttonLabel: 'Inloggen met je Voorbeeldstad-account',
    });
    expect(custom.localPasswords).toBe(false);
  });

  it('allows a plain-http issuer only on loopback', () => {
    expect(loadConfig({ ...sso, OIDC_ISSUER: 'http://127.0.0.1:4372' }).oidc?.issuer).toBe(
      'http://127.0.0.1:4372',
    );
  });

  it.each([
    [{ LOCAL_PASSWORDS: 'false' }, /LOCAL_PASSWORDS=false needs single sign-on/],
    [{ LOCAL_PASSWORDS: 'misschien' }, /LOCAL_PASSWORDS must be true or false/],
    [{ OIDC_CLIENT_ID: 'olievlek' }, /OIDC_CLIENT_ID is set, but OIDC_ISSUER is not/],
    [{ ...sso, OIDC_ISSUER: 'login.example' }, /OIDC_ISSUER must be the provider's issuer URL/],
    [{ ...sso, OIDC_ISSUER: 'http://idp.gemeente.nl' }, /OIDC_ISSUER must use https:\/\//],
    [{ ...sso, OIDC_CLIENT_ID: '' }, /OIDC_CLIENT_ID is required with OIDC_ISSUER/],
    [{ ...sso, OIDC_CLIENT_SECRET: ' ' }, /OIDC_CLIENT_SECRET is required with OIDC_ISSUER/],
    [{ ...sso, OIDC_ROLE_MAP: '' }, /OIDC_ROLE_MAP is required with OIDC_ISSUER/],
    [{ ...sso, OIDC_ROLE_MAP: 'beheer=superuser' }, /OIDC_ROLE_MAP entry "beheer=superuser"/],
    [{ ...sso, OIDC_ROLE_MAP: 'admin' }, /OIDC_ROLE_MAP entry "admin" must be group=role/],
    [{ ...sso, OIDC_ROLE_MAP: '=admin' }, /OIDC_ROLE_MAP entry "=admin"/],
    [{ ...sso, OIDC_SCOPES: 'email profile' }, /OIDC_SCOPES must include "openid"/],
    [{ ...sso, OIDC_ROLES_CLAIM: 'realm_access..roles' }, /OIDC_ROLES_CLAIM must be a claim name/],
    [{ ...sso, OIDC_REQUIRE_VERIFIED_EMAIL: 'soms' }, /OIDC_REQUIRE_VERIFIED_EMAIL must be true/],
    [{ ...sso, OIDC_BUTTON_LABEL: 'x'.repeat(81) }, /OIDC_BUTTON_LABEL must be at most 80/],
  ])('stops with a clear message for %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never prints the client secret in its message', () => {
    expect(() => loadConfig({ ...sso, OIDC_ROLE_MAP: 'x=y' })).toThrow(
      /^(?!.*geheim-van-de-client)/,
    );
  });
});

describe('loadConfig: mail', () => {
  it('is off without SMTP_URL, with schedules that make sense for a municipality', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://olievlek.gemeente.nl' }).mail).toEqual({
      smtpUrl: null,
      from: 'Olievlek <olievlek@olievlek.gemeente.nl>',
      schedules: {
        teamReminder: '0 30 7 * * 1',
        ambassadorDigest: '0 0 8 * * 1',
        directorSummary: '0 0 8 * * 1-5',
        retry: '0 */10 * * * *',
      },
    });
  });

  it('reads the SMTP server, the sender and the schedules', () => {
    const mail = loadConfig({
      SMTP_URL: 'smtps://olievlek:geheim@mail.gemeente.nl:465',
      MAIL_FROM: 'Programma Samenwerken <samenwerken@gemeente.nl>',
      MAIL_TEAM_REMINDER_CRON: '0 0 9 * * 2',
      MAIL_RETRY_CRON: '* * * * * *',
    }).mail;
    expect(mail).toMatchObject({
      smtpUrl: 'smtps://olievlek:geheim@mail.gemeente.nl:465',
      from: 'Programma Samenwerken <samenwerken@gemeente.nl>',
      schedules: { teamReminder: '0 0 9 * * 2', retry: '* * * * * *' },
    });
    expect(loadConfig({ MAIL_FROM: 'olievlek@gemeente.nl' }).mail.from).toBe(
      'olievlek@gemeente.nl',
    );
  });

  it.each([
    [{ SMTP_URL: 'mail.gemeente.nl' }, /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    [{ SMTP_URL: 'https://mail.gemeente.nl' }, /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    [{ MAIL_FROM: 'Olievlek' }, /MAIL_FROM must be an e-mail address/],
    [{ MAIL_FROM: 'a@b.nl\r\nBcc: x@y.nl' }, /MAIL_FROM must be an e-mail address/],
    [{ MAIL_TEAM_REMINDER_CRON: 'maandag' }, /MAIL_TEAM_REMINDER_CRON must be a cron expression/],
    [{ MAIL_AMBASSADOR_DIGEST_CRON: '0 0 8 * * 9' }, /MAIL_AMBASSADOR_DIGEST_CRON must be a cron/],
    [{ MAIL_DIRECTOR_SUMMARY_CRON: '61 * * * * *' }, /MAIL_DIRECTOR_SUMMARY_CRON must be a cron/],
    [{ MAIL_RETRY_CRON: '* * *' }, /MAIL_RETRY_CRON must be a cron expression/],
  ])('stops with a clear message for %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
