import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role, SESSION_COOKIE } from '@olievlek/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { ApiException, forbidden } from '../common/api-exception';
import { CsrfTokens, sessionTokenOf } from './csrf';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';
import { SessionService } from './session.service';

/** The one global guard: every endpoint needs a live session unless marked @Public(). */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly csrf: CsrfTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const request = context.switchToHttp().getRequest<FastifyRequest>();

    const signed = request.cookies[SESSION_COOKIE];
    const sessionToken = sessionTokenOf(request);
    const lookup = sessionToken ? await this.sessions.lookup(sessionToken) : null;

    if (lookup && 'user' in lookup) {
      request.authUser = lookup.user;
    } else if (signed) {
      // A stale cookie: tell the browser to drop it, and hand out the token of no session.
      const reply = context.switchToHttp().getResponse<FastifyReply>();
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      this.csrf.issue(reply, null);
    }
    if (isPublic) return true;

    if (!request.authUser) {
      if (lookup && 'expired' in lookup) {
        throw new ApiException(
          HttpStatus.UNAUTHORIZED,
          'SESSION_EXPIRED',
          'Your session has expired. Please sign in again.',
        );
      }
      throw new ApiException(HttpStatus.UNAUTHORIZED, 'NOT_AUTHENTICATED', 'Please sign in first.');
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.some((role) => request.authUser?.roles.includes(role))) {
      // A refused attempt is a security event (BIO 12.4.1): who tried which endpoint, from where.
      await this.audit.record({
        actorId: request.authUser.id,
        action: 'access.denied',
        objectType: 'route',
        result: 'denied',
        origin: request.ip,
        detail: { method: request.method, route: request.routeOptions.url ?? request.url },
      });
      throw forbidden('FORBIDDEN_ROLE', `This needs one of these roles: ${roles.join(', ')}.`);
    }
    return true;
  }
}
