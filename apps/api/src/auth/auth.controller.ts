import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthMethodsResponse, MeResponse, SESSION_COOKIE } from '@olievlek/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { CsrfTokens } from './csrf';
import { CurrentUser, Origin, Public } from './decorators';
import { LoginDto, UpdatePreferencesDto } from './dto/login.dto';

/**
 * The session cookie, set the same way after a password and an SSO sign-in, with the CSRF token
 * of the new session.
 */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  config: AppConfig,
  csrf: CsrfTokens,
): void {
  csrf.issue(reply, token);
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    signed: true,
    maxAge: config.sessionAbsoluteHours * 3600,
  });
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly csrf: CsrfTokens,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Signed in; sets the session cookie and returns the user.' })
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    const { token, me } = await this.auth.login(body.email, body.password, request.ip);
    // A new id at every sign-in, and the session this browser held ends on the server too.
    if (request.authUser) await this.auth.logout(request.authUser, request.ip);
    setSessionCookie(reply, token, this.config, this.csrf);
    return me;
  }

  /** Which ways of signing in the sign-in page offers. */
  @Public()
  @Get('methods')
  @ApiOkResponse({ description: 'Whether password sign-in and single sign-on are available.' })
  methods(): AuthMethodsResponse {
    return {
      password: this.config.localPasswords,
      sso: this.config.oidc !== null,
      ssoLabel: this.config.oidc?.buttonLabel ?? null,
    };
  }

  /** Public so that a stale or missing session still ends with a cleared cookie. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(request.authUser, request.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    this.csrf.issue(reply, null);
  }

  @Get('me')
  @ApiCookieAuth()
  me(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    return this.auth.me(user);
  }

  @Patch('me')
  @ApiCookieAuth()
  updatePreferences(
    @CurrentUser() user: AuthUser,
    @Body() body: UpdatePreferencesDto,
    @Origin() origin: string,
  ): Promise<MeResponse> {
    return this.auth.updateLocale(user, body.locale, origin);
  }
}
