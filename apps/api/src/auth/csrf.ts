import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_COOKIE, CSRF_HEADER } from '@olievlek/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { forbidden } from '../common/api-exception';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Angular's convention: a readable XSRF-TOKEN cookie on any response that lacks one. */
export function registerCsrfCookie(fastify: FastifyInstance, secure: boolean): void {
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.cookies[CSRF_COOKIE]) {
      reply.setCookie(CSRF_COOKIE, randomBytes(32).toString('base64url'), {
        path: '/',
        sameSite: 'lax',
        secure,
        httpOnly: false,
      });
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

/** Every state-changing request (login included) must echo the cookie in X-XSRF-TOKEN. */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (SAFE_METHODS.has(request.method)) return true;
    if (this.reflector.get<boolean>(CSRF_EXEMPT, context.getHandler())) return true;
    const cookie = request.cookies[CSRF_COOKIE];
    const header = request.headers[CSRF_HEADER.toLowerCase()];
    if (
      typeof cookie === 'string' &&
      typeof header === 'string' &&
      cookie.length > 0 &&
      cookie.length === header.length &&
      timingSafeEqual(Buffer.from(cookie), Buffer.from(header))
    ) {
      return true;
    }
    throw forbidden(
      'CSRF_TOKEN_INVALID',
      'This request lacks a valid security token (X-XSRF-TOKEN). Reload the page and try again.',
    );
  }
}
