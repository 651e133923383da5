import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  MAIL_PAGES,
  type MailPreferencesDto,
  type MailRunDto,
  type UnsubscribeDto,
} from '@olievlek/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CsrfExempt } from '../auth/csrf';
import { CurrentUser, Origin, Public, Roles } from '../auth/decorators';
import { ApiException } from '../common/api-exception';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Inject } from '@nestjs/common';
import { MailRunBody, UnsubscribeQuery, UpdateMailPreferencesDto } from './dto/mail.dto';
import { MailJobsService } from './mail-jobs.service';
import { MailPreferencesService } from './mail-preferences.service';
import { MailSender } from './mail-sender.service';

@ApiTags('mail')
@Controller('mail')
export class MailController {
  constructor(
    private readonly preferences: MailPreferencesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('preferences')
  @ApiCookieAuth()
  get(@CurrentUser() user: AuthUser): Promise<MailPreferencesDto> {
    return this.preferences.get(user);
  }

  @Put('preferences')
  @ApiCookieAuth()
  update(
    @CurrentUser() user: AuthUser,
    @Body() body: UpdateMailPreferencesDto,
    @Origin() origin: string,
  ): Promise<MailPreferencesDto> {
    return this.preferences.update(user, body.kinds, origin);
  }

  /**
   * The List-Unsubscribe URL of a mail. A browser that opens it (a mail program without
   * one-click support) is sent to the confirm page; the client asks it what the link stands for.
   */
  @Get('unsubscribe')
  @Public()
  @ApiOkResponse({ description: 'The mail the token stands for and whether it is still on.' })
  async status(
    @Query() query: UnsubscribeQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UnsubscribeDto | void> {
    const accept = request.headers.accept ?? '';
    if (/text\/html/.test(accept) && !/application\/json/.test(accept)) {
      void reply.redirect(
        `${this.config.publicUrl}${MAIL_PAGES.unsubscribe}?token=${encodeURIComponent(query.token)}`,
        HttpStatus.SEE_OTHER,
      );
      return;
    }
    reply.header('cache-control', 'no-store');
    return this.preferences.status(query.token);
  }

  /** One-click unsubscribe (RFC 8058): no session and no CSRF token, the signed token suffices. */
  @Post('unsubscribe')
  @Public()
  @CsrfExempt()
  @HttpCode(200)
  unsubscribe(@Query() query: UnsubscribeQuery, @Origin() origin: string): Promise<UnsubscribeDto> {
    return this.preferences.unsubscribe(query.token, origin);
  }
}

/** Operations: send a mail job now (exactly-once still holds), e.g. after an SMTP outage. */
@ApiTags('mail')
@ApiCookieAuth()
@Roles('admin')
@Controller('admin/mail')
export class MailAdminController {
  constructor(
    private readonly jobs: MailJobsService,
    private readonly sender: MailSender,
  ) {}

  @Post('run')
  @HttpCode(200)
  run(
    @Body() body: MailRunBody,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<MailRunDto> {
    if (!this.sender.enabled) {
      throw new ApiException(
        HttpStatus.CONFLICT,
        'MAIL_OFF',
        'Mail is off on this server: set SMTP_URL and restart to send mail.',
      );
    }
    return this.jobs.run(body.kind, user.id, origin);
  }
}
