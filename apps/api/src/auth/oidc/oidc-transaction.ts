import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** The cookie that carries one sign-in attempt from the start to the callback. */
export const OIDC_TRANSACTION_COOKIE = 'olievlek_oidc';
/** Only the SSO endpoints need it. */
export const OIDC_COOKIE_PATH = '/api/auth/oidc';
/** Time to sign in at the provider before the attempt is no longer accepted. */
export const OIDC_TRANSACTION_SECONDS = 600;

export interface OidcTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Epoch milliseconds after which the attempt is refused. */
  expiresAt: number;
  /** The page of the app the person was going to (a safe relative path), if any. */
  returnTo?: string;
}

/**
 * The state, nonce and PKCE code verifier of a sign-in travel in an HttpOnly cookie, sealed with
 * AES-256-GCM under a key derived from SESSION_SECRET: the browser that started the sign-in is the
 * only one that can finish it, nothing is kept in memory (any instance can take the callback),
 * and neither the browser's scripts nor a reader of the cookie learns the verifier.
 */
export class OidcTransactionSealer {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHash('sha256').update(`olievlek-oidc-transaction:${secret}`).digest();
  }

  seal(transaction: OidcTransaction): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([
      cipher.update(JSON.stringify(transaction), 'utf8'),
      cipher.final(),
    ]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The transaction, or null when the cookie is missing, forged, damaged or expired. */
  open(sealed: string | undefined, now = Date.now()): OidcTransaction | null {
    if (!sealed || sealed.length > 2000) return null;
    try {
      const raw = Buffer.from(sealed, 'base64url');
      if (raw.length < 29) return null;
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
      const value = JSON.parse(json.toString('utf8')) as Partial<OidcTransaction>;
      if (
        typeof value.state !== 'string' ||
        typeof value.nonce !== 'string' ||
        typeof value.codeVerifier !== 'string' ||
        typeof value.expiresAt !== 'number' ||
        (value.returnTo !== undefined && typeof value.returnTo !== 'string') ||
        now >= value.expiresAt
      ) {
        return null;
      }
      return value as OidcTransaction;
    } catch {
      return null;
    }
  }
}
