import type { AddressInfo } from 'node:net';
// smtp-tester has no type declarations; its shape is small and described here.
const smtpTester = require('smtp-tester') as {
  init(port: number): SmtpTesterServer;
};

interface SmtpTesterServer {
  smtpServer: { server: { address(): AddressInfo | string | null; listening: boolean } };
  bind(handler: (address: string | null, id: number, email: ReceivedRaw) => void): void;
  stop(callback?: () => void): void;
}

interface ReceivedRaw {
  sender: string;
  receivers: Record<string, true>;
  headers: Record<string, unknown>;
  body: string;
  html: string | false;
  data: string;
}

/** The header block as sent, unfolded, with lower-case names (mailparser restructures some). */
function rawHeaders(data: string): Record<string, string> {
  const block = data.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  headers: Record<string, unknown>;
  text: string;
  html: string;
}

/** A real SMTP server on loopback (smtp-tester) that keeps every mail it received. */
export interface TestSmtpServer {
  url: string;
  port: number;
  mails: ReceivedMail[];
  /** Mails to one address. */
  to(address: string): ReceivedMail[];
  /** Resolves once at least `count` mails have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  clear(): void;
  stop(): Promise<void>;
}

/** On `port`, or a free one when it is 0. */
export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const tester = smtpTester.init(port);
  const net = tester.smtpServer.server;
  if (!net.listening) await new Promise((r) => setTimeout(r, 50));
  for (let i = 0; i < 100 && !net.listening; i++) await new Promise((r) => setTimeout(r, 20));
  const address = net.address();
  if (!address || typeof address === 'string') throw new Error('smtp-tester did not listen');
  const mails: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  tester.bind((_address, _id, email) => {
    for (const to of Object.keys(email.receivers)) {
      mails.push({
        to: to.toLowerCase(),
        from: email.sender,
        subject: String(email.headers['subject'] ?? ''),
        headers: { ...email.headers, ...rawHeaders(email.data) },
        text: email.body ?? '',
        html: email.html || '',
      });
    }
    for (const wake of waiters.splice(0)) wake();
  });
  const server: TestSmtpServer = {
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    mails,
    to: (a) => mails.filter((m) => m.to === a.toLowerCase()),
    waitFor: async (count, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(
            `Expected ${count} mails, ${mails.length} arrived within ${timeoutMs} ms`,
          );
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 500));
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return mails;
    },
    clear: () => {
      mails.length = 0;
    },
    stop: () => new Promise((resolve) => tester.stop(() => resolve())),
  };
  return server;
}
