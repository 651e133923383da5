import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CSRF_COOKIE, CSRF_HEADER } from '@olievlek/shared';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app/create-app';
import { loadConfig } from '../src/config/config';
import { DEMO_PASSWORD } from '../src/demo/demo-data';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  dataSource: DataSource;
  databaseType: 'sqlite' | 'postgres';
  /** The database behind the app, for a second instance on it. */
  databaseUrl: string;
  client(): HttpClient;
  /** A client signed in as one of the demo accounts. */
  /** Signs in with the demo password unless another is given (an account made in the test). */
  signedIn(email: string, password?: string): Promise<HttpClient>;
  close(): Promise<void>;
}

/**
 * Boots the real application on a fresh database and a real port on loopback:
 * an SQLite file in a temp dir, or — when DATABASE_URL is a postgres:// URL (see
 * tools/scripts/with-postgres.sh) — a fresh database on that server.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const serverUrl = process.env['DATABASE_URL'];
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  if (serverUrl?.startsWith('postgres')) {
    const name = `olievlek_test_${randomBytes(6).toString('hex')}`;
    const admin = new PgClient({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    cleanup = async () => {
      const c = new PgClient({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'olievlek-test-'));
    databaseUrl = `sqlite:${join(dir, 'test.sqlite')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }

  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DEMO_DATA: 'true',
    WEB_ROOT: '',
    ...env,
  });
  const app = await createApp(config, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('No port');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const testApp: TestApp = {
    app,
    baseUrl,
    dataSource: app.get(DataSource),
    databaseType: config.database.type,
    databaseUrl,
    client: () => new HttpClient(baseUrl),
    signedIn: async (email, password = DEMO_PASSWORD) => {
      const client = new HttpClient(baseUrl);
      const res = await client.post('/api/auth/login', { email, password });
      if (res.status !== 200)
        throw new Error(`Sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return client;
    },
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
  return testApp;
}

// Response bodies are checked field by field in the tests: `any` keeps those checks readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A tiny browser: keeps cookies and echoes the CSRF cookie the way Angular does. */
export class HttpClient {
  readonly cookies = new Map<string, string>();
  csrf = true;

  constructor(private readonly baseUrl: string) {}

  get(path: string, headers: Record<string, string> = {}) {
    return this.request('GET', path, undefined, headers);
  }
  post(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request('POST', path, body, headers);
  }
  patch(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request('PATCH', path, body, headers);
  }
  put(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request('PUT', path, body, headers);
  }
  delete(path: string, headers: Record<string, string> = {}) {
    return this.request('DELETE', path, undefined, headers);
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse> {
    if (method !== 'GET' && this.csrf && !this.cookies.has(CSRF_COOKIE)) {
      await this.request('GET', '/api/health');
    }
    const allHeaders: Record<string, string> = { ...headers };
    if (this.cookies.size) {
      allHeaders['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    if (method !== 'GET' && this.csrf && this.cookies.has(CSRF_COOKIE)) {
      allHeaders[CSRF_HEADER] = this.cookies.get(CSRF_COOKIE) as string;
    }
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      allHeaders['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: allHeaders,
      body: payload,
      redirect: 'manual',
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some(
        (a) => /expires=thu, 01 jan 1970/i.test(a.trim()) || /max-age=0/i.test(a.trim()),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }
}

export const DEMO = {
  admin: 'admin@voorbeeldstad.example',
  ambassador: 'ambassadeur@voorbeeldstad.example',
  team: 'team@voorbeeldstad.example',
  director: 'directeur@voorbeeldstad.example',
} as const;

/** Every error body has the same shape and never leaks internals. */
export function expectApiError(res: TestResponse, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.body).toEqual(
    expect.objectContaining({
      statusCode: status,
      error: expect.any(String),
      message: expect.any(String),
      code,
    }),
  );
  expect(res.text).not.toMatch(/at .*\.(ts|js):\d+|SQLITE|QueryFailedError|stack/i);
}
