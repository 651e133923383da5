import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const API_MAIN = 'dist/apps/api/main.js';

export interface RunningApi {
  url: string;
  /** The API's own output, for a failure message. */
  log(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The environment for child processes that are not ts-node (the API, the Nx build): without
 * `TS_NODE_PROJECT`, which the npm scripts set for the tools and which would point the build's
 * path mapping at tools/tsconfig.json.
 */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const name of Object.keys(env)) if (name.startsWith('TS_NODE_')) delete env[name];
  return env;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the built API (dist/apps/api/main.js) on a free loopback port against a database and
 * waits until /api/health says the database is up and no migration is pending. It runs the real
 * migrations at boot, which is how the generator gets its schema without importing apps/.
 */
export async function startApi(
  databaseUrl: string,
  options: { production?: boolean; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningApi> {
  if (!existsSync(API_MAIN)) {
    throw new Error(`${API_MAIN} is missing: build the API first (npx nx build api).`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [API_MAIN], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv({
      NODE_ENV: options.production ? 'production' : 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DEMO_DATA: 'false',
      WEB_ROOT: '',
      SECURE_COOKIES: 'false',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ...options.env,
    }),
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code ?? 0;
      resolve();
    }),
  );

  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    }
  };

  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  for (;;) {
    if (exited !== null) {
      throw new Error(`The API stopped during start-up (exit ${exited}):\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) {
        // The API listens only after its migrations ran; anonymous callers see just up or down.
        const body = (await response.json()) as { status?: string };
        if (body.status === 'ok') break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The API did not become healthy in time:\n${output}`);
    }
    await sleep(250);
  }
  return { url, log: () => output, stop };
}
