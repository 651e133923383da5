import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env['E2E_PORT'] ?? 4310);
const baseURL = `http://127.0.0.1:${port}`;
/** The test OIDC provider for single sign-on sits on the next port (tools/scripts/e2e-server.mjs). */
const oidcPort = port + 1;

/**
 * End-to-end tests of the built app (API + client on one origin) in Debian's Chromium:
 * Playwright cannot download browsers here. The server starts on a fresh SQLite file with the
 * demo data (tools/scripts/e2e-server.mjs).
 */
export default defineConfig({
  testDir: './src',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../../dist/test-results/web-e2e',
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: 'node tools/scripts/e2e-server.mjs',
      cwd: '../..',
      url: `${baseURL}/api/health`,
      reuseExistingServer: !process.env['CI'],
      timeout: 120_000,
      env: { E2E_PORT: String(port) },
    },
    {
      command: 'node tools/scripts/oidc-test-provider.mjs',
      cwd: '../..',
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
      env: {
        OIDC_TEST_PORT: String(oidcPort),
        OIDC_TEST_REDIRECT_URIS: `${baseURL}/api/auth/oidc/callback`,
      },
    },
  ],
});
