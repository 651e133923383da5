import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** The test provider's fixed client and password (tools/scripts/oidc-test-provider.mjs). */
export const OIDC_TEST_CLIENT = { id: 'olievlek', secret: 'olievlek-test-secret' } as const;
export const OIDC_TEST_PASSWORD = 'wachtwoord';

export interface TestOidcProvider {
  issuer: string;
  stop(): Promise<void>;
}

/** Starts the real OIDC provider (oidc-provider, ESM) as a child process on a free loopback port. */
export async function startOidcProvider(redirectUris: string[]): Promise<TestOidcProvider> {
  const script = resolve(__dirname, '../../../tools/scripts/oidc-test-provider.mjs');
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { ...process.env, OIDC_TEST_PORT: '0', OIDC_TEST_REDIRECT_URIS: redirectUris.join(',') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const issuer = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`OIDC provider did not start: ${stderr}`)),
      20_000,
    );
    child.once('exit', (code) => fail(new Error(`OIDC provider exited (${code}): ${stderr}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { issuer?: string };
        if (parsed.issuer) {
          clearTimeout(timer);
          done(parsed.issuer);
        }
      } catch {
        // Not the ready line.
      }
    });
  });
  return {
    issuer,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** A loopback port that nothing listens on: an unreachable provider. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * A browser at the provider: keeps the provider's cookies, fills in its sign-in form and follows
 * its redirects until they leave the provider, which is where the callback URL is.
 */
export class ProviderBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly issuer: string) {}

  private async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(cookie))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects within the provider; returns the first URL outside it. */
  private async follow(res: Response): Promise<string> {
    let current = res;
    for (let hops = 0; hops < 10; hops++) {
      const location = current.headers.get('location');
      if (!location) {
        throw new Error(
          `The provider stopped at ${current.status}: ${(await current.text()).slice(0, 300)}`,
        );
      }
      const next = new URL(location, this.issuer).toString();
      if (!next.startsWith(this.issuer)) return next;
      current = await this.fetch(next);
    }
    throw new Error('Too many redirects at the provider');
  }

  /** Opens the sign-in form of an authorization URL; returns the form's page. */
  private async openForm(authorizationUrl: string): Promise<{ page: string; uid: string }> {
    const res = await this.fetch(authorizationUrl);
    const location = res.headers.get('location') ?? '';
    const page = await (await this.fetch(new URL(location, this.issuer).toString())).text();
    const uid = /action="\/interaction\/([^/"]+)\/login"/.exec(page)?.[1];
    if (!uid) throw new Error(`No sign-in form at the provider: ${page.slice(0, 300)}`);
    return { page, uid };
  }

  private post(path: string, form: Record<string, string>): Promise<Response> {
    return this.fetch(new URL(path, this.issuer).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  /** Signs in at the provider; returns the callback URL the provider sends the browser to. */
  async signIn(
    authorizationUrl: string,
    login: string,
    password = OIDC_TEST_PASSWORD,
  ): Promise<string> {
    const { uid } = await this.openForm(authorizationUrl);
    const res = await this.post(`/interaction/${uid}/login`, { login, password });
    if (res.status === 200)
      throw new Error(`The provider refused ${login}: ${(await res.text()).slice(0, 300)}`);
    return this.follow(res);
  }

  /** Cancels at the provider's sign-in form; returns the callback URL (with an error). */
  async cancel(authorizationUrl: string): Promise<string> {
    const { uid } = await this.openForm(authorizationUrl);
    return this.follow(await this.post(`/interaction/${uid}/abort`, {}));
  }
}
