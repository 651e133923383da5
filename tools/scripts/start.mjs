// `npm start`: build the API and the client (Nx caches unchanged builds), then serve both
// at http://localhost:${PORT:-3000} on the embedded SQLite database, with demo data on first start.
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' };
const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'],
  {
    stdio: 'inherit',
    env,
  },
);
if (build.status !== 0) {
  console.error('Olievlek: the build failed; see above.');
  process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/api/main.js'], {
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
