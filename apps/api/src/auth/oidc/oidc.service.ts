import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SsoFailure } from '@olievlek/shared';
import { safeReturnPath } from '@olievlek/shared';
import type { IncomingMessage } from 'node:http';
import { BaseClient, custom, errors, generators, Issuer, TokenSet } from 'openid-client';
import { APP_CONFIG, AppConfig, OidcConfig } from '../../config/config';
import { ServerSecret } from '../server-secret';
import { groupsIn, mappedRoles, profileFrom } from './oidc-claims';
import { OIDC_TRANSACTION_SECONDS, OidcTransactionSealer } from './oidc-transaction';

/** Every request to the provider gives up after this long: a hung provider is an unreachable one. */
custom.setHttpOptionsDefaults({ timeout: 5000 });

/** Why a sign-in could not go on: the reason goes to the sign-in page, the detail to the audit log. */
export class SsoError extends Error {
  constructor(
    readonly reason: SsoFailure,
    message: string,
    readonly detail: Record<string, unknown> = {},
    readonly userId: string | null = null,
  ) {
    super(message);
  }
}

/** What the provider vouched for, once the code was exchanged and the ID token checked. */
export interface SsoIdentity {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
  /** Where the app sends the person after signing in: a path checked by `safeReturnPath`. */
  returnTo: string;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
]);

/** Sorts an error from the provider or the network into a reason a person can be told. */
export function ssoFailureOf(error: unknown): SsoError {
  if (error instanceof SsoError) return error;
  const e = error as { name?: string; code?: string; message?: string };
  if (error instanceof errors.OPError) {
    const status = error.response?.statusCode ?? 0;
    if (status >= 500) {
      return new SsoError('unreachable', `The provider answered ${status}.`, { status });
    }
    if (error.error === 'invalid_grant') {
      return new SsoError('code', 'The provider refused the code: expired or already used.', {
        error: error.error,
      });
    }
    return new SsoError('failed', `The provider refused: ${error.error}.`, { error: error.error });
  }
  if (error instanceof errors.RPError) {
    return new SsoError('failed', `The provider's answer did not validate: ${error.message}.`, {
      error: error.message,
    });
  }
  if (e?.name === 'TimeoutError' || (e?.code && NETWORK_CODES.has(e.code))) {
    return new SsoError('unreachable', 'The provider could not be reached.', {
      error: e.code ?? e.name,
    });
  }
  return new SsoError('failed', 'The sign-in failed.', { error: e?.message ?? String(error) });
}

/**
 * The OpenID Connect relying party: authorization code flow with PKCE (S256), state and nonce,
 * through openid-client. The provider's metadata is read on first use (not at boot, so a provider
 * that is briefly down does not stop the app) and kept; a failed read is tried again next time.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('Sso');
  private sealerOf: OidcTransactionSealer | null = null;
  private client: Promise<BaseClient> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly secret: ServerSecret,
  ) {}

  /** Made on first use: the server secret is known only once the app has started. */
  private get sealer(): OidcTransactionSealer {
    this.sealerOf ??= new OidcTransactionSealer(this.secret.value);
    return this.sealerOf;
  }

  get settings(): OidcConfig | null {
    return this.config.oidc;
  }

  get redirectUri(): string {
    return `${this.config.publicUrl}/api/auth/oidc/callback`;
  }

  private async getClient(settings: OidcConfig): Promise<BaseClient> {
    this.client ??= Issuer.discover(settings.issuer).then((issuer) => {
      const client = new issuer.Client({
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        redirect_uris: [this.redirectUri],
        response_types: ['code'],
      });
      client[custom.clock_tolerance] = 10;
      return client;
    });
    try {
      return await this.client;
    } catch (error) {
      this.client = null;
      const failure = ssoFailureOf(error);
      this.logger.warn(
        `Could not read the provider's metadata at ${settings.issuer}: ${failure.message}`,
      );
      throw failure.reason === 'failed'
        ? new SsoError('unreachable', 'The provider metadata could not be read.', failure.detail)
        : failure;
    }
  }

  /** The provider's sign-in URL and the sealed transaction for the cookie. */
  async begin(
    settings: OidcConfig,
    returnTo: string | null = null,
  ): Promise<{ url: string; sealed: string }> {
    const client = await this.getClient(settings);
    const codeVerifier = generators.codeVerifier();
    const state = generators.state();
    const nonce = generators.nonce();
    const url = client.authorizationUrl({
      scope: settings.scopes,
      redirect_uri: this.redirectUri,
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const sealed = this.sealer.seal({
      state,
      nonce,
      codeVerifier,
      expiresAt: Date.now() + OIDC_TRANSACTION_SECONDS * 1000,
      ...(returnTo ? { returnTo } : {}),
    });
    return { url, sealed };
  }

  /**
   * Checks the callback against the transaction of this browser, exchanges the code and validates
   * the ID token (signature, issuer, audience, expiry, nonce); reads the userinfo endpoint too
   * when the ID token lacks the e-mail address or the roles claim.
   */
  async complete(
    settings: OidcConfig,
    request: IncomingMessage,
    sealed: string | undefined,
  ): Promise<SsoIdentity> {
    const transaction = this.sealer.open(sealed);
    const url = new URL(request.url ?? '/', 'http://callback.invalid');
    const state = url.searchParams.get('state');
    if (!transaction) {
      throw new SsoError(
        'state',
        'No sign-in was under way in this browser, or it took too long.',
        {
          error: sealed ? 'transaction-expired' : 'transaction-missing',
        },
      );
    }
    if (state !== transaction.state) {
      throw new SsoError('state', 'The state does not match the sign-in of this browser.', {
        error: 'state-mismatch',
      });
    }
    const providerError = url.searchParams.get('error');
    if (providerError) {
      throw new SsoError('denied', `The provider ended the sign-in: ${providerError}.`, {
        error: providerError.slice(0, 100),
      });
    }

    const client = await this.getClient(settings);
    let tokenSet: TokenSet;
    try {
      tokenSet = await client.callback(this.redirectUri, client.callbackParams(request), {
        state: transaction.state,
        nonce: transaction.nonce,
        code_verifier: transaction.codeVerifier,
        response_type: 'code',
      });
    } catch (error) {
      throw ssoFailureOf(error);
    }
    const idClaims = tokenSet.claims() as unknown as Record<string, unknown>;
    let claims = idClaims;
    const lacks = (name: string) => claims[name] === undefined;
    const rolesRoot = settings.rolesClaim.split('.')[0];
    if ((lacks('email') || lacks(rolesRoot)) && client.issuer.metadata.userinfo_endpoint) {
      try {
        const userinfo = (await client.userinfo(tokenSet)) as Record<string, unknown>;
        // The ID token wins where both say something; userinfo fills what it lacks.
        claims = { ...userinfo, ...idClaims };
      } catch (error) {
        throw ssoFailureOf(error);
      }
    }
    return {
      issuer: String(idClaims['iss']),
      subject: String(idClaims['sub']),
      claims,
      // Checked again: the seal proves who wrote it, not that the rule was the same then.
      returnTo: safeReturnPath(transaction.returnTo) ?? '/',
    };
  }

  /** What the claims mean for Olievlek: the roles, and who the person is. */
  interpret(settings: OidcConfig, identity: SsoIdentity) {
    const groups = groupsIn(identity.claims, settings.rolesClaim);
    return {
      groups,
      roles: mappedRoles(groups, settings.roleMap),
      profile: profileFrom(identity.claims, settings.requireVerifiedEmail),
    };
  }
}
