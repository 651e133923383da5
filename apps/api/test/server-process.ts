import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client as PgClient } from 'pg';

const WORKSPACE = resolve(__dirname, '../../..');

export interface FreshDatabase {
  /** DATABASE_URL for the server. */
  url: string;
  type: 'sqlite' | 'postgres';
  /** The SQLite file, when type is sqlite. */
  sqlitePath: string | null;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database: an SQLite file in a temp dir, or — when DATABASE_URL is a postgres://
 * URL (tools/scripts/with-postgres.sh) — a new database on that server. Same rules as startTestApp.
 */
export async function freshDatabase(): Promise<FreshDatabase> {
  const serverUrl = process.env['DATABASE_URL'];
  if (serverUrl?.startsWith('postgres')) {
    const name = `olievlek_test_${randomBytes(6).toString('hex')}`;
    const admin = new PgClient({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      type: 'postgres',
      sqlitePath: null,
      drop: async () => {
        const c = new PgClient({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'olievlek-process-'));
  const path = join(dir, 'olievlek.sqlite');
  return {
    url: `sqlite:${path}`,
    type: 'sqlite',
    sqlitePath: path,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A port that was free a moment ago: the server reads its port from PORT and cannot report it back. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object'
          ? resolvePort(address.port)
          : reject(new Error('No port')),
      );
    });
  });
}

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** Everything the server printed, for a failure message. */
  output(): string;
  /** Sends the signal and resolves once the process has gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Whether the process is still running. */
  running(): boolean;
}

/**
 * Starts the real server (apps/api/src/main.ts) as a separate Node process, the way `npm start`
 * does, but from source: ts-node in transpile-only mode emits the decorator metadata Nest's
 * dependency injection needs, and tsconfig-paths resolves the libs' path aliases. Resolves once
 * /api/health answers 200 — after migrations and the demo data.
 */
export async function startServerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  timeoutMs = 90_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(WORKSPACE, 'apps/api/src/main.ts'),
    ],
    {
      cwd: WORKSPACE,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        TS_NODE_PROJECT: join(WORKSPACE, 'apps/api/tsconfig.app.json'),
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        DEMO_DATA: 'true',
        WEB_ROOT: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  // Never leave a server behind, even when the test process itself goes down.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const exit = new Promise<void>((done) =>
    child.once('exit', () => {
      exited = true;
      process.removeListener('exit', orphanGuard);
      done();
    }),
  );

  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    baseUrl,
    pid: child.pid ?? -1,
    output: () => output,
    running: () => !exited,
    kill: async (signal) => {
      if (!exited) child.kill(signal);
      await exit;
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`The server stopped before it was ready:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.kill('SIGKILL');
      throw new Error(`The server did not become healthy within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
