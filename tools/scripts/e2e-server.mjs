// The server the Playwright tests run against: the built app on port 4310 (E2E_PORT)
// with a fresh SQLite file and the demo data. Build first (`nx run-many -t build`).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

for (const file of ['dist/apps/api/main.js', 'dist/apps/web/browser/index.html']) {
  if (!existsSync(file)) {
    console.error(
      `e2e-server: ${file} is missing; run "npx nx run-many -t build -p api web" first.`,
    );
    process.exit(1);
  }
}
const dir = mkdtempSync(join(tmpdir(), 'olievlek-e2e-'));
const port = Number(process.env.E2E_PORT ?? '4310');
const server = spawn(process.execPath, ['dist/apps/api/main.js'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'test',
    PORT: process.env.E2E_PORT ?? '4310',
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'e2e.sqlite')}`,
    DEMO_DATA: 'true',
    // Single sign-on against the test provider that Playwright starts on the next port
    // (tools/scripts/oidc-test-provider.mjs). Passwords stay on for the other specs.
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    OIDC_ISSUER: `http://127.0.0.1:${port + 1}`,
    OIDC_CLIENT_ID: 'olievlek',
    OIDC_CLIENT_SECRET: 'olievlek-test-secret',
    OIDC_SCOPES: 'openid email profile groups',
    OIDC_ROLES_CLAIM: 'groups',
    OIDC_ROLE_MAP:
      'olievlek-beheer=admin,olievlek-ambassadeurs=ambassador,olievlek-teams=team,olievlek-directie=director',
    LOCAL_PASSWORDS: 'true',
    // Mail to the SMTP server the mail e2e spec starts on port + 2 (smtp-tester); the jobs are
    // run there through the admin endpoint, never by the clock.
    SMTP_URL: `smtp://127.0.0.1:${port + 2}`,
    MAIL_TEAM_REMINDER_CRON: '0 0 0 1 1 *',
    MAIL_AMBASSADOR_DIGEST_CRON: '0 0 0 1 1 *',
    MAIL_DIRECTOR_SUMMARY_CRON: '0 0 0 1 1 *',
    MAIL_RETRY_CRON: '0 0 0 1 1 *',
  },
});
const stop = () => server.kill('SIGTERM');
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);
server.on('exit', (code) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
