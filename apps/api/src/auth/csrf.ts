import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
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

/** Every state-changing request (login included) must echo the cookie in X-XSRF-TOKEN. */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (SAFE_METHODS.has(request.method)) return true;
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
