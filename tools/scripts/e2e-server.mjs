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
const server = spawn(process.execPath, ['dist/apps/api/main.js'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'test',
    PORT: process.env.E2E_PORT ?? '4310',
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'e2e.sqlite')}`,
    DEMO_DATA: 'true',
  },
});
const stop = () => server.kill('SIGTERM');
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);
server.on('exit', (code) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
