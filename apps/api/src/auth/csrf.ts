import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@olievlek/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { forbidden } from '../common/api-exception';
import { APP_CONFIG, AppConfig } from '../config/config';
import { IS_PUBLIC } from './decorators';
import { ServerSecret } from './server-secret';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LABEL = 'olievlek:csrf:v1';
/** 16 random bytes in base64url: the first 22 characters of a token, the HMAC the other 43. */
const NONCE_LENGTH = 22;

/** The session token in the signed session cookie, or null without a (well-signed) one. */
export function sessionTokenOf(request: FastifyRequest): string | null {
  const signed = request.cookies[SESSION_COOKIE];
  if (!signed) return null;
  const unsigned = request.unsignCookie(signed);
  return unsigned.valid && unsigned.value ? unsigned.value : null;
}

/**
 * The CSRF token is tied to the session (issue 20, finding 13): a nonce and an HMAC under the
 * server secret of the nonce and the session token (none before sign-in). A cookie and header of
 * someone else's choosing do not match the HMAC; a token from before sign-in or sign-out stops
 * working, and the answer to the sign-in and the sign-out carries the new one. The client reads
 * it from the readable XSRF-TOKEN cookie and echoes it in X-XSRF-TOKEN (Angular's convention).
 */
@Injectable()
export class CsrfTokens {
  constructor(
    private readonly secret: ServerSecret,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private mac(nonce: string, sessionToken: string | null): string {
    return createHmac('sha256', this.secret.value)
      .update(`${LABEL}\n${sessionToken ?? ''}\n${nonce}`)
      .digest('base64url');
  }

  /** Whether `token` was made for this session (or for no session, before sign-in). */
  valid(token: unknown, sessionToken: string | null): boolean {
    if (typeof token !== 'string' || token.length <= NONCE_LENGTH) return false;
    const expected = Buffer.from(this.mac(token.slice(0, NONCE_LENGTH), sessionToken));
    const given = Buffer.from(token.slice(NONCE_LENGTH));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** Sets a new token for the session the browser holds from this answer on. */
  issue(reply: FastifyReply, sessionToken: string | null): void {
    const nonce = randomBytes(16).toString('base64url');
    reply.setCookie(CSRF_COOKIE, nonce + this.mac(nonce, sessionToken), {
      path: '/',
      sameSite: 'lax',
      secure: this.config.secureCookies,
      httpOnly: false,
    });
  }
}

/** A readable XSRF-TOKEN cookie on any response whose request lacks one valid for its session. */
export function registerCsrfCookie(fastify: FastifyInstance, tokens: CsrfTokens): void {
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const sessionToken = sessionTokenOf(request);
    if (!tokens.valid(request.cookies[CSRF_COOKIE], sessionToken)) {
      tokens.issue(reply, sessionToken);
    }
  });
}

const CSRF_EXEMPT = 'olievlek:csrfExempt';

/**
 * For a public endpoint whose authority is a signed token in the URL, not a cookie — e.g. the
 * one-click unsubscribe a mail program POSTs to (RFC 8058) — so a forged cross-site request
 * gains nothing the token does not already give.
 */
export const CsrfExempt = () => SetMetadata(CSRF_EXEMPT, true);

/** Every state-changing request (login included) must send in X-XSRF-TOKEN its session's token. */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: CsrfTokens,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (SAFE_METHODS.has(request.method)) return true;
    if (this.reflector.get<boolean>(CSRF_EXEMPT, context.getHandler())) return true;
    const sessionToken = sessionTokenOf(request);
    // Without a session a signed-in route has no authority to forge, and the session guard
    // refuses it next with 401: a session that ended in the browser then reads "sign in again"
    // (and the client keeps the draft), not "reload the page" (issue 13).
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!sessionToken && !isPublic) return true;
    const header = request.headers[CSRF_HEADER.toLowerCase()];
    if (this.tokens.valid(header, sessionToken)) return true;
    throw forbidden(
      'CSRF_TOKEN_INVALID',
      'This request lacks a valid security token (X-XSRF-TOKEN). Reload the page and try again.',
    );
  }
}
