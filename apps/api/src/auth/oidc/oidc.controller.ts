import { Controller, Get, Inject, Logger, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNotFoundResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RETURN_PARAM, safeReturnPath } from '@olievlek/shared';
import type { OidcConfig } from '../../config/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditService } from '../../audit/audit.service';
import { notFound } from '../../common/api-exception';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { setSessionCookie } from '../auth.controller';
import { CsrfTokens } from '../csrf';
import { AuthService } from '../auth.service';
import { Public } from '../decorators';
import { OidcAccountsService } from './oidc-accounts.service';
import {
  OIDC_COOKIE_PATH,
  OIDC_TRANSACTION_COOKIE,
  OIDC_TRANSACTION_SECONDS,
} from './oidc-transaction';
import { OidcService, ssoFailureOf } from './oidc.service';

/** Where a failed SSO sign-in lands: the sign-in page, which explains the reason. */
const SIGN_IN_PAGE = '/inloggen';

/**
 * Single sign-on. Both endpoints are full-page navigations of the browser and answer with a
 * redirect, never JSON (except 404 when SSO is off): to the provider, to the app, or back to the
 * sign-in page with `?sso=<reason>`.
 */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  private readonly logger = new Logger('Sso');

  constructor(
    private readonly oidc: OidcService,
    private readonly accounts: OidcAccountsService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly csrf: CsrfTokens,
  ) {}

  private settings(): OidcConfig {
    if (!this.config.oidc) {
      throw notFound(
        'SSO_NOT_CONFIGURED',
        'Single sign-on is not switched on here: sign in with your e-mail address and password.',
      );
    }
    return this.config.oidc;
  }

  @Public()
  @Get('start')
  @ApiQuery({
    name: RETURN_PARAM,
    required: false,
    type: String,
    description:
      'A relative path of the app to land on after signing in; anything else is ignored.',
  })
  @ApiFoundResponse({ description: 'Redirects to the SSO provider (or back to the sign-in page).' })
  @ApiNotFoundResponse({ description: 'SSO is not switched on (SSO_NOT_CONFIGURED).' })
  async start(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const settings = this.settings();
    try {
      const query = request.query as Record<string, unknown>;
      const { url, sealed } = await this.oidc.begin(settings, safeReturnPath(query[RETURN_PARAM]));
      reply.setCookie(OIDC_TRANSACTION_COOKIE, sealed, {
        path: OIDC_COOKIE_PATH,
        httpOnly: true,
        // Lax: the cookie comes along on the provider's top-level redirect back to the callback.
        sameSite: 'lax',
        secure: this.config.secureCookies,
        maxAge: OIDC_TRANSACTION_SECONDS,
      });
      this.redirect(reply, url);
    } catch (error) {
      await this.fail(request, reply, error);
    }
  }

  /**
   * The provider sends the browser here. The query is read from the raw URL rather than a DTO:
   * providers add parameters of their own (`session_state`, `iss`, ...) and openid-client checks
   * what matters (state, code, iss) against this browser's transaction.
   */
  @Public()
  @Get('callback')
  @ApiQuery({ name: 'code', required: false, type: String })
  @ApiQuery({ name: 'state', required: false, type: String })
  @ApiQuery({ name: 'error', required: false, type: String })
  @ApiFoundResponse({ description: 'Signed in: to the app; otherwise to the sign-in page.' })
  @ApiNotFoundResponse({ description: 'SSO is not switched on (SSO_NOT_CONFIGURED).' })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const settings = this.settings();
    // One attempt per transaction: whatever happens now, the cookie is spent.
    reply.clearCookie(OIDC_TRANSACTION_COOKIE, { path: OIDC_COOKIE_PATH });
    try {
      const identity = await this.oidc.complete(
        settings,
        request.raw,
        request.cookies[OIDC_TRANSACTION_COOKIE],
      );
      const { roles, profile, groups } = this.oidc.interpret(settings, identity);
      const user = await this.accounts.resolve({
        issuer: identity.issuer,
        subject: identity.subject,
        roles,
        profile,
        origin: request.ip,
      });
      const { token } = await this.auth.openSession(user.id, request.ip, {
        method: 'sso',
        groups: groups.length,
      });
      // A new session id at every sign-in; the one this browser held ends on the server too.
      if (request.authUser) await this.auth.logout(request.authUser, request.ip);
      setSessionCookie(reply, token, this.config, this.csrf);
      this.redirect(reply, identity.returnTo);
    } catch (error) {
      await this.fail(request, reply, error);
    }
  }

  private redirect(reply: FastifyReply, location: string): void {
    reply.header('cache-control', 'no-store').code(302).header('location', location).send();
  }

  private async fail(request: FastifyRequest, reply: FastifyReply, error: unknown): Promise<void> {
    const failure = ssoFailureOf(error);
    if (failure.reason === 'failed' || failure.reason === 'unreachable') {
      this.logger.warn(`SSO sign-in failed (${failure.reason}): ${failure.message}`);
    }
    await this.audit.record({
      actorId: failure.userId,
      action: 'auth.login',
      objectType: failure.userId ? 'user' : undefined,
      objectId: failure.userId,
      result: ['no-role', 'inactive', 'conflict'].includes(failure.reason) ? 'denied' : 'failure',
      origin: request.ip,
      detail: { method: 'sso', reason: failure.reason, ...failure.detail },
    });
    this.redirect(reply, `${SIGN_IN_PAGE}?sso=${failure.reason}`);
  }
}
